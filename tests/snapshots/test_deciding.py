"""Snapshots of deciding on the live screen at 80x24 and at a 160x48 projector: "How
should we decide?" with a recommendation, and the decision screen counting a majority
vote with a two-thirds threshold and a quorum (the result always in view above the
roll call), and a multi-vote's grid of dots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE
from tests.ui.live_helpers import HandClock, live_app, live_settle

SnapCompare = Callable[..., bool]
SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


async def decision_screen(pilot: Pilot[Any], method: str) -> None:
    await live_settle(pilot)
    await pilot.press("d")
    await pilot.pause()
    fill(form_of(pilot), question="Move walkthroughs to Tuesdays?", method=method)
    await submit(pilot)
    await live_settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_how_should_we_decide(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The questions with their answers, the third one (options) set to many, and
    Multi-voting recommended with its reason and the runner-up."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("down", "down", "right", "right")
        await live_settle(pilot)

    app = live_app(demo_db.target, pack, HandClock())
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_majority_vote_being_counted(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Five yes and two no called, the eighth member still to answer, two thirds
    needed: the line above the roll call reads "Carried: 5 of 7 votes cast were yes,
    two thirds needed"; the roll call shows each member's answer; no ballot counts
    and no percentage asked for."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await decision_screen(pilot, "majority")
        await pilot.press(*"yyyyynn")
        pilot.app.screen.query_one("#threshold", Select).value = "two_thirds"
        await live_settle(pilot)

    app = live_app(demo_db.target, pack, HandClock())
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_multi_vote_grid(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Three options, a column of dots per member present, totals counted; the
    ranking with its tie in words above."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await decision_screen(pilot, "multi_vote")
        screen = pilot.app.screen
        screen.query_one("#options").load_text("Reading\nWriting\nMaths")  # type: ignore[attr-defined]
        await pilot.pause()
        screen.query_one("#dots").focus()
        await pilot.press("right", "1", "down", "right", "1", "right", "1")
        await live_settle(pilot)

    app = live_app(demo_db.target, pack, HandClock())
    assert snap_compare(app, terminal_size=size, run_before=run_before)
