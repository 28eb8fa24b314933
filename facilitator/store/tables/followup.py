"""What a meeting leaves behind: action items, the parking lot, items for next time,
take-aways and the communication plan, and the links that carry them forward."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field

from facilitator.domain.enums import ActionStatus, NextAgendaStatus, ParkingStatus
from facilitator.store.tables._base import Row, utc_field


class ActionItem(Row, table=True):
    """Something a person will do by a date; reviewed at the team's next meetings."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_team_status", "team_id", "status"),)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL", index=True
    )
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    decision_id: int | None = Field(
        default=None, foreign_key="decision.id", ondelete="SET NULL", index=True
    )
    what: str
    owner_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    owner_name: str | None = None  # someone outside the team
    owner_to_be_decided: bool = False  # the team said so explicitly at closure
    due_date: date | None = Field(default=None, index=True)
    status: str = ActionStatus.OPEN
    done_at: datetime | None = utc_field(nullable=True)


class ParkingLotItem(Row, table=True):
    """An idea or issue set aside so the meeting keeps its focus; it waits for a disposition."""

    __tablename__ = "parking_lot_item"
    __table_args__ = (Index("ix_parking_lot_item_team_status", "team_id", "status"),)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL", index=True
    )
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    text: str
    raised_by_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    raised_by_name: str | None = None
    status: str = ParkingStatus.OPEN
    disposition_note: str = ""
    disposed_at: datetime | None = utc_field(nullable=True)
    action_item_id: int | None = Field(
        default=None, foreign_key="action_item.id", ondelete="SET NULL", index=True
    )


class NextAgendaEntry(Row, table=True):
    """An item a meeting set aside for the next meeting's agenda."""

    __tablename__ = "next_agenda_entry"
    __table_args__ = (Index("ix_next_agenda_entry_team_status", "team_id", "status"),)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL", index=True
    )
    title: str
    note: str = ""
    status: str = NextAgendaStatus.OPEN


class CarryForward(Row, table=True):
    """Links an agenda item to what it was carried forward from (exactly one source)."""

    __tablename__ = "carry_forward"

    agenda_item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE", index=True)
    action_item_id: int | None = Field(
        default=None, foreign_key="action_item.id", ondelete="CASCADE", index=True
    )
    parking_lot_item_id: int | None = Field(
        default=None, foreign_key="parking_lot_item.id", ondelete="CASCADE", index=True
    )
    next_agenda_entry_id: int | None = Field(
        default=None, foreign_key="next_agenda_entry.id", ondelete="CASCADE", index=True
    )
    decision_id: int | None = Field(
        default=None, foreign_key="decision.id", ondelete="CASCADE", index=True
    )
    """A decision whose review date has come, put on the agenda to be reviewed."""


class Takeaway(Row, table=True):
    """A key take-away message from a meeting."""

    __tablename__ = "takeaway"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str


class CommunicationEntry(Row, table=True):
    """One line of the communication plan: key message, stakeholders, method, timeline."""

    __tablename__ = "communication_entry"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int = 0
    key_message: str
    stakeholders: str = ""
    messenger_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    messenger_name: str | None = None
    method: str = ""
    timeline: str = ""
