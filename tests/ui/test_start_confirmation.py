"""Starting a meeting more than a day before or after its planned day asks first; the
safe answer (do not start) is the one enter and escape give.

Regression (issue 15, defect 4): a meeting is dated by the day its clock first starts,
and space started a meeting planned for next month without a word.

The demo's December meeting (2) is planned for Monday 30 November 2026, 15:30 (T0).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.pack.loader import Pack
from facilitator.services.live import live_state
from facilitator.store.database import Database
from facilitator.ui.modals.confirm import ConfirmModal
from facilitator.ui.screens.live import LiveScreen
from tests.ui.helpers import SIZE, screen_text, widget_text
from tests.ui.live_helpers import DECEMBER, T0, HandClock, live_app, live_settle

WEEK_EARLY = T0 - timedelta(days=7)


def started_at(db: Database, pack: Pack) -> object:
    return live_state(db, meeting_id=DECEMBER, pack=pack).started_at


@pytest.mark.parametrize("keys", [("enter",), ("escape",), ("n",)])
async def test_regression_a_start_a_week_early_asks_and_no_leaves_it_planned(
    demo_db: Database, pack: Pack, keys: tuple[str, ...]
) -> None:
    """Regression (issue 15, defect 4): space a week before the planned day asks, saying
    both days; enter, escape and n leave the meeting planned."""
    app = live_app(demo_db.target, pack, HandClock(WEEK_EARLY))
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        assert "Planned for Mon 30 Nov 2026, 15:30" in screen_text(app)
        await pilot.press("space")
        await live_settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        said = " ".join(widget_text(app.screen.query_one("#confirm-question")).split())
        assert (
            "This meeting is planned for Mon 30 Nov 2026, 7 days from now. "
            "Start it today anyway?" in said
        )
        await pilot.press(*keys)
        await live_settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert "Not started" in screen_text(app)
    assert started_at(demo_db, pack) is None


@pytest.mark.parametrize("keys", [("y",), ("tab", "enter")])
async def test_yes_starts_it_when_the_team_agrees(
    demo_db: Database, pack: Pack, keys: tuple[str, ...]
) -> None:
    clock = HandClock(WEEK_EARLY)
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        clock.advance(20)  # the team talks it over
        await pilot.press(*keys)
        await live_settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        # Paused and resumed: a meeting already started never asks again.
        await pilot.press("space")
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.state is not None and app.screen.state.running
    assert started_at(demo_db, pack) == WEEK_EARLY + timedelta(seconds=20)


@pytest.mark.parametrize("offset", [timedelta(hours=-20), timedelta(days=1, hours=3)])
async def test_within_a_day_of_the_plan_space_starts_at_once(
    demo_db: Database, pack: Pack, offset: timedelta
) -> None:
    """The day before and the day after the planned day start without a question."""
    app = live_app(demo_db.target, pack, HandClock(T0 + offset))
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        assert isinstance(app.screen, LiveScreen)
    assert started_at(demo_db, pack) == T0 + offset
