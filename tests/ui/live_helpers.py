"""Driving the live screen in Pilot tests: a clock the test moves by hand, and a settle
that also waits for the screen's own write thread."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.target import DatabaseTarget
from facilitator.ui.app import FacilitatorApp, build_app
from facilitator.ui.screens.live import LiveScreen
from tests.conftest import FROZEN_NOW, TZ
from tests.ui.helpers import settle

DECEMBER = 2
"""The demo's planned leadership meeting: items of 5, 8, 12, 15, 10, 5 and 5 minutes."""
T0 = FROZEN_NOW + timedelta(days=7, hours=1, minutes=30)
"""December's scheduled start."""


class HandClock:
    """A clock that only moves when the test says so."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def live_app(target: DatabaseTarget, pack: Pack, clock: HandClock) -> FacilitatorApp:
    return build_app(target, clock=clock, tz=TZ, pack=pack, open_meeting_id=DECEMBER, live=True)


def live_screen(pilot: Pilot[Any]) -> LiveScreen:
    found = [s for s in pilot.app.screen_stack if isinstance(s, LiveScreen)]
    assert found, f"no live screen in {pilot.app.screen_stack!r}"
    return found[-1]


async def live_settle(pilot: Pilot[Any]) -> None:
    """Let workers, the live screen's writes and the messages they post all finish."""
    for _ in range(3):
        await settle(pilot)
        await live_screen(pilot).writes_done()
    await pilot.pause()


async def tick(pilot: Pilot[Any], clock: HandClock, seconds: float) -> None:
    """Move the clock on and redraw, as the screen's own timer would."""
    clock.advance(seconds)
    live_screen(pilot).redraw()
    await pilot.pause()
