"""The ids of the records a list's text filter keeps (`facilitator.store.search.
matching_ids`): decisions (their options' text found too), action items and parking-lot
entries, of one team or any, every match and no limit, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from facilitator.domain.search_query import parse_search
from facilitator.store.database import Database
from facilitator.store.quick_read import reader
from facilitator.store.search import matching_ids
from facilitator.store.tables import (
    ActionItem,
    Decision,
    DecisionOption,
    Meeting,
    Note,
    ParkingLotItem,
    Team,
)
from tests.conftest import FROZEN_NOW
from tests.store.rows import add

KINDS = {"decision", "action", "parking"}


@dataclass(frozen=True)
class World:
    team: int
    other: int
    question: int
    by_option: int
    elsewhere: int
    action: int
    orphan_action: int
    parked: int
    disposed: int


@pytest.fixture
def world(db: Database) -> World:
    team = add(db, Team(name="Reading team"))
    other = add(db, Team(name="Maths team"))
    meeting = add(db, Meeting(team_id=team, title="Autumn", scheduled_start=FROZEN_NOW))
    theirs = add(
        db, Meeting(team_id=other, title="Theirs", scheduled_start=FROZEN_NOW - timedelta(1))
    )
    gone = add(db, Meeting(team_id=team, title="Deleted later", scheduled_start=FROZEN_NOW))
    question = add(db, Decision(meeting_id=meeting, question="Adopt the new benchmarks?"))
    by_option = add(db, Decision(meeting_id=meeting, question="Which test?"))
    add(db, DecisionOption(decision_id=by_option, position=0, text="Benchmark assessments"))
    add(db, DecisionOption(decision_id=by_option, position=1, text="Running records"))
    elsewhere = add(db, Decision(meeting_id=theirs, question="Benchmark the fractions unit?"))
    action = add(db, ActionItem(team_id=team, meeting_id=meeting, what="Send the benchmark"))
    orphan = add(db, ActionItem(team_id=team, meeting_id=gone, what="Score benchmarking data"))
    parked = add(db, ParkingLotItem(team_id=team, meeting_id=meeting, text="Benchmark timing"))
    disposed = add(
        db,
        ParkingLotItem(
            team_id=other, meeting_id=theirs, text="Calendar", disposition_note="See benchmark"
        ),
    )
    add(db, Note(meeting_id=meeting, body="benchmark notes are not asked for"))
    with db.write(now=FROZEN_NOW) as session:  # the meeting goes; its action item stays
        session.delete(session.get(Meeting, gone))
    return World(team, other, question, by_option, elsewhere, action, orphan, parked, disposed)


def ids(db: Database, typed: str, kinds: set[str] = KINDS, team_id: int | None = None) -> object:
    with reader(db.target) as read:
        return matching_ids(read, parse_search(typed), kinds=kinds, team_id=team_id)


def test_every_kind_a_word_in_any_form(db: Database, world: World) -> None:
    assert ids(db, "benchmark") == {
        "decision": {world.question, world.by_option, world.elsewhere},
        "action": {world.action, world.orphan_action},
        "parking": {world.parked, world.disposed},  # its disposition note too
    }


def test_an_option_finds_its_decision_once(db: Database, world: World) -> None:
    assert ids(db, "running records", {"decision"}) == {"decision": {world.by_option}}
    assert ids(db, '"benchmark assessments"', {"decision"}) == {"decision": {world.by_option}}


def test_one_team(db: Database, world: World) -> None:
    assert ids(db, "benchmark", team_id=world.team) == {
        "decision": {world.question, world.by_option},
        "action": {world.action, world.orphan_action},  # by its own team, meeting gone
        "parking": {world.parked},
    }
    assert ids(db, "benchmark", team_id=world.other) == {
        "decision": {world.elsewhere},
        "action": set(),
        "parking": {world.disposed},
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bench", {"action": 2}),  # the last word while it is typed
        ("bench ", {"action": 0}),  # a whole word once a space follows
        ('"send the benchmark"', {"action": 1}),
        ("benchmark -send", {"action": 1}),
        ("(send* ^benchmark:", {"action": 1}),  # operators are punctuation
        ('send) NEAR(benchmark "', {"action": 0}),  # and words: "near" is in neither
        ("", {"action": 0}),
        ("-benchmark", {"action": 0}),  # nothing to look for: nothing found
    ],
)
def test_reads_the_query_as_the_search_box_does(
    db: Database, world: World, typed: str, expected: dict[str, int]
) -> None:
    found = ids(db, typed, {"action"})
    assert isinstance(found, dict)
    assert {kind: len(values) for kind, values in found.items()} == expected


def test_only_the_kinds_asked_for(db: Database, world: World) -> None:
    assert ids(db, "benchmark", {"parking"}) == {"parking": {world.parked, world.disposed}}
    assert ids(db, "benchmark", set()) == {}
