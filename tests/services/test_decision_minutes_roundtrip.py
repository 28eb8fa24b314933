"""A decision recorded by each of the six methods goes out in the JSON minutes and comes
back through an import into another database with everything it recorded: options with
their round and what each side gives, votes with their choice, round and note (an
anonymous vote still naming no one), a secret ballot's counts, threshold, quorum, who
was present, the rationale and the review date. A file written before decisions were
counted still imports; a decision with a bad value saves nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from facilitator.domain.decision_count import count_decision
from facilitator.domain.minutes import DecisionLine, Minutes
from facilitator.pack.deciding import continuum_words
from facilitator.pack.loader import Pack
from facilitator.render.minutes_json import minutes_from_json, minutes_json
from facilitator.services.minutes import meeting_minutes
from facilitator.services.minutes_io import MinutesNotImported, import_minutes
from facilitator.store.database import Database
from facilitator.store.repo import teams
from facilitator.store.tables import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionOption,
    Meeting,
    Vote,
    metadata,
    row_id,
)
from facilitator.store.target import sqlite_target
from tests.conftest import FROZEN_NOW
from tests.render.exports import without_ids

OLD_FILE = Path(__file__).parent / "data" / "minutes-before-decisions.json"
"""The demo's November minutes as exported before decisions were counted (commit
36f195c): no threshold, ballot, rationale, review date, rounds, choices or gives."""
HELD = datetime(2026, 11, 9, 15, 30, tzinfo=UTC)
PEOPLE = ("Ana Lima", "Ben Cho", "Cara Diaz", "Dev Patel", "Eve Moss")

Spec = dict[str, Any]
"""A decision's fields; "options" and "votes" list their rows' fields, a vote naming
its member by index into PEOPLE (None: anonymous) and its option by index."""

METHODS: dict[str, Spec] = {
    "majority": {
        "continuum_point": 4,
        "method_reason": "Clear options; a divided vote is acceptable.",
        "threshold_kind": "two_thirds",
        "quorum": 4,
        "present_count": 5,
        "votes": [{"member": 0, "choice": "yes"}, {"member": 1, "choice": "yes"}]
        + [{"member": 2, "choice": "yes"}, {"member": 3, "choice": "no"}]
        + [{"member": 4, "choice": "abstain"}],
        "rationale": "It touches every classroom.",
        "review_on": date(2027, 2, 1),
    },
    "ballot": {
        "method": "majority",
        "threshold_kind": "percent",
        "threshold_percent": 60,
        "present_count": 5,
        "ballot_yes": 3,
        "ballot_no": 1,
        "ballot_abstain": 1,
    },
    "consensus": {
        "anonymous": True,
        "present_count": 5,
        "votes": [{"member": None, "choice": "support"}] * 3
        + [{"member": None, "choice": "live_with"}]
        + [{"member": None, "choice": "block", "blocks": True, "note": "Lunch is duty-free."}],
        "after_block": "fallback",
        "fallback_method": "majority",
        "status": "deferred",
    },
    "unanimous": {
        "present_count": 5,
        "votes": [{"member": n, "choice": "yes"} for n in range(4)]
        + [{"member": 4, "choice": "no", "note": "Thursday evenings I teach."}],
        "status": "no_decision",
    },
    "multi_vote": {
        "dot_budget": 2,
        "voting_round": 2,
        "options": [
            {"text": "Rubric", "chosen": True, "voting_round": 2},
            {"text": "Conferences", "voting_round": 2},
            {"text": "Portfolios", "voting_round": 1},
        ],
        "votes": [
            {"member": 0, "option": 0, "points": 2},
            {"member": 1, "option": 1, "points": 1},
            {"member": 1, "option": 2, "points": 1},
            {"member": 0, "option": 0, "points": 2, "voting_round": 2},
            {"member": 1, "option": 1, "points": 2, "voting_round": 2},
        ],
        "outcome": "The rubric.",
    },
    "compromise": {
        "options": [
            {"text": "Every student weekly", "gives": "Shorter conferences"},
            {"text": "A third each week", "gives": "Struggling writers weekly"},
        ],
        "outcome": "Every student every two weeks.",
    },
    "one_person": {
        "decider": 0,
        "continuum_point": 3,
        "votes": [{"member": 1, "choice": "consulted"}, {"member": 2, "choice": "consulted"}],
        "outcome": "Coaching moves to Wednesdays.",
    },
}


def build_meeting(db: Database, name: str, spec: Spec) -> int:
    """A closed meeting of a new team with one decision item holding the decision."""
    with db.write(now=FROZEN_NOW) as session:
        team = teams.add_team(session, name="Harbour Team", purpose="Every child reads.")
        members = [row_id(teams.add_member(session, team_id=row_id(team), name=n)) for n in PEOPLE]
        meeting = Meeting(
            team_id=row_id(team), title="November meeting", scheduled_start=HELD,
            status="closed", started_at=HELD, ended_at=HELD, closed_at=HELD,
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        item = AgendaItem(meeting_id=row_id(meeting), title="Decide", kind="decision")
        session.add(item)
        session.add_all(
            Attendance(meeting_id=row_id(meeting), member_id=m, status="present") for m in members
        )
        session.flush()
        add_decision(session, row_id(meeting), row_id(item), members, name, spec)
        return row_id(meeting)


def add_decision(
    session: Session, meeting_id: int, item_id: int, members: list[int], name: str, spec: Spec
) -> None:
    fields = {k: v for k, v in spec.items() if k not in ("options", "votes", "decider")}
    fields.setdefault("method", name)
    fields.setdefault("status", "decided")
    decider = spec.get("decider")
    decision = Decision(
        meeting_id=meeting_id, agenda_item_id=item_id, question=f"A {name} question?",
        decider_member_id=None if decider is None else members[decider],
        decided_at=HELD, **fields,
    )  # fmt: skip
    session.add(decision)
    session.flush()
    options = [
        DecisionOption(decision_id=row_id(decision), position=n, **option)
        for n, option in enumerate(spec.get("options", []))
    ]
    session.add_all(options)
    session.flush()
    for vote in spec.get("votes", []):
        member, option = vote.get("member"), vote.get("option")
        rest = {k: v for k, v in vote.items() if k not in ("member", "option")}
        session.add(
            Vote(
                decision_id=row_id(decision),
                member_id=None if member is None else members[member],
                option_id=None if option is None else row_id(options[option]),
                **rest,
            )
        )


@pytest.fixture
def other_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A second fresh, empty database beside the test's own."""
    path = tmp_path / "other.db"
    shutil.copyfile(migrated_template, path)
    database = Database(sqlite_target(path))
    yield database
    database.dispose()


