"""The decision log: every decision of a team (or of every active team) across its
meetings, with the meeting it was taken in and whether its review is due.

Read in a fixed number of queries however many decisions there are: the decisions
with their meetings, the reviews put on agendas, the members' names, then the options
and votes (`facilitator.services.decision_lines`, which the minutes use too).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from facilitator.domain.decision_log import DecisionLog, LoggedDecision, review_is_due
from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine
from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.decision_lines import PersonOf, decision_lines
from facilitator.store.database import Database
from facilitator.store.repo import teams
from facilitator.store.repo.common import fetch
from facilitator.store.repo.meetings import held_at_column
from facilitator.store.tables import (
    AgendaItem,
    CarryForward,
    Decision,
    Meeting,
    Member,
    Team,
    row_id,
)


def decision_log(
    db: Database, *, team_id: int | None, today: date, pack: Pack, tz: tzinfo | None = UTC
) -> DecisionLog:
    """Every decision of team `team_id` (with None, of every team not archived), the
    latest meeting's first and, within a meeting, the last recorded first.

    `today` decides which reviews are due; a meeting's date is the day it was held
    (planned for, if it has not been) on the wall clock of `tz` (None: the machine's).
    NotFoundError if there is no team `team_id`.
    """
    held = held_at_column()
    query = (
        select(Decision, Meeting, held, Team.name)
        .join(Meeting, col(Meeting.id) == Decision.meeting_id)
        .join(Team, col(Team.id) == Meeting.team_id)
        .order_by(
            func.coalesce(held, Meeting.scheduled_start).desc(),
            col(Meeting.id).desc(),
            col(Decision.id).desc(),
        )
    )
    team_name = None
    with db.read() as session:
        if team_id is None:
            query = query.where(col(Team.archived_at).is_(None))
        else:
            team_name = fetch(session, Team, team_id, "team").name
            query = query.where(Meeting.team_id == team_id)
        rows = session.exec(query).all()
        decisions = [row[0] for row in rows]
        reviews = _reviews(session, [row_id(d) for d in decisions])
        lines = decision_lines(session, decisions, _people(session, team_id), pack)
    entries = tuple(
        _entry(line, meeting, held_at, name, reviews.get(line.id), today, tz)
        for line, (_, meeting, held_at, name) in zip(lines, rows, strict=True)
    )
    return DecisionLog(entries, team_name=team_name)


def _entry(
    line: DecisionLine,
    meeting: Meeting,
    held_at: datetime | None,
    team_name: str,
    review_meeting: str | None,
    today: date,
    tz: tzinfo | None,
) -> LoggedDecision:
    return LoggedDecision(
        line=line,
        meeting_id=row_id(meeting),
        meeting_title=meeting.title,
        meeting_date=meeting_day(MeetingTimes(meeting.scheduled_start, held_at), tz),
        team_id=meeting.team_id,
        team_name=team_name,
        review_meeting=review_meeting,
        review_due=review_is_due(line.review_on, today, on_agenda=review_meeting is not None),
    )


def team_named(db: Database, name: str) -> int:
    """The id of the active team called `name` (in any case, whatever the spacing);
    NotFoundError naming the teams there are otherwise."""
    wanted = one_line(name).casefold()
    with db.read() as session:
        active = teams.active_teams(session)
    found = next((t for t in active if one_line(t.name).casefold() == wanted), None)
    if found is not None:
        return row_id(found)
    names = ", ".join(one_line(t.name) for t in active)
    hint = f"name one of: {names}." if active else "there are no teams yet."
    raise NotFoundError(f'There is no team called "{one_line(name)}"; {hint}')


def _reviews(session: Session, decision_ids: Sequence[int]) -> dict[int, str]:
    """The decisions of `decision_ids` carried forward to be reviewed, with the title
    of the meeting whose agenda holds the review (the latest, if several)."""
    if not decision_ids:
        return {}
    statement = (
        select(CarryForward.decision_id, Meeting.title)
        .join(AgendaItem, col(AgendaItem.id) == CarryForward.agenda_item_id)
        .join(Meeting, col(Meeting.id) == AgendaItem.meeting_id)
        .where(col(CarryForward.decision_id).in_(decision_ids))
        .order_by(col(Meeting.scheduled_start), col(Meeting.id))
    )
    return {decision_id: title for decision_id, title in session.exec(statement) if decision_id}


def _people(session: Session, team_id: int | None) -> PersonOf:
    """Who a vote or a decider was: every member's name (archived ones too: old
    decisions keep their names), read once."""
    statement = select(Member.id, Member.name)
    if team_id is not None:
        statement = statement.where(Member.team_id == team_id)
    names = {member_id: name for member_id, name in session.exec(statement) if member_id}

    def person(member_id: int | None, name: str | None) -> Person | None:
        if member_id is not None and member_id in names:
            return Person(names[member_id], member_id)
        return Person(name) if name else None

    return person
