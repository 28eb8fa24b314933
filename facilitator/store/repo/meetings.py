"""Meetings and their plans."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, func
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from facilitator.domain.enums import MeetingStatus
from facilitator.store.tables import (
    AgendaItem,
    AgendaStep,
    Attendance,
    CarryForward,
    Meeting,
    Member,
    RoleAssignment,
    Team,
    TimerSegment,
)

OPEN_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.RUNNING)


def next_meeting_of(session: Session, *, team_id: int) -> Meeting | None:
    """The team's soonest meeting still to run (planned or running), if any."""
    statement = (
        select(Meeting)
        .where(Meeting.team_id == team_id, col(Meeting.status).in_(OPEN_STATUSES))
        .order_by(col(Meeting.scheduled_start), col(Meeting.id))
        .limit(1)
    )
    return session.exec(statement).first()


def held_at_column() -> ColumnElement[datetime | None]:
    """When the meeting was held (`facilitator.domain.meeting_date.held_at`) as a column
    of a query on Meeting: its clock's first start, set whenever the clock has run (the
    live clock sets it, the minutes import takes the earliest segment, migration 0012
    filled it in for older records); NULL before it has started."""
    return cast(ColumnElement[datetime | None], col(Meeting.started_at))


def moment_column() -> ColumnElement[datetime]:
    """What meetings are ordered by (`facilitator.domain.meeting_date.meeting_moment`),
    as the index `ix_meeting_moment` spells it, so the index serves the order."""
    return func.coalesce(Meeting.started_at, Meeting.scheduled_start)


def held_at_of(session: Session, *, meeting_id: int) -> datetime | None:
    """When meeting `meeting_id` was held (see `held_at_column`); None if not yet."""
    statement = select(held_at_column()).where(Meeting.id == meeting_id)
    return session.exec(statement).first()


def held_times(session: Session, *, team_id: int | None) -> dict[int, datetime | None]:
    """When each meeting of team `team_id` (of every team, with None) was held, by id."""
    statement = select(Meeting.id, held_at_column())
    if team_id is not None:
        statement = statement.where(Meeting.team_id == team_id)
    return {meeting_id: held for meeting_id, held in session.exec(statement) if meeting_id}


def all_meetings(session: Session) -> list[tuple[Meeting, str, datetime | None]]:
    """Every meeting with its team's name and when it was held (None if not yet), in
    the order they were held (planned, for those not held yet)."""
    statement = (
        select(Meeting, Team.name, held_at_column())
        .join(Team, col(Team.id) == Meeting.team_id)
        .order_by(moment_column(), col(Meeting.id))
    )
    return [(meeting, name, held_at) for meeting, name, held_at in session.exec(statement)]


SUMMARY_COLUMNS: tuple[Any, ...] = (
    Meeting.id,
    Meeting.team_id,
    Team.name,
    Meeting.title,
    Meeting.scheduled_start,
    Meeting.planned_minutes,
    Meeting.location,
    Meeting.status,
    Meeting.closed_at,
    Meeting.minutes_sent_at,
    Meeting.started_at,
    Meeting.minutes_corrected_at,
)
"""What a meeting list shows of each meeting, in this order (`summary_rows`)."""

STREAM_BATCH = 500
"""Rows fetched at a time when a list streams (a server-side cursor on PostgreSQL)."""


def summary_rows(session: Session, *, latest: int | None = None) -> Iterator[Sequence[Any]]:
    """SUMMARY_COLUMNS of every meeting (with `latest`, of the latest that many), oldest
    first as `all_meetings` orders them. Every meeting is streamed in batches, never
    held at once; the latest few are read newest first from the moment index and turned
    round."""
    statement = core_select(*SUMMARY_COLUMNS).join(Team, col(Team.id) == Meeting.team_id)
    connection = session.connection()
    if latest is None:
        ordered = statement.order_by(moment_column(), col(Meeting.id))
        yield from connection.execute(ordered.execution_options(yield_per=STREAM_BATCH))
        return
    newest = statement.order_by(moment_column().desc(), col(Meeting.id).desc()).limit(latest)
    yield from reversed(connection.execute(newest).all())


def count_meetings(session: Session) -> int:
    """How many meetings there are, of every team."""
    return int(session.connection().execute(core_select(func.count(col(Meeting.id)))).scalar_one())


def get_meeting(session: Session, *, meeting_id: int) -> Meeting | None:
    """The meeting with this id, if any."""
    return session.get(Meeting, meeting_id)


def agenda_of(session: Session, *, meeting_id: int) -> list[AgendaItem]:
    """A meeting's agenda items in order."""
    statement = (
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    )
    return list(session.exec(statement))


def steps_of(session: Session, *, item_ids: list[int]) -> list[AgendaStep]:
    """The process steps of these agenda items, in order."""
    statement = (
        select(AgendaStep)
        .where(col(AgendaStep.agenda_item_id).in_(item_ids))
        .order_by(col(AgendaStep.agenda_item_id), col(AgendaStep.position))
    )
    return list(session.exec(statement))


def roles_of(session: Session, *, meeting_id: int) -> list[tuple[RoleAssignment, Member | None]]:
    """A meeting's role assignments with the member holding each."""
    statement = (
        select(RoleAssignment, Member)
        .outerjoin(Member, col(Member.id) == RoleAssignment.member_id)
        .where(RoleAssignment.meeting_id == meeting_id)
        .order_by(col(RoleAssignment.position), col(RoleAssignment.id))
    )
    return [(role, member) for role, member in session.exec(statement)]


def attendance_of(session: Session, *, meeting_id: int) -> list[tuple[Attendance, Member | None]]:
    """Who is expected at a meeting (and whether they came), members first."""
    statement = (
        select(Attendance, Member)
        .outerjoin(Member, col(Member.id) == Attendance.member_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(col(Attendance.id))
    )
    return [(row, member) for row, member in session.exec(statement)]


def carry_forward_labels(session: Session, *, item_ids: list[int]) -> dict[int, str]:
    """For items carried forward, a label of where they came from, by item id."""
    statement = select(CarryForward).where(col(CarryForward.agenda_item_id).in_(item_ids))
    labels: dict[int, list[str]] = {}
    for link in session.exec(statement):
        if link.action_item_id is not None:
            kind = "action item"
        elif link.parking_lot_item_id is not None:
            kind = "parking lot"
        elif link.decision_id is not None:
            kind = "decision due for review"
        else:
            kind = "set aside for this meeting"
        labels.setdefault(link.agenda_item_id, [])
        if kind not in labels[link.agenda_item_id]:
            labels[link.agenda_item_id].append(kind)
    return {item_id: ", ".join(kinds) for item_id, kinds in labels.items()}


def stop_running_segments(session: Session, *, meeting_id: int, now: datetime) -> bool:
    """Stop the meeting's clock if it runs (close its open segment); whether it ran."""
    running = session.exec(
        select(TimerSegment).where(
            TimerSegment.meeting_id == meeting_id, col(TimerSegment.stopped_at).is_(None)
        )
    ).all()
    for segment in running:
        segment.stopped_at = max(now, segment.started_at)
    return bool(running)
