"""All tables, importable from one place (and registered on one metadata for Alembic)."""

from __future__ import annotations

from sqlmodel import SQLModel

from facilitator.store.tables._base import row_id
from facilitator.store.tables.decision import Decision, DecisionOption, Vote
from facilitator.store.tables.evaluation import (
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationTurn,
)
from facilitator.store.tables.followup import (
    ActionItem,
    CarryForward,
    CommunicationEntry,
    NextAgendaEntry,
    ParkingLotItem,
    Takeaway,
)
from facilitator.store.tables.live import (
    NormsCheck,
    NormsCheckRating,
    Note,
    ProcessCheck,
    SpeakerTurn,
    TimeOut,
    TimerSegment,
)
from facilitator.store.tables.meeting import (
    AgendaItem,
    AgendaStep,
    Attendance,
    Meeting,
    RoleAssignment,
)
from facilitator.store.tables.team import Member, Norm, Team

metadata = SQLModel.metadata

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgendaStep",
    "Attendance",
    "CarryForward",
    "CommunicationEntry",
    "Decision",
    "DecisionOption",
    "Evaluation",
    "EvaluationAnswer",
    "EvaluationResponse",
    "EvaluationTurn",
    "Meeting",
    "Member",
    "NextAgendaEntry",
    "Norm",
    "NormsCheck",
    "NormsCheckRating",
    "Note",
    "ParkingLotItem",
    "ProcessCheck",
    "RoleAssignment",
    "SpeakerTurn",
    "Takeaway",
    "Team",
    "TimeOut",
    "TimerSegment",
    "Vote",
    "metadata",
    "row_id",
]
