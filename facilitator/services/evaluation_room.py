"""The room's answers, entered by the facilitator: plus/delta typed as the room says
them, and a tally of hands for each rated item.

Stored in the same tables as the members' own answers, so results, the minutes and
trends count them alike: the room's answers to an instrument fill rows of responses
with no member, one answer per item per row, a new row only when every row already
answers that item. A tally of 3 × "5" and 2 × "4" is five answers in five rows; the
rows say nothing of who gave what, and every row is dated by the evaluation's start
(see `facilitator.services.evaluations`). Each mark and each comment is one short write.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from facilitator.domain.enums import EvaluationMode
from facilitator.domain.evaluation_results import Answer, answer_problem
from facilitator.errors import InvalidInput
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.services.evaluations import RANDOM_IDS, writable_evaluation
from facilitator.services.fields import plain_text
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    Meeting,
    row_id,
)

Key = tuple[str, str]
"""(instrument id, item id)."""


@dataclass(frozen=True)
class RoomAnswers:
    """What the room has said so far."""

    tallies: dict[Key, Counter[str]] = field(default_factory=dict)
    """Marks per value (a rating "5" or a level code) for each rated item."""
    comments: dict[Key, list[tuple[int, str]]] = field(default_factory=dict)
    """(answer id, words) for each comment item, in the order of their words (nothing
    kept says in which order they were said)."""


def room_answers(db: Database, *, evaluation_id: int) -> RoomAnswers:
    """The room's answers to an evaluation so far (to resume entering them)."""
    found = RoomAnswers()
    with db.read() as session:
        rows = session.exec(
            select(EvaluationResponse.instrument_id, EvaluationAnswer)
            .join(EvaluationAnswer, col(EvaluationAnswer.response_id) == col(EvaluationResponse.id))
            .where(EvaluationResponse.evaluation_id == evaluation_id)
        ).all()
    for instrument_id, answer in rows:
        key = (instrument_id, answer.item_id)
        if answer.score is not None or answer.level:
            value = str(answer.score) if answer.score is not None else str(answer.level)
            found.tallies.setdefault(key, Counter())[value] += 1
        elif answer.text:
            found.comments.setdefault(key, []).append((row_id(answer), answer.text))
    for said in found.comments.values():
        said.sort(key=lambda comment: comment[1].casefold())
    return found


def add_room_answer(
    db: Database,
    *,
    evaluation_id: int,
    instrument_id: str,
    item_id: str,
    answer: Answer,
    pack: Pack,
    now: datetime,
) -> int:
    """One more mark or comment from the room; its answer id. InvalidInput for an
    answer that does not fit the item, or an evaluation not taking the room's answers."""
    with db.write(now=now) as session:
        evaluation = _room_evaluation(session, evaluation_id, instrument_id)
        form = form_of(pack.instruments[instrument_id])
        answer = Answer(answer.score, answer.level, plain_text(answer.text, item_id))
        problem = answer_problem(form, item_id, answer)
        if problem:
            raise InvalidInput({item_id: problem})
        response_id = _free_row(session, evaluation, instrument_id, item_id)
        row = EvaluationAnswer(
            id=secrets.randbelow(RANDOM_IDS) + 1,
            response_id=response_id,
            item_id=item_id,
            score=answer.score,
            level=answer.level,
            text=answer.text,
        )
        session.add(row)
        session.flush()
        return row_id(row)


def remove_room_answer(
    db: Database,
    *,
    evaluation_id: int,
    instrument_id: str,
    item_id: str,
    value: str | None = None,
    answer_id: int | None = None,
    now: datetime,
) -> None:
    """Take back one mark of `value` for a rated item, or the comment `answer_id`
    (InvalidInput if there is none to take back)."""
    with db.write(now=now) as session:
        _room_evaluation(session, evaluation_id, instrument_id)
        statement = (
            select(EvaluationAnswer)
            .join(EvaluationResponse, col(EvaluationResponse.id) == EvaluationAnswer.response_id)
            .where(
                EvaluationResponse.evaluation_id == evaluation_id,
                EvaluationResponse.instrument_id == instrument_id,
                EvaluationAnswer.item_id == item_id,
            )
        )
        if answer_id is not None:
            statement = statement.where(EvaluationAnswer.id == answer_id)
        rows = [row for row in session.exec(statement) if _holds(row, value, answer_id)]
        if not rows:
            raise InvalidInput({item_id: "There is nothing there to take back."})
        session.delete(rows[-1])
        session.flush()
        _drop_if_empty(session, rows[-1].response_id)


def _holds(row: EvaluationAnswer, value: str | None, answer_id: int | None) -> bool:
    if answer_id is not None:
        return True
    return value is not None and value in (str(row.score), row.level)


def _room_evaluation(session: Session, evaluation_id: int, instrument_id: str) -> Evaluation:
    evaluation = writable_evaluation(session, evaluation_id)
    if evaluation.mode != EvaluationMode.ROOM.value:
        raise InvalidInput({"form": "Each member gives their own answers in this evaluation."})
    if evaluation.finished_at is not None:
        raise InvalidInput({"form": "This evaluation is finished."})
    if instrument_id not in evaluation.instruments.split(","):
        raise InvalidInput({"form": f'This evaluation does not use "{instrument_id}".'})
    return evaluation


def _free_row(session: Session, evaluation: Evaluation, instrument_id: str, item_id: str) -> int:
    """A row of the room's responses to the instrument with no answer for the item yet,
    made if every row has one."""
    answered = select(EvaluationAnswer.response_id).where(EvaluationAnswer.item_id == item_id)
    free = session.exec(
        select(EvaluationResponse.id).where(
            EvaluationResponse.evaluation_id == evaluation.id,
            EvaluationResponse.instrument_id == instrument_id,
            col(EvaluationResponse.id).not_in(answered),
        )
    ).first()
    if free is not None:
        return free
    return _new_row(session, evaluation, instrument_id)


def _new_row(session: Session, evaluation: Evaluation, instrument_id: str) -> int:
    meeting = fetch(session, Meeting, evaluation.meeting_id, "meeting")
    response = EvaluationResponse(
        id=secrets.randbelow(RANDOM_IDS) + 1,
        team_id=meeting.team_id,
        meeting_id=meeting.id,
        evaluation_id=evaluation.id,
        instrument_id=instrument_id,
        submitted_at=evaluation.started_at,
    )
    session.add(response)
    session.flush()
    return row_id(response)


def _drop_if_empty(session: Session, response_id: int) -> None:
    """A row left with no answer goes, so the rows stay as many as the most marks any
    one item has."""
    left = session.exec(
        select(EvaluationAnswer.id).where(EvaluationAnswer.response_id == response_id)
    ).first()
    if left is None:
        response = session.get(EvaluationResponse, response_id)
        if response is not None:
            session.delete(response)
