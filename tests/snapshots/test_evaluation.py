"""Snapshots of an evaluation at 80x24 and 160x48: a member's turn on a clean form
(plus/delta and the Effective Team Assessment's rows of 1-7), and the results after a
round of three (each item's figures and spread, the lowest and highest items, the
comments without names, the deltas a key from the parking lot or the next agenda)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, settle
from tests.ui.test_evaluation_round import (
    ETA,
    answer_turn,
    end_december,
    evaluate_from_minutes,
)

SnapCompare = Callable[..., bool]
SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


async def set_up(pilot: Pilot[Any]) -> None:
    await evaluate_from_minutes(pilot)
    fill(form_of(pilot), **{f"use-{ETA}": True})
    await submit(pilot)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_members_turn(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The first member's turn: their name, a blank plus and delta, the team items."""
    end_december(demo_db)

    async def run_before(pilot: Pilot[Any]) -> None:
        await set_up(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(demo_db.target, pack), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_results_after_a_round(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Three answered (3, 5, 6 on every team item): medians of 5, the spread, the
    comments listed as anonymous, the deltas below."""
    end_december(demo_db)

    async def run_before(pilot: Pilot[Any]) -> None:
        await set_up(pilot)
        for score, delta in ((3, "Start on time"), (5, "Fewer reports"), (6, "More data")):
            await answer_turn(pilot, score, delta)
        await pilot.press("ctrl+f")
        await settle(pilot)

    assert snap_compare(make_app(demo_db.target, pack), terminal_size=size, run_before=run_before)
