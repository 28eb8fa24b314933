"""Carrying forward what the team still owes (open action items, the parking lot, items
set aside for "next meeting", decisions due for review) onto a meeting's agenda.

However many things are picked, a call reads each kind of row once (`IN` lists, plain
columns rather than ORM objects) and writes each kind of row in one statement, so the
write lock is held for a handful of statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Any

import sqlalchemy as sql
from sqlalchemy.engine import Row
from sqlmodel import Session, col, or_, select

from facilitator.domain.enums import ActionStatus, ItemKind, NextAgendaStatus, ParkingStatus
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.planning import TITLE_MAX
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.services.agenda_build import (
    NewItem,
    Slot,
    agenda_slots,
    insert_items,
    new_item,
    renumber_slots,
)
from facilitator.services.carry_forward_reviews import (
    decision_review_item,
    picked_decisions,
    reviews_due,
)
from facilitator.store.bulk import (
    Values,
    core_table,
    insert_rows,
    new_row,
    update_rows,
)
from facilitator.store.database import Database
from facilitator.store.repo import teams
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

_TABLES: dict[str, type[ActionItem] | type[ParkingLotItem] | type[NextAgendaEntry]] = {
    "action": ActionItem,
    "parking": ParkingLotItem,
    "next": NextAgendaEntry,
}
KINDS = (*_TABLES, "decision")


@dataclass(frozen=True)
class Candidate:
    """Something the team owes that could go on this agenda.

    `kind` is "action", "parking", "next" or "decision"; `on_agenda` says it is already
    there.
    """

    kind: str
    id: int
    text: str
    detail: str
    on_agenda: bool


def carry_forward_candidates(
    db: Database, *, meeting_id: int, tz: tzinfo | None = UTC
) -> list[Candidate]:
    """Open action items to review, open parking-lot items, items set aside for "next
    meeting", and decisions due for review by the meeting's day (on the wall clock of
    `tz`), from the team's other meetings."""
    with db.read() as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        linked = _linked(_links(session, meeting_id))
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
            # Set aside by another meeting, or by no meeting (an evaluation's delta).
            or_(
                col(NextAgendaEntry.meeting_id).is_(None),
                col(NextAgendaEntry.meeting_id) != meeting_id,
            ),
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
        due_by = meeting_day(MeetingTimes(meeting.scheduled_start, meeting.started_at), tz)
        candidates += [
            Candidate("decision", key, text, detail, False)
            for key, text, detail in reviews_due(session, meeting, due_by)
        ]
        return [replace(c, on_agenda=(c.kind, c.id) in linked) for c in candidates]


def accept_carry_forward(
    db: Database, *, meeting_id: int, picks: Sequence[tuple[str, int]], now: datetime
) -> list[int]:
    """Put the picked candidates on the agenda, linked back to where they came from.

    Action items share one "Review of action items" item (one step each); each
    parking-lot or set-aside item becomes an item of its own, and each decision a
    decision item to review it, planned to be decided by the same method. Returns the
    items touched.
    """
    picks = list(dict.fromkeys(picks))  # the same pick twice counts once
    for kind, _ in picks:
        if kind not in KINDS:
            raise InvalidInput({"picks": f"Cannot carry forward a {kind}."})
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        rows = _picked(session, meeting, picks)
        links = _links(session, meeting_id)
        fresh = [pick for pick in picks if pick not in _linked(links)]
        agenda = agenda_slots(session, meeting_id)
        names = _member_names(session, meeting.team_id)
        actions = [rows[pick] for pick in fresh if pick[0] == "action"]
        touched: list[int] = []
        if actions:
            touched.append(_review_item(session, meeting_id, agenda, links, actions, names))
        renumber_slots(session, agenda)
        others = [(pick[0], rows[pick]) for pick in fresh if pick[0] != "action"]
        touched += _carried_items(session, meeting_id, len(agenda), others, names)
        return touched


def _picked(
    session: Session, meeting: Meeting, picks: Sequence[tuple[str, int]]
) -> dict[tuple[str, int], Row[Any]]:
    """The picked rows (plain columns), one query per kind; refuses picks of another
    team (only this team's debts carry forward) and picks that are not there."""
    rows: dict[tuple[str, int], Row[Any]] = {}
    for kind, table in _TABLES.items():
        keys = [key for each, key in picks if each == kind]
        core = core_table(table)
        for row in session.execute(sql.select(core).where(core.c.id.in_(keys))) if keys else ():
            rows[kind, row.id] = row
    rows |= picked_decisions(session, [key for each, key in picks if each == "decision"])
    for pick in picks:
        found = rows.get(pick)
        if found is None:
            raise NotFoundError(f"There is no item to carry forward {pick[1]}.")
        if found.team_id != meeting.team_id:
            raise InvalidInput({"picks": "That item belongs to another team."})
    return rows


