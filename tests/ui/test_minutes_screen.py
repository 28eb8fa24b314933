"""The minutes preview: rendered from the record, the 48-hour rule until they are marked
sent, and export to a file from the app."""

from __future__ import annotations

import email
import inspect
from email import policy
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.widgets._markdown import MarkdownHeader

from facilitator.pack.loader import Pack
from facilitator.render import minutes_markdown as minutes_markdown_module
from facilitator.render.minutes_places import (
    AGENDA,
    SECTIONS,
    Heading,
    MinutesPlace,
    place_heading,
)
from facilitator.services.closure import mark_minutes_sent
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from facilitator.ui.screens.minutes import MinutesScreen
from tests.conftest import FROZEN_NOW
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle


async def test_preview_mark_sent_and_export(demo_db: Database, pack: Pack, tmp_path: Path) -> None:
    mark_minutes_sent(demo_db, meeting_id=1, now=FROZEN_NOW, sent=False)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(1))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        state = str(screen.query_one("#minutes-state", Static).visual)
        # Closed 9 Nov 16:36, due 11 Nov 16:36; on 23 Nov 14:00, 11 days and 21 hours late.
        assert "Minutes overdue by 11 d" in state
        assert "Minutes: November leadership team meeting" in screen_text(app)

        await pilot.press("s")
        await settle(pilot)
        assert meeting_minutes(demo_db, meeting_id=1, pack=pack).sent_at == FROZEN_NOW
        assert "Minutes marked sent." in notifications(app)
        assert "Minutes sent" in str(screen.query_one("#minutes-state", Static).visual)

        await pilot.press("e")
        await settle(pilot)
        target = tmp_path / "november"
        fill(form_of(pilot), format="eml", path=str(target))
        await submit(pilot)
        written = tmp_path / "november.eml"
        assert f"Wrote {written}" in notifications(app)
        message = email.message_from_bytes(written.read_bytes(), policy=policy.default)
        assert "Riverside Elementary Leadership Team" in str(message["Subject"])


async def test_minutes_of_a_meeting_still_open_say_so(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(2))
        await settle(pilot)
        assert "Not closed yet" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert any("Close the meeting before" in n for n in notifications(app))
        assert meeting_minutes(demo_db, meeting_id=2, pack=pack).sent_at is None


def heading_at_top(screen: MinutesScreen) -> str:
    """The text of the heading shown on the first line of the minutes' scroll, or ""."""
    scroll = screen.query_one("#minutes-scroll", VerticalScroll)
    top = scroll.content_region.y
    return next((h._content.plain for h in screen.query(MarkdownHeader) if h.region.y == top), "")


async def test_opened_at_an_item_its_heading_is_the_first_line(
    demo_db: Database, pack: Pack
) -> None:
    items = meeting_minutes(demo_db, meeting_id=1, pack=pack).items
    assert len(items) >= 3
    number, item = len(items) - 1, items[-2]  # far enough down to need scrolling
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(1, place=MinutesPlace("note", item.id)))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        scroll = screen.query_one("#minutes-scroll", VerticalScroll)

        assert scroll.scroll_y > 0
        assert heading_at_top(screen) == f"{number}. {item.title}"
        assert screen.place is None  # coming back keeps the reader's own position


async def test_a_record_of_no_item_opens_at_its_section(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(1, place=MinutesPlace("parking", item_id=None)))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert heading_at_top(screen) == "Parking lot"


async def test_a_place_the_minutes_do_not_show_opens_at_the_top(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(1, place=MinutesPlace("item", item_id=99_999)))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert screen.query_one("#minutes-scroll", VerticalScroll).scroll_y == 0
        assert "Minutes: November leadership team meeting" in screen_text(app)


HEADINGS: list[Heading] = [
    (1, "Minutes: Data", "top"),
    (2, "Agenda items", "agenda"),
    (3, "1. Data", "one"),
    (4, "Notes", "one-notes"),
    (3, "2. Data", "two"),
    (2, "Other decisions", "decisions"),
    (2, "Parking lot", "parking"),
    (2, "Closure", "closure"),
    (3, "Key take-aways", "takeaways"),
    (2, "Evaluation", "evaluation"),
    (3, "3. Plus/delta", "instrument"),
]


@pytest.mark.parametrize(
    ("place", "heading"),
    [
        (MinutesPlace("note", 20), "two"),  # two items titled alike: told by number
        (MinutesPlace("item", 10), "one"),
        (MinutesPlace("decision", None), "decisions"),
        (MinutesPlace("parking", 20), "parking"),  # written in its section, item or not
        (MinutesPlace("takeaway"), "takeaways"),
        (MinutesPlace("comment"), "evaluation"),
        (MinutesPlace("action", None), None),  # no such section: the top
        (MinutesPlace("note", 30), None),  # an item the minutes do not list
        (MinutesPlace("meeting"), None),
    ],
)
def test_the_heading_of_each_place(place: MinutesPlace, heading: str | None) -> None:
    assert place_heading(HEADINGS, place, [10, 20]) == heading


def test_the_sections_are_the_minutes_own_headings() -> None:
    """The headings `place_heading` looks for are the ones `minutes_markdown` writes."""
    source = inspect.getsource(minutes_markdown_module)
    for level, name in [AGENDA, *SECTIONS.values()]:
        assert f'"{"#" * level} {name}"' in source
