"""A meeting and its plan: roles, attendance, agenda items and their steps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, func
from sqlmodel import Field, col

from facilitator.domain.enums import AttendanceStatus, ItemKind, MeetingStatus
from facilitator.store.tables._base import Row, utc_field


class Meeting(Row, table=True):
    """One meeting of a team, from plan to minutes."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_team_start", "team_id", "scheduled_start"),)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    title: str
    purpose: str = ""  # the problem to work on
    goals: str = ""  # a few specific goals, one per line
    scheduled_start: datetime = utc_field(index=True)
    planned_minutes: int = 60
    location: str = ""
    status: str = Field(default=MeetingStatus.PLANNED, index=True)
    template_id: str | None = None  # the content-pack agenda template it started from
    started_at: datetime | None = utc_field(nullable=True)
    ended_at: datetime | None = utc_field(nullable=True)
    closed_at: datetime | None = utc_field(nullable=True)
    minutes_corrected_at: datetime | None = utc_field(nullable=True)
    minutes_sent_at: datetime | None = utc_field(nullable=True)
    current_item_id: int | None = None
    """The agenda item on the live screen (not a foreign key: a meeting and its items
    would point at each other); the services keep it one of this meeting's items."""
    warning_seconds: int = 120
    """When the item's countdown turns to its "2 min left" warning."""
    evaluation_in_minutes: bool = True
    """Whether the evaluation results are a section of the minutes (the facilitator can
    leave them out)."""


_MOMENT = func.coalesce(col(Meeting.started_at), col(Meeting.scheduled_start))
MOMENT_INDEXES = (
    Index("ix_meeting_moment", _MOMENT, col(Meeting.id)),
    Index("ix_meeting_team_moment", col(Meeting.team_id), _MOMENT, col(Meeting.id)),
)
"""What meeting lists are ordered by (`facilitator.domain.meeting_date.meeting_moment`:
when held, else when planned), so the latest 50 are read from an index, not sorted
(migration 0012; `facilitator.store.home_queries.MEETING_MOMENT` spells the same
expression, as a query must for the index to serve it)."""


class RoleAssignment(Row, table=True):
    """Who holds a meeting role: facilitator, chair, recorder, timekeeper or a custom one."""

    __tablename__ = "role_assignment"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    role: str  # a role id from the content pack, or "custom"
    label: str = ""  # the custom role's name
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    guest_name: str | None = None
    position: int = 0


class Attendance(Row, table=True):
    """A member or guest expected at a meeting, and whether they came."""

    __tablename__ = "attendance"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    guest_name: str | None = None
    status: str = AttendanceStatus.EXPECTED
    confirmed_at: datetime | None = utc_field(nullable=True)


class AgendaItem(Row, table=True):
    """One item of a meeting's agenda, with its goal, presenter, time and process."""

    __tablename__ = "agenda_item"
    __table_args__ = (Index("ix_agenda_item_meeting_position", "meeting_id", "position"),)

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    position: int = 0
    title: str
    goal: str = ""
    presenter_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    presenter_name: str | None = None  # a guest presenter
    planned_minutes: int = 10
    extra_seconds: int = 0  # extended (+) or shortened (-) during the meeting
    kind: str = ItemKind.DISCUSSION
    process_id: str | None = None  # a protocol from the content pack
    facilitator_notes: str = ""
    current_step: int = 0
    """The position of the process step the team is on (live screen)."""
    step_started_seconds: float = 0.0
    """The item's run time when that step began, so the step's own time is the item's
    run time less this, exact across pauses and restarts."""
    decision_method: str | None = None
    """For a decision item: the method planned (DecisionMethod), shown live."""
    continuum_point: int | None = None
    """For a decision item: who holds it on the seven-point continuum (1-7)."""
    decision_reason: str = ""
    """For a decision item: why the method was planned ("How should we decide?")."""


class AgendaStep(Row, table=True):
    """A step of an item's process: a protocol step or a video segment with its questions."""

    __tablename__ = "agenda_step"

    agenda_item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE", index=True)
    position: int = 0
    title: str
    detail: str = ""  # questions or instructions, one per line
    planned_minutes: int | None = None
    media_ranges: str = ""  # video timestamps such as "1:24-1:40, 4:48-5:01"
