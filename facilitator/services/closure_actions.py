"""Action items after they were captured: changed, given an owner or "owner to be
decided", marked done or dropped, or deleted (from closure and the team's list). A
meeting's own action items change only until it is closed."""

from __future__ import annotations

from datetime import datetime, tzinfo

from sqlmodel import select

from facilitator.domain.enums import ActionStatus, ParkingStatus
from facilitator.domain.text import local
from facilitator.errors import InvalidInput
from facilitator.services import fields
from facilitator.services.closure_check import editable_meeting
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import ActionItem, ParkingLotItem


def update_action(
    db: Database,
    *,
    action_id: int,
    what: str,
    owner: str,
    due: str,
    to_be_decided: bool,
    now: datetime,
    tz: tzinfo | None = None,
) -> None:
    """Change an action item; an owner ends "owner to be decided"."""
    text = fields.required(what, "what", "Say what will be done.")
    who = fields.name(owner, "owner")
    due_date = fields.due(due, local(now, tz).date())
    with db.write(now=now) as session:
        action = fetch(session, ActionItem, action_id, "action item")
        if action.meeting_id is not None:
            editable_meeting(session, action.meeting_id)
        action.what = text
        action.owner_member_id, action.owner_name = fields.person(session, action.team_id, who)
        action.owner_to_be_decided = to_be_decided and not who
        action.due_date = due_date


def set_owner_to_be_decided(db: Database, *, action_id: int, value: bool, now: datetime) -> None:
    """The team says, explicitly, that no one owns this yet (the minutes will say so)."""
    with db.write(now=now) as session:
        action = fetch(session, ActionItem, action_id, "action item")
        if action.meeting_id is not None:
            editable_meeting(session, action.meeting_id)
        if value and (action.owner_member_id is not None or action.owner_name):
            raise InvalidInput({"owner": "This action item has an owner already."})
        action.owner_to_be_decided = value


def set_action_status(db: Database, *, action_id: int, status: str, now: datetime) -> None:
    """Mark an action item done, open again, or dropped (the team's list)."""
    if status not in {s.value for s in ActionStatus}:
        raise InvalidInput({"status": f'"{status}" is not a state of an action item.'})
    with db.write(now=now) as session:
        action = fetch(session, ActionItem, action_id, "action item")
        action.status = status
        action.done_at = now if status == ActionStatus.DONE else None


def delete_action(db: Database, *, action_id: int, now: datetime) -> None:
    """Remove an action item recorded by mistake."""
    with db.write(now=now) as session:
        action = fetch(session, ActionItem, action_id, "action item")
        if action.meeting_id is not None:
            editable_meeting(session, action.meeting_id)
        for parked in session.exec(
            select(ParkingLotItem).where(ParkingLotItem.action_item_id == action_id)
        ):
            parked.status = ParkingStatus.OPEN
            parked.action_item_id = parked.disposed_at = None
        session.delete(action)
