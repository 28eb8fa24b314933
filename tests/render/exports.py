"""Helpers for the calendar, CSV and JSON export tests: golden files, a small minutes
value to put awkward text into, and minutes compared without their database ids."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from facilitator.domain.meeting_view import Attendee, Person, RoleLine
from facilitator.domain.minutes import (
    ActionLine,
    ItemRecord,
    Minutes,
    NextMeeting,
    NormsCheckLine,
    ParkingLine,
    RatingLine,
    Recipient,
    TurnLine,
)
from facilitator.domain.timer import Segment

T = TypeVar("T")


ID_FIELDS = {"id", "member_id", "agenda_item_id", "action_item_id", "meeting_id"}
_SHARED = {"agenda_item_id": "ItemRecord", "action_item_id": "ActionLine", "member_id": "member"}


def without_ids(value: T) -> T:
    """`value` (minutes or a part) with every database id replaced by a number counting
    from 1 in order of appearance, one count per kind of thing: two minutes read from
    different databases compare equal when they tell the same story."""
    numbers: dict[tuple[str, int], int] = {}
    result: T = _renumber(value, numbers)
    return result


def _renumber(value: Any, numbers: dict[tuple[str, int], int]) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        kind = type(value).__name__
        changes = {}
        for field in fields(value):
            part = getattr(value, field.name)
            if field.name in ID_FIELDS and isinstance(part, int):
                space = _SHARED.get(field.name, kind)
                changes[field.name] = numbers.setdefault((space, part), len(numbers) + 1)
            else:
                changes[field.name] = _renumber(part, numbers)
        return replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_renumber(part, numbers) for part in value)
    return value


def small_minutes(
    *,
    what: str = "Write the report",
    owner: str = "Ana Lima",
    note: str = "Talked it through.",
    title: str = "Budget review",
) -> Minutes:
    """A closed meeting with one item, one action, one parking-lot entry and a next
    meeting: small enough to build by hand, with the given text where it matters."""
    moment = datetime(2026, 11, 9, 15, 30, tzinfo=UTC)
    ana = Person(owner, 11)
    action = ActionLine(
        id=7, what=what, owner=ana, due=date(2026, 11, 20), agenda_item_id=3, status="open"
    )
    item = ItemRecord(
        id=3,
        position=0,
        title=title,
        goal="Agree the budget.",
        kind="decision",
        presenter=Person("Guest Speaker"),
        planned_minutes=20,
        segments=(Segment(moment, datetime(2026, 11, 9, 15, 50, tzinfo=UTC)),),
        notes=note,
        actions=(action,),
    )
    return Minutes(
        meeting_id=1,
        team_name="Harbour Team",
        team_purpose="Every child reads.",
        title="November meeting",
        purpose="Settle the budget.",
        goals=("Agree the budget.",),
        scheduled_start=moment,
        planned_minutes=60,
        location="Room 4",
        status="closed",
        started_at=moment,
        ended_at=datetime(2026, 11, 9, 16, 30, tzinfo=UTC),
        closed_at=datetime(2026, 11, 9, 16, 31, tzinfo=UTC),
        corrected_at=None,
        sent_at=None,
        roles=(RoleLine(1, "custom", "Note taker", ana),),
        attendees=(Attendee(1, ana, "present"), Attendee(2, Person("Guest Speaker"), "present")),
        norms=("Start on time.",),
        items=(item,),
        other_actions=(
            ActionLine(id=8, what="Book the hall", owner=None, due=None, owner_to_be_decided=True),
        ),
        meeting_notes=note,
        parking=(ParkingLine(1, "Playground rota", ana, "action", action_item_id=8),),
        norms_checks=(
            NormsCheckLine(moment, 3, (RatingLine("Start on time.", "honoured", note),)),
        ),
        turns=(TurnLine(ana, moment, 3, moment, moment),),
        recipients=(Recipient(owner, "ana@example.org"),),
        next_meeting=NextMeeting("December meeting", datetime(2026, 12, 7, 15, 30, tzinfo=UTC), 60),
    )


def with_owner(minutes: Minutes, owner: str) -> Minutes:
    """`minutes` with its first item's first action owned by a member called `owner`."""
    item = minutes.items[0]
    action = replace(item.actions[0], owner=Person(owner, 11))
    return replace(minutes, items=(replace(item, actions=(action,)), *minutes.items[1:]))
