"""Running an evaluation after a meeting: choosing the instruments and how responses
are collected, each member's turn (pass the laptop) or the room's answers entered by the
facilitator, every answer saved as it is given, and leaving and resuming.

Anonymity: an anonymous response is stored with no member, with a random id (its
answers too) and the evaluation's start time as its timestamps, and the turns record
only who has had one, with random ids: nothing kept says who answered in which order.
Only while a turn lasts does the evaluation row name that turn's responses, so a turn
cut short resumes where it stopped.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from facilitator.domain.enums import AttendanceStatus, EvaluationMode, MeetingStatus
from facilitator.domain.evaluation_results import Answer, answer_problem
from facilitator.errors import InvalidInput
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.services.fields import plain_text
from facilitator.store.database import Database, stamp_as
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    Attendance,
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationTurn,
    Meeting,
    Member,
    Team,
    row_id,
)

DEFAULT_INSTRUMENTS = ("plus-delta",)
"""What a meeting is evaluated with unless its team has chosen defaults."""

RANDOM_IDS = 2**53
"""Random ids stay below this (exact in a double, as JSON readers need)."""


@dataclass(frozen=True)
class EvaluationState:
    """Where an evaluation stands: who can still take a turn, whose turn is under way."""

    evaluation_id: int
    instruments: tuple[str, ...]
    mode: EvaluationMode
    anonymous: bool
    present: tuple[tuple[int, str], ...]
    """(member id, name) of the members present, in the team's order."""
    done: frozenset[int]
    """Members who have had their turn (answered or skipped)."""
    turn_member_id: int | None
    turn_responses: tuple[int, ...]
    finished: bool

    @property
    def waiting(self) -> tuple[tuple[int, str], ...]:
        return tuple(p for p in self.present if p[0] not in self.done)


def start_evaluation(
    db: Database,
    *,
    meeting_id: int,
    instruments: Sequence[str],
    mode: EvaluationMode,
    anonymous: bool,
    pack: Pack,
    now: datetime,
    team_default: bool = False,
) -> int:
    """A new evaluation of a meeting that has ended (InvalidInput otherwise); the
    room's answers are anonymous whatever `anonymous` says. `team_default`: the
    instruments become the team's defaults too."""
    chosen = list(dict.fromkeys(instruments))
    if not chosen:
        raise InvalidInput({"instruments": "Choose at least one instrument."})
    unknown = [i for i in chosen if i not in pack.instruments]
    if unknown:
        raise InvalidInput({"instruments": f'There is no instrument "{unknown[0]}".'})
    periodic = [i for i in chosen if pack.instruments[i].use != "meeting"]
    if periodic:
        name = pack.instruments[periodic[0]].name
        raise InvalidInput({"instruments": f"{name} is a periodic team self-assessment."})
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        if meeting.ended_at is None and meeting.status != MeetingStatus.CLOSED:
            raise InvalidInput({"form": "A meeting is evaluated once it has ended."})
        evaluation = Evaluation(
            meeting_id=meeting_id,
            instruments=",".join(chosen),
            mode=mode.value,
            anonymous=anonymous or mode == EvaluationMode.ROOM,
            started_at=now,
        )
        session.add(evaluation)
        if team_default:
            team = fetch(session, Team, meeting.team_id, "team")
            team.evaluation_instruments = ",".join(chosen)
            session.add(team)
        session.flush()
        return row_id(evaluation)


def evaluation_defaults(db: Database, *, meeting_id: int, pack: Pack) -> tuple[str, ...]:
    """The instruments a meeting's team evaluates with by default: its own choice (less
    any the content pack no longer has as a meeting instrument), else plus/delta."""
    with db.read() as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        team = fetch(session, Team, meeting.team_id, "team")
    chosen = tuple(
        key
        for key in team.evaluation_instruments.split(",")
        if key in pack.instruments and pack.instruments[key].use == "meeting"
    )
    return chosen or DEFAULT_INSTRUMENTS


def evaluation_state(db: Database, *, evaluation_id: int) -> EvaluationState:
    with db.read() as session:
        evaluation = fetch(session, Evaluation, evaluation_id, "evaluation")
        present = _present(session, evaluation.meeting_id)
        done = session.exec(
            select(EvaluationTurn.member_id).where(EvaluationTurn.evaluation_id == evaluation_id)
        ).all()
    return EvaluationState(
        evaluation_id,
        tuple(evaluation.instruments.split(",")),
        EvaluationMode(evaluation.mode),
        evaluation.anonymous,
        tuple(present),
        frozenset(done),
        evaluation.turn_member_id,
        _ids(evaluation.turn_responses),
        evaluation.finished_at is not None,
    )


def begin_turn(
    db: Database, *, evaluation_id: int, member_id: int | None, now: datetime
) -> tuple[int, ...]:
    """The responses (one per instrument) a member's turn fills, or, in the room mode
    (`member_id` None), one more set for the room; a turn already under way for the
    same member resumes with its responses."""
    with db.write(now=now) as session:
        evaluation = writable_evaluation(session, evaluation_id)
        when = evaluation.started_at if evaluation.anonymous else now
        if evaluation.finished_at is not None:
            raise InvalidInput({"form": "This evaluation is finished."})
        if evaluation.turn_responses and evaluation.turn_member_id == member_id:
            return _ids(evaluation.turn_responses)
        if member_id is not None:
            _check_turn(session, evaluation, member_id)
        meeting = fetch(session, Meeting, evaluation.meeting_id, "meeting")
        hidden = evaluation.anonymous or member_id is None
        responses = [
            EvaluationResponse(
                id=secrets.randbelow(RANDOM_IDS) + 1 if hidden else None,
                team_id=meeting.team_id,
                meeting_id=meeting.id,
                evaluation_id=evaluation_id,
                instrument_id=instrument,
                respondent_member_id=None if hidden else member_id,
                submitted_at=when,
            )
            for instrument in evaluation.instruments.split(",")
        ]
        session.add_all(responses)
        session.flush()
        ids = tuple(row_id(r) for r in responses)
        evaluation.turn_member_id = member_id
        evaluation.turn_responses = ",".join(str(i) for i in ids)
        session.add(evaluation)
        return ids


