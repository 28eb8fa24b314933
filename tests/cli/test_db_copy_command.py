"""`facilitator --db A db copy --to B`: a laptop's file moves to a PostgreSQL server and
back with every meeting; a refusal is one sentence, never a traceback or a password."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.store.copy import app_tables
from facilitator.store.target import DatabaseTarget
from tests.cli.inprocess import assert_one_sentence, cli, listing


@pytest.fixture
def laptop(demo_seed: Path, tmp_path: Path) -> str:
    """A SQLite file holding the demo teams."""
    path = tmp_path / "laptop.db"
    shutil.copyfile(demo_seed, path)
    return str(path)


@pytest.fixture
def summary(demo_seed: Path) -> str:
    """The start of the summary a copy of the demo prints: its tables and rows."""
    tables = app_tables()
    with closing(sqlite3.connect(demo_seed)) as connection:
        rows = sum(
            connection.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
            for table in tables
        )
    return f"Copied {len(tables)} tables, {rows:,} rows to "


def test_to_a_server_and_back_to_a_new_file_keeps_every_meeting(
    capsys: pytest.CaptureFixture[str],
    laptop: str,
    postgres: DatabaseTarget,
    tmp_path: Path,
    summary: str,
) -> None:
    up = cli(capsys, "--db", laptop, "db", "copy", "--to", postgres.url)
    assert up.code == 0, up.err
    assert up.out == f"{summary}{postgres.display}; every table's count matches.\n"
    back = tmp_path / "back.db"
    down = cli(capsys, "db", "copy", "--db", postgres.url, "--to", str(back))
    assert down.code == 0, down.err
    assert down.out == f"{summary}{back}; every table's count matches.\n"
    meetings = cli(capsys, "--db", laptop, "list", "--json")
    assert meetings.out.count('"id"') == 5
    assert cli(capsys, "--db", postgres.url, "list", "--json").out == meetings.out
    assert cli(capsys, "--db", str(back), "list", "--json").out == meetings.out


def test_the_database_from_the_environment_is_the_source(
    capsys: pytest.CaptureFixture[str],
    laptop: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    summary: str,
) -> None:
    monkeypatch.setenv("FACILITATOR_DB", laptop)
    copied = cli(capsys, "db", "copy", "--to", str(tmp_path / "copy.db"))
    assert copied.code == 0, copied.err
    assert copied.out.startswith(summary)


def test_a_destination_holding_meetings_is_refused_and_left_as_it_was(
    capsys: pytest.CaptureFixture[str], laptop: str, demo_seed: Path, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs.db"
    shutil.copyfile(demo_seed, theirs)
    before = listing(tmp_path)
    refused = cli(capsys, "--db", laptop, "db", "copy", "--to", str(theirs))
    assert_one_sentence(refused, f"{theirs} already holds data")
    assert listing(tmp_path) == before


def test_copying_onto_itself_is_refused(capsys: pytest.CaptureFixture[str], laptop: str) -> None:
    refused = cli(capsys, "--db", laptop, "db", "copy", "--to", f"sqlite:///{laptop}")
    assert_one_sentence(refused, "is the database being copied")


def test_an_unreachable_server_never_shows_the_password(
    capsys: pytest.CaptureFixture[str], laptop: str
) -> None:
    refused = cli(
        capsys,
        "--db",
        laptop,
        "db",
        "copy",
        "--to",
        "postgresql+psycopg://fac:hunter2@127.0.0.1:1/x",
    )
    assert_one_sentence(refused, "Cannot reach the database at postgresql+psycopg://fac:***@")
    assert "hunter2" not in refused.err


def test_a_missing_driver_is_named(
    capsys: pytest.CaptureFixture[str], laptop: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now fails
    refused = cli(capsys, "--db", laptop, "db", "copy", "--to", "postgresql+psycopg://fac@/x")
    assert_one_sentence(refused, "The database driver 'psycopg' is not installed")


def test_the_destination_is_required(capsys: pytest.CaptureFixture[str], laptop: str) -> None:
    refused = cli(capsys, "--db", laptop, "db", "copy")
    assert refused.code == 2
    assert "--to" in refused.err
