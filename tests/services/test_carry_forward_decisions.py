"""Carrying forward a decision due for review (tests/decision_log_data.py): offered to the
team's next meeting once its review date is that meeting's day or earlier, accepted as a
decision item planned with the same method, and never offered twice."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from facilitator.domain.enums import ItemKind
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.agenda import delete_item
from facilitator.services.carry_forward import accept_carry_forward, carry_forward_candidates
from facilitator.services.meetings import meeting_plan
from facilitator.store.database import Database
from facilitator.store.tables import CarryForward, Decision, Meeting
from tests.conftest import FROZEN_NOW, TZ
from tests.decision_log_data import RIVERSIDE, LogData, at, fill_log


@pytest.fixture
def data(db: Database) -> LogData:
    return fill_log(db)


def offered(db: Database, meeting_id: int) -> list[tuple[int, str, bool]]:
    """The decisions offered to the meeting: (id, text, already on its agenda)."""
    return [
        (c.id, c.text, c.on_agenda)
        for c in carry_forward_candidates(db, meeting_id=meeting_id, tz=TZ)
        if c.kind == "decision"
    ]


def carry(db: Database, meeting_id: int, decision_id: int) -> list[int]:
    return accept_carry_forward(
        db, meeting_id=meeting_id, picks=[("decision", decision_id)], now=FROZEN_NOW
    )


def set_review(db: Database, decision_id: int, review_on: date | None) -> None:
    with db.write(now=FROZEN_NOW) as session:
        decision = session.get(Decision, decision_id)
        assert decision is not None
        decision.review_on = review_on


def test_offered_when_due_by_the_meetings_day(db: Database, data: LogData) -> None:
    """December's meeting is on the 14th: the majority vote's review (1 November) and a
    review on the 14th itself are due by then; one on the 20th is not; the PLC's
    decision is another team's."""
    december = data.meetings["december"]
    majority, consensus = data.decisions["majority"], data.decisions["consensus"]
    assert offered(db, december) == [(majority, "Adopt the new reading curriculum?", False)]

    set_review(db, consensus, date(2026, 12, 14))
    assert [key for key, _, _ in offered(db, december)] == [majority, consensus]
    detail = next(
        c.detail
        for c in carry_forward_candidates(db, meeting_id=december, tz=TZ)
        if c.id == majority and c.kind == "decision"
    )
    assert detail == "review on Sun 01 Nov · from September meeting"


def test_a_meetings_own_decision_is_not_offered_to_it(db: Database, data: LogData) -> None:
    september = data.meetings["september"]
    assert data.decisions["majority"] not in [key for key, _, _ in offered(db, september)]


def test_accepted_it_becomes_a_decision_item_with_the_same_method(
    db: Database, pack: Pack, data: LogData
) -> None:
    december, majority = data.meetings["december"], data.decisions["majority"]

    (item_id,) = carry(db, december, majority)

    plan = meeting_plan(db, meeting_id=december, pack=pack)
    (item,) = plan.agenda
    assert item.id == item_id
    assert item.title == "Review decision: Adopt the new reading curriculum?"
    assert item.kind == ItemKind.DECISION
    assert item.decision_method == "majority"
    assert item.decision_method_name == "Majority voting"
    assert item.goal == (
        "Its review date has come: does the decision still hold? "
        "Outcome: Adopted for grades 1 to 3."
    )
    assert item.carried_from == "decision due for review"


def test_never_offered_twice(db: Database, pack: Pack, data: LogData) -> None:
    december, majority = data.meetings["december"], data.decisions["majority"]
    carry(db, december, majority)

    # On December's agenda: shown there as already on it, and picking it again adds nothing.
    assert offered(db, december) == [(majority, "Adopt the new reading curriculum?", True)]
    assert carry(db, december, majority) == []
    assert len(meeting_plan(db, meeting_id=december, pack=pack).agenda) == 1
    # A later meeting of the team is not offered it (its review is on December's agenda),
    # only the consensus, whose review (20 December) is due by then.
    with db.write(now=FROZEN_NOW) as session:
        january = Meeting(
            team_id=data.teams[RIVERSIDE], title="January", scheduled_start=at(date(2027, 1, 11))
        )
        session.add(january)
        session.flush()
        january_id = january.id
    assert january_id is not None
    assert [key for key, _, _ in offered(db, january_id)] == [data.decisions["consensus"]]


def test_offered_again_once_its_item_is_deleted(db: Database, data: LogData) -> None:
    december, majority = data.meetings["december"], data.decisions["majority"]
    (item_id,) = carry(db, december, majority)

    delete_item(db, item_id=item_id, now=FROZEN_NOW)

    assert offered(db, december) == [(majority, "Adopt the new reading curriculum?", False)]
    with db.read() as session:
        assert session.exec(select(CarryForward)).all() == []


def test_another_teams_decision_or_none_is_refused(db: Database, data: LogData) -> None:
    december = data.meetings["december"]
    with pytest.raises(InvalidInput, match="belongs to another team"):
        carry(db, december, data.decisions["unanimous"])
    with pytest.raises(NotFoundError):
        carry(db, december, 999)
