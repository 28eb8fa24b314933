"""Teams, members and norms."""

from __future__ import annotations

from sqlmodel import Session, col, select

from facilitator.store.tables import Member, Norm, Team


def active_teams(session: Session) -> list[Team]:
    """Teams not archived, by name."""
    statement = select(Team).where(col(Team.archived_at).is_(None)).order_by(Team.name)
    return list(session.exec(statement))


def find_team_by_name(session: Session, *, name: str) -> Team | None:
    """An active team with this exact name."""
    statement = select(Team).where(Team.name == name, col(Team.archived_at).is_(None))
    return session.exec(statement).first()


def add_team(session: Session, *, name: str, purpose: str, kind: str | None = None) -> Team:
    """A new team, flushed so it has an id."""
    team = Team(name=name, purpose=purpose, kind=kind)
    session.add(team)
    session.flush()
    return team


def add_member(
    session: Session, *, team_id: int, name: str, position: str = "", email: str | None = None
) -> Member:
    """A new member of `team_id`, flushed so it has an id."""
    member = Member(team_id=team_id, name=name, position=position, email=email or None)
    session.add(member)
    session.flush()
    return member


def members_of(session: Session, *, team_id: int, archived: bool = False) -> list[Member]:
    """A team's active members (and archived ones too if asked), in the order added."""
    statement = select(Member).where(Member.team_id == team_id).order_by(col(Member.id))
    if not archived:
        statement = statement.where(col(Member.archived_at).is_(None))
    return list(session.exec(statement))


def add_norm(
    session: Session,
    *,
    team_id: int,
    text: str,
    position: int,
    detail: str = "",
    pack_norm_id: str | None = None,
) -> Norm:
    """A new norm for `team_id`."""
    norm = Norm(
        team_id=team_id, text=text, detail=detail, position=position, pack_norm_id=pack_norm_id
    )
    session.add(norm)
    session.flush()
    return norm


def norms_of(session: Session, *, team_id: int) -> list[Norm]:
    """A team's norms in force, in their order."""
    statement = (
        select(Norm)
        .where(Norm.team_id == team_id, col(Norm.retired_at).is_(None))
        .order_by(col(Norm.position), col(Norm.id))
    )
    return list(session.exec(statement))


def member_named(session: Session, *, team_id: int, name: str) -> Member | None:
    """The team's active member called `name` (in any case), if any."""
    statement = select(Member).where(Member.team_id == team_id, col(Member.archived_at).is_(None))
    wanted = name.casefold()
    return next((m for m in session.exec(statement) if m.name.casefold() == wanted), None)
