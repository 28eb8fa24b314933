"""A meeting's agenda: items from templates or earlier meetings, editing, ordering, and
carrying forward what the team still owes (action items, parking lot, items set aside)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, or_, select

from facilitator.domain.enums import ActionStatus, ItemKind, NextAgendaStatus, ParkingStatus
from facilitator.domain.meeting_view import Person
from facilitator.domain.planning import ItemDraft, ItemFields, check_item
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.pack.schema import AgendaTemplate, Protocol, VideoGuide
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    AgendaStep,
    CarryForward,
    Meeting,
    NextAgendaEntry,
    ParkingLotItem,
    row_id,
)

REVIEW_TITLE = "Review of action items"


# Building an agenda -------------------------------------------------------------------


def add_template_items(
    session: Session, *, meeting_id: int, template: AgendaTemplate, pack: Pack
) -> None:
    """The template's items, each with the steps of its protocol or video guide."""
    for position, entry in enumerate(template.items):
        item = AgendaItem(
            meeting_id=meeting_id,
            position=position,
            title=entry.title,
            goal=entry.goal,
            planned_minutes=entry.minutes,
            kind=entry.kind,
            process_id=entry.process,
            facilitator_notes=entry.notes,
        )
        session.add(item)
        session.flush()
        if entry.video:
            _add_video_steps(session, row_id(item), pack.video_guides[entry.video])
        elif entry.process:
            _add_protocol_steps(session, row_id(item), pack.protocols[entry.process], entry.step)


def copy_items(session: Session, *, source_id: int, meeting_id: int) -> None:
    """Copy an earlier meeting's agenda (items and their steps; not what happened)."""
    items = meetings.agenda_of(session, meeting_id=source_id)
    steps = meetings.steps_of(session, item_ids=[row_id(i) for i in items])
    for item in items:
        copy = _copy_item(item, meeting_id=meeting_id, position=item.position)
        session.add(copy)
        session.flush()
        for step in (s for s in steps if s.agenda_item_id == item.id):
            session.add(_copy_step(step, row_id(copy)))


def _add_video_steps(session: Session, item_id: int, guide: VideoGuide) -> None:
    for position, segment in enumerate(guide.segments):
        session.add(
            AgendaStep(
                agenda_item_id=item_id,
                position=position,
                title=segment.title,
                detail="\n".join((segment.prompt, *segment.questions)).strip(),
                media_ranges=", ".join(r.label() for r in segment.ranges),
            )
        )


