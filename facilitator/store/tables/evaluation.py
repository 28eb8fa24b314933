"""Evaluation responses: plus/delta comments and ratings on an instrument's items."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field

from facilitator.store.tables._base import Row, utc_field
from facilitator.store.types import RANDOM_ID


class EvaluationResponse(Row, table=True):
    """One person's (or an anonymous) response to an instrument, for a meeting or a team."""

    __tablename__ = "evaluation_response"
    __table_args__ = (Index("ix_evaluation_response_team_instrument", "team_id", "instrument_id"),)

    id: int | None = Field(default=None, primary_key=True, sa_type=RANDOM_ID)

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="CASCADE", index=True
    )
    instrument_id: str  # an evaluation instrument from the content pack
    evaluation_id: int | None = Field(
        default=None, foreign_key="evaluation.id", ondelete="CASCADE", index=True
    )
    respondent_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    submitted_at: datetime = utc_field()


class EvaluationAnswer(Row, table=True):
    """An answer to one item of an instrument: a score, a level (N/A, I, B, P, S...) or text."""

    __tablename__ = "evaluation_answer"

    id: int | None = Field(default=None, primary_key=True, sa_type=RANDOM_ID)

    response_id: int = Field(
        foreign_key="evaluation_response.id", ondelete="CASCADE", index=True, sa_type=RANDOM_ID
    )
    item_id: str  # the instrument item's id, e.g. "goals-and-objectives" or "plus"
    score: int | None = None
    level: str | None = None
    text: str = Field(default="", sa_type=Text)


class Evaluation(Row, table=True):
    """A meeting's evaluation as it is run: the instruments chosen, how responses are
    collected, whether they are anonymous, and whose turn is under way (so it can be
    left and resumed)."""

    __tablename__ = "evaluation"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    instruments: str
    """The instrument ids, comma-separated, in the order they are asked."""
    mode: str  # EvaluationMode: pass the laptop, or the facilitator enters the room's answers
    anonymous: bool = True
    started_at: datetime = utc_field()
    finished_at: datetime | None = utc_field(nullable=True)
    turn_member_id: int | None = Field(default=None, foreign_key="member.id")
    """Whose turn is under way (pass the laptop), until it ends."""
    turn_responses: str = ""
    """That turn's response ids, comma-separated: the only link, while the turn lasts,
    between an anonymous response and the member giving it."""


class EvaluationTurn(Row, table=True):
    """A member who has had their turn: answered or skipped. Stored with a random id and
    the evaluation's start time, so the turns say nothing of who answered when."""

    __tablename__ = "evaluation_turn"

    id: int | None = Field(default=None, primary_key=True, sa_type=RANDOM_ID)

    evaluation_id: int = Field(foreign_key="evaluation.id", ondelete="CASCADE", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    skipped: bool = False
