"""What happens during a meeting: timer segments, notes, checks, time-outs, speaking turns."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field

from facilitator.store.tables._base import Row, utc_field


class TimerSegment(Row, table=True):
    """A stretch of time the clock ran on an item: start and stop timestamps, never ticks.

    An open segment (no `stopped_at`) means the clock is running now.
    """

    __tablename__ = "timer_segment"
    __table_args__ = (Index("ix_timer_segment_item_start", "agenda_item_id", "started_at"),)

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE")
    started_at: datetime = utc_field()
    stopped_at: datetime | None = utc_field(nullable=True)


class Note(Row, table=True):
    """The recorder's notes for one agenda item (or the meeting as a whole when no item)."""

    __tablename__ = "note"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="CASCADE", index=True
    )
    body: str = Field(default="", sa_type=Text)


class NormsCheck(Row, table=True):
    """A norms check taken at a moment of the meeting."""

    __tablename__ = "norms_check"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    checked_at: datetime = utc_field()


class NormsCheckRating(Row, table=True):
    """The team's read of one norm in a norms check."""

    __tablename__ = "norms_check_rating"

    norms_check_id: int = Field(foreign_key="norms_check.id", ondelete="CASCADE", index=True)
    norm_id: int = Field(foreign_key="norm.id", index=True)
    reading: str  # NormReading
    note: str = ""


class ProcessCheck(Row, table=True):
    """ "Are we making progress? Is everyone in?" and the team's answer."""

    __tablename__ = "process_check"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    checked_at: datetime = utc_field()
    progress: str  # CheckAnswer
    everyone_in: str  # CheckAnswer
    note: str = ""


class TimeOut(Row, table=True):
    """A conflict time-out called by the facilitator; the timer pauses while it lasts."""

    __tablename__ = "time_out"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    started_at: datetime = utc_field()
    ended_at: datetime | None = utc_field(nullable=True)
    note: str = ""


class SpeakerTurn(Row, table=True):
    """A place in the speaker queue and, once given the floor, a turn taken: by a team
    member (`member_id`) or by a guest of the meeting (`guest_name`), one or the other."""

    __tablename__ = "speaker_turn"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    guest_name: str | None = None
    queued_at: datetime = utc_field()
    started_at: datetime | None = utc_field(nullable=True)
    ended_at: datetime | None = utc_field(nullable=True)
