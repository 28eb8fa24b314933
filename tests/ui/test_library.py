"""The library: browse every kind, search, see sources, and a school's own files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList, Static

from facilitator.domain.clock import fixed_clock
from facilitator.pack.library import KIND_LABELS
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.target import DatabaseTarget
from facilitator.ui.app import FacilitatorApp, build_app
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.library import LibraryScreen
from facilitator.ui.widgets.entry_view import EntryView
from tests.conftest import FROZEN_NOW, TZ
from tests.ui.helpers import SIZE, make_app, notifications, settle

OWN_NORM = """
[[norm]]
id = "phones-away"
name = "Phones away"
practice = "Phones stay face down unless the team agrees otherwise."
source = { document = "guidebook", section = "Developing Norms" }
"""


async def open_library(app: FacilitatorApp, pilot: Pilot[Any]) -> LibraryScreen:
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def focused_id(app: FacilitatorApp) -> str | None:
    return app.focused.id if app.focused else None


def headings(screen: LibraryScreen) -> list[str]:
    options = screen.query_one("#entries", OptionList).options
    return [str(option.prompt) for option in options if option.disabled]


def shown(screen: LibraryScreen) -> str:
    view = screen.query_one(EntryView)
    return "\n".join(str(static.visual) for static in view.query(Static))


async def test_every_kind_is_listed_with_its_count(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        expected = [
            f"{label} ({len(pack.entries(kind))})"
            for kind, label in KIND_LABELS.items()
            if pack.entries(kind)
        ]
        assert headings(screen) == expected
        text = shown(screen)  # the first entry is shown straight away
        assert text.startswith("Pausing\nNorms\nSource: Cultivating a Culture of Collaboration")
        assert "The Seven Norms of Collaborative Work" in text


async def test_search_finds_entries_by_any_words(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        await pilot.press("slash")
        assert focused_id(app) == "search"
        await pilot.press(*"sentence starters")
        await settle(pilot)
        options = screen.query_one("#entries", OptionList).options
        ids = [option.id for option in options if option.id]
        assert ids and all(option_id.startswith("norms:") for option_id in ids)
        assert "norms:paraphrasing" in ids
        assert "norms:pausing" not in ids  # pausing has no sentence starters
        await pilot.press("enter")  # from the search into the list
        assert focused_id(app) == "entries"


async def test_nothing_found_says_so(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        screen.query_one("#search", Input).value = "zebra crossing"
        await settle(pilot)
        assert [o for o in screen.query_one("#entries", OptionList).options if o.id] == []
        assert shown(screen).startswith("Nothing matches")


async def test_escape_clears_the_search_then_leaves(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        await pilot.press("slash", *"roles")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#search", Input).value == ""
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


def app_with_user_content(
    target: DatabaseTarget, isolated_dirs: Path, files: dict[str, str]
) -> FacilitatorApp:
    """The app loading the packaged pack plus these files in the user content directory."""
    root = isolated_dirs / "config" / "facilitator" / "content"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return build_app(target, clock=fixed_clock(FROZEN_NOW), tz=TZ)


async def test_a_schools_own_norm_is_in_the_library_and_the_team_form(
    demo_db: Database, isolated_dirs: Path
) -> None:
    app = app_with_user_content(demo_db.target, isolated_dirs, {"norms.toml": OWN_NORM})
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        entries = screen.query_one("#entries", OptionList)
        entries.highlighted = next(
            i for i, option in enumerate(entries.options) if option.id == "norms:phones-away"
        )
        await settle(pilot)
        text = shown(screen)
        assert text.startswith("Phones away\nNorms\n")
        assert "From your file: " in text
        assert str(isolated_dirs / "config" / "facilitator" / "content" / "norms.toml") in text
        await pilot.press("escape", "n")
        await settle(pilot)
        norms = app.screen.query_one("#pack-norms", SelectionList)
        assert "phones-away" in [
            norms.get_option_at_index(i).value for i in range(norms.option_count)
        ]


async def test_a_broken_file_of_a_school_is_listed_and_the_rest_still_loads(
    demo_db: Database, isolated_dirs: Path
) -> None:
    broken = '[[norm]]\nid = "loud"\nname = "Speak up"\n'  # no practice, no source
    app = app_with_user_content(demo_db.target, isolated_dirs, {"norms.toml": broken})
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        assert notifications(app) == [
            "1 of your own content file was skipped; the library (l) says why."
        ]
        assert headings(screen)[0] == "Problems with your files (1)"
        assert "Norms (7)" in headings(screen)
        text = shown(screen)  # the problem is the first thing shown
        assert text.startswith("A file of yours was skipped")
        assert 'norm 1 ("loud"): field "source": Field required (and 1 more problem)' in text
        assert "The file was skipped." in text


async def test_search_lists_title_matches_first_and_shows_the_best(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 8): "effective team" listed the Effective Team
    Assessment eighth, under its kind, and the right side kept showing Pausing (the
    entry before the search) although it was not among the results."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_library(app, pilot)
        await pilot.press("slash", *"effective team")
        await settle(pilot)
        options = screen.query_one("#entries", OptionList).options
        assert str(options[0].prompt) == "In the title (1)"
        assert options[1].id == "instruments:effective-team-assessment"
        assert str(options[2].prompt).startswith("In the text (")
        assert shown(screen).startswith("Effective Team Assessment\nEvaluation instruments\n")
