"""Revision 0012 dates every meeting by its own `started_at` and indexes the moment
meetings are ordered by: a populated database taken back to 0011, with a meeting whose
`started_at` was never set although its clock ran (minutes imported without it), gets
it from the earliest segment; the indexes are there and the home screen's recent
meetings are read from one, never sorted. The minutes import now sets it itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import text
from sqlmodel import Session, func, select

from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.services.minutes_io import save_minutes
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.home_queries import recent_meetings, upcoming_meetings
from facilitator.store.migrate import alembic_config, upgrade
from facilitator.store.quick_read import Row
from facilitator.store.repo.meetings import held_at_of
from facilitator.store.tables import Meeting, TimerSegment
from facilitator.store.target import DatabaseTarget
from tests.conftest import FROZEN_NOW

SEPTEMBER = 4
"""A closed demo meeting whose clock ran (timer segments on each item)."""
DECEMBER = 2
"""A planned demo meeting: no segments, never started."""
INDEXES = {"ix_meeting_moment", "ix_meeting_team_moment"}


def downgrade_to_0011(target: DatabaseTarget) -> None:
    engine = make_engine(target, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
    finally:
        engine.dispose()


def started_times(db: Database) -> dict[int, datetime | None]:
    with Session(db.engine) as session:
        return {
            row_id: at
            for row_id, at in session.exec(select(Meeting.id, Meeting.started_at))
            if row_id
        }


def earliest_segment(db: Database, meeting_id: int) -> datetime:
    with Session(db.engine) as session:
        statement = select(func.min(TimerSegment.started_at)).where(
            TimerSegment.meeting_id == meeting_id
        )
        earliest = session.exec(statement).one()
    assert earliest is not None
    return earliest


def meeting_indexes(db: Database) -> set[str]:
    if db.target.path is None:
        sql = "SELECT indexname FROM pg_indexes WHERE tablename = 'meeting'"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting'"
    with db.engine.connect() as connection:
        return {str(name) for (name,) in connection.execute(text(sql))}


def test_the_upgrade_fills_in_started_at_and_adds_the_indexes(demo_db: Database) -> None:
    before = started_times(demo_db)
    target = demo_db.target
    demo_db.dispose()
    downgrade_to_0011(target)
    assert not INDEXES & meeting_indexes(Database(target))
    with make_engine(target).begin() as connection:
        connection.execute(text(f"UPDATE meeting SET started_at = NULL WHERE id = {SEPTEMBER}"))

    upgrade(target)

    db = Database(target)
    after = started_times(db)
    assert after[SEPTEMBER] == earliest_segment(db, SEPTEMBER)
    assert after[DECEMBER] is None
    assert after == before  # the demo's clock started when the meeting did
    assert meeting_indexes(db) >= INDEXES
    db.dispose()


class PlanReader:
    """A Reader that answers each statement with its query plan, one line per row."""

    like = "LIKE"

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dialect = "sqlite" if db.target.path is not None else "postgresql"

    def rows(self, sql: str, params: Mapping[str, object] | None = None) -> list[Row]:
        with self.db.engine.connect() as connection:
            if self.dialect == "sqlite":
                found = connection.execute(text(f"EXPLAIN QUERY PLAN {sql}"), dict(params or {}))
                return [(str(row[3]),) for row in found]
            # On a table this small PostgreSQL rightly prefers a scan and a sort; with
            # those priced out, whether it can read the order from an index shows.
            connection.execute(text("SET enable_seqscan = off"))
            connection.execute(text("SET enable_sort = off"))
            found = connection.execute(text(f"EXPLAIN {sql}"), dict(params or {}))
            return [(str(row[0]),) for row in found]


def plan_of(rows: list[Row]) -> str:
    return "\n".join(str(row[0]) for row in rows)


def test_recent_meetings_are_read_from_the_moment_index(demo_db: Database) -> None:
    reader = PlanReader(demo_db)

    every_team = plan_of(recent_meetings(reader, team_id=None, limit=50))
    one_team = plan_of(recent_meetings(reader, team_id=1, limit=50))

    assert "ix_meeting_moment" in every_team
    assert "ix_meeting_team_moment" in one_team
    for plan in (every_team, one_team):
        assert "TEMP B-TREE" not in plan
        assert "Sort" not in plan


@pytest.mark.sqlite_only  # SQLite's planner; PostgreSQL's chooses by its statistics
def test_upcoming_meetings_are_read_by_their_status(demo_db: Database) -> None:
    """Meetings still to run are few; the moment index would pass every meeting held."""
    reader = PlanReader(demo_db)

    for team_id in (None, 1):
        plan = plan_of(upcoming_meetings(reader, team_id=team_id, limit=50))
        assert "ix_meeting_status" in plan
        assert "moment" not in plan


def test_minutes_imported_without_a_start_are_dated_by_their_first_segment(
    demo_db: Database, pack: Pack
) -> None:
    september = meeting_minutes(demo_db, meeting_id=SEPTEMBER, pack=pack)
    copy = replace(
        september,
        started_at=None,
        scheduled_start=september.scheduled_start + timedelta(days=1),
    )

    imported = save_minutes(demo_db, minutes=copy, pack=pack, now=FROZEN_NOW)

    with Session(demo_db.engine) as session:
        stored = session.get(Meeting, imported.meeting_id)
        assert stored is not None
        assert stored.started_at == earliest_segment(demo_db, SEPTEMBER) == copy.held_at
        assert held_at_of(session, meeting_id=imported.meeting_id) == stored.started_at
