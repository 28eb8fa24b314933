"""A team's action items across all its meetings (the action-item screen's list).

Marking one done or open again is `facilitator.services.closure_actions.set_action_status`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from sqlmodel import col, select

from facilitator.domain.action_list import ActionEntry, ActionList
from facilitator.domain.enums import ActionStatus
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.overview import is_overdue
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.repo.meetings import held_times
from facilitator.store.tables import ActionItem, Meeting, Member, Team, row_id


def team_actions(
    db: Database, *, team_id: int | None, today: date, tz: tzinfo | None = UTC
) -> ActionList:
    """Every action item of team `team_id` (open, done and dropped), or with None of
    every team not archived; earliest due first, undated last.

    `today` decides what is overdue; a meeting's date is the day it was held (planned
    for, if it has not been) on the wall clock of `tz` (None: the machine's zone).
    NotFoundError if there is no team `team_id`.
    """
    query = (
        select(ActionItem, Team.name, Member.name, Meeting)
        .join(Team, col(Team.id) == ActionItem.team_id)
        .outerjoin(Member, col(Member.id) == ActionItem.owner_member_id)
        .outerjoin(Meeting, col(Meeting.id) == ActionItem.meeting_id)
        .order_by(col(ActionItem.due_date).is_(None), col(ActionItem.due_date), col(ActionItem.id))
    )
    team_name = None
    with db.read() as session:
        if team_id is None:
            query = query.where(col(Team.archived_at).is_(None))
        else:
            team_name = fetch(session, Team, team_id, "team").name
            query = query.where(ActionItem.team_id == team_id)
        rows = session.exec(query).all()
        held = held_times(session, team_id=team_id)
    return ActionList(
        tuple(
            _entry(action, team, member_name, _dated(meeting, held), today, tz)
            for action, team, member_name, meeting in rows
        ),
        team_name=team_name,
    )


def _dated(
    meeting: Meeting | None, held: dict[int, datetime | None]
) -> tuple[str, MeetingTimes] | None:
    if meeting is None:
        return None
    return meeting.title, MeetingTimes(meeting.scheduled_start, held.get(row_id(meeting)))


def _entry(
    action: ActionItem,
    team_name: str,
    member_name: str | None,
    meeting: tuple[str, MeetingTimes] | None,
    today: date,
    tz: tzinfo | None,
) -> ActionEntry:
    # Outer joins: the owner may be no member, and the meeting may have been deleted.
    return ActionEntry(
        id=row_id(action),
        team_name=team_name,
        what=action.what,
        owner=member_name or action.owner_name or "",
        owner_to_be_decided=action.owner_to_be_decided,
        due=action.due_date,
        status=action.status,
        done_at=action.done_at,
        meeting_title=meeting[0] if meeting is not None else None,
        meeting_date=meeting_day(meeting[1], tz) if meeting is not None else None,
        overdue=action.status == ActionStatus.OPEN and is_overdue(action.due_date, today),
    )
