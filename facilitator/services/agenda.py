"""A meeting's agenda: adding, editing, ordering and removing items, one at a time.

Building a whole agenda at once (a template, an earlier meeting's, an imported file) is in
`services.agenda_build`; carrying forward what the team still owes is in
`services.carry_forward`.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from facilitator.domain.enums import NextAgendaStatus
from facilitator.domain.meeting_view import Person
from facilitator.domain.planning import ItemDraft, ItemFields, check_item
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.agenda_build import (
    NewItem,
    Slot,
    agenda_slots,
    apply_fields,
    copy_item,
    copy_step,
    insert_items,
    item_from_fields,
    protocol_steps,
    renumber_slots,
)
from facilitator.store.bulk import insert_rows
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    AgendaItem,
    AgendaStep,
    CarryForward,
    Meeting,
    NextAgendaEntry,
    row_id,
)

# Editing items -------------------------------------------------------------------------


def add_item(
    db: Database,
    *,
    meeting_id: int,
    draft: ItemDraft,
    pack: Pack,
    now: datetime,
    after_item_id: int | None = None,
) -> int:
    """A new item at the end (or after `after_item_id`); a protocol brings its steps."""
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        fields = _checked(session, meeting, draft, pack)
        slots = agenda_slots(session, meeting_id)
        index = len(slots)
        if after_item_id is not None:
            index = next((i + 1 for i, it in enumerate(slots) if it.id == after_item_id), index)
        new = [item_from_fields(fields, pack)]
        (item_id,) = insert_items(session, meeting_id=meeting_id, new=new, first_position=index)
        renumber_slots(session, [*slots[:index], Slot(item_id, index, ""), *slots[index:]])
        return item_id


def update_item(db: Database, *, item_id: int, draft: ItemDraft, pack: Pack, now: datetime) -> None:
    """Save an edited item; a changed protocol replaces the item's steps with its own."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        meeting = fetch(session, Meeting, item.meeting_id, "meeting")
        fields = _checked(session, meeting, draft, pack)
        changed_process = fields.process_id != item.process_id
        apply_fields(item, fields)
        if changed_process:
            for step in meetings.steps_of(session, item_ids=[item_id]):
                session.delete(step)
            if fields.process_id:
                steps = protocol_steps(pack.protocols[fields.process_id])
                insert_rows(session, AgendaStep, [{**s, "agenda_item_id": item_id} for s in steps])


def move_item(db: Database, *, item_id: int, offset: int, now: datetime) -> None:
    """Move an item up (negative) or down (positive) the agenda; the ends stop it."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        slots = agenda_slots(session, item.meeting_id)
        index = next(i for i, it in enumerate(slots) if it.id == item_id)
        target = max(0, min(len(slots) - 1, index + offset))
        slots.insert(target, slots.pop(index))
        renumber_slots(session, slots)


def duplicate_item(db: Database, *, item_id: int, now: datetime) -> int:
    """A copy of the item (with its steps) right after it."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        slots = agenda_slots(session, item.meeting_id)
        index = next(i for i, it in enumerate(slots) if it.id == item_id) + 1
        steps = [copy_step(step) for step in meetings.steps_of(session, item_ids=[item_id])]
        new = [NewItem(copy_item(item), steps)]
        (copy_id,) = insert_items(
            session, meeting_id=item.meeting_id, new=new, first_position=index
        )
        renumber_slots(session, [*slots[:index], Slot(copy_id, index, ""), *slots[index:]])
        return copy_id


def delete_item(db: Database, *, item_id: int, now: datetime) -> None:
    """Remove an item (and its steps); what it was carried forward from becomes open again."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        links = session.exec(select(CarryForward).where(CarryForward.agenda_item_id == item_id))
        for link in links:
            if link.next_agenda_entry_id is not None:
                entry = session.get(NextAgendaEntry, link.next_agenda_entry_id)
                if entry is not None:
                    entry.status = NextAgendaStatus.OPEN
        meeting_id = item.meeting_id
        session.delete(item)
        session.flush()
        renumber_slots(session, agenda_slots(session, meeting_id))


def _checked(session: Session, meeting: Meeting, draft: ItemDraft, pack: Pack) -> ItemFields:
    members = [
        Person(name=m.name, member_id=row_id(m))
        for m in teams.members_of(session, team_id=meeting.team_id)
    ]
    checked = check_item(draft, members=members, processes=tuple(pack.protocols))
    if checked.value is None:
        raise InvalidInput(checked.problems)
    return checked.value
