"""The `facilitator` command: output of each subcommand, and one sentence for bad input."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from facilitator.store.revisions import head_revision
from tests.cli.terminal import REPO, facilitator

pytestmark = pytest.mark.slow  # runs the program in another process


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        facilitator(*args),
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_sentence(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """A failure that is one line on stderr, non-zero, without a traceback."""
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(env: dict[str, str]) -> None:
    result = run(env, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "facilitator 0.1.0"


def test_help_lists_the_subcommands(env: dict[str, str]) -> None:
    result = run(env, "--help")
    assert result.returncode == 0
    for command in ("demo", "list", "db", "--db PATH_OR_URL"):
        assert command in result.stdout


def test_demo_list_and_db_check_on_the_default_database(
    env: dict[str, str], isolated_dirs: Path
) -> None:
    added = run(env, "demo", "--no-open")
    assert added.returncode == 0, added.stderr
    default = isolated_dirs / "data" / "facilitator" / "facilitator.db"
    assert added.stdout.strip() == f"Added the demo teams to {default}."
    assert default.stat().st_mode & 0o777 == 0o600
    assert default.parent.stat().st_mode & 0o777 == 0o700
    again = run(env, "demo", "--no-open")
    assert again.stdout.strip() == f"The demo teams are already in {default}."

    listed = run(env, "list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["ID", "DATE", "TIME", "STATUS", "TEAM", "TITLE"]
    assert len(lines) == 6  # the header, then the demo's five meetings
    assert "December leadership team meeting" in listed.stdout

    as_json = json.loads(run(env, "list", "--json").stdout)
    assert [row["status"] for row in as_json] == ["closed"] * 3 + ["planned"] * 2
    assert {"id", "team", "title", "scheduled_start", "status"} <= set(as_json[0])
    assert as_json[0]["scheduled_start"].endswith("+00:00")

    check = run(env, "db", "check")
    assert check.returncode == 0
    assert check.stdout.splitlines() == [
        f"Database:        {default}",
        f"Schema revision: {head_revision()} (current)",
        f"SQLite library:  {sqlite3.sqlite_version}",
        "Integrity check: ok",
    ]


def test_db_option_after_the_subcommand_and_from_the_environment(
    env: dict[str, str], tmp_path: Path
) -> None:
    first = tmp_path / "one.db"
    assert run(env, "demo", "--no-open", "--db", str(first)).returncode == 0
    assert "December" in run(env, "--db", str(first), "list").stdout
    env["FACILITATOR_DB"] = str(first)
    assert "December" in run(env, "list").stdout
    other = tmp_path / "two.db"
    assert run(env, "--db", str(other), "demo", "--no-open").returncode == 0
    with sqlite3.connect(other) as connection:
        connection.execute("DELETE FROM meeting")  # a database of its own, without meetings
    connection.close()
    assert run(env, "--db", str(other), "list").stdout.startswith("No meetings yet.")


def test_list_prints_user_text_literally(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert run(env, "--db", str(db), "demo", "--no-open").returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meeting SET title = '[bold]x[/] =cmd()' WHERE id = 2")
    listed = run(env, "--db", str(db), "list")
    assert "[bold]x[/] =cmd()" in listed.stdout
    as_json = json.loads(run(env, "--db", str(db), "list", "--json").stdout)
    assert next(row for row in as_json if row["id"] == 2)["title"] == "[bold]x[/] =cmd()"


@pytest.mark.parametrize("command", [(), ("list",), ("db", "check"), ("demo", "--no-open")])
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    env: dict[str, str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the meeting\n" * 20)
    before = digest(notes)
    result = run(env, "--db", str(notes), *command)
    assert_one_sentence(result, str(notes), "is not a SQLite database")
    assert digest(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["notes.txt"]


@pytest.mark.parametrize("command", [(), ("list",), ("db", "check"), ("demo", "--no-open")])
def test_a_database_from_a_newer_version_is_refused_and_left_alone(
    env: dict[str, str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
        connection.execute("CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT)")
    connection.close()
    before = digest(newer)
    result = run(env, "--db", str(newer), *command)
    if command == ("db", "check"):
        assert result.returncode == 1
        assert "9999 (newer than this facilitator)" in result.stdout
    else:
        assert_one_sentence(result, "newer version of facilitator", "upgrade facilitator")
    assert digest(newer) == before


@pytest.mark.parametrize("command", [(), ("demo", "--no-open")])
def test_an_unwritable_data_directory_is_one_sentence(
    env: dict[str, str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a directory should be")
    env["XDG_DATA_HOME"] = str(blocker / "data")
    result = run(env, *command)
    assert_one_sentence(result, "Cannot create the database at", str(blocker))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("://nowhere", "is not a valid database URL"),
        ("postgresql+psycopg://sam:s3cret@:notaport/db", "is not a valid database URL"),
        ("mysql://sam:s3cret@localhost/db", "works with SQLite files and PostgreSQL"),
        ("sqlite://", "in-memory SQLite database"),
        ("   ", "is empty"),
    ],
)
def test_a_malformed_db_value_is_one_sentence_without_the_password(
    env: dict[str, str], value: str, fragment: str
) -> None:
    result = run(env, "--db", value, "list")
    assert_one_sentence(result, fragment)
    assert result.returncode == 2
    assert "s3cret" not in result.stderr


def test_an_unreachable_postgresql_server_is_one_sentence_without_the_password(
    env: dict[str, str],
) -> None:
    result = run(env, "--db", "postgresql+psycopg://sam:s3cret@127.0.0.1:1/school", "list")
    assert_one_sentence(result, "postgresql+psycopg://sam:***@127.0.0.1:1/school")
    assert "s3cret" not in result.stderr


def test_db_check_on_a_missing_file(env: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert_one_sentence(run(env, "--db", str(missing), "db", "check"), "No database at")
    assert not missing.exists()


def test_an_unknown_command_is_one_sentence(env: dict[str, str]) -> None:
    result = run(env, "plan")
    assert_one_sentence(result, "invalid choice", "--help")
    assert result.returncode == 2


@pytest.mark.parametrize("args", [("run", "2"), ()], ids=["run", "app"])
def test_the_app_without_a_terminal_says_so_and_stops(
    env: dict[str, str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Regression, found running `facilitator demo` from a script: with no terminal the
    app ran on unseen at most of a core until killed. Now it says why and exits 1."""
    path = tmp_path / "x.db"
    assert run(env, "--db", str(path), "demo", "--no-open").returncode == 0
    result = run(env, "--db", str(path), *args)
    assert_one_sentence(result, "needs a terminal", "demo --no-open")


def test_the_demo_without_a_terminal_adds_nothing(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    result = run(env, "--db", str(path), "demo")
    assert_one_sentence(result, "needs a terminal", "demo --no-open")
    assert "No meetings" in run(env, "--db", str(path), "list").stdout
