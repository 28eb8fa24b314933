"""Looking after a team: its name, type and purpose line, its members and its norms.

Nothing is deleted: archived teams and members and retired norms stay in the minutes of
the meetings they were part of.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.team_draft import (
    NORM_MAX,
    MemberDraft,
    TeamDraft,
    team_problems,
)
from facilitator.domain.team_view import MemberLine, NormLine, TeamDetail
from facilitator.errors import InvalidInput
from facilitator.store.database import Database
from facilitator.store.repo import teams
from facilitator.store.repo.common import fetch
from facilitator.store.tables import Member, Norm, Team, row_id


def team_detail(db: Database, *, team_id: int) -> TeamDetail:
    """The team with its members and norms."""
    with db.read() as session:
        team = fetch(session, Team, team_id, "team")
        everyone = teams.members_of(session, team_id=team_id, archived=True)
        norms = _all_norms(session, team_id)
    return TeamDetail(
        id=team_id,
        name=team.name,
        kind=team.kind,
        purpose=team.purpose,
        archived=team.archived_at is not None,
        members=tuple(_member(m) for m in everyone if m.archived_at is None),
        norms=tuple(_norm(n) for n in norms if n.retired_at is None),
        former_members=tuple(_member(m) for m in everyone if m.archived_at is not None),
        retired_norms=tuple(_norm(n) for n in norms if n.retired_at is not None),
    )


def update_team(
    db: Database, *, team_id: int, name: str, purpose: str, kind: str | None, now: datetime
) -> None:
    """Rename the team, change its purpose line or its type."""
    with db.write(now=now) as session:
        team = fetch(session, Team, team_id, "team")
        others = [t.name for t in teams.active_teams(session) if t.id != team_id]
        draft = TeamDraft(name=name, purpose=purpose, kind=kind or "")  # cleaned as made
        problems = team_problems(draft, others)
        if problems:
            raise InvalidInput(problems)
        team.name, team.purpose = draft.name.strip(), draft.purpose.strip()
        team.kind = " ".join(draft.kind.split()) or None


def archive_team(db: Database, *, team_id: int, now: datetime) -> None:
    """Archive the team: it leaves the home screen; its meetings and minutes stay."""
    with db.write(now=now) as session:
        fetch(session, Team, team_id, "team").archived_at = now


def restore_team(db: Database, *, team_id: int, now: datetime) -> None:
    """Bring an archived team back (its name must not clash with an active team)."""
    with db.write(now=now) as session:
        team = fetch(session, Team, team_id, "team")
        if team.archived_at is None:
            return
        others = (t for t in teams.active_teams(session) if t.id != team_id)
        if any(t.name.casefold() == team.name.casefold() for t in others):
            raise InvalidInput({"name": f"There is already an active team called {team.name}."})
        team.archived_at = None


def add_member(db: Database, *, team_id: int, draft: MemberDraft, now: datetime) -> int:
    """A new member of the team."""
    with db.write(now=now) as session:
        fetch(session, Team, team_id, "team")
        _check_member(session, team_id, draft, exclude=None)
        member = teams.add_member(
            session,
            team_id=team_id,
            name=draft.name.strip(),
            position=draft.position.strip(),
            email=draft.email.strip() or None,
        )
        return row_id(member)


def update_member(db: Database, *, member_id: int, draft: MemberDraft, now: datetime) -> None:
    """Change a member's name, position or e-mail."""
    with db.write(now=now) as session:
        member = fetch(session, Member, member_id, "member")
        _check_member(session, member.team_id, draft, exclude=member_id)
        member.name, member.position = draft.name.strip(), draft.position.strip()
        member.email = draft.email.strip() or None


def archive_member(db: Database, *, member_id: int, now: datetime) -> None:
    """Take a member off the team; old minutes keep their name."""
    with db.write(now=now) as session:
        fetch(session, Member, member_id, "member").archived_at = now


