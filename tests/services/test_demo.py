"""The demo: added once, and rich enough to show every part of the app."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection

from facilitator.pack.loader import Pack
from facilitator.services.demo import fill_demo
from facilitator.services.evaluation_trends import team_trends
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


class Stored:
    """Plain SQL on the demo database, to query what is stored (on either backend)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.connection.exec_driver_sql(sql)]


@pytest.fixture
def stored(demo_db: Database) -> Iterator[Stored]:
    with demo_db.engine.connect() as connection:
        yield Stored(connection)


def scalar(stored: Stored, sql: str) -> object:
    return stored.execute(sql)[0][0]


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


def test_every_item_kind_is_used(stored: Stored) -> None:
    kinds = {row[0] for row in stored.execute("SELECT kind FROM agenda_item")}

    assert kinds == {"information", "discussion", "decision"}


def test_closed_meetings_have_notes_and_timer_segments(stored: Stored) -> None:
    """November's meeting (id 1), then September's and October's (4 and 5), added last."""
    closed = stored.execute(
        "SELECT id, closed_at, minutes_sent_at FROM meeting WHERE status = 'closed' ORDER BY id"
    )
    assert [meeting_id for meeting_id, _, _ in closed] == [1, 4, 5]

    for meeting_id, closed_at, sent_at in closed:
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
        assert notes == items == segments == {1: 6, 4: 4, 5: 5}[meeting_id]


def test_earlier_meetings_were_held_before_november(stored: Stored) -> None:
    held = stored.execute(
        "SELECT id, title FROM meeting WHERE status = 'closed' ORDER BY started_at"
    )

    assert held == [
        (4, "September leadership team meeting"),
        (5, "October leadership team meeting"),
        (1, "November leadership team meeting"),
    ]


def test_earlier_meetings_add_nothing_to_follow_up(stored: Stored) -> None:
    """The decision log and the action lists count November's alone."""
    for table in ("decision", "action_item", "parking_lot_item", "next_agenda_entry"):
        assert scalar(stored, f"SELECT count(*) FROM {table} WHERE meeting_id IN (4, 5)") == 0


def test_norms_checks_vary_across_meetings(stored: Stored) -> None:
    readings = stored.execute(
        "SELECT c.meeting_id, r.reading, count(*) FROM norms_check_rating r "
        "JOIN norms_check c ON c.id = r.norms_check_id GROUP BY 1, 2 ORDER BY 1, 2"
    )

    assert readings == [
        (1, "honoured", 8),
        (1, "partly", 1),
        (4, "honoured", 6),
        (4, "not_honoured", 1),
        (4, "partly", 2),
        (5, "honoured", 16),
        (5, "partly", 2),
    ]


def test_decisions_are_recorded_by_their_methods(stored: Stored) -> None:
    """Each with its method's record: options (dots per round, a compromise's
    positions) and votes (see tests/services/test_demo_decisions.py for their counts)."""
    decisions = stored.execute(
        "SELECT d.method, d.status, "
        "(SELECT count(*) FROM decision_option o WHERE o.decision_id = d.id), "
        "(SELECT count(*) FROM vote v WHERE v.decision_id = d.id) "
        "FROM decision d ORDER BY d.id"
    )

    assert decisions == [
        ("consensus", "decided", 0, 7),
        ("multi_vote", "decided", 6, 26),
        ("compromise", "decided", 2, 0),
        ("majority", "decided", 0, 7),
        ("consensus", "deferred", 0, 7),
        ("one_person", "decided", 0, 2),
        ("unanimous", "no_decision", 0, 7),
    ]


def test_follow_up_is_recorded(stored: Stored) -> None:
    actions = dict(stored.execute("SELECT status, count(*) FROM action_item GROUP BY status"))
    parking = dict(stored.execute("SELECT status, count(*) FROM parking_lot_item GROUP BY status"))

    assert actions == {"open": 4, "done": 1}
    assert parking == {"open": 1, "resolved": 1, "next_agenda": 1}
    assert scalar(stored, "SELECT count(*) FROM takeaway WHERE text != ''") == 2
    assert scalar(stored, "SELECT count(*) FROM communication_entry WHERE key_message != ''") == 2


def test_evaluations_have_ratings_and_free_text(stored: Stored) -> None:
    instruments = dict(
        stored.execute("SELECT instrument_id, count(*) FROM evaluation_response GROUP BY 1")
    )
    rated = scalar(stored, "SELECT count(*) FROM evaluation_answer WHERE score BETWEEN 1 AND 7")
    written = scalar(stored, "SELECT count(*) FROM evaluation_answer WHERE text != ''")
    anonymous = scalar(
        stored, "SELECT count(*) FROM evaluation_response WHERE respondent_member_id IS NULL"
    )

    # November's, then September's and October's (each four plus/delta, four ratings).
    assert instruments == {"plus-delta": 4 + 8, "effective-team-assessment": 3 + 8}
    assert rated == 9 * (3 + 8)
    assert written == 2 * (4 + 8)
    assert anonymous == 1 + 2


def test_the_ratings_tell_a_story_over_three_meetings(demo_db: Database, pack: Pack) -> None:
    """September, October, November: goals rise, trust rises then dips (November's
    tension over the walkthrough day), leadership holds."""
    trends = team_trends(demo_db, team_id=1, pack=pack, tz=TZ)

    (instrument,) = trends.instruments
    means = {
        trend.item_id: [round(point.mean, 1) for point in trend.points]
        for trend in instrument.trends
    }
    assert means["goals-and-objectives"] == [4.0, 5.0, 5.7]
    assert means["trust-and-conflict-resolution"] == [4.5, 5.0, 3.7]
    assert means["leadership"] == [4.5, 4.5, 4.7]
    assert means["evaluation"] == [2.5, 3.0, 3.3]


def test_planned_meeting_carries_items_forward(stored: Stored) -> None:
    links = stored.execute(
        "SELECT m.status, c.action_item_id, c.parking_lot_item_id, c.next_agenda_entry_id "
        "FROM carry_forward c JOIN agenda_item a ON a.id = c.agenda_item_id "
        "JOIN meeting m ON m.id = a.meeting_id"
    )

    assert {status for status, *_ in links} == {"planned"}
    assert all(sum(source is not None for source in sources) == 1 for _, *sources in links)
    assert sum(action is not None for _, action, _, _ in links) == 4
    assert sum(parked is not None for _, _, parked, _ in links) == 1
    assert sum(entry is not None for _, _, _, entry in links) == 1
