"""Regression (issue 15, defect 3): a mistyped --db silently created a database.

`--db /nonexistent/dir/x.db list` made the folders and an empty database and said "No
meetings yet". Now only the default location is made with its folders; the app, `demo`
and a JSON `import` make a new file only in a folder that exists; the commands that read
(`list`, `export`, `evaluation`, `trends`, `db check`, `run`, an agenda `import`) make
nothing and say there is no database. A file refused as not a database, damaged, or too new is left
exactly as found, with no -wal, -shm or -journal file beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.pack.loader import Pack
from facilitator.render.minutes_json import minutes_json
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.cli.inprocess import Result, assert_one_sentence, cli, listing
from tests.cli.terminal import REPO, facilitator
from tests.conftest import FROZEN_NOW

pytestmark = pytest.mark.sqlite_only  # where a SQLite file may be made, and what is left beside it

AGENDA = """\
# January planning
Team: Riverside Elementary Leadership Team
Date: 2026-12-14
Time: 15:30

## Agenda
- 10 min Welcome
"""

READERS: list[tuple[str, ...]] = [
    ("list",),
    ("list", "--json"),
    ("decisions",),
    ("decisions", "--team", "Riverside Elementary Leadership Team", "--json"),
    ("export", "1"),
    ("export", "1", "--format", "json"),
    ("evaluation", "1"),
    ("evaluation", "1", "--format", "csv"),
    ("trends", "--team", "Riverside Elementary Leadership Team"),
    ("trends", "--team", "Riverside Elementary Leadership Team", "--json"),
    ("db", "check"),
    ("run", "1"),
    ("import", "{agenda}"),
]
"""Commands that never make a database (an agenda needs its team in one already)."""
CREATORS: list[tuple[str, ...]] = [("demo", "--no-open"), ("import", "{minutes}")]
"""Commands that may make a new database file in a folder that exists."""


@pytest.fixture
def inputs(tmp_path: Path, demo_db: Database, pack: Pack) -> dict[str, str]:
    """An agenda and JSON minutes to import, in a folder of their own."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    agenda = folder / "agenda.md"
    agenda.write_text(AGENDA, encoding="utf-8")
    minutes = folder / "minutes.json"
    november = meeting_minutes(demo_db, meeting_id=1, pack=pack)
    minutes.write_text(minutes_json(november, exported_at=FROZEN_NOW), encoding="utf-8")
    return {"agenda": str(agenda), "minutes": str(minutes)}


@pytest.fixture
def demo_file(demo_db: Database) -> Path:
    """A database holding the demo (meeting 1 is closed), with no connection open."""
    demo_db.dispose()
    assert demo_db.target.path is not None
    return demo_db.target.path


def command(words: tuple[str, ...], inputs: dict[str, str]) -> list[str]:
    return [word.format(**inputs) for word in words]


@pytest.mark.parametrize("words", READERS + CREATORS)
def test_a_path_in_a_folder_that_does_not_exist_is_an_error(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    inputs: dict[str, str],
    words: tuple[str, ...],
) -> None:
    """Every command: one sentence naming the path, a non-zero exit, nothing made."""
    path = tmp_path / "nonexistent" / "dir" / "x.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(path), *command(words, inputs))

    assert_one_sentence(result, str(path))
    assert listing(tmp_path) == before


@pytest.mark.slow
def test_the_app_on_a_path_in_a_missing_folder_is_an_error(
    env: dict[str, str], tmp_path: Path
) -> None:
    """`facilitator --db PATH` (the app) refuses before it starts, making nothing."""
    path = tmp_path / "nonexistent" / "x.db"
    before = listing(tmp_path)

    result = subprocess.run(
        facilitator("--db", str(path)),
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"facilitator: Cannot create a database at {path}: {path.parent} does not exist; "
        "check the path, or make the folder first."
    ]
    assert listing(tmp_path) == before


@pytest.mark.parametrize("words", READERS)
def test_a_command_that_reads_says_there_is_no_database(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    inputs: dict[str, str],
    words: tuple[str, ...],
) -> None:
    path = tmp_path / "missing.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(path), *command(words, inputs))

    assert_one_sentence(result, f"No database at {path}; check the path")
    assert listing(tmp_path) == before


