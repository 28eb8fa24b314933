"""Snapshots of a team's trends at 80x24 and 160x48, opened with T on home
(`tests/trends_data.py`: three meetings rated and norms-checked): the list of items and
norms with their changes in words beside the highlighted one's chart (● at each meeting
with its figure written above or below it, the scale on the y axis, the dates below),
and the latest figures in words under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.domain.team_draft import TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW
from tests.trends_data import fill_trends
from tests.ui.helpers import SIZE, make_app, settle

SnapCompare = Callable[..., bool]
SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


def open_trends(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("T", *keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_rated_item(
    snap_compare: SnapCompare, db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Trust and conflict resolution: 3.5, 5.5 and 6.0 on a scale of 1 to 7; "Latest
    2026-11-02: 6.0 (1 answered); before, 2026-10-05: 5.5" under the chart."""
    fill_trends(db, pack)

    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=open_trends("down"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_norm(snap_compare: SnapCompare, db: Database, pack: Pack, size: tuple[int, int]) -> None:
    """Listen to understand: 25%, 75% and 100% honoured on a scale of 0-100%."""
    fill_trends(db, pack)

    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=open_trends("down", "down"))


def test_nothing_to_trend_yet(snap_compare: SnapCompare, db: Database, pack: Pack) -> None:
    """A team never evaluated nor norms-checked: a sentence in place of the chart."""
    create_team(db, draft=TeamDraft(name="New team"), pack=pack, now=FROZEN_NOW)

    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_trends())
