"""The projector (issue 18): a read-only view of a meeting for the room that follows
the live window(s). A writer through the services plays the facilitator's window.

The view looks for changes every `FOLLOW_SECONDS` with a timer; the tests call the
same method at once instead of waiting on the real clock."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.services.captures import add_parking_lot_item
from facilitator.services.closure import close_meeting, end_meeting, mark_rest_present
from facilitator.services.live import live_state, move_to_item, start_or_pause
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp, build_app
from facilitator.ui.screens.projector import ProjectorScreen
from facilitator.ui.widgets.big_clock import BigClock
from tests.conftest import TZ
from tests.ui.helpers import SIZE, screen_text, settle
from tests.ui.live_helpers import DECEMBER, HandClock

NOVEMBER = 1
"""The demo's closed meeting."""


def projector_app(db: Database, pack: Pack, clock: HandClock, meeting_id: int) -> FacilitatorApp:
    return build_app(
        db.target, clock=clock, tz=TZ, pack=pack, open_meeting_id=meeting_id, projector=True
    )


def projector(pilot: Pilot[Any]) -> ProjectorScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ProjectorScreen), pilot.app.screen_stack
    return screen


async def follow(pilot: Pilot[Any]) -> None:
    projector(pilot).follow()
    await settle(pilot)


async def test_waits_then_follows_the_live_window(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = projector_app(demo_db, pack, clock, DECEMBER)
    agenda = live_state(demo_db, meeting_id=DECEMBER, pack=pack).plan.agenda
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Waiting for the meeting to start" in text
        assert "Item 1 of" not in text  # no countdown before the start
        asked = projector(pilot).asked
        await follow(pilot)  # nothing changed: nothing read
        assert projector(pilot).asked == asked

        start_or_pause(demo_db, meeting_id=DECEMBER, now=clock())
        await follow(pilot)
        text = screen_text(app)
        assert "Waiting" not in text
        assert f"Item 1 of {len(agenda)}" in text
        assert "5:00 left · planned 5:00" in text
        assert app.screen.query_one(BigClock).figure == "5:00"
        assert agenda[1].title[:20] in text  # the next item

        clock.advance(61)
        projector(pilot).redraw()
        await pilot.pause()
        assert "3:59 left" in screen_text(app)

        add_parking_lot_item(
            demo_db, meeting_id=DECEMBER, item_id=agenda[0].id, text="[b]Bus[/b] duty", now=clock()
        )
        move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=clock())
        await follow(pilot)
        text = screen_text(app)
        assert "Parked: [b]Bus[/b] duty" in text  # literally, not as markup
        assert f"Item 2 of {len(agenda)}" in text


async def test_no_key_changes_the_meeting(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    start_or_pause(demo_db, meeting_id=DECEMBER, now=clock())
    before = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    app = projector_app(demo_db, pack, clock, DECEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Item 1 of" in screen_text(app)
        # The live screen's start/pause, next item, parking lot, action, end, notes
        # keys, the palette and the escape that would leave for the home screen.
        await pilot.press("space", "n", "p", "a", "x", "m", "1", "s", "ctrl+p", "escape")
        await settle(pilot)
        assert app.screen_stack[1:] == [projector(pilot)]  # no form, palette or home
        assert live_state(demo_db, meeting_id=DECEMBER, pack=pack) == before

        await pilot.press("question_mark")  # help is the one thing it opens
        await settle(pilot)
        assert "Projector" in screen_text(app) and "changes it" in screen_text(app)


async def test_says_when_the_meeting_has_ended(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    start_or_pause(demo_db, meeting_id=DECEMBER, now=clock())
    app = projector_app(demo_db, pack, clock, DECEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Item 1 of" in screen_text(app)
        end_meeting(demo_db, meeting_id=DECEMBER, now=clock())
        # Ended with x, closure under way: ended already (it showed as paused before).
        await follow(pilot)
        assert "The meeting has ended" in screen_text(app)
        assert "Ended at" in screen_text(app) and "min to go" not in screen_text(app)
        mark_rest_present(demo_db, meeting_id=DECEMBER, now=clock())
        close_meeting(demo_db, meeting_id=DECEMBER, now=clock())
        await follow(pilot)
        text = screen_text(app)
        assert "The meeting has ended" in text
        assert "Item 1 of" not in text


async def test_a_closed_meeting_says_it_has_ended(demo_db: Database, pack: Pack) -> None:
    app = projector_app(demo_db, pack, HandClock(), NOVEMBER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "The meeting has ended: November leadership team meeting" in screen_text(app)


async def test_an_unknown_meeting_is_one_sentence_on_the_screen(
    demo_db: Database, pack: Pack
) -> None:
    app = projector_app(demo_db, pack, HandClock(), 99)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "There is no meeting 99." in screen_text(app)
