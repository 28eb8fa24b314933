"""The facilitator enters the room's answers: a tally per rated item and comments typed
as the room says them, each saved as it is given, counted in the results like the
members' own answers, anonymous, taken back one mark at a time; and a team's default
instruments."""

from __future__ import annotations

import pytest
from sqlmodel import select

from facilitator.domain.enums import EvaluationMode
from facilitator.domain.evaluation_results import Answer
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.evaluation_room import add_room_answer, remove_room_answer, room_answers
from facilitator.services.evaluations import (
    evaluation_defaults,
    finish_evaluation,
    start_evaluation,
)
from facilitator.store.database import Database
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse
from tests.services.evaluation_data import DECEMBER, ETA, at, end_december

GOALS = "goals-and-objectives"
TRUST = "trust-and-conflict-resolution"


@pytest.fixture
def ended(demo_db: Database) -> Database:
    return end_december(demo_db)


def start_room(db: Database, pack: Pack, **extra: object) -> int:
    return start_evaluation(
        db,
        meeting_id=DECEMBER,
        instruments=["plus-delta", ETA],
        mode=EvaluationMode.ROOM,
        anonymous=False,
        pack=pack,
        now=at(1),
        **extra,  # type: ignore[arg-type]
    )


def mark(db: Database, pack: Pack, evaluation: int, item: str, score: int) -> int:
    return add_room_answer(
        db,
        evaluation_id=evaluation,
        instrument_id=ETA,
        item_id=item,
        answer=Answer(score=score),
        pack=pack,
        now=at(5),
    )


def say(db: Database, pack: Pack, evaluation: int, item: str, words: str) -> int:
    return add_room_answer(
        db,
        evaluation_id=evaluation,
        instrument_id="plus-delta",
        item_id=item,
        answer=Answer(text=words),
        pack=pack,
        now=at(6),
    )


def test_a_tally_is_counted_like_answers_with_nothing_skipped(ended: Database, pack: Pack) -> None:
    evaluation = start_room(ended, pack)
    for score in (5, 5, 5, 4, 4):
        mark(ended, pack, evaluation, GOALS, score)
    mark(ended, pack, evaluation, TRUST, 2)
    say(ended, pack, evaluation, "plus", "We kept to time")
    say(ended, pack, evaluation, "delta", "Send the data ahead")
    say(ended, pack, evaluation, "delta", "Fewer items")
    finish_evaluation(ended, evaluation_id=evaluation, now=at(9))

    results = {
        r.form.id: r for r in meeting_evaluation(ended, meeting_id=DECEMBER, pack=pack).results
    }
    items = {item.item.id: item for item in results[ETA].items}
    assert dict(items[GOALS].counts)["5"] == 3 and dict(items[GOALS].counts)["4"] == 2
    assert (items[GOALS].answered, items[GOALS].skipped, items[GOALS].median) == (5, 0, 5)
    assert (items[TRUST].answered, items[TRUST].skipped) == (1, 0)
    texts = sorted(c.text for c in results["plus-delta"].comments)
    assert texts == ["Fewer items", "Send the data ahead", "We kept to time"]
    assert all(c.respondent is None for c in results["plus-delta"].comments)


def test_the_rooms_rows_keep_no_member_and_are_dated_by_the_start(
    ended: Database, pack: Pack
) -> None:
    evaluation = start_room(ended, pack)
    for score in (6, 3, 7):
        mark(ended, pack, evaluation, GOALS, score)
    with ended.read() as session:
        rows = session.exec(select(EvaluationResponse)).all()
        mine = [r for r in rows if r.evaluation_id == evaluation]
        answers = session.exec(select(EvaluationAnswer)).all()
    assert len(mine) == 3
    assert all(r.respondent_member_id is None for r in mine)
    assert {r.created_at for r in mine} == {at(1)}
    assert {a.created_at for a in answers if a.response_id in {r.id for r in mine}} == {at(1)}