def exported(db: Database, pack: Pack, meeting_id: int) -> tuple[Minutes, str]:
    minutes = meeting_minutes(db, meeting_id=meeting_id, pack=pack)
    return minutes, minutes_json(minutes, exported_at=FROZEN_NOW)


def imported(db: Database, pack: Pack, text: str) -> Minutes:
    result = import_minutes(db, text=text, pack=pack, now=FROZEN_NOW)
    return meeting_minutes(db, meeting_id=result.meeting_id, pack=pack)


def the_decision(minutes: Minutes) -> DecisionLine:
    (decision,) = minutes.decisions
    return decision


@pytest.mark.parametrize("name", METHODS)
def test_a_decision_by_each_method_comes_back_whole(
    name: str, db: Database, other_db: Database, pack: Pack
) -> None:
    minutes, text = exported(db, pack, build_meeting(db, name, METHODS[name]))
    back = imported(other_db, pack, text)

    assert without_ids(back) == without_ids(minutes)
    assert count_decision(the_decision(back)) == count_decision(the_decision(minutes))
    assert the_decision(back).method == METHODS[name].get("method", name)


def written(text: str) -> dict[str, Any]:
    decision: dict[str, Any] = json.loads(text)["meeting"]["items"][0]["decisions"][0]
    return decision


def test_the_file_says_everything_the_decision_recorded(db: Database, pack: Pack) -> None:
    majority = written(exported(db, pack, build_meeting(db, "majority", METHODS["majority"]))[1])
    assert majority["threshold_kind"] == "two_thirds" and majority["quorum"] == 4
    assert majority["present_count"] == 5 and majority["review_on"] == "2027-02-01"
    assert [v["choice"] for v in majority["votes"]] == ["yes", "yes", "yes", "no", "abstain"]
    assert majority["continuum_words"] == "Joint decision: co-construct"
    assert majority["result"] == {
        "decided": True,
        "summary": "Carried: 3 of 4 votes cast were yes, two thirds needed "
        "(3 yes, 1 no, 1 abstained).",
    }


