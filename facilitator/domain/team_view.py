"""A team as its settings screen shows it: details, members and norms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MemberLine:
    """A member of the team."""

    id: int
    name: str
    position: str
    email: str | None


@dataclass(frozen=True)
class NormLine:
    """One of the team's norms, in force or retired."""

    id: int
    text: str
    detail: str
    pack_norm_id: str | None
    prompt_category: str | None


@dataclass(frozen=True)
class TeamDetail:
    """A team with its active members and norms (and what it has retired)."""

    id: int
    name: str
    kind: str | None
    purpose: str
    archived: bool
    members: tuple[MemberLine, ...]
    norms: tuple[NormLine, ...]
    former_members: tuple[MemberLine, ...] = ()
    retired_norms: tuple[NormLine, ...] = ()
