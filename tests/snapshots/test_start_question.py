"""Snapshot of the question a first start far from the planned day asks, at 80x24.

Update on purpose with `pytest tests/snapshots --snapshot-update` and look at the picture.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.ui.helpers import SIZE
from tests.ui.live_helpers import T0, HandClock, live_app, live_settle

SnapCompare = Callable[..., bool]


def test_start_a_week_early_asks(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """Space on the December meeting a week before its planned day: a dialog titled
    "Start the meeting?" says "This meeting is planned for Mon 30 Nov 2026, 7 days from
    now. Start it today anyway?", with "Start today (y)" and the focused "Not now (enter,
    esc)"; the footer shows "esc No". (Like the app's other dialogs, the screen beneath
    is not drawn.)"""
    app = live_app(demo_db.target, pack, HandClock(T0 - timedelta(days=7)))

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