def _review_item(
    session: Session,
    meeting_id: int,
    agenda: list[Slot],
    links: Sequence[Row[Any]],
    actions: Sequence[Row[Any]],
    names: dict[int, str],
) -> int:
    """The agenda's action-review item (made second if there is none), with a step per
    action; a new one joins `agenda` where it goes."""
    reviewed = {link.agenda_item_id for link in links if link.action_item_id}
    review = next((i.id for i in agenda if i.id in reviewed or i.title == REVIEW_TITLE), None)
    existing = 0
    if review is None:
        goal = "Check each open action item: done, on track or stuck."
        values = new_item(
            title=REVIEW_TITLE,
            goal=goal,
            planned_minutes=max(5, 2 * len(actions)),
            kind=ItemKind.INFORMATION,
        )
        (review,) = insert_items(session, meeting_id=meeting_id, new=[NewItem(values)])
        agenda.insert(min(1, len(agenda)), Slot(review, -1, REVIEW_TITLE))
    else:
        step = core_table(AgendaStep).c
        count = sql.select(sql.func.count()).where(step.agenda_item_id == review)
        existing = session.execute(count).scalar_one()
    steps = [
        new_row(
            AgendaStep,
            agenda_item_id=review,
            position=existing + offset,
            title=action.what,
            detail=_action_detail(action, names),
        )
        for offset, action in enumerate(actions)
    ]
    insert_rows(session, AgendaStep, steps)
    carried = [new_row(CarryForward, agenda_item_id=review, action_item_id=a.id) for a in actions]
    insert_rows(session, CarryForward, carried)
    return review


def _carried_items(
    session: Session,
    meeting_id: int,
    first: int,
    rows: Sequence[tuple[str, Row[Any]]],
    names: dict[int, str],
) -> list[int]:
    """An item at the end of the agenda (from position `first`) for each parking-lot entry
    or item set aside, linked back to it; their ids."""
    new: list[NewItem] = []
    links: list[Values] = []
    set_aside: list[int] = []
    for kind, row in rows:
        if kind == "decision":
            new.append(NewItem(decision_review_item(row)))
            links.append(new_row(CarryForward, agenda_item_id=0, decision_id=row.id))
            continue
        if kind == "parking":
            title, goal = row.text, f"From the parking lot ({_raised_by(row, names)})."
            links.append(new_row(CarryForward, agenda_item_id=0, parking_lot_item_id=row.id))
        else:
            set_aside.append(row.id)
            title, goal = row.title, row.note or "Set aside for this meeting by the last one."
            links.append(new_row(CarryForward, agenda_item_id=0, next_agenda_entry_id=row.id))
        new.append(NewItem(new_item(title=title[:TITLE_MAX], goal=goal, planned_minutes=10)))
    ids = insert_items(session, meeting_id=meeting_id, new=new, first_position=first)
    for link, item_id in zip(links, ids, strict=True):
        link["agenda_item_id"] = item_id
    insert_rows(session, CarryForward, links)
    update_rows(session, NextAgendaEntry, set_aside, status=NextAgendaStatus.CARRIED)
    return ids


def _links(session: Session, meeting_id: int) -> list[Row[Any]]:
    """What the meeting's agenda items were carried forward from (plain columns)."""
    link, item = core_table(CarryForward).c, core_table(AgendaItem).c
    statement = (
        sql.select(core_table(CarryForward))
        .join(core_table(AgendaItem), item.id == link.agenda_item_id)
        .where(item.meeting_id == meeting_id)
    )
    return list(session.execute(statement))


def _linked(links: Sequence[Row[Any]]) -> set[tuple[str, int | None]]:
    linked: set[tuple[str, int | None]] = set()
    for link in links:
        if link.action_item_id is not None:
            linked.add(("action", link.action_item_id))
        if link.parking_lot_item_id is not None:
            linked.add(("parking", link.parking_lot_item_id))
        if link.next_agenda_entry_id is not None:
            linked.add(("next", link.next_agenda_entry_id))
        if link.decision_id is not None:
            linked.add(("decision", link.decision_id))
    return linked


def _member_names(session: Session, team_id: int) -> dict[int, str]:
    """Every member's name by id, archived ones too (old items name them)."""
    return {row_id(m): m.name for m in teams.members_of(session, team_id=team_id, archived=True)}


def _action_detail(action: ActionItem | Row[Any], names: dict[int, str]) -> str:
    unowned = "owner to be decided" if action.owner_to_be_decided else "no owner yet"
    owner = names.get(action.owner_member_id or -1) or action.owner_name or unowned
    due = f"due {action.due_date:%a %d %b}" if action.due_date else "no due date"
    return f"{owner}, {due}"


def _raised_by(parked: ParkingLotItem | Row[Any], names: dict[int, str]) -> str:
    who = names.get(parked.raised_by_member_id or -1) or parked.raised_by_name
    return f"raised by {who}" if who else "in the parking lot"
