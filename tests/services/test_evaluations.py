"""Running an evaluation: a pass-the-laptop round saved answer by answer, anonymous
responses that keep no member and no order, a turn resumed after the program stopped,
skipped turns and items, and answers that do not fit refused with nothing saved."""

from __future__ import annotations

import pytest
from sqlmodel import select

from facilitator.domain.enums import AttendanceStatus, EvaluationMode
from facilitator.domain.evaluation_results import Answer
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.evaluations import (
    begin_turn,
    end_turn,
    evaluation_state,
    finish_evaluation,
    save_answer,
    start_evaluation,
)
from facilitator.store.database import Database
from facilitator.store.tables import (
    Attendance,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationTurn,
)
from tests.services.evaluation_data import DECEMBER, ETA, at, end_december


@pytest.fixture
def ended(demo_db: Database) -> Database:
    return end_december(demo_db)


def start(db: Database, pack: Pack, *, anonymous: bool = True) -> int:
    return start_evaluation(
        db,
        meeting_id=DECEMBER,
        instruments=["plus-delta", ETA],
        mode=EvaluationMode.LAPTOP,
        anonymous=anonymous,
        pack=pack,
        now=at(1),
    )


def turn(db: Database, pack: Pack, evaluation: int, member: int, score: int, delta: str) -> None:
    plus_delta, team = begin_turn(db, evaluation_id=evaluation, member_id=member, now=at(2))
    for response, item, answer in (
        (plus_delta, "delta", Answer(text=delta)),
        (team, "goals-and-objectives", Answer(score=score)),
        (team, "trust-and-conflict-resolution", Answer(score=score + 1)),
    ):
        save_answer(
            db,
            evaluation_id=evaluation,
            response_id=response,
            item_id=item,
            answer=answer,
            pack=pack,
            now=at(3),
        )
    end_turn(db, evaluation_id=evaluation, member_id=member, skipped=False, now=at(4))


def test_an_anonymous_round_of_three_keeps_no_member_and_no_order(
    ended: Database, pack: Pack
) -> None:
    evaluation = start(ended, pack)
    state = evaluation_state(ended, evaluation_id=evaluation)
    assert len(state.present) == 3 and state.waiting == state.present
    for (member, _), score in zip(state.present, (3, 5, 6), strict=True):
        turn(ended, pack, evaluation, member, score, f"delta {score}")
    finish_evaluation(ended, evaluation_id=evaluation, now=at(10))

    with ended.read() as session:
        responses = session.exec(
            select(EvaluationResponse).where(EvaluationResponse.evaluation_id == evaluation)
        ).all()
        answers = session.exec(select(EvaluationAnswer)).all()
        turns = session.exec(
            select(EvaluationTurn).where(EvaluationTurn.evaluation_id == evaluation)
        ).all()
    assert len(responses) == 6
    assert {r.respondent_member_id for r in responses} == {None}
    assert {r.submitted_at for r in responses} == {at(1)}  # the evaluation's start
    mine = [a for a in answers if a.response_id in {r.id for r in responses}]
    assert {a.created_at for a in mine} == {at(1)}
    assert {t.created_at for t in turns} == {at(1)}
    assert evaluation_state(ended, evaluation_id=evaluation).waiting == ()

    results = meeting_evaluation(ended, meeting_id=DECEMBER, pack=pack).results
    team = next(r for r in results if r.form.id == ETA)
    goals = next(i for i in team.items if i.item.id == "goals-and-objectives")
    assert (goals.median, goals.answered, goals.skipped) == (5, 3, 0)
    plus_delta = next(r for r in results if r.form.id == "plus-delta")
    assert sorted(c.text for c in plus_delta.comments) == ["delta 3", "delta 5", "delta 6"]
    assert {c.respondent for c in plus_delta.comments} == {None}


def test_a_named_round_keeps_the_member(ended: Database, pack: Pack) -> None:
    evaluation = start(ended, pack, anonymous=False)
    member, name = evaluation_state(ended, evaluation_id=evaluation).present[0]
    turn(ended, pack, evaluation, member, 4, "shorter reports")
    results = meeting_evaluation(ended, meeting_id=DECEMBER, pack=pack).results
    plus_delta = next(r for r in results if r.form.id == "plus-delta")
    assert [(c.text, c.respondent) for c in plus_delta.comments] == [("shorter reports", name)]


