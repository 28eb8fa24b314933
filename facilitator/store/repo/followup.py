"""Action items and the parking lot, across a team's meetings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from facilitator.domain.enums import ActionStatus, ParkingStatus
from facilitator.store.tables import ActionItem, Member, ParkingLotItem, Team


def open_actions(
    session: Session, *, team_id: int | None, limit: int
) -> list[tuple[ActionItem, str, str | None]]:
    """Open action items, earliest due first (undated last), with team and owner names."""
    undated_last = case((col(ActionItem.due_date).is_(None), 1), else_=0)
    statement = (
        select(ActionItem, Team.name, Member.name)
        .join(Team, col(Team.id) == ActionItem.team_id)
        .outerjoin(Member, col(Member.id) == ActionItem.owner_member_id)
        .where(ActionItem.status == ActionStatus.OPEN, col(Team.archived_at).is_(None))
        .order_by(undated_last, col(ActionItem.due_date), col(ActionItem.id))
        .limit(limit)
    )
    if team_id is not None:
        statement = statement.where(ActionItem.team_id == team_id)
    return [(item, team, owner) for item, team, owner in session.exec(statement)]


def action_counts(session: Session, *, team_id: int | None, today: date) -> tuple[int, int]:
    """(open, overdue) action items."""
    overdue = func.sum(case((col(ActionItem.due_date) < today, 1), else_=0))
    statement = (
        select(func.count(), overdue)
        .select_from(ActionItem)
        .join(Team, col(Team.id) == ActionItem.team_id)
        .where(ActionItem.status == ActionStatus.OPEN, col(Team.archived_at).is_(None))
    )
    if team_id is not None:
        statement = statement.where(ActionItem.team_id == team_id)
    total, late = session.exec(statement).one()
    return int(total or 0), int(late or 0)


def open_parking_count(session: Session, *, team_id: int | None) -> int:
    """Parking-lot items still waiting for a disposition."""
    statement = (
        select(func.count())
        .select_from(ParkingLotItem)
        .join(Team, col(Team.id) == ParkingLotItem.team_id)
        .where(ParkingLotItem.status == ParkingStatus.OPEN, col(Team.archived_at).is_(None))
    )
    if team_id is not None:
        statement = statement.where(ParkingLotItem.team_id == team_id)
    return int(session.exec(statement).one())
