"""The search box's kept connection (`facilitator.store.quick_read.KeptReader`): each
read is one snapshot, yet a read sees what was written before it, between reads no
transaction holds back a checkpoint, threads take turns, and after an error or `close`
nothing stays open."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

import pytest

from facilitator.errors import DatabaseUnavailableError
from facilitator.store.database import Database
from facilitator.store.quick_read import KeptReader
from facilitator.store.tables import Team
from tests.conftest import FROZEN_NOW

TEAMS = "SELECT name FROM team ORDER BY id"


def add_team(db: Database, name: str) -> None:
    with db.write(now=FROZEN_NOW) as session:
        session.add(Team(name=name))


def names(kept: KeptReader) -> list[str]:
    with kept.reading() as read:
        return [str(row[0]) for row in read.rows(TEAMS)]


def test_a_read_sees_what_was_written_since_the_last(db: Database) -> None:
    add_team(db, "One")
    kept = KeptReader(db.target)
    try:
        assert names(kept) == ["One"]
        add_team(db, "Two")  # by another connection, after the first read
        assert names(kept) == ["One", "Two"]
    finally:
        kept.close()


@pytest.mark.sqlite_only  # the connection kept and SQLite's WAL checkpoint
def test_between_reads_no_transaction_holds_back_a_checkpoint(db: Database) -> None:
    add_team(db, "One")
    kept = KeptReader(db.target)
    assert db.target.path is not None
    with closing(sqlite3.connect(db.target.path, timeout=0, isolation_level=None)) as other:
        try:
            with kept.reading() as read:
                read.rows(TEAMS)  # the snapshot starts with the first statement
                other.execute(
                    "INSERT INTO team (name, purpose, created_at, updated_at)"
                    " VALUES ('Two', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
                )
                busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                assert busy == 1  # a read under way holds the log back
            connection = kept._sqlite
            assert connection is not None and not connection.in_transaction
            busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0
            assert names(kept) == ["One", "Two"]
            assert kept._sqlite is connection  # the same connection, read after read
        finally:
            kept.close()


def test_threads_take_turns_on_the_one_connection(db: Database) -> None:
    add_team(db, "One")
    kept = KeptReader(db.target)
    answers: list[list[str]] = []
    failures: list[BaseException] = []

    def read_often() -> None:
        try:
            answers.extend(names(kept) for _ in range(25))
        except BaseException as error:  # handed to the test's thread
            failures.append(error)

    threads = [threading.Thread(target=read_often) for _ in range(6)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        kept.close()
    assert failures == []
    assert answers == [["One"]] * 150


@pytest.mark.sqlite_only  # the SQLite connection dropped after an error
def test_after_an_error_the_next_read_opens_another_connection(db: Database) -> None:
    add_team(db, "One")
    kept = KeptReader(db.target)
    try:
        assert names(kept) == ["One"]
        with pytest.raises(DatabaseUnavailableError), kept.reading() as read:
            read.rows("SELECT * FROM no_such_table")
        assert kept._sqlite is None
        assert names(kept) == ["One"]
    finally:
        kept.close()


def test_a_read_after_close_leaves_nothing_open(db: Database) -> None:
    add_team(db, "One")
    kept = KeptReader(db.target)
    assert names(kept) == ["One"]
    kept.close()

    assert names(kept) == ["One"]  # a late worker's read, on a connection of its own
    assert kept._sqlite is None and kept._engine is None
