"""The parking-lot list across meetings (see tests/parking_data.py for what is there):
open entries first, then the newest meeting's first; per team or every active team; who
raised each, its meeting and day, its disposition; and its text filter through the
search index."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.parking_lot import ParkingFilter, ParkingLot
from facilitator.errors import NotFoundError
from facilitator.services.parking_lot import parking_lot
from facilitator.services.text_filter import text_filter
from facilitator.store.database import Database
from facilitator.store.tables import Meeting
from tests.conftest import FROZEN_NOW, TZ
from tests.parking_data import MARKUP, RIVERSIDE, RIVERSIDE_ORDER, ParkingData, fill_parking


@pytest.fixture
def data(db: Database) -> ParkingData:
    return fill_parking(db)


def keys(data: ParkingData, parking: ParkingLot) -> list[str]:
    names = {value: key for key, value in data.entries.items()}
    return [names[entry.id] for entry in parking.entries]


def test_a_team_open_first_newest_first(db: Database, data: ParkingData) -> None:
    parking = parking_lot(db.target, team_id=data.teams[RIVERSIDE], tz=TZ)
    assert parking.team_name == RIVERSIDE
    assert keys(data, parking) == RIVERSIDE_ORDER
    assert parking.counts_label() == "3 open, 2 dealt with"
    spring = parking.get(data.entries["spring"])
    assert spring is not None
    assert (spring.raised_by, spring.status_label) == ("Ana", "next agenda")
    assert spring.disposition_note == "On October's agenda."
    assert (spring.meeting_title, spring.meeting_date) == ("September meeting", date(2026, 9, 14))
    recess = parking.get(data.entries["recess"])
    assert recess is not None and recess.raised_by == "A visitor"  # a name typed
    library = parking.get(data.entries["library"])
    assert library is not None and library.raised_by == ""
    markup = parking.get(data.entries["markup"])
    assert markup is not None and markup.text == MARKUP


def test_every_active_team(db: Database, data: ParkingData) -> None:
    parking = parking_lot(db.target, team_id=None, tz=TZ)
    assert parking.team_name is None
    assert keys(data, parking) == ["trip", "library", "markup", "planning", "recess", "spring"]
    assert keys(data, parking.shown(ParkingFilter.OPEN)) == ["trip", "library", "markup"]


def test_an_entry_whose_meeting_was_deleted_stays(db: Database, data: ParkingData) -> None:
    with db.write(now=FROZEN_NOW) as session:
        session.delete(session.get(Meeting, data.meetings["december"]))
    parking = parking_lot(db.target, team_id=data.teams[RIVERSIDE], tz=TZ)
    trip = parking.get(data.entries["trip"])
    assert trip is not None
    assert (trip.meeting_id, trip.meeting_title, trip.meeting_date) == (None, None, None)
    # Dated by when it was parked (today) instead of its meeting's day.
    assert keys(data, parking)[:3] == ["trip", "library", "markup"]


def test_an_unknown_team(db: Database, data: ParkingData) -> None:
    with pytest.raises(NotFoundError, match="There is no team 999"):
        parking_lot(db.target, team_id=999, tz=TZ)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("benchmark", ["markup", "spring"]),  # "Benchmarks…" too: a word in any form
        ("BENCHMARKS", ["markup", "spring"]),
        ("bench", ["markup", "spring"]),  # the last word while it is typed
        ('"spring reading"', ["spring"]),
        ('"reading spring"', []),
        ("benchmark -class", ["spring"]),
        ("staff council", ["recess"]),  # the disposition note
        ("-benchmark", ["trip", "library", "recess"]),  # words left out alone
        ("[bold]", ["markup"]),  # punctuation around a word is no markup here
        ('(benchmark) "( * ^', ["markup", "spring"]),  # operators are punctuation
        ("", RIVERSIDE_ORDER),
    ],
)
def test_text_filter(db: Database, data: ParkingData, typed: str, expected: list[str]) -> None:
    team_id = data.teams[RIVERSIDE]
    parking = parking_lot(db.target, team_id=team_id, tz=TZ)
    found = text_filter(db.target, typed, kind="parking", team_id=team_id)
    assert keys(data, parking.shown(ParkingFilter.ALL, text=found)) == expected
