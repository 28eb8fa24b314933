"""The injection checks on screen: every screen of the app at 80x24, headless
(`App.run_test`), on a database seeded with one payload.

Home, then the team, the plan (planned meeting), live (running), closure (ended),
minutes preview (closed) and the action list, each pushed over home, read, and
popped. On each: the app is still running and has not quit (a `[@click=app.quit]`
did nothing), the screen is the one pushed, no control character is on it, and a
markup payload's brackets are shown (the markup was not run).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from facilitator.domain.clock import fixed_clock
from facilitator.pack.loader import Pack
from facilitator.store.target import sqlite_target
from facilitator.ui.app import build_app
from facilitator.ui.screens.action_list import ActionListScreen
from facilitator.ui.screens.closure import ClosureScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.live import LiveScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team import TeamScreen
from reliability.injection_data import MARKERS, Seeded
from reliability.literal import CONTROL

SIZE = (80, 24)
_SVG_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)
SCREENS: dict[str, Callable[[Seeded], Screen[Any]]] = {
    "team": lambda s: TeamScreen(s.team_id),
    "plan": lambda s: PlanScreen(s.planned_id),
    "live": lambda s: LiveScreen(s.running_id),
    "closure": lambda s: ClosureScreen(s.ended_id),
    "minutes": lambda s: MinutesScreen(s.closed_id),
    "action list": lambda s: ActionListScreen(s.team_id, s.team_name),
}
SCREEN_NAMES = ("home", *SCREENS)


def screen_text(app: App[Any]) -> str:
    """What the terminal would show, as text (from Textual's own screenshot)."""
    pieces = [html.unescape(piece) for piece in _SVG_TEXT.findall(app.export_screenshot())]
    return "".join(pieces).replace("\xa0", " ")


async def _settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _problems(app: App[Any], kind: type[Screen[Any]], name: str, marker: str | None) -> list[str]:
    if not app.is_running or app.return_code is not None:
        return ["the app stopped"]
    problems = []
    if not isinstance(app.screen, kind):
        problems.append(f"showed {type(app.screen).__name__}, not the {name} screen")
    text = screen_text(app)
    if CONTROL.search(text):
        problems.append("a control character on screen")
    if marker is not None and marker not in text:
        problems.append(f"{marker!r} not shown (markup run, or cut)")
    return problems


async def walk_screens(
    db: Path, seeded: Seeded, name: str, *, pack: Pack, now: datetime
) -> dict[str, list[str]]:
    """Every screen's problems (empty: fine) for the payload called `name`."""
    marker = MARKERS.get(name)
    app = build_app(sqlite_target(db), clock=fixed_clock(now), tz=UTC, pack=pack)
    found: dict[str, list[str]] = {}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            found["home"] = _problems(app, HomeScreen, "home", marker)
            for screen_name, make in SCREENS.items():
                screen = make(seeded)
                await app.push_screen(screen)
                await _settle(pilot)
                found[screen_name] = _problems(app, type(screen), screen_name, marker)
                if app.screen is screen:
                    app.pop_screen()
                    await _settle(pilot)
    except Exception as error:  # a crash is the finding; say which and carry on
        missing = [screen_name for screen_name in SCREEN_NAMES if screen_name not in found]
        if missing:
            found[missing[0]] = [f"crashed: {type(error).__name__}"]
    return found
