"""The decision log across meetings (see tests/decision_log_data.py for what is there):
newest first, per team or every active team, filters, search, the review due, and the
full record counted as the minutes count it; read in a fixed number of statements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.domain.decision_log import DecisionFilter, DecisionLog
from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.carry_forward import accept_carry_forward
from facilitator.services.decision_log import decision_log, team_named
from facilitator.services.text_filter import text_filter
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.decision_log_data import ARCHIVED, PLC, RIVERSIDE, LogData, fill_log
from tests.scale import counted, held_meeting

TODAY = FROZEN_NOW.date()
ALL = ["unanimous", "no_decision", "one_person", "multi_vote", "consensus", "majority"]


@pytest.fixture
def data(db: Database) -> LogData:
    return fill_log(db)


def read(db: Database, pack: Pack, team_id: int | None = None, today: date = TODAY) -> DecisionLog:
    return decision_log(db, team_id=team_id, today=today, pack=pack, tz=TZ)


def keys(data: LogData, log: DecisionLog) -> list[str]:
    names = {value: key for key, value in data.decisions.items()}
    return [names[entry.id] for entry in log.entries]


def test_every_active_team_newest_meeting_first(db: Database, pack: Pack, data: LogData) -> None:
    log = read(db, pack)

    assert log.team_name is None
    # PLC November (2 Nov), October (held 5 Oct), September (14 Sep); the last recorded
    # first within a meeting; the archived team's decision is left out.
    assert keys(data, log) == [
        "unanimous",
        "no_decision",
        "one_person",
        "multi_vote",
        "consensus",
        "majority",
    ]
    assert {entry.team_name for entry in log.entries} == {RIVERSIDE, PLC}
    assert ARCHIVED not in {entry.team_name for entry in log.entries}


def test_a_meeting_is_dated_by_the_day_it_was_held(db: Database, pack: Pack, data: LogData) -> None:
    """The October meeting was planned for the 12th and held on the 5th."""
    entry = read(db, pack).get(data.decisions["multi_vote"])

    assert entry is not None
    assert entry.meeting_title == "October meeting"
    assert entry.meeting_id == data.meetings["october"]
    assert entry.meeting_date == date(2026, 10, 5)
    assert entry.team_id == data.teams[RIVERSIDE]


def test_one_team(db: Database, pack: Pack, data: LogData) -> None:
    log = read(db, pack, data.teams[PLC])

    assert log.team_name == PLC
    assert keys(data, log) == ["unanimous"]


def test_an_unknown_team_is_a_sentence(db: Database, pack: Pack, data: LogData) -> None:
    with pytest.raises(NotFoundError, match="There is no team 999"):
        read(db, pack, 999)


def test_each_status_in_words_and_the_counts(db: Database, pack: Pack, data: LogData) -> None:
    log = read(db, pack, data.teams[RIVERSIDE])
    labels = [entry.status_label for entry in log.entries]
    words = dict(zip(keys(data, log), labels, strict=True))

    assert words == {
        "no_decision": "no decision",
        "one_person": "open",
        "multi_vote": "decided",
        "consensus": "deferred",
        "majority": "decided",
    }
    assert log.counts_label() == "5 decisions, 2 open, 1 due for review"


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (DecisionFilter.OPEN, ["one_person", "consensus"]),
        (DecisionFilter.DECIDED, ["unanimous", "multi_vote", "majority"]),
        (DecisionFilter.REVIEW_DUE, ["unanimous", "majority"]),
        (
            DecisionFilter.ALL,
            ["unanimous", "no_decision", "one_person", "multi_vote", "consensus", "majority"],
        ),
    ],
)
def test_filters(
    db: Database, pack: Pack, data: LogData, view: DecisionFilter, expected: list[str]
) -> None:
    assert keys(data, read(db, pack).shown(view)) == expected


def test_by_method(db: Database, pack: Pack, data: LogData) -> None:
    log = read(db, pack)

    assert keys(data, log.shown(DecisionFilter.ALL, method="majority")) == ["majority"]
    assert keys(data, log.shown(DecisionFilter.OPEN, method="majority")) == []
    assert keys(data, log.shown(DecisionFilter.DECIDED, method="unanimous")) == ["unanimous"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("curriculum", ["majority"]),  # the question
        ("PEER feedback", ["multi_vote"]),  # an option (found by the index, mapped to it)
        ("pilot class", ["majority"]),  # the rationale, a word in any form
        ("kept", ["unanimous"]),  # the outcome
        ("reading adopt", ["majority"]),  # every word, in any order
        ("curric", ["majority"]),  # the last word while it is typed
        ('"mentor texts"', ["multi_vote"]),  # a phrase
        ('"texts mentor"', []),
        ("decide", ["no_decision"]),  # "Not ours to decide."
        ("curriculum -zebra", ["majority"]),  # a word left out
        ("curriculum -reading", []),
        ("-schedule", ["unanimous", "one_person", "multi_vote", "consensus", "majority"]),
        ("reading zebra", []),
        ("curriculum* ^reading (adopt)", ["majority"]),  # operators read as words
        ('( * ^ : "', ALL),  # nothing here to look for
        ("  ", ALL),
    ],
)
def test_search(db: Database, pack: Pack, data: LogData, words: str, expected: list[str]) -> None:
    found = text_filter(db.target, words, kind="decision", team_id=None)
    assert keys(data, read(db, pack).shown(DecisionFilter.ALL, text=found)) == expected


def test_search_keeps_to_the_team(db: Database, pack: Pack, data: LogData) -> None:
    riverside = data.teams[RIVERSIDE]
    found = text_filter(db.target, "kept", kind="decision", team_id=riverside)
    assert not found.keeps(data.decisions["unanimous"])  # the PLC's
    assert keys(data, read(db, pack, riverside).shown(DecisionFilter.ALL, text=found)) == []


def test_review_due_from_its_day(db: Database, pack: Pack, data: LogData) -> None:
    """The PLC's review date is 20 November: due on the day, not the day before."""
    decision = data.decisions["unanimous"]
    on_the_day = read(db, pack, today=date(2026, 11, 20)).get(decision)
    day_before = read(db, pack, today=date(2026, 11, 19)).get(decision)

    assert on_the_day is not None and on_the_day.review_due
    assert day_before is not None and not day_before.review_due