def test_a_turn_cut_short_resumes_with_its_answers(ended: Database, pack: Pack) -> None:
    evaluation = start(ended, pack)
    member = evaluation_state(ended, evaluation_id=evaluation).present[0][0]
    first = begin_turn(ended, evaluation_id=evaluation, member_id=member, now=at(2))
    save_answer(
        ended,
        evaluation_id=evaluation,
        response_id=first[1],
        item_id="leadership",
        answer=Answer(score=6),
        pack=pack,
        now=at(3),
    )
    # The program stops here; opened again, the same member's turn carries on.
    state = evaluation_state(ended, evaluation_id=evaluation)
    assert (state.turn_member_id, state.turn_responses) == (member, first)
    assert begin_turn(ended, evaluation_id=evaluation, member_id=member, now=at(9)) == first


def test_a_skipped_turn_keeps_nothing_but_that_it_was_taken(ended: Database, pack: Pack) -> None:
    evaluation = start(ended, pack)
    member = evaluation_state(ended, evaluation_id=evaluation).present[1][0]
    begin_turn(ended, evaluation_id=evaluation, member_id=member, now=at(2))
    end_turn(ended, evaluation_id=evaluation, member_id=member, skipped=True, now=at(3))
    with ended.read() as session:
        assert (
            session.exec(
                select(EvaluationResponse).where(EvaluationResponse.evaluation_id == evaluation)
            ).all()
            == []
        )
    state = evaluation_state(ended, evaluation_id=evaluation)
    assert member in state.done and len(state.waiting) == 2
    with pytest.raises(InvalidInput, match="has had their turn"):
        begin_turn(ended, evaluation_id=evaluation, member_id=member, now=at(4))


def test_a_rating_off_the_scale_is_refused_and_nothing_saved(ended: Database, pack: Pack) -> None:
    evaluation = start(ended, pack)
    member = evaluation_state(ended, evaluation_id=evaluation).present[0][0]
    _, team = begin_turn(ended, evaluation_id=evaluation, member_id=member, now=at(2))
    for item, answer, problem in (
        ("leadership", Answer(score=8), "rated from 1 to 7"),
        ("morale", Answer(score=3), 'has no item "morale"'),
    ):
        with pytest.raises(InvalidInput, match=problem):
            save_answer(
                ended,
                evaluation_id=evaluation,
                response_id=team,
                item_id=item,
                answer=answer,
                pack=pack,
                now=at(3),
            )
    with ended.read() as session:
        assert (
            session.exec(select(EvaluationAnswer).where(EvaluationAnswer.response_id == team)).all()
            == []
        )


@pytest.mark.parametrize(
    ("instruments", "problem"),
    [
        ([], "Choose at least one instrument."),
        (["no-such"], 'There is no instrument "no-such".'),
        (["coherence-progression"], "is a periodic team self-assessment"),
    ],
)
def test_a_bad_choice_of_instruments_is_said(
    ended: Database, pack: Pack, instruments: list[str], problem: str
) -> None:
    with pytest.raises(InvalidInput, match=problem):
        start_evaluation(
            ended,
            meeting_id=DECEMBER,
            instruments=instruments,
            mode=EvaluationMode.LAPTOP,
            anonymous=True,
            pack=pack,
            now=at(1),
        )


def test_a_meeting_is_evaluated_once_it_has_ended(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(InvalidInput, match="once it has ended"):
        start(demo_db, pack)


def test_only_members_present_take_a_turn(ended: Database, pack: Pack) -> None:
    evaluation = start(ended, pack)
    with ended.read() as session:
        absent = session.exec(
            select(Attendance.member_id).where(
                Attendance.meeting_id == DECEMBER, Attendance.status == AttendanceStatus.ABSENT
            )
        ).first()
    assert absent is not None
    with pytest.raises(InvalidInput, match="Only members present"):
        begin_turn(ended, evaluation_id=evaluation, member_id=absent, now=at(2))
