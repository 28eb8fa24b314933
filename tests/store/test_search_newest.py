"""Newest-first search through bands of meetings (`facilitator.store.search_newest`):
the same hits in the same order as the plain statement over every table, whatever
order the ids were given in, for every kind of query and filter."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import datetime, timedelta

import pytest
from sqlmodel import SQLModel

from facilitator.domain.search_query import parse_search
from facilitator.store import search_newest
from facilitator.store.database import Database
from facilitator.store.quick_read import Reader, Row, reader
from facilitator.store.search import SOURCES, _Fts5, hit_rows, search_records
from facilitator.store.search_newest import newest_rows
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

pytestmark = pytest.mark.sqlite_only  # the FTS5 path; PostgreSQL runs the plain statement

WORDS: tuple[str, ...] = ("reading", "benchmark", "students", "readiness", "realm")
WORDS += ("math", "plan", "review", "rubric")
STAGES = (
    (Team,),
    (Meeting,),
    (AgendaItem, Note, Decision, ActionItem, ParkingLotItem, Takeaway, TimeOut),
    (DecisionOption, EvaluationResponse),
    (EvaluationAnswer,),
)
QUERIES = [
    ("reading", False),  # common
    ("xylophone", False),  # rare
    ("rea", True),  # a prefix as typed
    ("r", True),  # one letter typed: a whole word
    ("readin", True),  # a prefix, or the word cut short: "readi" (readiness), "read"
    ('"reading benchmark"', False),  # a phrase
    ("reading -math", False),  # a word left out
    ("students rubric", False),  # two words
]


class History:
    """Seeded meetings and records whose ids run against their meetings' dates: each
    table's ids are shuffled (in a range of its own, so no two hits tie), the
    evaluation answers' are random, and several meetings share a moment."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.rows: list[SQLModel] = []
        self.ids = {table: self._ids(table) for table in range(1, 10)}

    def _ids(self, table: int) -> list[int]:
        ids = list(range(table * 10_000 + 1, table * 10_000 + 3_000))
        self.random.shuffle(ids)
        return ids

    def text(self) -> str:
        words = self.random.choices(WORDS, k=self.random.randint(2, 7))
        if self.random.random() < 0.01:
            words.append("xylophone")
        return " ".join(words)

    def build(self, db: Database, meetings: int) -> None:
        teams = [Team(id=1, name="One"), Team(id=2, name="Two"), Team(id=3, name="Gone")]
        teams[2].archived_at = FROZEN_NOW
        self.rows += teams
        meeting_ids = list(range(1, meetings + 1))  # dense: their largest id counts them
        self.random.shuffle(meeting_ids)
        for meeting_id in meeting_ids:
            self.meeting(meeting_id)
        with db.write(now=FROZEN_NOW) as session:
            for stage in STAGES:  # parents first: the rows name their ids themselves
                session.add_all(row for row in self.rows if isinstance(row, stage))
                session.flush()

    def meeting(self, meeting_id: int) -> None:
        pick = self.random
        start = FROZEN_NOW - timedelta(days=pick.randint(-30, 400) // 3 * 3)
        held = None if pick.random() < 0.3 else start + timedelta(minutes=pick.choice([0, 5]))
        team = pick.choice([1, 1, 2, 3])
        self.rows.append(
            Meeting(
                id=meeting_id,
                team_id=team,
                title=self.text(),
                goals=self.text(),
                scheduled_start=start,
                started_at=held,
            )
        )
        for _ in range(pick.randint(0, 4)):
            self.records(meeting_id, team, start)

    def records(self, meeting: int, team: int, start: datetime) -> None:
        decision = self.ids[3].pop()
        response = self.ids[8].pop()
        self.rows += [
            AgendaItem(id=self.ids[1].pop(), meeting_id=meeting, title=self.text()),
            Note(id=self.ids[2].pop(), meeting_id=meeting, body=self.text()),
            Decision(id=decision, meeting_id=meeting, question=self.text()),
            DecisionOption(id=self.ids[4].pop(), decision_id=decision, text=self.text()),
            ActionItem(id=self.ids[5].pop(), team_id=team, meeting_id=meeting, what=self.text()),
            ParkingLotItem(id=self.ids[6].pop(), team_id=team, meeting_id=meeting, text="x"),
            Takeaway(id=self.ids[7].pop(), meeting_id=meeting, text=self.text()),
            TimeOut(id=self.ids[9].pop(), meeting_id=meeting, note=self.text(), started_at=start),
            EvaluationResponse(
                id=response,
                team_id=team,
                meeting_id=meeting,
                instrument_id="plus-delta",
                submitted_at=FROZEN_NOW,
            ),
            EvaluationAnswer(
                id=self.random.randint(1, 2**53),
                response_id=response,
                item_id="plus",
                text=self.text(),
            ),
        ]


@pytest.fixture
def small_bands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thresholds for a history of dozens of meetings, so every path runs: bands of a
    few meetings, ranges of ids, listed records, the last band."""
    for name, value in {
        "FEW_HITS": 4,
        "RANGED_HITS": 3,
        "PROBE_CAP": 30,
        "SMALLEST_BAND": 1,
        "FIRST_BAND_HITS": 1,
        "BLOCK": 4,
        "GAP": 8,
    }.items():
        monkeypatch.setattr(search_newest, name, value)


def both(read: Reader, text: str, prefix: bool, options: Mapping[str, object]) -> list[list[Row]]:
    """The rows of the plain statement and of `newest_rows`, for the same query."""
    syntax = _Fts5(parse_search(text, as_you_type=prefix))
    filters = "" if options["archived"] else " AND t.archived_at IS NULL"
    if options["team"] is not None:
        filters += " AND m.team_id = :team_id"
    params = {**syntax.params, "team_id": options["team"]}
    limit = int(str(options["limit"]))
    plain = hit_rows(read, [syntax.branch(source, filters) for source in SOURCES], params, limit)
    return [list(plain), newest_rows(read, syntax, filters, params, limit)]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.usefixtures("small_bands")
def test_newest_first_finds_what_the_plain_statement_finds(db: Database, seed: int) -> None:
    History(seed).build(db, meetings=70)
    compared = 0
    with reader(db.target) as read:
        for text, prefix in QUERIES:
            for team in (None, 1, 3):
                for archived in (False, True):
                    for limit in (1, 7, 50, 500):
                        options = {"team": team, "archived": archived, "limit": limit}
                        plain, newest = both(read, text, prefix, options)
                        assert newest == plain, (text, options)
                        compared += bool(plain)
    assert compared > 100  # most queries find something: the comparison is not empty


@pytest.mark.usefixtures("small_bands")
def test_the_search_reads_newest_first_through_the_bands(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    History(4).build(db, meetings=40)
    bands: list[str] = []
    band_rows = search_newest._band_rows

    def counted(*args: object, **kwargs: object) -> list[Row]:
        bands.append("band")
        return band_rows(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_newest, "_band_rows", counted)
    with reader(db.target) as read:
        query = parse_search("reading", as_you_type=False)
        found = search_records(read, query, team_id=None, limit=5)
        plain, _ = both(read, "reading", False, {"team": None, "archived": False, "limit": 5})
    assert bands  # search_records went through the bands
    assert [(record.meeting_id, record.record_id) for record in found] == [
        (int(row[3]), int(row[2])) for row in plain
    ]
    assert all(record.snippet for record in found)


def test_few_hits_take_the_plain_statement(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    History(5).build(db, meetings=10)
    monkeypatch.setattr(search_newest, "_band_rows", None)  # would fail if called
    with reader(db.target) as read:
        plain, newest = both(read, "xylophone", False, {"team": None, "archived": True, "limit": 9})
    assert newest == plain


def test_ranges_of_ids_leave_out_the_widest_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_newest, "RANGES", 3)
    monkeypatch.setattr(search_newest, "GAP", 10)
    spans = [(1, 2), (5, 6), (100, 120), (125, 130), (1000, 1001), (1004, 1010)]

    assert search_newest._merged(spans) == [(1, 6), (100, 130), (1000, 1010)]
    assert search_newest._merged([(1, 2), (5, 9)]) == [(1, 9)]  # 3 ids apart: one range
    assert search_newest._merged([]) == []
