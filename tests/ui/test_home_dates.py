"""Home and the action-item list date a meeting by the day it was held, and say the
planned day where it differs.

Regression (issue 15, defect 4): a meeting planned for 11 January and held today was
listed as 11 January, and its action items looked as if they came from January.
"""

from __future__ import annotations

from facilitator.pack.loader import Pack
from facilitator.services.captures import add_action_item
from facilitator.services.live import start_or_pause
from facilitator.store.database import Database
from facilitator.ui.screens.action_list import ActionListScreen
from facilitator.ui.widgets.meeting_list import MeetingList
from tests.conftest import FROZEN_NOW, TZ
from tests.ui.helpers import PROJECTOR, make_app, screen_text, settle, widget_text

DECEMBER = 2
"""The demo's December meeting, planned for Monday 30 November 2026, 15:30."""


async def test_regression_home_lists_a_meeting_started_early_on_today(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 4): started a week early (at FROZEN_NOW, Monday 23
    November, 14:00), the December meeting is listed first, on today, with its plan."""
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=PROJECTOR, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        shown = widget_text(app.screen.query_one(MeetingList)).splitlines()
        lines = [line.strip("│┃ ") for line in shown[1:]]  # inside the border (heavy: focused)
        assert lines[1].split() == [
            *("Mon", "23", "Nov", "14:00", "December", "leadership", "team", "meeting"),
        ]
        assert "running now · planned for Mon 30 Nov" in lines[2]
        assert "Wed 25 Nov 14:45" in lines[3]  # the PLC meeting, still to come


async def test_an_action_item_is_dated_by_the_day_its_meeting_was_held(
    demo_db: Database, pack: Pack
) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)
    add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="Order books", now=FROZEN_NOW, tz=TZ
    )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=PROJECTOR, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(ActionListScreen(None))
        await settle(pilot)
        await pilot.press("4")  # every action item, the new one too
        await settle(pilot)
        text = screen_text(app)
        books = next(line for line in text.splitlines() if "Order books" in line)
        assert "Mon 23 Nov" in books
        assert "Mon 30 Nov" not in text
