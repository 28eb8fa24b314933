"""Snapshots of the room's answers at 80x24 and 160x48: the Effective Team Assessment's
tallies with marks given (figures per rating, the cursor in brackets, the count in
words) and the plus/delta lines with comments added."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.widgets.evaluation_tally import RoomComments, TallyItem
from tests.snapshots.test_evaluation import IDS, SIZES, SnapCompare
from tests.ui.helpers import make_app, settle
from tests.ui.test_evaluation_room import room_setup, say
from tests.ui.test_evaluation_round import end_december


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_rooms_tallies(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Five hands on the first two items, two comments; the cursor on the first item."""
    end_december(demo_db)

    async def run_before(pilot: Pilot[Any]) -> None:
        await room_setup(pilot)
        screen = pilot.app.screen
        plus, delta = screen.query(RoomComments)
        await say(pilot, plus, "Kept to time")
        await say(pilot, delta, "Send the data ahead")
        first, second = list(screen.query(TallyItem))[:2]
        second.focus()
        await pilot.press("3", "4", "4", "5", "4")
        first.focus()
        await pilot.press("5", "6", "6", "5", "7")
        await settle(pilot)

    assert snap_compare(make_app(demo_db.target, pack), terminal_size=size, run_before=run_before)
