"""80x24 snapshots of the live screen's forms and cards, over a meeting whose current
item has a 200-character title (issue 15, defect 7: nothing cut, lists inside their
forms). The live screen itself is snapshotted in test_screens.py.

Each docstring says what the picture shows.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.fit import SnapCompare, Step
from tests.ui.helpers import SIZE
from tests.ui.live_helpers import HandClock, live_app, live_settle

TO_FOURTH = "space n n n"
"""Start the meeting and move on to the fourth item (the long-titled one)."""


def live_snap(snap_compare: SnapCompare, db: Database, pack: Pack, *steps: Step) -> bool:
    """The picture at 80x24 of the live December meeting after `steps`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        for step in (TO_FOURTH, *steps):
            if isinstance(step, str):
                await pilot.press(*step.split())
            else:
                step(pilot)
            await live_settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    app = live_app(db.target, pack, HandClock())
    return snap_compare(app, terminal_size=SIZE, run_before=run_before)


def focus(selector: str) -> Step:
    def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one(selector).focus()

    return step


def test_action_item_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Capturing an action item (a): what, who (with its help) and by when, the buttons
    and the footer with ctrl+s, escape and the palette hint, inside the box."""
    assert live_snap(snap_compare, long_db, pack, "a")


def test_parking_lot_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Parking an idea (p): what to set aside and who raised it, inside the box."""
    assert live_snap(snap_compare, long_db, pack, "p")


def test_takeaway_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """A key take-away (k): the message box and the buttons, inside the form."""
    assert live_snap(snap_compare, long_db, pack, "k")


def test_decision_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Recording a decision (d) on the long-titled item: the question pre-filled with the
    title (the field shows its end, where the cursor is), the method select, its help,
    the outcome box and the buttons."""
    assert live_snap(snap_compare, long_db, pack, "d")


def test_decision_method_list(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The decision form's method list open: the six methods under the select, inside
    the box, above its border and the footer."""
    assert live_snap(snap_compare, long_db, pack, "d", focus("#field-method"), "enter")


def test_time_out_card(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The time-out card (t): the clock paused, what came of it, the box to start the
    clock again, then the conflict strategies wrapped under their bullets, the card
    scrolling (its scroll bar at the right)."""
    assert live_snap(snap_compare, long_db, pack, "t")


def test_process_check_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The process check (c): the questions to ask, the two answers and the note, inside
    the box."""
    assert live_snap(snap_compare, long_db, pack, "c")


def test_process_check_answer_list(
    snap_compare: SnapCompare, long_db: Database, pack: Pack
) -> None:
    """The process check's "Is everyone in?" list open: Yes, Partly, No under it, the
    form scrolled so the list stays inside the box."""
    assert live_snap(snap_compare, long_db, pack, "c", focus("#field-everyone_in"), "enter")


def test_norms_card(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The norms card (o): the team's nine norms numbered, long ones wrapped, the count
    of norms checks, and the buttons to take a norms check or close it."""
    assert live_snap(snap_compare, long_db, pack, "o")


def test_change_time_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Extending or shortening the item by a typed amount (e): one field with its help."""
    assert live_snap(snap_compare, long_db, pack, "e")


def test_queue_speaker_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Adding someone to the speaker queue by name (q): the name field with its help."""
    assert live_snap(snap_compare, long_db, pack, "q")
