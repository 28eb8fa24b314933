"""Evaluation responses: plus/delta comments and ratings on an instrument's items."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field

from facilitator.store.tables._base import Row, utc_field


class EvaluationResponse(Row, table=True):
    """One person's (or an anonymous) response to an instrument, for a meeting or a team."""

    __tablename__ = "evaluation_response"
    __table_args__ = (Index("ix_evaluation_response_team_instrument", "team_id", "instrument_id"),)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="CASCADE", index=True
    )
    instrument_id: str  # an evaluation instrument from the content pack
    respondent_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    submitted_at: datetime = utc_field()


class EvaluationAnswer(Row, table=True):
    """An answer to one item of an instrument: a score, a level (N/A, I, B, P, S...) or text."""

    __tablename__ = "evaluation_answer"

    response_id: int = Field(foreign_key="evaluation_response.id", ondelete="CASCADE", index=True)
    item_id: str  # the instrument item's id, e.g. "goals-and-objectives" or "plus"
    score: int | None = None
    level: str | None = None
    text: str = Field(default="", sa_type=Text)
