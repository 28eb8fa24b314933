"""The agenda item each search result belongs to (`facilitator.store.search_places`):
each kind of record maps to its item, or to none, in one statement for a page of
results, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from facilitator.store.database import Database
from facilitator.store.quick_read import reader
from facilitator.store.search_places import ITEM_TABLES, record_items
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    Decision,
    EvaluationAnswer,
    EvaluationResponse,
    Meeting,
    Note,
    ParkingLotItem,
    Takeaway,
    Team,
    TimeOut,
)
from tests.conftest import FROZEN_NOW
from tests.store.rows import add

NOW = FROZEN_NOW


def places(db: Database, records: list[tuple[str, int]]) -> dict[tuple[str, int], int]:
    with reader(db.target) as read:
        return record_items(read, records)


@pytest.fixture
def team(db: Database) -> int:
    return add(db, Team(name="Reading team"))


@pytest.fixture
def meeting(db: Database, team: int) -> int:
    return add(db, Meeting(team_id=team, title="Autumn", scheduled_start=NOW))


def records_of_each_kind(db: Database, team: int, meeting: int, item: int | None) -> dict[str, int]:
    """A note, decision, action item, parking-lot entry and time-out tied to `item`."""
    return {
        "note": add(db, Note(meeting_id=meeting, agenda_item_id=item, body="Read aloud")),
        "decision": add(db, Decision(meeting_id=meeting, agenda_item_id=item, question="Which?")),
        "action": add(
            db,
            ActionItem(team_id=team, meeting_id=meeting, agenda_item_id=item, what="Send it"),
        ),
        "parking": add(
            db,
            ParkingLotItem(team_id=team, meeting_id=meeting, agenda_item_id=item, text="Later"),
        ),
        "timeout": add(
            db,
            TimeOut(meeting_id=meeting, agenda_item_id=item, note="Paused", started_at=NOW),
        ),
    }


def test_each_kind_maps_to_its_agenda_item(db: Database, team: int, meeting: int) -> None:
    first = add(db, AgendaItem(meeting_id=meeting, title="Data", position=1))
    second = add(db, AgendaItem(meeting_id=meeting, title="Data", position=2))
    on_first = records_of_each_kind(db, team, meeting, first)
    on_second = records_of_each_kind(db, team, meeting, second)
    assert set(on_first) == set(ITEM_TABLES)  # every kind with an item is tried

    asked = [*on_first.items(), *on_second.items(), ("item", second)]
    found = places(db, asked)

    assert found == {
        **dict.fromkeys(on_first.items(), first),
        **dict.fromkeys(on_second.items(), second),
        ("item", second): second,  # an agenda item is its own place
    }


def test_records_of_no_item_map_to_none(db: Database, team: int, meeting: int) -> None:
    loose = records_of_each_kind(db, team, meeting, None)
    takeaway = add(db, Takeaway(meeting_id=meeting, text="Keep going"))
    response = add(
        db,
        EvaluationResponse(
            team_id=team, meeting_id=meeting, instrument_id="plus-delta", submitted_at=NOW
        ),
    )
    comment = add(db, EvaluationAnswer(response_id=response, item_id="plus", text="Good"))

    asked = [*loose.items(), ("takeaway", takeaway), ("comment", comment)]
    asked += [("meeting", meeting), ("note", 99_999)]  # a note gone since it was found
    assert places(db, asked) == {}
    assert places(db, []) == {}


def test_a_page_of_results_is_read_whatever_its_order(db: Database, meeting: int) -> None:
    """Many results of one kind, a record repeated (a decision found by two options)."""
    item = add(db, AgendaItem(meeting_id=meeting, title="Data", position=1))
    notes = [
        add(db, Note(meeting_id=meeting, body=f"n{n}", agenda_item_id=item if n % 2 else None))
        for n in range(60)
    ]
    asked = [("note", note) for note in reversed(notes)] + [("note", notes[1])]

    found = places(db, asked)

    assert found == {("note", note): item for n, note in enumerate(notes) if n % 2}
