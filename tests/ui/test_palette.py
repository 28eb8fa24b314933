"""The command palette: each entry once, and every meeting of every team findable."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.commands import MeetingCommands
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.widgets.team_list import TeamList
from tests.ui.helpers import SIZE, make_app, settle

LIBRARY = "Library: browse the practice"


async def palette_entries(pilot: Pilot[Any]) -> list[str]:
    """The names the palette lists when opened with nothing typed (its discovery list)."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await settle(pilot)  # the providers report from a worker
    assert palette.has_class("-ready")
    options = palette.query_one(CommandList).options
    names = [str(option.prompt).split("\n")[0] for option in options]
    await pilot.press("escape")
    await settle(pilot)
    return names


async def test_library_is_listed_once_in_the_palette(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 8): "Library" was listed twice in the command palette
    on the home screen (once as the home screen's action, once as the app's)."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        names = await palette_entries(pilot)
        assert names.count(LIBRARY) == 1
        assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
        assert any(name.startswith("Meeting: open") for name in names)


SCREENS = ["home", "plan", "minutes", "library", "team", "action list", "decision log"]


async def open_screen(app: FacilitatorApp, pilot: Pilot[Any], name: str) -> None:
    await settle(pilot)
    keys = {"plan": ("down", "enter"), "minutes": ("end", "enter"), "library": ("l",)}
    keys |= {"action list": ("i",), "decision log": ("d",)}
    if name == "team":
        teams = app.screen.query_one(TeamList)
        teams.focus()
        teams.highlighted = 2
        await settle(pilot)
        keys["team"] = ("enter",)
    await pilot.press(*keys.get(name, ()))
    await settle(pilot)


@pytest.mark.parametrize("name", SCREENS)
async def test_every_palette_entry_name_is_unique(demo_db: Database, pack: Pack, name: str) -> None:
    """Regression (issue 15, defect 8): on every screen, each action the palette offers
    appears under its name once."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_screen(app, pilot, name)
        assert not isinstance(app.screen, HomeScreen) or name == "home"
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles)), sorted(t for t in titles if titles.count(t) > 1)
        assert titles.count(LIBRARY) == 1


async def test_palette_finds_a_meeting_of_a_team_home_does_not_show(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 8): with one team highlighted on home, the palette
    found only that team's meetings, although the help says it searches every meeting."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        teams = app.screen.query_one(TeamList)
        teams.focus()
        riverside = next(
            i for i, o in enumerate(teams.options) if o.prompt and "River" in str(o.prompt)
        )
        teams.highlighted = riverside
        await settle(pilot)
        meetings = app.screen.query_one("#meetings", OptionList)
        assert "PLC" not in " ".join(str(o.prompt) for o in meetings.options)
        provider = MeetingCommands(app.screen)
        hits = [hit async for hit in provider.search("plc winter")]
        assert [hit.text for hit in hits] == [
            "Meeting: open PLC data meeting: winter reading benchmark "
            "(Grade 3 Collaborative Learning Team · Wed 25 Nov 2026)"
        ]
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)


async def test_a_closed_meeting_found_in_the_palette_opens_on_its_minutes(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.overview = None  # as if home had not listed it
        provider = MeetingCommands(app.screen)
        hits = [hit async for hit in provider.search("november")]
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
