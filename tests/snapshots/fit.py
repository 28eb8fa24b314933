"""Driving the app into a screen or a form for the 80x24 snapshots (issue 15, defect 7)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from tests.ui.helpers import SIZE, make_app, settle

SnapCompare = Callable[..., bool]
Step = str | Callable[[Pilot[Any]], object]
"""Keys to press (separated by spaces), or a function of the pilot (may be async)."""

NOVEMBER = 1
"""The demo's closed leadership meeting."""
DECEMBER = 2
"""The demo's planned leadership meeting."""


def run(*steps: Step) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before taking `steps` in turn, letting the app settle after each."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for step in steps:
            if isinstance(step, str):
                await pilot.press(*step.split())
            else:
                result = step(pilot)
                if isinstance(result, Awaitable):
                    await result
            await settle(pilot)

    return run_before


def focus(selector: str) -> Step:
    """Give focus to the widget `selector` names on the screen on top."""

    def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one(selector).focus()

    return step


def typed(text: str) -> Step:
    """Type `text`, character by character."""

    async def step(pilot: Pilot[Any]) -> None:
        await pilot.press(*text)

    return step


def highlight(selector: str, index: int) -> Step:
    """Focus the option list `selector` and highlight its option `index`."""

    def step(pilot: Pilot[Any]) -> None:
        options = pilot.app.screen.query_one(selector, OptionList)
        options.focus()
        options.highlighted = index

    return step


def snap(snap_compare: SnapCompare, db: Database, pack: Pack, *steps: Step, **app: Any) -> bool:
    """The picture at 80x24 of the app on `db` after `steps`."""
    application: FacilitatorApp = make_app(db.target, pack, **app)
    return snap_compare(application, terminal_size=SIZE, run_before=run(*steps))
