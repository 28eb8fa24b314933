"""Helpers for Pilot tests: build the app on a test database and read the screen as text."""

from __future__ import annotations

import html
import re
from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from facilitator.domain.clock import fixed_clock
from facilitator.pack.loader import Pack
from facilitator.store.target import DatabaseTarget
from facilitator.ui.app import FacilitatorApp, build_app
from tests.conftest import FROZEN_NOW, TZ

SIZE = (80, 24)
PROJECTOR = (120, 40)


def make_app(target: DatabaseTarget, pack: Pack, **kwargs: object) -> FacilitatorApp:
    """The app on `target` with the frozen clock, UTC and the loaded pack.

    Notifications last ten minutes instead of five seconds: Textual expires them on the
    real clock, so on a busy machine (parallel workers, CI) a toast could vanish before
    the test reads it, and a test that passed alone failed in the full run."""
    app = build_app(target, clock=fixed_clock(FROZEN_NOW), tz=TZ, pack=pack, **kwargs)  # type: ignore[arg-type]
    app.NOTIFICATION_TIMEOUT = 600  # type: ignore[misc]  # an instance setting, on purpose
    return app


async def settle(pilot: Pilot[Any]) -> None:
    """Let thread workers finish and their messages be handled; then stop the text
    cursors blinking, so a picture taken now shows them whatever the time."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    steady_cursors(pilot.app)


def steady_cursors(app: App[Any]) -> None:
    """Show every text cursor on the current screen steadily instead of blinking.

    A blink toggles on a real-time timer every half second: on a busy machine a snapshot
    taken a little later than usual caught the cursor hidden, and a picture that passed
    alone failed in the full run (`test_team_form_with_problems`)."""
    for field in app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # type: ignore[attr-defined]


_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def screen_text(app: App[Any]) -> str:
    """Everything the terminal shows, as plain text (from Textual's own screenshot)."""
    svg = app.export_screenshot()
    pieces = [html.unescape(piece) for piece in _TEXT.findall(svg)]
    return "".join(pieces).replace("\xa0", " ")


def notifications(app: App[Any]) -> list[str]:
    """Messages of the notifications currently shown (Textual keeps them on the app)."""
    return [notification.message for notification in app._notifications]


def widget_text(widget: Widget) -> str:
    """What a widget shows, line by line, as rendered (after markup, wrapping and styles)."""
    width, height = widget.outer_size
    lines = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(line.text.rstrip() for line in lines)


def toast_texts(app: App[Any]) -> list[str]:
    """The rendered text of every toast on screen, its lines joined with spaces."""
    texts = (widget_text(toast).replace("▌", " ") for toast in app.screen.query("Toast"))
    return [" ".join(text.split()) for text in texts]
