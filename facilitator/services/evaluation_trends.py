"""A team's evaluation trends, as `facilitator trends` prints them: each rating item of
the content pack's instruments over every meeting of the team that was evaluated (see
`facilitator.domain.evaluation_trends`).

Read in four queries however many meetings there are: the team, its evaluated meetings
with the moment each was held, the responses, and the answers. Each meeting's responses
are counted as its results are (`count_results`), so a trend's point is the mean the
meeting's results show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from facilitator.domain.evaluation_results import Answer, Response, count_results
from facilitator.domain.evaluation_trends import MeetingResults, TeamTrends, trends_of
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.repo.meetings import held_at_column
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse, Meeting, Team

ByMeeting = dict[int, dict[str, list[Response]]]
"""Responses by meeting id, then by instrument id."""


def team_trends(db: Database, *, team_id: int, pack: Pack, tz: tzinfo | None = None) -> TeamTrends:
    """Team `team_id`'s trends over its evaluated meetings, oldest first (a meeting is
    dated by the day it was held on the wall clock of `tz`; None: the machine's).
    NotFoundError if there is no team `team_id`."""
    with db.read() as session:
        team = fetch(session, Team, team_id, "team")
        meetings = _evaluated_meetings(session, team_id)
        responses = _responses(session, team_id)
    forms = {instrument_id: form_of(entry) for instrument_id, entry in pack.instruments.items()}
    counted = [
        MeetingResults(
            meeting_id,
            meeting_day(times, tz),
            title,
            tuple(
                count_results(forms[instrument_id], given)
                for instrument_id, given in responses.get(meeting_id, {}).items()
                if instrument_id in forms
            ),
        )
        for meeting_id, title, times in meetings
    ]
    return TeamTrends(team.name, trends_of(list(forms.values()), counted))


def _evaluated_meetings(session: Session, team_id: int) -> Sequence[tuple[int, str, MeetingTimes]]:
    """The team's meetings with a saved response, in the order they were held."""
    held = held_at_column()
    evaluated = select(EvaluationResponse.meeting_id).where(EvaluationResponse.team_id == team_id)
    statement = (
        select(Meeting.id, Meeting.title, Meeting.scheduled_start, held)
        .where(Meeting.team_id == team_id, col(Meeting.id).in_(evaluated))
        .order_by(func.coalesce(held, Meeting.scheduled_start), col(Meeting.id))
    )
    return [
        (meeting_id, title, MeetingTimes(scheduled, held_at))
        for meeting_id, title, scheduled, held_at in session.exec(statement)
        if meeting_id is not None
    ]


def _responses(session: Session, team_id: int) -> ByMeeting:
    """Every response given at a meeting of the team, without names: a mean does not
    depend on who gave it."""
    rows = session.exec(
        select(
            EvaluationResponse.id, EvaluationResponse.meeting_id, EvaluationResponse.instrument_id
        )
        .where(
            EvaluationResponse.team_id == team_id, col(EvaluationResponse.meeting_id).is_not(None)
        )
        .order_by(col(EvaluationResponse.id))
    ).all()
    answers: dict[int, dict[str, Answer]] = {}
    statement = (
        select(EvaluationAnswer)
        .join(EvaluationResponse, col(EvaluationResponse.id) == EvaluationAnswer.response_id)
        .where(
            EvaluationResponse.team_id == team_id, col(EvaluationResponse.meeting_id).is_not(None)
        )
    )
    for answer in session.exec(statement):
        answers.setdefault(answer.response_id, {})[answer.item_id] = Answer(
            answer.score, answer.level, answer.text
        )
    found: ByMeeting = {}
    for response_id, meeting_id, instrument_id in rows:
        if response_id is None or meeting_id is None:
            continue
        given = found.setdefault(meeting_id, {}).setdefault(instrument_id, [])
        given.append(Response(None, answers.get(response_id, {})))
    return found
