"""The demo: added once, and rich enough to show every part of the app."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest

from facilitator.pack.loader import Pack
from facilitator.services.demo import fill_demo
from facilitator.store.database import Database
from facilitator.store.tables import metadata
from tests.conftest import FROZEN_NOW, TZ


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            table.name: int(
                connection.exec_driver_sql(f'SELECT count(*) FROM "{table.name}"').scalar_one()
            )
            for table in metadata.sorted_tables
        }


@pytest.fixture
def stored(demo_db: Database) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection on the demo database, to query what is stored."""
    assert demo_db.target.path is not None
    with closing(sqlite3.connect(demo_db.target.path)) as connection:
        yield connection


def scalar(connection: sqlite3.Connection, sql: str) -> object:
    return connection.execute(sql).fetchone()[0]


def test_second_fill_adds_nothing(demo_db: Database, pack: Pack) -> None:
    before = row_counts(demo_db)

    again = fill_demo(demo_db, pack=pack, now=FROZEN_NOW, tz=TZ)

    assert row_counts(demo_db) == before
    assert again.created is False
    assert before["team"] == 2


def test_second_fill_points_at_the_same_meeting(db: Database, pack: Pack) -> None:
    first = fill_demo(db, pack=pack, now=FROZEN_NOW, tz=TZ)

    again = fill_demo(db, pack=pack, now=FROZEN_NOW, tz=TZ)

    assert first.created is True
    assert (again.team_id, again.meeting_id) == (first.team_id, first.meeting_id)
    assert first.meeting_id is not None


def test_every_table_has_rows(demo_db: Database) -> None:
    empty = [name for name, count in row_counts(demo_db).items() if count == 0]

    assert empty == []


def test_every_item_kind_is_used(stored: sqlite3.Connection) -> None:
    kinds = {row[0] for row in stored.execute("SELECT kind FROM agenda_item")}

    assert kinds == {"information", "discussion", "decision"}


def test_closed_meeting_has_notes_and_timer_segments(stored: sqlite3.Connection) -> None:
    closed = stored.execute(
        "SELECT id, closed_at, minutes_sent_at FROM meeting WHERE status = 'closed'"
    ).fetchall()
    assert len(closed) == 1
    meeting_id, closed_at, sent_at = closed[0]
    assert closed_at is not None and sent_at is not None

    notes = scalar(
        stored, f"SELECT count(*) FROM note WHERE meeting_id = {meeting_id} AND body != ''"
    )
    items = scalar(stored, f"SELECT count(*) FROM agenda_item WHERE meeting_id = {meeting_id}")
    segments = scalar(
        stored,
        "SELECT count(*) FROM timer_segment "
        f"WHERE meeting_id = {meeting_id} AND stopped_at > started_at",
    )
    assert notes == items == segments == 6


def test_decisions_are_recorded_by_their_methods(stored: sqlite3.Connection) -> None:
    """Each with its method's record: options (dots per round, a compromise's
    positions) and votes (see tests/services/test_demo_decisions.py for their counts)."""
    decisions = stored.execute(
        "SELECT d.method, d.status, "
        "(SELECT count(*) FROM decision_option o WHERE o.decision_id = d.id), "
        "(SELECT count(*) FROM vote v WHERE v.decision_id = d.id) "
        "FROM decision d ORDER BY d.id"
    ).fetchall()

    assert decisions == [
        ("consensus", "decided", 0, 7),
        ("multi_vote", "decided", 6, 26),
        ("compromise", "decided", 2, 0),
        ("majority", "decided", 0, 7),
        ("consensus", "deferred", 0, 7),
        ("one_person", "decided", 0, 2),
        ("unanimous", "no_decision", 0, 7),
    ]


def test_follow_up_is_recorded(stored: sqlite3.Connection) -> None:
    actions = dict(stored.execute("SELECT status, count(*) FROM action_item GROUP BY status"))
    parking = dict(stored.execute("SELECT status, count(*) FROM parking_lot_item GROUP BY status"))

    assert actions == {"open": 4, "done": 1}
    assert parking == {"open": 1, "resolved": 1, "next_agenda": 1}
    assert scalar(stored, "SELECT count(*) FROM takeaway WHERE text != ''") == 2
    assert scalar(stored, "SELECT count(*) FROM communication_entry WHERE key_message != ''") == 2


def test_evaluations_have_ratings_and_free_text(stored: sqlite3.Connection) -> None:
    instruments = dict(
        stored.execute("SELECT instrument_id, count(*) FROM evaluation_response GROUP BY 1")
    )
    rated = scalar(stored, "SELECT count(*) FROM evaluation_answer WHERE score BETWEEN 1 AND 7")
    written = scalar(stored, "SELECT count(*) FROM evaluation_answer WHERE text != ''")
    anonymous = scalar(
        stored, "SELECT count(*) FROM evaluation_response WHERE respondent_member_id IS NULL"
    )

    assert instruments == {"plus-delta": 4, "effective-team-assessment": 3}
    assert rated == 27
    assert written == 8
    assert anonymous == 1


def test_planned_meeting_carries_items_forward(stored: sqlite3.Connection) -> None:
    links = stored.execute(
        "SELECT m.status, c.action_item_id, c.parking_lot_item_id, c.next_agenda_entry_id "
        "FROM carry_forward c JOIN agenda_item a ON a.id = c.agenda_item_id "
        "JOIN meeting m ON m.id = a.meeting_id"
    ).fetchall()

    assert {status for status, *_ in links} == {"planned"}
    assert all(sum(source is not None for source in sources) == 1 for _, *sources in links)
    assert sum(action is not None for _, action, _, _ in links) == 4
    assert sum(parked is not None for _, _, parked, _ in links) == 1
    assert sum(entry is not None for _, _, _, entry in links) == 1