def test_a_mark_is_taken_back_and_an_emptied_row_goes(ended: Database, pack: Pack) -> None:
    evaluation = start_room(ended, pack)
    mark(ended, pack, evaluation, GOALS, 5)
    mark(ended, pack, evaluation, GOALS, 4)
    remove_room_answer(
        ended, evaluation_id=evaluation, instrument_id=ETA, item_id=GOALS, value="5", now=at(7)
    )
    said = room_answers(ended, evaluation_id=evaluation)
    assert dict(said.tallies[(ETA, GOALS)]) == {"4": 1}
    with ended.read() as session:
        rows = session.exec(
            select(EvaluationResponse).where(EvaluationResponse.evaluation_id == evaluation)
        ).all()
    assert len(rows) == 1
    with pytest.raises(InvalidInput, match="nothing there"):
        remove_room_answer(
            ended, evaluation_id=evaluation, instrument_id=ETA, item_id=GOALS, value="5", now=at(7)
        )


def test_a_comment_is_taken_back_by_its_id(ended: Database, pack: Pack) -> None:
    evaluation = start_room(ended, pack)
    kept = say(ended, pack, evaluation, "plus", "Good snacks")
    gone = say(ended, pack, evaluation, "plus", "Typo here")
    remove_room_answer(
        ended,
        evaluation_id=evaluation,
        instrument_id="plus-delta",
        item_id="plus",
        answer_id=gone,
        now=at(8),
    )
    said = room_answers(ended, evaluation_id=evaluation)
    assert said.comments[("plus-delta", "plus")] == [(kept, "Good snacks")]


def test_answers_that_do_not_fit_are_refused_with_nothing_saved(
    ended: Database, pack: Pack
) -> None:
    evaluation = start_room(ended, pack)
    with pytest.raises(InvalidInput, match="rated from 1 to 7"):
        mark(ended, pack, evaluation, GOALS, 9)
    with pytest.raises(InvalidInput, match="no item"):
        mark(ended, pack, evaluation, "no-such-item", 3)
    with pytest.raises(InvalidInput, match="does not use"):
        add_room_answer(
            ended,
            evaluation_id=evaluation,
            instrument_id="norms-inventory",
            item_id="x",
            answer=Answer(score=1),
            pack=pack,
            now=at(5),
        )
    assert room_answers(ended, evaluation_id=evaluation).tallies == {}
    with ended.read() as session:
        rows = session.exec(
            select(EvaluationResponse).where(EvaluationResponse.evaluation_id == evaluation)
        ).all()
    assert rows == []


def test_a_pass_the_laptop_evaluation_takes_no_room_answers(ended: Database, pack: Pack) -> None:
    evaluation = start_evaluation(
        ended,
        meeting_id=DECEMBER,
        instruments=[ETA],
        mode=EvaluationMode.LAPTOP,
        anonymous=True,
        pack=pack,
        now=at(1),
    )
    with pytest.raises(InvalidInput, match="their own answers"):
        mark(ended, pack, evaluation, GOALS, 3)


def test_a_finished_evaluation_takes_no_more_marks(ended: Database, pack: Pack) -> None:
    evaluation = start_room(ended, pack)
    finish_evaluation(ended, evaluation_id=evaluation, now=at(2))
    with pytest.raises(InvalidInput, match="finished"):
        mark(ended, pack, evaluation, GOALS, 3)


def test_a_team_keeps_the_instruments_it_makes_its_defaults(ended: Database, pack: Pack) -> None:
    assert evaluation_defaults(ended, meeting_id=DECEMBER, pack=pack) == ("plus-delta",)
    start_room(ended, pack, team_default=True)
    assert evaluation_defaults(ended, meeting_id=DECEMBER, pack=pack) == ("plus-delta", ETA)
    # The other meetings of the same team (November, id 1) share them.
    assert evaluation_defaults(ended, meeting_id=1, pack=pack) == ("plus-delta", ETA)
