"""The minutes preview: rendered from the record, the 48-hour rule until they are marked
sent, and export to a file from the app."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from textual.widgets import Static

from facilitator.pack.loader import Pack
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