def test_a_secret_ballot_is_an_object_of_counts(db: Database, pack: Pack) -> None:
    ballot = written(exported(db, pack, build_meeting(db, "ballot", METHODS["ballot"]))[1])
    assert ballot["ballot"] == {"yes": 3, "no": 1, "abstain": 1}
    assert ballot["votes"] == []
    assert ballot["result"]["decided"] is True


def test_an_anonymous_vote_comes_back_naming_no_one(
    db: Database, other_db: Database, pack: Pack
) -> None:
    _, text = exported(db, pack, build_meeting(db, "consensus", METHODS["consensus"]))
    assert all(vote["voter"] is None for vote in written(text)["votes"])
    assert written(text)["result"]["decided"] is False
    back = the_decision(imported(other_db, pack, text))
    with other_db.read() as session:
        stored = [(v.member_id, v.choice, v.note) for v in session.execute(select(Vote)).scalars()]
    assert {member for member, _, _ in stored} == {None}
    assert (None, "block", "Lunch is duty-free.") in stored and back.anonymous
    assert back.fallback_name == "Majority voting"


# A file written before decisions were counted --------------------------------------------


def test_a_file_from_before_decisions_were_counted_still_imports(
    other_db: Database, pack: Pack
) -> None:
    text = OLD_FILE.read_text()
    assert '"choice"' not in text and '"review_on"' not in text  # it is the old format
    back = imported(other_db, pack, text)
    words = continuum_words(pack)
    expected = minutes_from_json(text)
    expected = replace(
        expected,
        next_meeting=None,
        items=tuple(
            replace(
                item,
                decisions=tuple(
                    replace(d, continuum_words=words.get(d.continuum_point or 0, ""))
                    for d in item.decisions
                ),
            )
            for item in expected.items
        ),
    )
    assert without_ids(back) == without_ids(expected)
    for decision in back.decisions:
        assert decision.threshold_kind is None and decision.ballot is None
        assert decision.review_on is None and decision.rationale == ""
        assert {(v.choice, v.voting_round) for v in decision.votes} == {(None, 1)}


# Bad values save nothing -------------------------------------------------------------------

DECISION = "meeting.items[0].decisions[0]"
BAD = [
    ("majority", "votes[0].choice", "maybe", "should be one of yes, no, abstain, support"),
    ("majority", "threshold_percent", 150, "should be a whole number from 1 to 100, not 150"),
    ("majority", "threshold_percent", 0, "should be a whole number from 1 to 100, not 0"),
    ("majority", "continuum_point", 9, "should be a whole number from 1 to 7, not 9"),
    ("majority", "review_on", "next spring", 'should be a date like 2026-11-30, not "next'),
    ("majority", "threshold_kind", "most", "should be one of half, two_thirds, percent"),
    ("majority", "quorum", 0, "should be a whole number from 1 up, not 0"),
    ("ballot", "ballot", [3, 1, 1], "should be an object of yes, no and abstain counts"),
    ("ballot", "ballot.yes", -1, "should be a whole number from 0 up, not -1"),
    ("ballot", "threshold_percent", None, 'from 1 to 100 when threshold_kind is "percent"'),
    ("consensus", "after_block", "vote", "should be one of discuss, fallback, defer"),
    ("consensus", "votes[0].voter", {"name": "Ana Lima", "member_id": 1}, "should be null"),
    ("multi_vote", "options[0].voting_round", 0, "should be a whole number from 1 up, not 0"),
    ("multi_vote", "votes[0].points", -2, "should be a whole number from 0 up, not -2"),
]


@pytest.mark.parametrize(("name", "field", "value", "said"), BAD)
def test_a_bad_decision_value_is_one_sentence_and_saves_nothing(
    name: str, field: str, value: object, said: str, db: Database, pack: Pack
) -> None:
    _, text = exported(db, pack, build_meeting(db, name, METHODS[name]))
    data = json.loads(text)
    target: Any = data["meeting"]["items"][0]["decisions"][0]
    *parents, last = field.replace("[", ".").replace("]", "").split(".")
    for key in parents:
        target = target[int(key) if key.isdigit() else key]
    target[last] = value
    before = row_counts(db)

    with pytest.raises(MinutesNotImported) as caught:
        import_minutes(db, text=json.dumps(data), pack=pack, now=FROZEN_NOW)

    assert row_counts(db) == before
    assert caught.value.path == f"{DECISION}.{field}"
    assert caught.value.sentence.startswith(f"{DECISION}.{field} ")
    assert said in caught.value.sentence
    assert caught.value.sentence.endswith(".") and "\n" not in caught.value.sentence


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in metadata.sorted_tables
        }
