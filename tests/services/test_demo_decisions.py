"""The demo's decisions: at least one by each of the six methods, recorded with their
votes, options or decider, counted from what was recorded, cast only by members present;
and a decision item left for "How should we decide?" on the next meeting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from facilitator.domain.decision_count import count_decision, vote_groups
from facilitator.domain.decision_tally import Tally
from facilitator.domain.enums import AttendanceStatus, DecisionMethod, DecisionStatus
from facilitator.domain.minutes import DecisionLine
from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem, Attendance, Decision, Vote
from tests.conftest import FROZEN_NOW, TZ

NOVEMBER = 1  # the demo's closed leadership meeting
DECEMBER = 2  # the demo's planned leadership meeting


@pytest.fixture
def decisions(demo_db: Database, pack: Pack) -> list[DecisionLine]:
    minutes = meeting_minutes(demo_db, meeting_id=NOVEMBER, pack=pack)
    return [d for item in minutes.items for d in item.decisions]


def by_method(decisions: list[DecisionLine], method: DecisionMethod) -> list[DecisionLine]:
    return [d for d in decisions if d.method == method.value]


def test_each_method_is_recorded_and_counted(decisions: list[DecisionLine]) -> None:
    assert {d.method for d in decisions} == {method.value for method in DecisionMethod}
    for line in decisions:
        tally = count_decision(line)
        assert tally is not None, line.method
        # Decided or not follows from what was recorded, never from what was typed.
        assert tally.decided == (line.status == DecisionStatus.DECIDED), line.question
        assert line.outcome and line.rationale and line.method_reason, line.method
        assert line.votes or line.options, line.method


def test_the_multi_vote_took_two_rounds_with_a_tie(decisions: list[DecisionLine]) -> None:
    (focus,) = by_method(decisions, DecisionMethod.MULTI_VOTE)
    tally = count_decision(focus)

    assert (focus.voting_round, focus.dot_budget, len(focus.options)) == (2, 2, 6)
    assert [o.text for o in focus.options if o.voting_round == 2] == [
        "Shared rubric for opinion writing",
        "Weekly writing conferences",
        "Mentor texts in every unit",
    ]
    assert tally is not None
    assert tally.summary.startswith("Round 1: Shared rubric for opinion writing: 4 dots; ")
    assert "Weekly writing conferences and Mentor texts in every unit tied at 3 dots each" in (
        tally.summary
    )
    assert "Round 2: Shared rubric for opinion writing: 6 dots; Weekly writing" in tally.summary
    assert tally.summary.endswith(
        "Chosen: Shared rubric for opinion writing and Weekly writing conferences."
    )


def test_no_member_spends_more_dots_than_the_budget(decisions: list[DecisionLine]) -> None:
    (focus,) = by_method(decisions, DecisionMethod.MULTI_VOTE)
    spent: dict[tuple[str, int], int] = {}
    for vote in focus.votes:
        assert vote.voter is not None
        key = (vote.voter.name, vote.voting_round)
        spent[key] = spent.get(key, 0) + vote.points

    assert set(spent.values()) == {focus.dot_budget}
    assert len(spent) == 2 * 7


def test_the_majority_vote_is_carried_at_exactly_two_thirds(
    decisions: list[DecisionLine],
) -> None:
    (walkthroughs,) = by_method(decisions, DecisionMethod.MAJORITY)
    tally = count_decision(walkthroughs)

    assert (walkthroughs.threshold_kind, walkthroughs.quorum) == ("two_thirds", 5)
    assert tally is not None
    assert tally.summary == (
        "Carried: 4 of 6 votes cast were yes, two thirds needed (4 yes, 2 no, 1 abstained)."
    )
    assert walkthroughs.review_on == FROZEN_NOW.astimezone(TZ).date()


def test_consensus_reached_and_consensus_blocked(decisions: list[DecisionLine]) -> None:
    reached, blocked = by_method(decisions, DecisionMethod.CONSENSUS)

    assert count_decision(reached) == Tally(
        True, "Consensus: 5 support, 2 can live with it, no one blocks."
    )
    tally = count_decision(blocked)
    assert tally is not None
    assert tally.summary == (
        "No consensus: Priya Raman blocks (1 support, 5 can live with it). "
        "Next: the decision is deferred."
    )
    assert (blocked.status, blocked.after_block) == ("deferred", "defer")
    blocks = dict(vote_groups(blocked))["Blocks"]
    assert blocks.startswith("Priya Raman (Lunch is teachers' duty-free time")


def test_unanimous_compromise_and_one_person(decisions: list[DecisionLine]) -> None:
    (family_night,) = by_method(decisions, DecisionMethod.UNANIMOUS)
    (conferences,) = by_method(decisions, DecisionMethod.COMPROMISE)
    (coaching,) = by_method(decisions, DecisionMethod.ONE_PERSON)

    unanimous = count_decision(family_night)
    assert unanimous is not None
    assert unanimous.summary == "Not unanimous: Jorge Medina said no."
    assert family_night.status == "no_decision"
    assert [o.gives for o in conferences.options] == [
        "Shorter conferences: about five minutes.",
        "Students below the 'developing' band are seen every week.",
    ]
    assert conferences.review_on == FROZEN_NOW.astimezone(TZ).date() + timedelta(days=5)
    one = count_decision(coaching)
    assert one is not None
    assert one.summary == (
        "Maria Alvarez decides, after consulting Aisha Karimi and Priya Raman "
        "(My decision: consult)."
    )
    assert coaching.continuum_point == 3


def test_only_members_present_vote(demo_db: Database) -> None:
    with demo_db.read() as session:
        present = set(
            session.exec(
                select(Attendance.member_id).where(
                    Attendance.meeting_id == NOVEMBER,
                    Attendance.status == AttendanceStatus.PRESENT,
                    col(Attendance.member_id).is_not(None),
                )
            )
        )
        voters = set(
            session.exec(
                select(Vote.member_id).join(Decision).where(Decision.meeting_id == NOVEMBER)
            )
        )

    assert voters and voters <= present
    assert len(present) == 7


def test_the_next_meeting_has_a_decision_item_with_no_method_yet(demo_db: Database) -> None:
    with demo_db.read() as session:
        items = session.exec(
            select(AgendaItem).where(
                AgendaItem.meeting_id == DECEMBER, AgendaItem.kind == "decision"
            )
        ).all()

    assert [(i.title, i.decision_method) for i in items] == [("Classroom library budget", None)]
