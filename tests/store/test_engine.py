"""Connection settings two processes need to share one SQLite file, and why they matter."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, func, select

from facilitator.domain.team_draft import TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.meetings import list_meetings
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import Member, Team, row_id
from facilitator.store.target import DatabaseTarget
from tests.conftest import FROZEN_NOW
from tests.store.sqlite_helpers import file_of

WAIT = 30.0
"""Seconds before a test gives up on a step that should happen at once (a hang guard)."""

pytestmark = pytest.mark.sqlite_only  # the settings of a SQLite file


def record_statements(engine: Engine) -> list[str]:
    """Every statement SQLAlchemy sends through `engine` from now on."""
    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    return statements


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(db: Database) -> None:
    with db.engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()

    assert (journal, foreign_keys, timeout) == ("wal", 1, 5000)


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.write(now=FROZEN_NOW) as session:
        session.add(Member(team_id=4242, name="Nobody's member"))

    with db.read() as session:
        assert session.exec(select(func.count()).select_from(Member)).one() == 0


def test_write_begins_immediate_and_read_begins_deferred(db: Database) -> None:
    statements = record_statements(db.engine)

    with db.write(now=FROZEN_NOW) as session:
        session.add(Team(name="Alpha"))
    written = list(statements)
    statements.clear()
    with db.read() as session:
        session.exec(select(Team)).all()

    assert written[0] == "BEGIN IMMEDIATE"
    assert [s for s in written if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
    assert statements[0] == "BEGIN DEFERRED"
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN DEFERRED"]


def test_sqlite_sees_only_our_begin_and_a_commit(db: Database) -> None:
    """The driver adds no BEGIN of its own, and the unit of work really commits."""
    traced: list[str] = []

    @event.listens_for(db.engine, "connect")
    def _trace(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(traced.append)

    with db.write(now=FROZEN_NOW) as session:
        traced.clear()
        session.add(Team(name="Alpha"))

    assert traced[0] == "BEGIN IMMEDIATE"
    assert traced[-1] == "COMMIT"
    assert [s for s in traced if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE"]


def test_services_write_immediate_and_read_deferred(db: Database, pack: Pack) -> None:
    statements = record_statements(db.engine)

    create_team(db, draft=TeamDraft(name="Alpha"), pack=pack, now=FROZEN_NOW)
    written = list(statements)
    statements.clear()
    list_meetings(db)

    assert written[0] == "BEGIN IMMEDIATE"
    assert statements[0] == "BEGIN DEFERRED"


def test_failed_unit_of_work_saves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write(now=FROZEN_NOW) as session:
        session.add(Team(name="Half made"))
        session.flush()
        raise RuntimeError("the user's action failed half-way")

    with db.read() as session:
        assert session.exec(select(Team)).all() == []


def test_rows_read_stay_usable_after_the_block(db: Database) -> None:
    with db.write(now=FROZEN_NOW) as session:
        session.add(Team(name="Alpha", purpose="Read me later"))
    with db.read() as session:
        team = session.exec(select(Team)).one()

    assert (team.name, team.purpose, team.created_at) == ("Alpha", "Read me later", FROZEN_NOW)


# Two `Database` objects on one file stand for two processes (a projector window and the
# recorder's). Each test adds one to a counter kept in a team's purpose.


@pytest.fixture
def two_processes(target: DatabaseTarget) -> Iterator[tuple[Database, Database, int]]:
    first, second = Database(target), Database(target)
    with first.write(now=FROZEN_NOW) as session:
        team = Team(name="Counter", purpose="0")
        session.add(team)
        session.flush()
        team_id = row_id(team)
    yield first, second, team_id
    first.dispose()
    second.dispose()


def increment(database: Database, team_id: int) -> None:
    with database.write(now=FROZEN_NOW) as session:
        team = session.get(Team, team_id)
        assert team is not None
        team.purpose = str(int(team.purpose) + 1)


def counter(database: Database, team_id: int) -> int:
    with database.read() as session:
        team = session.get(Team, team_id)
        assert team is not None
        return int(team.purpose)


def test_deferred_read_then_write_fails_when_another_wrote_in_between(
    two_processes: tuple[Database, Database, int],
) -> None:
    """Why writes begin IMMEDIATE: a deferred transaction cannot wait its way out."""
    first, second, team_id = two_processes

    with Session(first.engine) as session:  # BEGIN DEFERRED, as a naive unit of work would
        team = session.get(Team, team_id)
        assert team is not None
        seen = int(team.purpose)
        increment(second, team_id)  # the other process commits in between
        team.purpose = str(seen + 1)
        with pytest.raises(OperationalError, match="database is locked"):
            session.flush()

    assert counter(second, team_id) == 1


def test_write_holds_the_lock_from_its_first_read(
    two_processes: tuple[Database, Database, int],
) -> None:
    """Nobody can commit between a unit of work's read and its write."""
    first, _, team_id = two_processes

    with first.write(now=FROZEN_NOW) as session:
        assert session.get(Team, team_id) is not None
        impatient = closing(sqlite3.connect(file_of(first.target), timeout=0))
        with impatient as other, pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")


def test_write_waits_for_the_other_writer_instead_of_failing(
    two_processes: tuple[Database, Database, int],
) -> None:
    first, second, team_id = two_processes
    second_begins = threading.Event()
    failures: list[BaseException] = []

    @event.listens_for(second.engine, "before_cursor_execute")
    def _announce(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN"):
            second_begins.set()

    def other_process() -> None:
        try:
            increment(second, team_id)
        except BaseException as error:  # reported to the test below
            failures.append(error)

    thread = threading.Thread(target=other_process)
    with first.write(now=FROZEN_NOW) as session:
        team = session.get(Team, team_id)
        assert team is not None
        seen = int(team.purpose)
        thread.start()
        assert second_begins.wait(WAIT)  # the other process now tries to write, and waits
        team.purpose = str(seen + 1)
    thread.join(WAIT)

    assert not thread.is_alive()
    assert failures == []
    assert counter(first, team_id) == 2


def test_checkpoint_moves_the_log_into_the_database_file(db: Database, tmp_path: Path) -> None:
    """The live screen checkpoints after each notes save so that no commit pays for
    SQLite's own checkpoint; what was written must then be in the main file itself."""
    with db.write(now=FROZEN_NOW) as session:
        session.add(Team(name="Checkpointed"))
    path = file_of(db.target)

    def team_names_in_main_file() -> list[str]:
        copy = tmp_path / "main-file-only.db"  # the file without its -wal beside it
        shutil.copyfile(path, copy)
        with closing(sqlite3.connect(copy)) as connection:
            return [row[0] for row in connection.execute("SELECT name FROM team")]

    assert "Checkpointed" not in team_names_in_main_file()  # still only in the log
    db.checkpoint()
    assert "Checkpointed" in team_names_in_main_file()
