"""Regression (issue 15, defect 6): the focused panel was hard to see, and a list could
take focus with no row highlighted, so the first enter did nothing. Every screen made of
panels draws the focused one heavy (shape, not colour alone), and a list lands on a row
when it gets focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList

from facilitator.pack.loader import Pack
from facilitator.services import closure
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.form import FormModal
from facilitator.ui.screens.action_list import ActionListScreen
from facilitator.ui.screens.closure import ClosureScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team import TeamScreen
from facilitator.ui.widgets.panel import PANEL
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, settle

NOVEMBER, DECEMBER, RIVERSIDE = 1, 2, 1


def _edge(widget: Widget) -> str:
    return widget.styles.border_top[0]


def _panels(screen: Screen[Any]) -> list[Widget]:
    return [widget for widget in screen.query(f".{PANEL}") if widget.display]


SCREENS: list[tuple[str, Callable[[], Screen[Any] | None]]] = [
    ("home", lambda: None),
    ("plan", lambda: PlanScreen(DECEMBER)),
    ("team", lambda: TeamScreen(RIVERSIDE)),
    ("closure", lambda: ClosureScreen(NOVEMBER)),
    ("action list", lambda: ActionListScreen(RIVERSIDE)),
]


@pytest.mark.parametrize("make", [s[1] for s in SCREENS], ids=[s[0] for s in SCREENS])
async def test_the_focused_panel_is_drawn_heavy(
    demo_db: Database, pack: Pack, make: Callable[[], Screen[Any] | None]
) -> None:
    """Regression (issue 15, defect 6): the focused panel differed from the others only
    by the colour of its rounded border. Tab walks the panels; the one holding focus,
    and only that one, has a heavy border and a bold title. A search field outside the
    panels (the action list's, issue 19) is a tab stop too: there no panel is heavy."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = make()
        if screen is not None:
            app.push_screen(screen)
            await settle(pilot)
        panels = _panels(app.screen)
        assert len(panels) >= 1
        seen = set()
        for _ in range(len(panels) + 2):
            focused = app.focused
            assert focused is not None
            holder = next((p for p in panels if p in (focused, *focused.ancestors)), None)
            if holder is None:
                assert isinstance(focused, Input)
                assert all(_edge(p) == "round" for p in panels)
            else:
                seen.add(holder.id)
                assert _edge(holder) == "heavy"
                assert holder.styles.border_title_style.bold
                assert all(_edge(p) == "round" for p in panels if p is not holder)
            await pilot.press("tab")
            await settle(pilot)
        reachable = {p.id for p in panels if p.focusable or any(w.focusable for w in p.query("*"))}
        assert seen == reachable  # tab reached every panel that takes focus


async def test_a_list_lands_on_a_row_when_focused(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 6): tabbing into a list that had no row highlighted
    left enter doing nothing until an arrow key was pressed."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        actions = app.screen.query_one("#actions", OptionList)
        assert actions.highlighted is None
        actions.focus()
        await settle(pilot)
        assert actions.highlighted == 0
        await pilot.press("down")
        await settle(pilot)
        app.screen.query_one("#meetings").focus()  # and back: the same row as before
        await settle(pilot)
        actions.highlighted = None  # the list was filled again meanwhile
        actions.focus()
        await settle(pilot)
        assert actions.highlighted == 1


async def _to_steps_and_back(app: FacilitatorApp, pilot: Any) -> ClosureScreen:
    screen = app.screen
    assert isinstance(screen, ClosureScreen)
    entries = screen.query_one("#entries", OptionList)
    assert app.focused is entries
    await pilot.press("tab")
    await settle(pilot)
    assert app.focused is screen.query_one("#steps")
    assert _edge(screen.query_one("#steps")) == "heavy"
    await pilot.press("enter")  # the step chosen: its entries take focus, visibly
    await settle(pilot)
    assert app.focused is entries
    assert _edge(screen.query_one("#step-pane")) == "heavy"
    assert _edge(screen.query_one("#steps")) == "round"
    return screen


async def test_closure_tab_then_enter_acts_at_once(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 6): in closure the first enter after tab seemed to do
    nothing. Tab goes to the steps, drawn as focused; enter goes back to the step's
    entries, drawn as focused, on a row; enter there opens the entry at once."""
    closure.reopen_meeting(demo_db, meeting_id=NOVEMBER, now=FROZEN_NOW)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClosureScreen(NOVEMBER))
        await settle(pilot)
        screen = await _to_steps_and_back(app, pilot)
        assert screen.query_one("#entries", OptionList).highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)  # the first parking-lot entry's form
