"""Building an agenda in one go: items from a template, from an earlier meeting or from an
imported file, each with its steps.

Rows are built first, as column values, and written with one statement for the items and
one for all their steps (`store.bulk`), so a long agenda costs a few statements, not a
few per item, and the write lock is held briefly. Build the rows (`NewItem`) before
opening the unit of work where you can; only `insert_items` needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlmodel import Session

from facilitator.domain.planning import ItemFields
from facilitator.pack.loader import Pack
from facilitator.pack.schema import AgendaTemplate, Protocol
from facilitator.pack.schema_video import VideoGuide
from facilitator.store.bulk import Values, core_table, insert_rows, new_row, update_each
from facilitator.store.tables import AgendaItem, AgendaStep


@dataclass
class NewItem:
    """An agenda item still to be written (column values, see `store.bulk.new_row`) with
    its steps; `insert_items` sets the item's meeting and position and the steps' item."""

    item: Values
    steps: list[Values] = field(default_factory=list)


def insert_items(
    session: Session, *, meeting_id: int, new: Sequence[NewItem], first_position: int = 0
) -> list[int]:
    """Write `new` on the meeting's agenda at positions from `first_position`, inside an
    open unit of work: one statement for the items and one for all their steps. Returns
    the items' ids in order."""
    items = [
        {**entry.item, "meeting_id": meeting_id, "position": position}
        for position, entry in enumerate(new, start=first_position)
    ]
    ids = insert_rows(session, AgendaItem, items)
    steps = [
        {**step, "agenda_item_id": item_id}
        for item_id, entry in zip(ids, new, strict=True)
        for step in entry.steps
    ]
    insert_rows(session, AgendaStep, steps)
    return ids


class Slot(NamedTuple):
    """An agenda item's place: what ordering the agenda needs to know of it."""

    id: int
    position: int
    title: str


def agenda_slots(session: Session, meeting_id: int) -> list[Slot]:
    """The meeting's items in order, as plain columns (no ORM objects)."""
    item = core_table(AgendaItem).c
    statement = (
        select(item.id, item.position, item.title)
        .where(item.meeting_id == meeting_id)
        .order_by(item.position, item.id)
    )
    return [Slot(*row) for row in session.execute(statement)]


def renumber_slots(session: Session, slots: Sequence[Slot]) -> None:
    """Number the items 0, 1, 2... in the order given, in one statement (items already
    in place are left alone)."""
    moved = [{"id": slot.id, "position": n} for n, slot in enumerate(slots) if slot.position != n]
    update_each(session, AgendaItem, moved)


def new_item(**given: Any) -> Values:
    """An agenda item's column values (meeting and position come with `insert_items`)."""
    return new_row(AgendaItem, meeting_id=0, **given)


def new_step(**given: Any) -> Values:
    """A step's column values (its item comes with `insert_items`)."""
    return new_row(AgendaStep, agenda_item_id=0, **given)


def item_from_fields(fields: ItemFields, pack: Pack) -> NewItem:
    """A checked item; a protocol brings its steps."""
    item = new_item(**field_values(fields))
    protocol = pack.protocols[fields.process_id] if fields.process_id else None
    return NewItem(item, protocol_steps(protocol) if protocol else [])


def field_values(fields: ItemFields) -> Values:
    """A checked item's fields as the columns they are saved in."""
    return {
        "title": fields.title,
        "goal": fields.goal,
        "planned_minutes": fields.minutes,
        "presenter_member_id": fields.presenter_member_id,
        "presenter_name": fields.presenter_name,
        "kind": fields.kind,
        "process_id": fields.process_id,
        "facilitator_notes": fields.notes,
        "decision_method": fields.decision_method,
        "continuum_point": fields.continuum_point,
        "decision_reason": fields.decision_reason,
    }


def apply_fields(item: AgendaItem, fields: ItemFields) -> None:
    """Copy a checked item's fields onto its row (an edit)."""
    for name, value in field_values(fields).items():
        setattr(item, name, value)


def template_items(template: AgendaTemplate, pack: Pack) -> list[NewItem]:
    """The template's items, each with the steps of its protocol or video guide."""
    new = []
    for entry in template.items:
        item = new_item(
            title=entry.title,
            goal=entry.goal,
            planned_minutes=entry.minutes,
            kind=entry.kind,
            process_id=entry.process,
            facilitator_notes=entry.notes,
        )
        steps: list[Values] = []
        if entry.video:
            steps = video_steps(pack.video_guides[entry.video])
        elif entry.process:
            steps = protocol_steps(pack.protocols[entry.process], entry.step)
        new.append(NewItem(item, steps))
    return new


def agenda_copy(session: Session, *, source_id: int) -> list[NewItem]:
    """A copy of a meeting's agenda (items and their steps; not what happened), to
    insert into another meeting: two reads of plain columns, however long the agenda.
    Read it before the write that inserts it."""
    item, step = core_table(AgendaItem).c, core_table(AgendaStep).c
    items = session.execute(
        select(item.id, *(item[name] for name in ITEM_PLAN))
        .where(item.meeting_id == source_id)
        .order_by(item.position, item.id)
    )
    of_source = select(item.id).where(item.meeting_id == source_id)
    steps: dict[int, list[Values]] = {}
    for row in session.execute(
        select(step.agenda_item_id, *(step[name] for name in STEP_PLAN))
        .where(step.agenda_item_id.in_(of_source))
        .order_by(step.agenda_item_id, step.position)
    ):
        values = row._asdict()
        steps.setdefault(values.pop("agenda_item_id"), []).append(new_step(**values))
    new = []
    for row in items:
        values = row._asdict()
        item_id = values.pop("id")
        new.append(NewItem(new_item(**values), steps.get(item_id, [])))
    return new


ITEM_PLAN = (
    "title",
    "goal",
    "presenter_member_id",
    "presenter_name",
    "planned_minutes",
    "kind",
    "process_id",
    "facilitator_notes",
    "decision_method",
    "continuum_point",
    "decision_reason",
)
"""What a copy of an item keeps: its plan, not what happened to it."""
STEP_PLAN = ("position", "title", "detail", "planned_minutes", "media_ranges")
"""What a copy of a step keeps."""


def copy_item(item: AgendaItem) -> Values:
    """The item's plan (not what happened to it), for another place or meeting."""
    return new_item(**{name: getattr(item, name) for name in ITEM_PLAN})


def copy_step(step: AgendaStep) -> Values:
    """The step, for another item."""
    return new_step(**{name: getattr(step, name) for name in STEP_PLAN})


def video_steps(guide: VideoGuide) -> list[Values]:
    """A step per segment of the video guide, with its prompt, questions and times."""
    return [
        new_step(
            position=position,
            title=segment.title,
            detail="\n".join((segment.prompt, *segment.questions)).strip(),
            media_ranges=", ".join(r.label() for r in segment.ranges),
        )
        for position, segment in enumerate(guide.segments)
    ]


def protocol_steps(protocol: Protocol, only: int | None = None) -> list[Values]:
    """The protocol's steps (just step number `only`, counting from 1, if given)."""
    return [
        new_step(
            position=number - 1,
            title=step.title,
            detail="\n".join((step.detail, *step.questions)).strip(),
            planned_minutes=step.minutes,
        )
        for number, step in enumerate(protocol.steps, start=1)
        if only is None or number == only
    ]
