"""Snapshots of a team's self-assessment at 80x24 and 160x48: the coherence progression
being taken (the first component chosen, its descriptor for that level below the row of
levels, the Opportunity note beside it), and the leadership-team indicators compared
side by side (a column per date, the change in signs and words, the highlighted item's
levels by name with its evidence note, the levels named at the foot)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.ui.helpers import SIZE, make_app, settle
from tests.ui.test_self_assessment import COHERENCE, take, two_assessments
from tests.ui.test_team_screen import open_team

SnapCompare = Callable[..., bool]
SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_taking_the_coherence_progression(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Accelerating chosen for the first component: its descriptor shows below."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_team(pilot.app, pilot)  # type: ignore[arg-type]
        await take(pilot, COHERENCE)
        await pilot.press("2")
        await settle(pilot)

    assert snap_compare(make_app(demo_db.target, pack), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_comparing_the_indicators(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """2 November and today side by side, the goals item highlighted (B → P, up 1)."""
    two_assessments(demo_db, pack)

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_team(pilot.app, pilot)  # type: ignore[arg-type]
        await pilot.press("c")
        await settle(pilot)
        pilot.app.screen.query_one(DataTable).move_cursor(row=2)
        await settle(pilot)

    assert snap_compare(make_app(demo_db.target, pack), terminal_size=size, run_before=run_before)
