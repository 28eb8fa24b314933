"""At 80x24 nothing essential is cut (issue 15, defect 7): every key in the footer,
long text ending in "…", a select's list inside its form."""

from __future__ import annotations

from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets._select import SelectOverlay

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.form import FormModal
from facilitator.ui.widgets.form_select import FormSelect
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.plan_heading import PlanHeading, PlanWarnings
from tests.snapshots.long_text import LONG_TITLE, lengthen
from tests.ui.helpers import SIZE, make_app, settle, widget_text
from tests.ui.screen_lines import region_text, shown_text

DECEMBER = 2


def footer_text(app: FacilitatorApp) -> str:
    return shown_text(app.screen.query_one(KeysFooter))


async def test_the_home_footer_shows_every_key_at_80_columns(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 7): at 80 columns the home footer lost Refresh,
    Quit, Help and the palette hint off its right edge; it now wraps onto two rows."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        text = footer_text(app)
        for shown in ("Open meeting", "Run", "New meeting", "New team", "Action items"):
            assert shown in text
        for shown in ("Library", "r Refresh", "^q Quit", "? Help", "^p palette"):
            assert shown in text
        assert len(text.splitlines()) == 2
        assert all(len(row) <= SIZE[0] for row in text.splitlines())


async def test_a_wide_footer_keeps_to_one_row(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(160, 40), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        text = footer_text(app)
        assert len(text.splitlines()) == 1
        assert "r Refresh" in text and "^p palette" in text


SCREENS = {
    "plan": ("down", "enter"),
    "minutes": ("end", "enter"),
    "library": ("l",),
    "library search": ("l", "slash"),
    "action list": ("i",),
}


@pytest.mark.parametrize("name", SCREENS)
async def test_help_and_the_palette_key_show_on_every_screen(
    demo_db: Database, pack: Pack, name: str
) -> None:
    """Regression (issue 15, defect 7): the help key and the palette hint were cut off
    (or left out below 100 columns). Where a text field takes "?", F1 opens the help."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press(*SCREENS[name])
        await settle(pilot)
        text = footer_text(app)
        assert "^p palette" in text
        help_key = "F1 Help" if name == "library search" else "? Help"
        assert help_key in text
        if name == "library search":
            await pilot.press("f1")
            await settle(pilot)
            assert type(app.screen).__name__ == "HelpModal"


async def test_a_form_shows_the_palette_key(demo_db: Database, pack: Pack) -> None:
    """Over a form the app's keys are left out of the screen's bindings, but ctrl+p
    (a priority key) still opens the palette, so the footer says so."""
    app = make_app(demo_db.target, pack, open_meeting_id=DECEMBER)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        assert "^p palette" in footer_text(app)


async def open_process_list(pilot: Pilot[Any]) -> tuple[FormSelect, VerticalScroll]:
    await settle(pilot)
    await pilot.press("a")  # a new agenda item
    await settle(pilot)
    select = pilot.app.screen.query_one("#field-process", FormSelect)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    return select, pilot.app.screen.query_one(VerticalScroll)


async def test_a_select_list_stays_inside_its_form(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 7): the process list of the agenda item form, near
    the form's bottom at 80x24, drew over the form's border and the footer."""
    app = make_app(demo_db.target, pack, open_meeting_id=DECEMBER)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        select, form = await open_process_list(pilot)
        assert select.expanded
        overlay = select.query_one(SelectOverlay)
        assert overlay.region.height >= 5  # a few choices in view
        assert form.content_region.contains_region(overlay.region), (
            overlay.region,
            form.content_region,
        )
        await pilot.press("escape")
        await settle(pilot)
        assert not select.expanded
        assert isinstance(app.screen, FormModal)


async def test_the_plan_heading_ends_in_an_ellipsis_and_keeps_the_time(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 7): a 200-character title pushed the meeting's day,
    time and purpose out of the plan's heading at 80x24 with nothing to show it was cut."""
    lengthen(demo_db)
    app = make_app(demo_db.target, pack, open_meeting_id=DECEMBER)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        lines = widget_text(app.screen.query_one(PlanHeading)).splitlines()
        assert len(lines) == 4
        assert lines[0].strip() == LONG_TITLE[: len(lines[0].strip())]
        assert lines[1].rstrip().endswith("…")  # the title, cut
        assert "15:30–16:30 · Library" in lines[2]
        assert lines[3].rstrip().endswith("…")  # more below: e shows the details


async def test_plan_warnings_are_cut_with_an_ellipsis(demo_db: Database, pack: Pack) -> None:
    """The warnings under the plan keep to two lines at 80x24; a cut one ends in "…"."""
    app = make_app(demo_db.target, pack, open_meeting_id=DECEMBER)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        warnings = app.screen.query_one(PlanWarnings)
        long = "The agenda runs 30 min over the planned 60; shorten items or lengthen it. " * 3
        from textual.content import Content

        warnings.show([(Content(long), 2), (Content("No one is the recorder yet."), 2)])
        warnings.display = True
        await settle(pilot)
        lines = widget_text(warnings).splitlines()
        assert len(lines) == 2
        assert lines[1].rstrip().endswith("…")


async def test_a_long_checkbox_label_wraps_inside_its_form(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 7): closure's action item form cut "No one can take it
    yet: owner to be decided (the minutes say so)" at the form's border."""
    from facilitator.ui.modals.form import Field

    label = "No one can take it yet: owner to be decided (the minutes say so)"
    fields = [Field("what", "What will be done"), Field("tbd", label, kind="check")]
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(FormModal("Action item", fields, lambda values: None))
        await settle(pilot)
        form = app.screen.query_one(VerticalScroll)
        text = " ".join(region_text(app, form.content_region).split())
        assert label in text.replace("▐X▌ ", ""), text