@pytest.mark.parametrize("words", READERS)
def test_a_command_that_reads_leaves_an_empty_file_alone(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    inputs: dict[str, str],
    words: tuple[str, ...],
) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(path), *command(words, inputs))

    if words == ("db", "check"):  # the report says so, and the exit says it is unusable
        assert result.code == 1
        assert "empty database" in result.out
    else:
        assert_one_sentence(result, f"{path} is empty, not a database yet")
    assert listing(tmp_path) == before


@pytest.mark.parametrize("words", CREATORS)
def test_a_command_that_creates_makes_a_new_file_in_a_folder_that_exists(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    inputs: dict[str, str],
    words: tuple[str, ...],
) -> None:
    path = tmp_path / "new.db"

    result = cli(capsys, "--db", str(path), *command(words, inputs))

    assert result.code == 0, result.err
    assert cli(capsys, "--db", str(path), "list").out.count("\n") >= 2  # a header and a row


def test_a_list_of_the_default_location_makes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    result = cli(capsys, "list")

    default = isolated_dirs / "data" / "facilitator" / "facilitator.db"
    assert_one_sentence(result, f"No database at {default} yet; run `facilitator`")
    assert not (isolated_dirs / "data").exists()


def test_demo_makes_the_default_location_with_its_folders(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    result = cli(capsys, "demo", "--no-open")

    default = isolated_dirs / "data" / "facilitator" / "facilitator.db"
    assert result.code == 0, result.err
    assert result.out == f"Added the demo teams to {default}.\n"


# Files a command must refuse, each made beside nothing else in an empty folder.


def not_a_database(path: Path, demo: Path) -> None:
    path.write_text("minutes of the meeting\n" * 20, encoding="utf-8")


def another_programs_database(path: Path, demo: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipe (name) VALUES ('bread')")
        connection.commit()


def newer_database(path: Path, demo: Path) -> None:
    shutil.copyfile(demo, path)  # in WAL mode, as every facilitator database is
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()


def truncated_database(path: Path, demo: Path) -> None:
    data = demo.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garbage_after_the_header(path: Path, demo: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)


def damaged_header(path: Path, demo: Path) -> None:
    data = bytearray(demo.read_bytes())
    data[16:18] = b"\x00\x03"  # a page size that cannot be
    path.write_bytes(bytes(data))


REFUSED: dict[str, Callable[[Path, Path], None]] = {
    "not a database": not_a_database,
    "another program's database": another_programs_database,
    "newer": newer_database,
    "truncated": truncated_database,
    "garbage after the header": garbage_after_the_header,
    "damaged header": damaged_header,
}


@pytest.mark.parametrize("words", READERS + CREATORS)
@pytest.mark.parametrize("kind", REFUSED)
def test_a_refused_file_is_left_exactly_as_found(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_file: Path,
    inputs: dict[str, str],
    kind: str,
    words: tuple[str, ...],
) -> None:
    """Bytes unchanged and nothing beside it: reading a WAL database read-only used to
    leave empty -wal and -shm files next to a file facilitator said it left alone."""
    folder = tmp_path / "refused"
    folder.mkdir()
    path = folder / "x.db"
    REFUSED[kind](path, demo_file)
    before = listing(folder)

    result = cli(capsys, "--db", str(path), *command(words, inputs))

    if words == ("db", "check") and kind == "newer":
        assert result.code == 1
        assert "9999 (newer than this facilitator)" in result.out
    else:
        assert_one_sentence(result, str(path))
    assert listing(folder) == before


def test_db_check_on_a_sound_database_leaves_nothing_beside_it(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    before = listing(demo_file.parent)

    result = cli(capsys, "--db", str(demo_file), "db", "check")

    assert result.code == 0, result.err
    assert listing(demo_file.parent) == before


needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads and writes whatever the permissions say"
)


@needs_permissions
@pytest.mark.parametrize("words", READERS + CREATORS)
@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_file_or_folder_is_one_sentence_and_left_alone(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_file: Path,
    inputs: dict[str, str],
    locked: str,
    words: tuple[str, ...],
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "x.db"
    shutil.copyfile(demo_file, path)
    path.chmod(0o400 if locked == "file" else 0o600)
    folder.chmod(0o500 if locked == "folder" else 0o700)
    try:
        before = listing(folder)
        result: Result = cli(capsys, "--db", str(path), *command(words, inputs))
        after = listing(folder)
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)

    assert_one_sentence(result, str(path), "permissions")
    assert after == before
