"""`facilitator db check`: report on the database without changing it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.errors import DatabaseLocationError, NotADatabaseError
from facilitator.services.diagnostics import check_database
from facilitator.store.revisions import head_revision
from facilitator.store.target import DatabaseTarget, sqlite_target


@pytest.mark.sqlite_only  # the file's integrity check; PostgreSQL's report is tested below
def test_sound_database(target: DatabaseTarget) -> None:
    report = check_database(target)

    assert report.location == target.display
    assert report.revision == head_revision()
    assert report.revision_note == "current"
    assert report.integrity == "ok"
    assert report.sqlite_version == sqlite3.sqlite_version
    assert report.healthy


def test_missing_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "facilitator.db"

    with pytest.raises(DatabaseLocationError) as raised:
        check_database(sqlite_target(path))

    assert str(path) in raised.value.sentence
    assert not path.parent.exists()


@pytest.mark.sqlite_only  # writes the file's revision with sqlite3
def test_newer_database_is_not_healthy(target: DatabaseTarget) -> None:
    assert target.path is not None
    with closing(sqlite3.connect(target.path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()

    report = check_database(target)

    assert report.revision == "9999"
    assert report.revision_note == "newer than this facilitator"
    assert not report.healthy


def test_empty_file_is_set_up_by_the_app(tmp_path: Path) -> None:
    """An empty file is reported, but not healthy: only the app sets it up, and the
    commands that read refuse it (issue 15, defect 3)."""
    path = tmp_path / "facilitator.db"
    path.touch()

    report = check_database(sqlite_target(path))

    assert report.revision is None
    assert report.revision_note.startswith("empty database")
    assert not report.healthy
    assert path.stat().st_size == 0
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == [path]


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "facilitator.db"
    path.write_text("hello", encoding="utf-8")

    with pytest.raises(NotADatabaseError):
        check_database(sqlite_target(path))

    assert path.read_text(encoding="utf-8") == "hello"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_server_reports_its_version_and_no_password(target: DatabaseTarget) -> None:
    report = check_database(target)

    assert report.revision == head_revision() and report.revision_note == "current"
    assert report.server is not None and report.server.startswith("PostgreSQL ")
    assert report.server.split()[1][0].isdigit()
    assert report.healthy