def _add_protocol_steps(
    session: Session, item_id: int, protocol: Protocol, only: int | None = None
) -> None:
    for number, step in enumerate(protocol.steps, start=1):
        if only is not None and number != only:
            continue
        session.add(
            AgendaStep(
                agenda_item_id=item_id,
                position=number - 1,
                title=step.title,
                detail="\n".join((step.detail, *step.questions)).strip(),
                planned_minutes=step.minutes,
            )
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
        items = meetings.agenda_of(session, meeting_id=meeting_id)
        index = len(items)
        if after_item_id is not None:
            index = next((i + 1 for i, it in enumerate(items) if it.id == after_item_id), index)
        item = append_item(session, meeting_id=meeting_id, fields=fields, pack=pack)
        _renumber(items[:index] + [item] + items[index:])
        return row_id(item)


def append_item(session: Session, *, meeting_id: int, fields: ItemFields, pack: Pack) -> AgendaItem:
    """Add a checked item at the end, inside an open unit of work; a protocol brings its
    steps."""
    position = len(meetings.agenda_of(session, meeting_id=meeting_id))
    item = AgendaItem(meeting_id=meeting_id, position=position, title=fields.title)
    _apply(item, fields)
    session.add(item)
    session.flush()
    if fields.process_id:
        _add_protocol_steps(session, row_id(item), pack.protocols[fields.process_id])
    return item


def update_item(db: Database, *, item_id: int, draft: ItemDraft, pack: Pack, now: datetime) -> None:
    """Save an edited item; a changed protocol replaces the item's steps with its own."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        meeting = fetch(session, Meeting, item.meeting_id, "meeting")
        fields = _checked(session, meeting, draft, pack)
        changed_process = fields.process_id != item.process_id
        _apply(item, fields)
        if changed_process:
            for step in meetings.steps_of(session, item_ids=[item_id]):
                session.delete(step)
            if fields.process_id:
                _add_protocol_steps(session, item_id, pack.protocols[fields.process_id])


def move_item(db: Database, *, item_id: int, offset: int, now: datetime) -> None:
    """Move an item up (negative) or down (positive) the agenda; the ends stop it."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        items = meetings.agenda_of(session, meeting_id=item.meeting_id)
        index = next(i for i, it in enumerate(items) if it.id == item_id)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        _renumber(items)


def duplicate_item(db: Database, *, item_id: int, now: datetime) -> int:
    """A copy of the item (with its steps) right after it."""
    with db.write(now=now) as session:
        item = fetch(session, AgendaItem, item_id, "agenda item")
        items = meetings.agenda_of(session, meeting_id=item.meeting_id)
        index = next(i for i, it in enumerate(items) if it.id == item_id)
        copy = _copy_item(item, meeting_id=item.meeting_id, position=index + 1)
        session.add(copy)
        session.flush()
        for step in meetings.steps_of(session, item_ids=[item_id]):
            session.add(_copy_step(step, row_id(copy)))
        _renumber(items[: index + 1] + [copy] + items[index + 1 :])
        return row_id(copy)


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
        _renumber(meetings.agenda_of(session, meeting_id=meeting_id))


def _checked(session: Session, meeting: Meeting, draft: ItemDraft, pack: Pack) -> ItemFields:
    members = [
        Person(name=m.name, member_id=row_id(m))
        for m in teams.members_of(session, team_id=meeting.team_id)
    ]
    checked = check_item(draft, members=members, processes=tuple(pack.protocols))
    if checked.value is None:
        raise InvalidInput(checked.problems)
    return checked.value


def _apply(item: AgendaItem, fields: ItemFields) -> None:
    item.title = fields.title
    item.goal = fields.goal
    item.planned_minutes = fields.minutes
    item.presenter_member_id = fields.presenter_member_id
    item.presenter_name = fields.presenter_name
    item.kind = fields.kind
    item.process_id = fields.process_id
    item.facilitator_notes = fields.notes


def _renumber(items: Sequence[AgendaItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def _copy_item(item: AgendaItem, *, meeting_id: int, position: int) -> AgendaItem:
    return AgendaItem(
        meeting_id=meeting_id,
        position=position,
        title=item.title,
        goal=item.goal,
        presenter_member_id=item.presenter_member_id,
        presenter_name=item.presenter_name,
        planned_minutes=item.planned_minutes,
        kind=item.kind,
        process_id=item.process_id,
        facilitator_notes=item.facilitator_notes,
    )


def _copy_step(step: AgendaStep, item_id: int) -> AgendaStep:
    return AgendaStep(
        agenda_item_id=item_id,
        position=step.position,
        title=step.title,
        detail=step.detail,
        planned_minutes=step.planned_minutes,
        media_ranges=step.media_ranges,
    )


# Carrying forward ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Something the team owes that could go on this agenda.

    `kind` is "action", "parking" or "next"; `on_agenda` says it is already there.
    """

    kind: str
    id: int
    text: str
    detail: str
    on_agenda: bool


def carry_forward_candidates(db: Database, *, meeting_id: int) -> list[Candidate]:
    """Open action items to review, open parking-lot items, and items set aside for "next
    meeting", from the team's other meetings."""
    with db.read() as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        linked = _linked(session, meeting_id)
        names = _member_names(session, meeting.team_id)
        team = meeting.team_id
        actions = select(ActionItem).where(
            ActionItem.team_id == team, ActionItem.status == ActionStatus.OPEN
        )
        parked = select(ParkingLotItem).where(
            ParkingLotItem.team_id == team, ParkingLotItem.status == ParkingStatus.OPEN
        )
        carried_here = [key for kind, key in linked if kind == "next"]
        set_aside = select(NextAgendaEntry).where(
            NextAgendaEntry.team_id == team,
            col(NextAgendaEntry.meeting_id) != meeting_id,
            # Open ones, and those already carried onto this meeting's agenda.
            or_(
                col(NextAgendaEntry.status) == NextAgendaStatus.OPEN,
                col(NextAgendaEntry.id).in_(carried_here),
            ),
        )
        order = col(ActionItem.due_date), col(ActionItem.id)
        candidates = [
            Candidate("action", row_id(a), a.what, _action_detail(a, names), False)
            for a in session.exec(actions.order_by(*order))
        ]
        candidates += [
            Candidate("parking", row_id(p), p.text, _raised_by(p, names), False)
            for p in session.exec(parked.order_by(col(ParkingLotItem.id)))
        ]
        candidates += [
            Candidate("next", row_id(n), n.title, n.note or "set aside for the next meeting", False)
            for n in session.exec(set_aside.order_by(col(NextAgendaEntry.id)))
        ]
        return [replace(c, on_agenda=(c.kind, c.id) in linked) for c in candidates]


def accept_carry_forward(
    db: Database, *, meeting_id: int, picks: Sequence[tuple[str, int]], now: datetime
) -> list[int]:
    """Put the picked candidates on the agenda, linked back to where they came from.

    Action items share one "Review of action items" item (one step each); each
    parking-lot or set-aside item becomes an item of its own. Returns the items touched.
    """
    picks = list(dict.fromkeys(picks))  # the same pick twice counts once
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        _same_team(session, meeting, picks)
        linked = _linked(session, meeting_id)
        items = meetings.agenda_of(session, meeting_id=meeting_id)
        touched: list[int] = []
        names = {
            row_id(m): m.name
            for m in teams.members_of(session, team_id=meeting.team_id, archived=True)
        }
        actions = [
            fetch(session, ActionItem, key, "action item")
            for kind, key in picks
            if kind == "action" and (kind, key) not in linked
        ]
        if actions:
            touched.append(_review_item(session, meeting, items, actions, names))
        for kind, key in picks:
            if kind == "action" or (kind, key) in linked:
                continue
            item = _carried_item(session, meeting, kind, key, names)
            items.append(item)
            touched.append(row_id(item))
        _renumber(items)
        return touched


def _same_team(session: Session, meeting: Meeting, picks: Sequence[tuple[str, int]]) -> None:
    """Refuse picks that belong to another team (only this team's debts carry forward)."""
    tables: dict[str, type[ActionItem] | type[ParkingLotItem] | type[NextAgendaEntry]] = {
        "action": ActionItem,
        "parking": ParkingLotItem,
        "next": NextAgendaEntry,
    }
    for kind, key in picks:
        table = tables.get(kind)
        if table is None:
            raise InvalidInput({"picks": f"Cannot carry forward a {kind}."})
        row = fetch(session, table, key, "item to carry forward")
        if row.team_id != meeting.team_id:
            raise InvalidInput({"picks": "That item belongs to another team."})


def _review_item(
    session: Session,
    meeting: Meeting,
    items: list[AgendaItem],
    actions: list[ActionItem],
    names: dict[int, str],
) -> int:
    """The agenda's action-review item (made if there is none), with a step per action."""
    reviewed = {
        link.agenda_item_id for link in _links(session, row_id(meeting)) if link.action_item_id
    }
    review = next((i for i in items if i.id in reviewed or i.title == REVIEW_TITLE), None)
    if review is None:
        review = AgendaItem(
            meeting_id=row_id(meeting),
            position=0,
            title=REVIEW_TITLE,
            goal="Check each open action item: done, on track or stuck.",
            planned_minutes=max(5, 2 * len(actions)),
            kind=ItemKind.INFORMATION,
        )
        session.add(review)
        session.flush()
        items.insert(min(1, len(items)), review)
    existing = len(meetings.steps_of(session, item_ids=[row_id(review)]))
    for offset, action in enumerate(actions):
        session.add(CarryForward(agenda_item_id=row_id(review), action_item_id=row_id(action)))
        session.add(
            AgendaStep(
                agenda_item_id=row_id(review),
                position=existing + offset,
                title=action.what,
                detail=_action_detail(action, names),
            )
        )
    return row_id(review)


def _carried_item(
    session: Session, meeting: Meeting, kind: str, key: int, names: dict[int, str]
) -> AgendaItem:
    if kind == "parking":
        parked = fetch(session, ParkingLotItem, key, "parking-lot item")
        title, goal = parked.text, f"From the parking lot ({_raised_by(parked, names)})."
        link = CarryForward(agenda_item_id=0, parking_lot_item_id=key)
    elif kind == "next":
        entry = fetch(session, NextAgendaEntry, key, "item set aside")
        entry.status = NextAgendaStatus.CARRIED
        title, goal = entry.title, entry.note or "Set aside for this meeting by the last one."
        link = CarryForward(agenda_item_id=0, next_agenda_entry_id=key)
    else:
        raise InvalidInput({"picks": f"Cannot carry forward a {kind}."})
    item = AgendaItem(
        meeting_id=row_id(meeting),
        position=10_000,
        title=title[:120],
        goal=goal,
        planned_minutes=10,
    )
    session.add(item)
    session.flush()
    link.agenda_item_id = row_id(item)
    session.add(link)
    return item


def _links(session: Session, meeting_id: int) -> list[CarryForward]:
    item_ids = [row_id(i) for i in meetings.agenda_of(session, meeting_id=meeting_id)]
    statement = select(CarryForward).where(col(CarryForward.agenda_item_id).in_(item_ids))
    return list(session.exec(statement))


def _linked(session: Session, meeting_id: int) -> set[tuple[str, int | None]]:
    linked: set[tuple[str, int | None]] = set()
    for link in _links(session, meeting_id):
        if link.action_item_id is not None:
            linked.add(("action", link.action_item_id))
        if link.parking_lot_item_id is not None:
            linked.add(("parking", link.parking_lot_item_id))
        if link.next_agenda_entry_id is not None:
            linked.add(("next", link.next_agenda_entry_id))
    return linked


def _member_names(session: Session, team_id: int) -> dict[int, str]:
    """Every member's name by id, archived ones too (old items name them)."""
    return {row_id(m): m.name for m in teams.members_of(session, team_id=team_id, archived=True)}


def _action_detail(action: ActionItem, names: dict[int, str]) -> str:
    unowned = "owner to be decided" if action.owner_to_be_decided else "no owner yet"
    owner = names.get(action.owner_member_id or -1) or action.owner_name or unowned
    due = f"due {action.due_date:%a %d %b}" if action.due_date else "no due date"
    return f"{owner}, {due}"


def _raised_by(parked: ParkingLotItem, names: dict[int, str]) -> str:
    who = names.get(parked.raised_by_member_id or -1) or parked.raised_by_name
    return f"raised by {who}" if who else "in the parking lot"