def save_answer(
    db: Database,
    *,
    evaluation_id: int,
    response_id: int,
    item_id: str,
    answer: Answer | None,
    pack: Pack,
    now: datetime,
) -> None:
    """One answer, saved as it is given (None takes it back: the item is skipped)."""
    with db.write(now=now) as session:
        evaluation = writable_evaluation(session, evaluation_id)
        if response_id not in _ids(evaluation.turn_responses):
            raise InvalidInput({"form": "That answer belongs to no turn under way."})
        response = fetch(session, EvaluationResponse, response_id, "response")
        form = form_of(pack.instruments[response.instrument_id])
        if answer is not None:
            answer = Answer(answer.score, answer.level, plain_text(answer.text, item_id))
            problem = answer_problem(form, item_id, answer)
            if problem:
                raise InvalidInput({item_id: problem})
        _store_answer(session, response, item_id, answer, hidden=evaluation.anonymous)


def _store_answer(
    session: Session,
    response: EvaluationResponse,
    item_id: str,
    answer: Answer | None,
    *,
    hidden: bool,
) -> None:
    found = session.exec(
        select(EvaluationAnswer).where(
            EvaluationAnswer.response_id == response.id, EvaluationAnswer.item_id == item_id
        )
    ).first()
    if answer is None:
        if found is not None:
            session.delete(found)
        return
    row = found or EvaluationAnswer(
        id=secrets.randbelow(RANDOM_IDS) + 1 if hidden else None,
        response_id=row_id(response),
        item_id=item_id,
    )
    row.score, row.level, row.text = answer.score, answer.level, answer.text
    session.add(row)


def end_turn(
    db: Database, *, evaluation_id: int, member_id: int | None, skipped: bool, now: datetime
) -> None:
    """The turn under way is over ("Next person"): the member is counted as done; a
    skipped turn keeps no responses."""
    with db.write(now=now) as session:
        evaluation = writable_evaluation(session, evaluation_id)
        ids = _ids(evaluation.turn_responses)
        if skipped:
            for response in session.exec(
                select(EvaluationResponse).where(col(EvaluationResponse.id).in_(ids))
            ):
                session.delete(response)
        if member_id is not None:
            _check_turn(session, evaluation, member_id)
            session.add(
                EvaluationTurn(
                    id=secrets.randbelow(RANDOM_IDS) + 1,
                    evaluation_id=evaluation_id,
                    member_id=member_id,
                    skipped=skipped,
                )
            )
        evaluation.turn_member_id, evaluation.turn_responses = None, ""
        session.add(evaluation)


def finish_evaluation(db: Database, *, evaluation_id: int, now: datetime) -> None:
    with db.write(now=now) as session:
        evaluation = fetch(session, Evaluation, evaluation_id, "evaluation")
        if evaluation.turn_responses:
            raise InvalidInput({"form": "A turn is under way: finish it or skip it first."})
        evaluation.finished_at = evaluation.finished_at or now
        session.add(evaluation)


def writable_evaluation(session: Session, evaluation_id: int) -> Evaluation:
    """The evaluation, with the unit of work set to date an anonymous one's rows by its
    start (so no row says when it was written)."""
    evaluation = fetch(session, Evaluation, evaluation_id, "evaluation")
    if evaluation.anonymous:
        stamp_as(session, evaluation.started_at)
    return evaluation


def _check_turn(session: Session, evaluation: Evaluation, member_id: int) -> None:
    present = {m for m, _ in _present(session, evaluation.meeting_id)}
    if member_id not in present:
        raise InvalidInput({"form": "Only members present at the meeting take a turn."})
    had = session.exec(
        select(EvaluationTurn.id).where(
            EvaluationTurn.evaluation_id == evaluation.id, EvaluationTurn.member_id == member_id
        )
    ).first()
    if had is not None:
        raise InvalidInput({"form": "That member has had their turn."})


def _present(session: Session, meeting_id: int) -> list[tuple[int, str]]:
    """Members marked present at the meeting (closure's attendance), in the team's order."""
    rows = session.exec(
        select(Member.id, Member.name)
        .join(Attendance, col(Attendance.member_id) == col(Member.id))
        .where(
            Attendance.meeting_id == meeting_id,
            Attendance.status == AttendanceStatus.PRESENT.value,
        )
        .order_by(col(Member.id))
    ).all()
    return [(member_id, name) for member_id, name in rows if member_id is not None]


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def unfinished_evaluation(db: Database, *, meeting_id: int) -> int | None:
    """The meeting's latest evaluation not yet finished, to resume; None if none."""
    with db.read() as session:
        return session.exec(
            select(Evaluation.id)
            .where(Evaluation.meeting_id == meeting_id, col(Evaluation.finished_at).is_(None))
            .order_by(col(Evaluation.id).desc())
        ).first()


def turn_answers(db: Database, *, response_ids: Sequence[int]) -> dict[tuple[int, str], Answer]:
    """The answers already given in a turn (a resumed one), by (response id, item id)."""
    with db.read() as session:
        rows = session.exec(
            select(EvaluationAnswer).where(col(EvaluationAnswer.response_id).in_(response_ids))
        ).all()
    return {(a.response_id, a.item_id): Answer(a.score, a.level, a.text) for a in rows}
