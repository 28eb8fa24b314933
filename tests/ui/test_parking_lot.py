"""The parking-lot screen at 80x24 on the entries of tests/parking_data.py: p on home
opens the chosen team's (or every team's) list, 1 and 2 filter, / searches through the
index, enter opens the meeting an entry was raised in, reading its status fresh."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.parking_lot import ParkingLotScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.parking_table import ParkingTable
from tests.parking_data import MARKUP, RIVERSIDE, RIVERSIDE_ORDER, ParkingData, fill_parking
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle

EVERY_TEAM = ["trip", "library", "markup", "planning", "recess", "spring"]


@pytest.fixture
def data(db: Database) -> ParkingData:
    return fill_parking(db)


def rows(screen: ParkingLotScreen, data: ParkingData) -> list[str]:
    names = {str(value): key for key, value in data.entries.items()}
    table = screen.query_one(ParkingTable)
    if not table.display:
        return []
    return [names[str(row.key.value)] for row in table.ordered_rows]


async def open_list(
    app: FacilitatorApp, pilot: Pilot[Any], team_id: int | None
) -> ParkingLotScreen:
    await settle(pilot)
    screen = ParkingLotScreen(team_id=team_id)
    app.push_screen(screen)
    await settle(pilot)
    assert app.screen is screen
    return screen


async def search(pilot: Pilot[Any], typed: str) -> None:
    """Type `typed` into a cleared search box and wait for the index's answer."""
    box = pilot.app.screen.query_one("#parking-search", Input)
    box.value = ""
    if not box.has_focus:
        await pilot.press("slash")
    await pilot.press(*typed)
    await settle(pilot)


async def test_p_on_home_opens_every_teams_list(
    db: Database, pack: Pack, data: ParkingData
) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ParkingLotScreen)
        assert rows(screen, data) == EVERY_TEAM  # the archived team's is left out
        text = screen_text(app)
        assert "All teams · Parking lot · 3 open, 3 dealt with" in text
        assert "[2 All]" in text and "next agenda" in text
        detail = screen.query_one("#parking-detail", ClampedText).text
        assert "Field trip dates" in detail and "December meeting (14 Dec 2026)" in detail
        assert "raised by Ana" in detail and RIVERSIDE in detail
        await pilot.press("1")
        assert rows(screen, data) == ["trip", "library", "markup"]
        assert "[1 Open]" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_opens_it(db: Database, pack: Pack, data: ParkingData) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await app.run_action("parking_lot")
        await settle(pilot)
        assert isinstance(app.screen, ParkingLotScreen)
        assert rows(app.screen, data) == EVERY_TEAM


async def test_search_through_the_index(db: Database, pack: Pack, data: ParkingData) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot, data.teams[RIVERSIDE])
        assert rows(screen, data) == RIVERSIDE_ORDER
        await search(pilot, "benchmark")  # "Benchmarks for spring reading" too
        assert rows(screen, data) == ["markup", "spring"]
        assert MARKUP in screen_text(app)  # the markup shown as typed
        await search(pilot, '"spring reading"')
        assert rows(screen, data) == ["spring"]
        await search(pilot, "benchmark -class")
        assert rows(screen, data) == ["spring"]
        await search(pilot, 'NEAR( "* ^:')  # FTS operators: words and punctuation
        assert rows(screen, data) == []
        assert "Nothing matches" in screen_text(app)
        assert not notifications(app)  # no error
        await pilot.press("enter")
        assert screen.query_one("#parking-empty").has_focus  # not the search field
        await pilot.press("2")  # a filter key filters, it does not type
        assert screen.query_one("#parking-search", Input).value == 'NEAR( "* ^:'
        await pilot.press("escape")  # clears the search first
        await settle(pilot)
        assert rows(screen, data) == RIVERSIDE_ORDER
        assert screen.query_one(ParkingTable).has_focus
        assert isinstance(app.screen, ParkingLotScreen)


async def test_enter_opens_the_meeting_by_its_status_now(
    db: Database, pack: Pack, data: ParkingData
) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot, data.teams[RIVERSIDE])
        await pilot.press("enter")  # Field trip dates: the December meeting, planned
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.meeting_id == data.meetings["december"]
        app.pop_screen()
        await settle(pilot)
        await search(pilot, "library")
        await pilot.press("enter", "enter")  # to the list, then open: October, closed
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        assert screen.query_one("#parking-search", Input).value == "library"
