"""A decision, the options considered and the votes cast by the chosen method."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from facilitator.domain.enums import DecisionStatus
from facilitator.store.tables._base import Row, utc_field


class Decision(Row, table=True):
    """A decision taken (or deferred) in a meeting, with how it was decided."""

    __tablename__ = "decision"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    question: str
    method: str | None = None  # DecisionMethod
    continuum_point: int | None = None  # 1-7 on the seven-point decision continuum
    decider_member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    threshold_percent: int | None = None  # for a majority vote
    outcome: str = ""
    status: str = DecisionStatus.OPEN
    decided_at: datetime | None = utc_field(nullable=True)
    method_reason: str = ""
    """Why the method was chosen: "How should we decide?"'s reason, when it was followed."""
    threshold_kind: str | None = None  # ThresholdKind, for a majority vote
    quorum: int | None = None  # members present needed for a vote to count
    present_count: int | None = None  # members present when it was counted
    ballot_yes: int | None = None  # a secret ballot's counts (no vote rows then)
    ballot_no: int | None = None
    ballot_abstain: int | None = None
    dot_budget: int | None = None  # dots per member, for multi-voting
    voting_round: int = 1  # the multi-vote round under way; earlier rounds are kept
    anonymous: bool = False  # votes stored without who cast them
    after_block: str | None = None  # AfterBlock: what follows a blocked consensus
    fallback_method: str | None = None  # DecisionMethod chosen in advance for a block
    rationale: str = ""
    review_on: date | None = None


class DecisionOption(Row, table=True):
    """One option on the table for a decision."""

    __tablename__ = "decision_option"

    decision_id: int = Field(foreign_key="decision.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str
    chosen: bool = False
    voting_round: int = 1  # the multi-vote round it was on the list for
    gives: str = ""  # for a compromise: what the side holding this position gives up


class Vote(Row, table=True):
    """One member's vote: dots on an option, a yes/no, or a consensus level with a block."""

    __tablename__ = "vote"

    decision_id: int = Field(foreign_key="decision.id", ondelete="CASCADE", index=True)
    option_id: int | None = Field(
        default=None, foreign_key="decision_option.id", ondelete="CASCADE", index=True
    )
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    points: int = 1
    level: int | None = None  # a consensus level, where the method uses levels
    blocks: bool = False
    note: str = ""
    choice: str | None = None
    """yes / no / abstain (majority, unanimous), support / live_with / block (consensus),
    consulted (one person decides); None for dots."""
    voting_round: int = 1
