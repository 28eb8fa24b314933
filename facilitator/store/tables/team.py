"""A team, its members and its norms."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from facilitator.store.tables._base import Row, utc_field


class Team(Row, table=True):
    """A standing team: a leadership team, a PLC, a district learning team."""

    __tablename__ = "team"

    name: str = Field(index=True)
    kind: str | None = None  # a team type id from the content pack, or the team's own word
    purpose: str = ""  # the purpose/vision line shown on every agenda and live screen
    archived_at: datetime | None = utc_field(nullable=True)
    evaluation_instruments: str = ""
    """The instruments its meetings are evaluated with unless the facilitator chooses
    others, comma-separated ids; empty: plus/delta alone."""


class Member(Row, table=True):
    """A person on a team. Members are archived, never deleted, so old minutes keep them."""

    __tablename__ = "member"

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    name: str
    position: str = ""
    email: str | None = None
    archived_at: datetime | None = utc_field(nullable=True)


class Norm(Row, table=True):
    """One of a team's norms, in the team's words; retired norms stay for old minutes."""

    __tablename__ = "norm"

    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str
    detail: str = ""
    pack_norm_id: str | None = None  # set when adopted from the Seven Norms
    prompt_category: str | None = None  # set when built with a Developing Norms prompt
    retired_at: datetime | None = utc_field(nullable=True)
