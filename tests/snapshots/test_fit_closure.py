"""80x24 snapshots of closure, its forms, the minutes and their export, with long user
text (issue 15, defect 7: nothing essential cut, long text wrapped or "…").

Each docstring says what the picture shows.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.fit import NOVEMBER, SnapCompare, Step, snap

STEPS = ["parking", "actions", "next", "takeaways", "communication", "attendance", "notes"]
STEPS += ["close"]


def closure(database: Database) -> Step:
    """Reopen the November meeting for corrections and open its closure."""

    def step(pilot: Pilot[Any]) -> None:
        from facilitator.services.closure import reopen_meeting
        from facilitator.ui.screens.closure import ClosureScreen
        from tests.conftest import FROZEN_NOW

        reopen_meeting(database, meeting_id=NOVEMBER, now=FROZEN_NOW)
        pilot.app.push_screen(ClosureScreen(NOVEMBER))

    return step


def to_step(name: str) -> str:
    """The keys that move from the first closure step to `name`."""
    return " ".join(["n"] * STEPS.index(name)) or "b"


@pytest.mark.parametrize("name", STEPS)
def test_closure_step_with_long_text(
    snap_compare: SnapCompare, long_db: Database, pack: Pack, name: str
) -> None:
    """Closure of the reopened November meeting, retitled with 200 characters, at each
    step: the heading keeps to two lines, the title ending in "…" before
    "· reopened for corrections (ctrl+s closes)", which stays whole; all eight steps
    with their summaries in view on the left; the step's guidance and its entries on the
    right, long entries (the 200-character action, the 80-character owner, the long
    parking-lot entries) wrapped under their marks; the footer on two rows."""
    assert snap(snap_compare, long_db, pack, closure(long_db), to_step(name))


FORMS = ["parking", "actions", "next", "takeaways", "communication", "notes"]


@pytest.mark.parametrize("name", FORMS)
def test_closure_form_with_long_text(
    snap_compare: SnapCompare, long_db: Database, pack: Pack, name: str
) -> None:
    """The form enter opens on the first entry of each closure step with a form (the
    parking-lot disposition, an action item, a next-agenda item, a take-away, a line of
    the communication plan, an item's notes): its intro and fields inside the box (the
    box scrolls where they do not fit), selects closed, the footer with ctrl+s,
    escape and the palette hint."""
    assert snap(snap_compare, long_db, pack, closure(long_db), to_step(name), "enter")


def test_action_item_owner_list(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Editing the long action item in closure, its "What will be done" text wrapped
    over the lines of its box rather than cut."""
    assert snap(snap_compare, long_db, pack, closure(long_db), to_step("actions"), "down enter")


def test_minutes_with_long_text(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The minutes of the November meeting retitled with 200 characters: the state line,
    then the title wrapped over three lines, the team purpose, team (77
    characters, wrapped), date, place, times and the people (the 80-character name
    wrapped in the list of who was present)."""
    assert snap(snap_compare, long_db, pack, open_meeting_id=NOVEMBER)


def test_minutes_export_form(
    snap_compare: SnapCompare, long_db: Database, pack: Pack, teacher_home: str
) -> None:
    """Exporting the minutes (e): the format list closed, the file in the home folder
    named after the long title (the field shows its start), the options and buttons."""
    assert snap(snap_compare, long_db, pack, "e", open_meeting_id=NOVEMBER)
