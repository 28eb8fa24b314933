"""Timestamps are aware UTC everywhere, and rows carry the clock of the write that made them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import StatementError
from sqlmodel import select

from facilitator.store.database import Database
from facilitator.store.tables import Team, row_id
from facilitator.store.types import UTCDateTime
from tests.conftest import FROZEN_NOW
from tests.store.sqlite_helpers import file_of

PLUS_TWO = timezone(timedelta(hours=2))

aware_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2200, 12, 30),
    timezones=st.timezones(),
)


def add_team(db: Database, *, now: datetime, archived_at: datetime | None = None) -> int:
    with db.write(now=now) as session:
        team = Team(name="Alpha", archived_at=archived_at)
        session.add(team)
        session.flush()
        return row_id(team)


def read_team(db: Database, team_id: int) -> Team:
    with db.read() as session:
        team = session.get(Team, team_id)
    assert team is not None
    return team


@pytest.mark.sqlite_only  # reads SQLite's naive UTC text
def test_non_utc_input_is_stored_as_utc_and_read_back_aware(db: Database) -> None:
    team_id = add_team(
        db, now=FROZEN_NOW, archived_at=datetime(2026, 11, 23, 16, 0, tzinfo=PLUS_TWO)
    )

    team = read_team(db, team_id)
    db.dispose()
    with closing(sqlite3.connect(file_of(db.target))) as connection:
        stored = connection.execute("SELECT archived_at FROM team").fetchone()[0]

    assert team.archived_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert team.archived_at is not None and team.archived_at.tzinfo is UTC
    assert stored.startswith("2026-11-23 14:00:00")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moment=aware_datetimes)
def test_aware_datetimes_round_trip(db: Database, moment: datetime) -> None:
    team_id = add_team(db, now=FROZEN_NOW, archived_at=moment)

    back = read_team(db, team_id).archived_at

    # Compared in UTC: Python never calls a time in a DST gap or fold equal across zones.
    assert back == moment.astimezone(UTC)
    assert back is not None and back.tzinfo is UTC


def test_naive_datetime_is_refused_and_nothing_saved(db: Database) -> None:
    with pytest.raises(StatementError) as raised:
        add_team(db, now=FROZEN_NOW, archived_at=datetime(2026, 11, 23, 14, 0))

    assert isinstance(raised.value.orig, ValueError)
    assert "timezone-aware" in str(raised.value.orig)
    with db.read() as session:
        assert session.exec(select(Team)).all() == []


def test_naive_write_clock_is_refused(db: Database) -> None:
    with pytest.raises(StatementError):
        add_team(db, now=datetime(2026, 11, 23, 14, 0))


@pytest.mark.parametrize("value", [datetime(2026, 1, 1), "2026-01-01 00:00:00"])
def test_type_refuses_what_is_not_an_aware_datetime(value: object) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        UTCDateTime().process_bind_param(value, sqlite.dialect())


def test_type_keeps_the_zone_where_the_backend_can() -> None:
    moment = datetime(2026, 11, 23, 16, 0, tzinfo=PLUS_TWO)

    on_sqlite = UTCDateTime().process_bind_param(moment, sqlite.dialect())
    on_postgres = UTCDateTime().process_bind_param(
        moment, make_url("postgresql+psycopg://").get_dialect()()
    )

    assert on_sqlite == datetime(2026, 11, 23, 14, 0)
    assert on_postgres == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert on_postgres is not None and on_postgres.tzinfo is UTC


def test_created_and_updated_come_from_the_write_clock(db: Database) -> None:
    later = FROZEN_NOW + timedelta(hours=3)
    team_id = add_team(db, now=FROZEN_NOW)
    created = read_team(db, team_id)

    with db.write(now=later) as session:
        team = session.get(Team, team_id)
        assert team is not None
        team.purpose = "Changed later"
    changed = read_team(db, team_id)

    assert (created.created_at, created.updated_at) == (FROZEN_NOW, FROZEN_NOW)
    assert (changed.created_at, changed.updated_at) == (FROZEN_NOW, later)


def test_a_row_read_but_not_changed_keeps_its_updated_at(db: Database) -> None:
    team_id = add_team(db, now=FROZEN_NOW)

    with db.write(now=FROZEN_NOW + timedelta(days=1)) as session:
        assert session.get(Team, team_id) is not None

    assert read_team(db, team_id).updated_at == FROZEN_NOW
