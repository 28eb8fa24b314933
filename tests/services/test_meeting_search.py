"""The command palette's meeting search: every meeting of every active team, by words.

Regression (issue 15, defect 8): the palette found only the meetings the home screen
listed for the highlighted team, although the help says it searches every meeting.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from facilitator.domain.meeting_search import like_pattern
from facilitator.services.meeting_search import search_meetings
from facilitator.services.team_admin import archive_team
from facilitator.store.database import Database
from facilitator.store.meeting_search import find_meetings
from facilitator.store.quick_read import Reader, Row, reader
from facilitator.store.tables import Meeting, Team, row_id
from tests.conftest import FROZEN_NOW, TZ

MANY = 10_000


def test_words_in_any_order_and_case_match_title_or_team(demo_db: Database) -> None:
    found = search_meetings(demo_db.target, "LEADERSHIP november", tz=TZ)
    assert [(m.title, m.team_name) for m in found] == [
        ("November leadership team meeting", "Riverside Elementary Leadership Team")
    ]
    by_team = search_meetings(demo_db.target, "grade 3", tz=TZ)
    assert [m.title for m in by_team] == ["PLC data meeting: winter reading benchmark"]


def test_every_team_is_searched_latest_first(demo_db: Database) -> None:
    """Not only the team the home screen shows: both demo teams' meetings are found."""
    found = search_meetings(demo_db.target, "meeting", tz=TZ)
    teams = {m.team_name for m in found}
    assert teams == {"Riverside Elementary Leadership Team", "Grade 3 Collaborative Learning Team"}
    days = [m.day for m in found]
    assert days == sorted(days, reverse=True)


def test_a_held_meeting_is_dated_by_when_it_was_held(demo_db: Database) -> None:
    (november,) = search_meetings(demo_db.target, "november", tz=TZ)
    assert november.status == "closed"
    assert november.day == date(2026, 11, 9)
    with demo_db.write(now=FROZEN_NOW) as session:
        held = session.get(Meeting, november.id)
        assert held is not None
        held.started_at = datetime(2026, 11, 12, 15, 31, tzinfo=UTC)
    (november,) = search_meetings(demo_db.target, "november", tz=TZ)
    assert november.day == date(2026, 11, 12)


def test_like_wildcards_in_the_query_are_literal(demo_db: Database) -> None:
    assert search_meetings(demo_db.target, "%", tz=TZ) == []
    assert search_meetings(demo_db.target, "_", tz=TZ) == []
    assert like_pattern(r"a%b_c\d") == r"%a\%b\_c\\d%"


def test_archived_teams_are_left_out(demo_db: Database) -> None:
    (november,) = search_meetings(demo_db.target, "november", tz=TZ)
    team_id = _team_id(demo_db, november.team_name)
    archive_team(demo_db, team_id=team_id, now=FROZEN_NOW)
    assert search_meetings(demo_db.target, "november", tz=TZ) == []


def _team_id(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def _add_meetings(db: Database, count: int) -> None:
    """`count` closed meetings, one a week back from the demo's, on the first team."""
    assert db.target.path is not None
    start = FROZEN_NOW.replace(tzinfo=None)
    rows = [
        (
            "2026-01-01 00:00:00",
            "2026-01-01 00:00:00",
            1,
            f"Weekly meeting {number}",
            (start - timedelta(days=7 * (number + 1))).isoformat(sep=" "),
        )
        for number in range(count)
    ]
    with closing(sqlite3.connect(db.target.path)) as connection, connection:
        connection.executemany(
            "INSERT INTO meeting (created_at, updated_at, team_id, title, purpose, goals, "
            "scheduled_start, planned_minutes, location, status) "
            "VALUES (?, ?, ?, ?, '', '', ?, 60, '', 'closed')",
            rows,
        )


class _PlanReader:
    """Runs `EXPLAIN QUERY PLAN` instead of the statement, to see how SQLite reads it."""

    def __init__(self, read: Reader) -> None:
        self.read = read
        self.like = read.like
        self.dialect = read.dialect

    def rows(self, sql: str, params: object = None) -> list[Row]:
        return self.read.rows("EXPLAIN QUERY PLAN " + sql, params)  # type: ignore[arg-type]


@pytest.mark.sqlite_only  # reads SQLite's query plan
def test_ten_thousand_meetings_are_searched_through_the_index(demo_db: Database) -> None:
    """With 10,000 meetings the search walks the schedule index newest first and stops
    at the limit: no sort of the whole table (a temporary B-tree) in its plan."""
    _add_meetings(demo_db, MANY)
    with reader(demo_db.target) as read:
        plan = find_meetings(
            _PlanReader(read), team_ids=[1, 2], words=[(like_pattern("weekly"), [])], limit=20
        )
    details = " | ".join(str(row[-1]) for row in plan)
    assert "ix_meeting_scheduled_start" in details, details
    assert "TEMP B-TREE" not in details, details
    found = search_meetings(demo_db.target, "weekly meeting 99", tz=TZ)
    assert [m.title for m in found][:2] == ["Weekly meeting 99", "Weekly meeting 199"]
    assert len(search_meetings(demo_db.target, "weekly", tz=TZ)) == 20