def add_norm(
    db: Database,
    *,
    team_id: int,
    text: str,
    now: datetime,
    detail: str = "",
    pack_norm_id: str | None = None,
    prompt_category: str | None = None,
) -> int:
    """A norm at the end of the team's list (from the Seven Norms, a prompt, or written)."""
    with db.write(now=now) as session:
        fetch(session, Team, team_id, "team")
        wording = _check_norm(session, team_id, text, exclude=None)
        norm = teams.add_norm(
            session,
            team_id=team_id,
            text=wording,
            detail=clean_text(detail).strip(),
            pack_norm_id=pack_norm_id,
            position=len(teams.norms_of(session, team_id=team_id)),
        )
        norm.prompt_category = prompt_category
        return row_id(norm)


def update_norm(db: Database, *, norm_id: int, text: str, now: datetime) -> None:
    """Reword a norm."""
    with db.write(now=now) as session:
        norm = fetch(session, Norm, norm_id, "norm")
        norm.text = _check_norm(session, norm.team_id, text, exclude=norm_id)


def move_norm(db: Database, *, norm_id: int, offset: int, now: datetime) -> None:
    """Move a norm up (negative) or down (positive) the team's list."""
    with db.write(now=now) as session:
        norm = fetch(session, Norm, norm_id, "norm")
        norms = teams.norms_of(session, team_id=norm.team_id)
        index = next(i for i, n in enumerate(norms) if n.id == norm_id)
        norms.insert(max(0, min(len(norms) - 1, index + offset)), norms.pop(index))
        for position, each in enumerate(norms):
            each.position = position


def retire_norm(db: Database, *, norm_id: int, now: datetime) -> None:
    """Retire a norm: it leaves the list but stays in old minutes and norms checks."""
    with db.write(now=now) as session:
        fetch(session, Norm, norm_id, "norm").retired_at = now


# ---------------------------------------------------------------------------------------


def _check_member(
    session: Session, team_id: int, draft: MemberDraft, *, exclude: int | None
) -> None:
    others = [m for m in teams.members_of(session, team_id=team_id) if m.id != exclude]
    rows = (*(MemberDraft(name=m.name) for m in others), draft)
    problems = team_problems(TeamDraft(name="team", members=rows), [])
    own = len(rows) - 1
    mine = {
        key.rsplit("-", 1)[-1]: text
        for key, text in problems.items()
        if key.startswith(f"member-{own}-")
    }
    if not draft.name.strip():
        mine["name"] = "Give the member a name."
    elif "name" in mine and "already on the team" in mine["name"]:
        mine["name"] = f"{draft.name.strip()} is already on the team."
    if mine:
        raise InvalidInput(mine)


def _check_norm(session: Session, team_id: int, text: str, *, exclude: int | None) -> str:
    wording = " ".join(clean_line(text).split())
    if not wording:
        raise InvalidInput({"norm": "Write the norm first."})
    if len(wording) > NORM_MAX:
        raise InvalidInput({"norm": f"Keep a norm under {NORM_MAX} characters."})
    current = [n.text for n in teams.norms_of(session, team_id=team_id) if n.id != exclude]
    if wording.casefold() in {n.casefold() for n in current}:
        raise InvalidInput({"norm": "The team already has that norm."})
    return wording


def _all_norms(session: Session, team_id: int) -> list[Norm]:
    statement = (
        select(Norm).where(Norm.team_id == team_id).order_by(col(Norm.position), col(Norm.id))
    )
    return list(session.exec(statement))


def _member(member: Member) -> MemberLine:
    return MemberLine(
        id=row_id(member), name=member.name, position=member.position, email=member.email
    )


def _norm(norm: Norm) -> NormLine:
    return NormLine(
        id=row_id(norm),
        text=norm.text,
        detail=norm.detail,
        pack_norm_id=norm.pack_norm_id,
        prompt_category=norm.prompt_category,
    )
