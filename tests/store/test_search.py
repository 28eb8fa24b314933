"""Full-text search (`facilitator.store.search`): the index follows every searchable
record as it is added, changed and removed, and reads queries the way the search box
promises, on SQLite's FTS5 and on PostgreSQL's tsvector alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import SQLModel

from facilitator.domain.search_query import marked_text, parse_search
from facilitator.store.database import Database
from facilitator.store.quick_read import reader
from facilitator.store.search import FoundRecord, search_records
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    Decision,
    DecisionOption,
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


@dataclass(frozen=True)
class World:
    team: int
    older: int
    newer: int
    archived_meeting: int


@pytest.fixture
def world(db: Database) -> World:
    team = add(db, Team(name="Reading team"))
    gone = add(db, Team(name="Old team", archived_at=NOW))
    older = add(db, Meeting(team_id=team, title="Autumn", scheduled_start=NOW - timedelta(30)))
    newer = add(db, Meeting(team_id=team, title="Winter", scheduled_start=NOW))
    archived = add(db, Meeting(team_id=gone, title="Spring", scheduled_start=NOW))
    return World(team, older, newer, archived)


def find(db: Database, text: str, **options: object) -> list[FoundRecord]:
    settings: dict[str, object] = {"team_id": None, "limit": 50, **options}
    as_you_type = bool(settings.pop("as_you_type", False))
    with reader(db.target) as read:
        return search_records(read, parse_search(text, as_you_type=as_you_type), **settings)  # type: ignore[arg-type]


def hits(db: Database, text: str, **options: object) -> list[tuple[str, int]]:
    return [(found.kind, found.record_id) for found in find(db, text, **options)]


Make = Callable[[Database, World, str], tuple[type[SQLModel], int, str, int]]
"""Adds a record of one kind holding a text; gives its table, id, text field and the
id a hit names."""


def _meeting(db: Database, w: World, text: str) -> tuple[type[SQLModel], int, str, int]:
    meeting = add(db, Meeting(team_id=w.team, title="M", goals=text, scheduled_start=NOW))
    return Meeting, meeting, "goals", meeting


def _simple(table: type[SQLModel], field: str, **extra: object) -> Make:
    def make(db: Database, w: World, text: str) -> tuple[type[SQLModel], int, str, int]:
        values = {"meeting_id": w.newer, field: text, **extra}
        if "team_id" in table.model_fields:
            values["team_id"] = w.team
        record = add(db, table(**values))
        return table, record, field, record

    return make


def _option(db: Database, w: World, text: str) -> tuple[type[SQLModel], int, str, int]:
    decision = add(db, Decision(meeting_id=w.newer, question="Which?"))
    option = add(db, DecisionOption(decision_id=decision, text=text))
    return DecisionOption, option, "text", decision


def _comment(db: Database, w: World, text: str) -> tuple[type[SQLModel], int, str, int]:
    response = add(
        db,
        EvaluationResponse(
            id=7, team_id=w.team, meeting_id=w.newer, instrument_id="plus-delta", submitted_at=NOW
        ),
    )
    answer = add(db, EvaluationAnswer(id=9, response_id=response, item_id="plus", text=text))
    return EvaluationAnswer, answer, "text", answer


KINDS: dict[str, Make] = {
    "meeting": _meeting,
    "item": _simple(AgendaItem, "goal", title="Item"),
    "note": _simple(Note, "body"),
    "decision": _simple(Decision, "rationale", question="Q?"),
    "decision option": _option,
    "action": _simple(ActionItem, "what"),
    "parking": _simple(ParkingLotItem, "disposition_note", text="Later"),
    "takeaway": _simple(Takeaway, "text"),
    "timeout": _simple(TimeOut, "note", started_at=NOW),
    "comment": _comment,
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_index_follows_each_record_kind_in_and_out(
    db: Database, world: World, kind: str
) -> None:
    table, record, field, named = KINDS[kind](db, world, "The zephyr blew")
    expected_kind = kind.split()[0]
    assert hits(db, "zephyr") == [(expected_kind, named)]

    with db.write(now=NOW) as session:
        row = session.get(table, record)
        setattr(row, field, "A quasar shone")
    assert hits(db, "zephyr") == []
    assert hits(db, "quasar") == [(expected_kind, named)]

    with db.write(now=NOW) as session:
        session.delete(session.get(table, record))
    assert hits(db, "quasar") == []


def note(db: Database, meeting: int, body: str) -> int:
    return add(db, Note(meeting_id=meeting, body=body))


def test_a_word_is_found_in_its_other_forms_and_any_case(db: Database, world: World) -> None:
    found = note(db, world.newer, "Reading BENCHMARKS came back")

    assert hits(db, "benchmark") == [("note", found)]
    assert hits(db, "read benchmarks") == [("note", found)]
    assert hits(db, "Benchmarking") == [("note", found)]


@pytest.mark.sqlite_only  # PostgreSQL's 'english' configuration keeps accents
def test_accents_are_ignored_on_sqlite(db: Database, world: World) -> None:
    found = note(db, world.newer, "Le café de l'élève")

    assert hits(db, "cafe eleve") == [("note", found)]
    assert hits(db, "CAFÉ") == [("note", found)]


def test_the_last_word_is_a_prefix_as_it_is_typed(db: Database, world: World) -> None:
    found = note(db, world.newer, "benchmark results")

    assert hits(db, "bench", as_you_type=True) == [("note", found)]
    assert hits(db, "bench ", as_you_type=True) == []
    assert hits(db, "bench") == []


def test_one_or_two_letters_typed_are_a_whole_word(db: Database, world: World) -> None:
    found = note(db, world.newer, "benchmark results")

    assert hits(db, "be", as_you_type=True) == []
    assert hits(db, "ben", as_you_type=True) == [("note", found)]


def test_a_word_being_typed_finds_its_stem(db: Database, world: World) -> None:
    """Regression (issue 19): while "benchmarking" was typed, "benchmarki" and
    "benchmarkin" found nothing (the index holds "benchmark"); the word typed is now
    also found cut short, and the highlights still mark the word in the text."""
    found = note(db, world.newer, "We ran the reading benchmarking today.")
    marked = {
        "benchmarki": ["benchmarking"],
        "benchmarkin": ["benchmarking"],
        "readin": ["reading"],
        "reading benchmarkin": ["reading", "benchmarking"],
    }

    for typed, words in marked.items():
        [record] = find(db, typed, as_you_type=True)
        text, spans = marked_text(record.snippet)
        assert (record.kind, record.record_id) == ("note", found)
        assert [text[start:end] for start, end in spans] == words, typed


def test_a_word_being_typed_is_cut_short_only_when_it_finds_nothing(
    db: Database, world: World
) -> None:
    """The shortened forms are for the letters typed past a stem: while the word as a
    prefix finds something they are not asked for (they cost a common word's search a
    third of its time, and found short unrelated words)."""
    students = note(db, world.newer, "Our students read aloud.")
    note(db, world.newer, "A stud farm visit.")

    assert [r.record_id for r in find(db, "studen", as_you_type=True)] == [students]


def test_a_phrase_in_quotes_keeps_its_words_together(db: Database, world: World) -> None:
    together = note(db, world.newer, "the reading benchmark")
    note(db, world.newer, "benchmark for reading")

    assert hits(db, '"reading benchmark"') == [("note", together)]
    assert len(hits(db, "reading benchmark")) == 2


def test_a_minus_word_leaves_out_the_records_holding_it(db: Database, world: World) -> None:
    kept = note(db, world.newer, "reading in spring")
    note(db, world.newer, "reading in winter")

    assert hits(db, "reading -winter") == [("note", kept)]
    assert hits(db, "-winter") == []


def test_newest_meeting_first_or_best_match_first(db: Database, world: World) -> None:
    old = note(db, world.older, "fluency fluency fluency fluency")
    new = note(db, world.newer, "fluency and a great many other words around it today")

    assert hits(db, "fluency") == [("note", new), ("note", old)]
    assert hits(db, "fluency", ranked=True) == [("note", old), ("note", new)]
    assert hits(db, "fluency", limit=1) == [("note", new)]


def test_archived_teams_are_left_out_unless_asked(db: Database, world: World) -> None:
    kept = note(db, world.newer, "phonics")
    archived = note(db, world.archived_meeting, "phonics")

    assert hits(db, "phonics") == [("note", kept)]
    assert sorted(hits(db, "phonics", include_archived=True)) == [
        ("note", kept),
        ("note", archived),
    ]
    assert hits(db, "phonics", team_id=world.team, include_archived=True) == [("note", kept)]


def test_a_hit_names_its_meeting_and_marks_the_matching_words(db: Database, world: World) -> None:
    note(db, world.older, "We looked at the reading benchmarks today.")

    [found] = find(db, "benchmark")
    text, spans = marked_text(found.snippet)

    assert (found.meeting_id, found.meeting_title, found.team_name) == (
        world.older,
        "Autumn",
        "Reading team",
    )
    assert found.scheduled_start == NOW - timedelta(30) and found.started_at is None
    assert "looked at the reading benchmarks today" in text
    assert [text[start:end] for start, end in spans] == ["benchmarks"]


HOSTILE = [
    '"',
    'reading "bench',
    "AND",
    "OR NOT",
    "NEAR(reading benchmark)",
    "*",
    "read*",
    "^reading",
    "body:reading",
    "(reading",
    "reading)",
    "-",
    "--",
    "-reading",
    "'; DROP TABLE note; --",
    "\x00\x1b[31mreading",
    "reading " * 2000,
    "!!! ??? ...",
    "':*' & | !",
    "ß ﬁ Ⅻ ² ٣",
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_whatever_is_typed_gives_results_never_an_error(
    db: Database, world: World, typed: str
) -> None:
    note(db, world.newer, "reading and benchmark AND or near NOT body")

    for as_you_type in (False, True):
        find(db, typed, as_you_type=as_you_type)


def test_operators_are_read_as_words(db: Database, world: World) -> None:
    found = note(db, world.newer, "cats AND dogs, near home")

    assert hits(db, "AND dogs") == [("note", found)]
    assert hits(db, "NEAR(home") == [("note", found)]
