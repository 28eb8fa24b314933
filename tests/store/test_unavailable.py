"""A database another process holds locked is a sentence, never a crash."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from facilitator.errors import DatabaseUnavailableError
from facilitator.services.home import load_home
from facilitator.store import engine, quick_read
from facilitator.store.database import Database
from facilitator.store.tables import Team
from tests.conftest import FROZEN_NOW, TZ
from tests.store.sqlite_helpers import file_of


@pytest.fixture
def locked(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """`db` while another connection holds an exclusive lock on its file.

    The busy timeout is cut to a few milliseconds so the test does not wait five seconds
    for the lock it will never get.
    """
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(quick_read, "BUSY_TIMEOUT_MS", 20)
    other = sqlite3.connect(file_of(db.target), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute(
        "INSERT INTO team (name, purpose, created_at, updated_at) "
        "VALUES ('Holder', '', '2026-11-23 14:00:00', '2026-11-23 14:00:00')"
    )
    yield Database(db.target)
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.sqlite_only  # SQLite's file lock
def test_a_write_to_a_locked_database_is_a_sentence(locked: Database) -> None:
    with pytest.raises(DatabaseUnavailableError) as raised, locked.write(now=FROZEN_NOW) as s:
        s.add(Team(name="Never saved"))
    sentence = raised.value.sentence
    assert sentence.startswith(f"Could not save to {locked.target.display} (database is locked)")
    assert "Never saved" not in sentence
    locked.dispose()


@pytest.mark.sqlite_only  # SQLite's file lock
def test_reading_the_home_screen_of_a_locked_database_is_a_sentence(locked: Database) -> None:
    with pytest.raises(DatabaseUnavailableError, match="database is locked"):
        load_home(locked.target, team_id=None, now=FROZEN_NOW, tz=TZ)
