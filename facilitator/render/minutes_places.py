"""Where a record shows in the minutes (`minutes_markdown`): the heading to open them at.

A note, decision or action item tied to an agenda item is written under that item's
heading ("### 2. Data walkthrough"; items may share a title, so the number tells them
apart). Anything else has a section of its own: the parking lot and the time-outs
(whatever their item), the decisions and action items of no item, the meeting's own
notes, the take-aways and the evaluation. A viewer's table of contents lists the
headings as (level, text shown, id); `place_heading` picks the one to open at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

AGENDA = (2, "Agenda items")
"""The section that holds one heading per agenda item, numbered from 1."""
SECTIONS = {
    "note": (2, "Meeting notes"),
    "decision": (2, "Other decisions"),
    "action": (2, "Other action items"),
    "parking": (2, "Parking lot"),
    "takeaway": (3, "Key take-aways"),
    "comment": (2, "Evaluation"),
    "timeout": (2, "Time-outs"),
}
"""The heading (level, text) of the section holding each kind of record not written
under its agenda item."""
OWN_SECTION = frozenset({"parking", "timeout"})
"""Kinds written in their section even when tied to an agenda item."""

Heading = tuple[int, str, str | None]
"""A table of contents entry: level, the heading's text as shown, its block's id."""


@dataclass(frozen=True)
class MinutesPlace:
    """A record to open the minutes at: its kind (a search result's) and the agenda
    item it belongs to, if any."""

    kind: str
    item_id: int | None = None


def place_heading(
    headings: Sequence[Heading], place: MinutesPlace, item_ids: Sequence[int]
) -> str | None:
    """The id of the heading to open at `place`, given the minutes' headings and their
    agenda items' ids in order; None when the minutes show no such heading (open at
    the top)."""
    if place.item_id in item_ids and place.kind not in OWN_SECTION:
        found = _item_heading(headings, item_ids.index(place.item_id) + 1)
        if found is not None:
            return found
    section = SECTIONS.get(place.kind)
    return next(
        (block for level, text, block in headings if (level, text.strip()) == section), None
    )


def _item_heading(headings: Sequence[Heading], number: int) -> str | None:
    """The heading of agenda item `number` ("3. Title") in the agenda's section."""
    inside = False
    for level, text, block in headings:
        if (level, text.strip()) == AGENDA:
            inside = True
        elif inside and level <= AGENDA[0]:
            return None
        elif inside and level == AGENDA[0] + 1 and text.startswith(f"{number}. "):
            return block
    return None