def test_a_review_on_an_agenda_is_no_longer_due(db: Database, pack: Pack, data: LogData) -> None:
    accept_carry_forward(
        db,
        meeting_id=data.meetings["december"],
        picks=[("decision", data.decisions["majority"])],
        now=FROZEN_NOW,
    )

    entry = read(db, pack).get(data.decisions["majority"])

    assert entry is not None
    assert not entry.review_due
    assert entry.review_meeting == "December meeting"


def test_the_full_record_is_counted_as_the_minutes_count_it(
    db: Database, pack: Pack, data: LogData
) -> None:
    log = read(db, pack)
    majority = log.get(data.decisions["majority"])
    consensus = log.get(data.decisions["consensus"])
    one_person = log.get(data.decisions["one_person"])
    undecided = log.get(data.decisions["no_decision"])
    assert majority and consensus and one_person and undecided

    assert majority.line.method_name == "Majority voting"
    assert [v.voter.name for v in majority.line.votes if v.voter] == ["Ana", "Ben", "Cleo"]
    assert majority.tally is not None and majority.tally.decided
    assert "2 of 3" in majority.tally.summary
    assert consensus.tally is not None and not consensus.tally.decided
    assert "Next: more discussion." in consensus.tally.summary
    assert one_person.line.decider is not None and one_person.line.decider.name == "Ana"
    assert one_person.line.continuum_words == "My decision: consult"
    assert undecided.tally is None and undecided.method_label == "no method"


def test_read_in_a_fixed_number_of_statements(demo_db: Database, pack: Pack) -> None:
    """However many decisions there are, with their options and votes."""
    counts = []
    for items in (10, 1_000):
        held_meeting(demo_db, pack, items=items, now=FROZEN_NOW - timedelta(days=items))
        with counted(demo_db) as statements:
            log = read(demo_db, pack)
        counts.append(len(statements))
        assert len(log.entries) >= items

    assert counts[0] == counts[1] <= 8


def test_a_team_by_its_name(db: Database, data: LogData) -> None:
    assert team_named(db, "  riverside   LEADERSHIP ") == data.teams[RIVERSIDE]
    with pytest.raises(NotFoundError) as refused:
        team_named(db, ARCHIVED)
    assert refused.value.sentence == (
        f'There is no team called "{ARCHIVED}"; name one of: {PLC}, {RIVERSIDE}.'
    )
