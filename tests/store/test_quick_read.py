"""The home screen's plain-SQL queries give the same answers through the standard
library's sqlite3 and through SQLAlchemy (the path PostgreSQL takes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from facilitator.store import home_queries as queries
from facilitator.store.database import Database
from facilitator.store.quick_read import (
    Reader,
    Row,
    _sqlalchemy_reader,
    reader,
    to_date,
    to_datetime,
)
from tests.conftest import FROZEN_NOW

TODAY = date(2026, 11, 23)


def normalised(rows: list[Row]) -> list[tuple[object, ...]]:
    """Rows with stored timestamps and dates parsed, whichever driver returned them."""
    out = []
    for row in rows:
        values: list[object] = []
        for value in row:
            if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == " ":
                values.append(to_datetime(value))
            elif isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
                values.append(to_date(value))
            else:
                values.append(value)
        out.append(tuple(values))
    return out


QUERIES: dict[str, Callable[[Reader], list[Row]]] = {
    "teams": lambda r: queries.active_teams(r),
    "upcoming": lambda r: queries.upcoming_meetings(r, team_id=None, limit=50),
    "upcoming, one team": lambda r: queries.upcoming_meetings(r, team_id=1, limit=50),
    "recent": lambda r: queries.recent_meetings(r, team_id=None, limit=50),
    "actions": lambda r: queries.open_actions(r, team_id=None, limit=50),
    "counts": lambda r: [list(queries.action_counts(r, team_id=None, today=TODAY))],
    "parking": lambda r: [[queries.open_parking_count(r, team_id=1)]],
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_both_drivers_agree(demo_db: Database, name: str) -> None:
    query = QUERIES[name]
    with reader(demo_db.target) as sqlite_reader:
        plain = normalised(query(sqlite_reader))
    with _sqlalchemy_reader(demo_db.target) as sqlalchemy_reader:
        through_sqlalchemy = normalised(query(sqlalchemy_reader))
    assert plain == through_sqlalchemy
    assert plain  # the demo has something for every query


def test_counts_on_the_demo(demo_db: Database) -> None:
    with reader(demo_db.target) as check:
        assert queries.action_counts(check, team_id=None, today=TODAY) == (4, 1)
        assert queries.open_parking_count(check, team_id=None) == 1
        upcoming = queries.upcoming_meetings(check, team_id=None, limit=1)
    start = to_datetime(upcoming[0][4])
    assert start is not None
    assert start > FROZEN_NOW


@pytest.mark.sqlite_only  # SQLite's query_only
def test_the_reader_never_writes(demo_db: Database) -> None:
    with reader(demo_db.target) as check, pytest.raises(Exception, match="readonly"):
        check.rows("DELETE FROM team")
