"""A meeting's evaluation results as the results screen, the minutes and `facilitator
evaluation` show them: each instrument the meeting was evaluated with, counted over the
responses saved (see `facilitator.domain.evaluation_results`). Read in three queries
however many responses there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from sqlmodel import Session, col, select

from facilitator.domain.enums import EvaluationMode
from facilitator.domain.evaluation_results import Answer, InstrumentResult, Response, count_results
from facilitator.domain.meeting_date import MeetingTimes, held_at, meeting_day
from facilitator.errors import NotFoundError
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    Meeting,
    Member,
    Team,
    TimerSegment,
    row_id,
)


@dataclass(frozen=True)
class MeetingEvaluation:
    """A meeting's evaluation, instrument by instrument."""

    meeting_id: int
    title: str
    team: str
    held_on: date
    results: tuple[InstrumentResult, ...]
    unknown: tuple[str, ...] = ()
    """Instruments responses were saved for that the content pack no longer has."""
    team_id: int | None = None
    """The team's id (its trends are a key away from the results)."""


def meeting_evaluation(
    db: Database, *, meeting_id: int, pack: Pack, tz: tzinfo | None = None
) -> MeetingEvaluation:
    """The results of every instrument meeting `meeting_id` was evaluated with, in the
    pack's order (NotFoundError for a meeting that does not exist)."""
    with db.read() as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        team = session.get(Team, meeting.team_id)
        results, unknown = read_results(session, meeting_id=meeting_id, pack=pack)
        starts = session.exec(
            select(TimerSegment.started_at).where(TimerSegment.meeting_id == meeting_id)
        ).all()
        times = MeetingTimes(meeting.scheduled_start, held_at(meeting.started_at, starts))
    if team is None:
        raise NotFoundError(f"There is no team {meeting.team_id}.")
    day = meeting_day(times, tz)
    return MeetingEvaluation(
        meeting_id, meeting.title, team.name, day, results, unknown, meeting.team_id
    )


def read_results(
    session: Session, *, meeting_id: int, pack: Pack
) -> tuple[tuple[InstrumentResult, ...], tuple[str, ...]]:
    """Within an open session (the minutes read them with theirs): the results of each
    instrument meeting `meeting_id` was evaluated with, in the pack's order, and the ids
    of instruments responses were saved for that the pack no longer has."""
    responses = _responses(session, meeting_id)
    results = tuple(
        count_results(form_of(entry), responses[instrument_id])
        for instrument_id, entry in pack.instruments.items()
        if instrument_id in responses
    )
    return results, tuple(sorted(set(responses) - set(pack.instruments)))


def _responses(session: Session, meeting_id: int) -> dict[str, list[Response]]:
    rows = session.exec(
        select(EvaluationResponse, Member.name, Evaluation.mode)
        .join(Member, col(EvaluationResponse.respondent_member_id) == col(Member.id), isouter=True)
        .join(Evaluation, col(EvaluationResponse.evaluation_id) == col(Evaluation.id), isouter=True)
        .where(EvaluationResponse.meeting_id == meeting_id)
        .order_by(col(EvaluationResponse.id))
    ).all()
    ids = [row_id(response) for response, _, _ in rows]
    answers: dict[int, dict[str, Answer]] = {}
    for answer in session.exec(
        select(EvaluationAnswer).where(col(EvaluationAnswer.response_id).in_(ids))
    ):
        answers.setdefault(answer.response_id, {})[answer.item_id] = Answer(
            answer.score, answer.level, answer.text
        )
    found: dict[str, list[Response]] = {}
    for response, name, mode in rows:
        found.setdefault(response.instrument_id, []).append(
            Response(name, answers.get(row_id(response), {}), mode == EvaluationMode.ROOM)
        )
    return found
