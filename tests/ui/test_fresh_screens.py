"""Regression (issue 15, defect 5): stale screens. A screen shown again after another
covered it shows what the database holds now (see `facilitator.ui.screens.fresh`), and
the screen on top shows a save that lands after it came back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from facilitator.domain.closure import Step
from facilitator.pack.loader import Pack
from facilitator.services import closure
from facilitator.services.captures import add_action_item
from facilitator.services.live import start_or_pause
from facilitator.services.planning import add_guest
from facilitator.services.team_admin import update_team
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.action_list import ActionListScreen, ActionsLoaded
from facilitator.ui.screens.closure import ClosureScreen, MinutesRead
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.screens.minutes import MinutesRendered, MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team import TeamScreen
from tests.conftest import FROZEN_NOW, TZ
from tests.ui.helpers import SIZE, make_app, screen_text, settle

NOVEMBER = 1  # closed, minutes sent
DECEMBER = 2  # planned
RIVERSIDE = 1


def _ready_to_close(db: Database, pack: Pack) -> None:
    """December run, ended, everyone marked present: nothing keeps it from closing."""
    from facilitator.services.minutes import meeting_minutes

    start_or_pause(db, meeting_id=DECEMBER, now=FROZEN_NOW)
    closure.end_meeting(db, meeting_id=DECEMBER, now=FROZEN_NOW)
    closure.mark_rest_present(db, meeting_id=DECEMBER, now=FROZEN_NOW)
    assert meeting_minutes(db, meeting_id=DECEMBER, pack=pack).status == "running"


async def test_escape_straight_after_closing_shows_the_closed_minutes(
    demo_db: Database, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue 15, defect 5): after closing, escape returned to the minutes
    screen under the closure steps still saying "Not closed yet" (and the Markdown
    "Draft"): the minutes were read again as escape was pressed, before the close was
    saved. The save now tells the screen on top, which reads again."""
    _ready_to_close(demo_db, pack)
    gate = threading.Event()
    real_close = closure.close_meeting

    def slow_close(*args: Any, **kwargs: Any) -> None:
        gate.wait(timeout=30)  # the save lands after escape has been handled
        real_close(*args, **kwargs)

    monkeypatch.setattr(closure, "close_meeting", slow_close)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(DECEMBER))
        await settle(pilot)
        assert "Not closed yet" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ClosureScreen)
        await pilot.press("ctrl+s", "escape")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        gate.set()
        await settle(pilot)
        text = screen_text(app)
        assert "Not closed yet" not in text and "Draft" not in text
        assert "Minutes due within" in text


async def test_closure_says_closed_once_closed(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 5): closure's last step still said "ready to close"
    after the meeting was closed."""
    _ready_to_close(demo_db, pack)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(ClosureScreen(DECEMBER))
        await settle(pilot)
        assert "ready to close" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClosureScreen)
        steps = screen.query_one("#steps", OptionList)
        last = str(steps.get_option_at_index(len(Step) - 1).prompt)
        assert "Close the meeting" in last and "closed" in last
        assert "ready to close" not in screen_text(app)


Change = Callable[[Database], object]


def _add_guest(db: Database) -> object:
    return add_guest(db, meeting_id=DECEMBER, name="Rosa Diaz", now=FROZEN_NOW)


def _new_purpose(db: Database) -> None:
    name = "Riverside Elementary Leadership Team"
    update_team(
        db,
        team_id=RIVERSIDE,
        name=name,
        purpose="Every reader, every day",
        kind=None,
        now=FROZEN_NOW,
    )


def _new_action(db: Database) -> object:
    return add_action_item(
        db,
        meeting_id=DECEMBER,
        item_id=None,
        what="Order rugs for the reading corner",
        owner="",
        due="",
        now=FROZEN_NOW,
        tz=TZ,
    )


def _unsent(db: Database) -> None:
    closure.mark_minutes_sent(db, meeting_id=NOVEMBER, now=FROZEN_NOW, sent=False)


def _reopened(db: Database) -> None:
    closure.reopen_meeting(db, meeting_id=NOVEMBER, now=FROZEN_NOW)


CASES: list[tuple[str, Callable[[], FreshScreen[Any]], Change, str]] = [
    ("plan", lambda: PlanScreen(DECEMBER), _add_guest, "Rosa Diaz"),
    ("team", lambda: TeamScreen(RIVERSIDE), _new_purpose, "Every reader, every day"),
    ("action list", lambda: ActionListScreen(RIVERSIDE), _new_action, "Order rugs"),
    ("minutes", lambda: MinutesScreen(NOVEMBER), _unsent, "Minutes overdue"),
    ("closure", lambda: ClosureScreen(NOVEMBER), _reopened, "reopened for corrections"),
]


@pytest.mark.parametrize(
    ("screen", "change", "shown"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
async def test_a_screen_shows_what_changed_while_it_was_covered(
    demo_db: Database,
    pack: Pack,
    screen: Callable[[], FreshScreen[Any]],
    change: Change,
    shown: str,
) -> None:
    """Regression (issue 15, defect 5): a screen under another showed what it had read
    before, whatever was saved meanwhile. Every screen showing saved data reads again
    when it comes back."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(screen())
        await settle(pilot)
        assert shown not in screen_text(app)
        app.push_screen(Screen())
        await settle(pilot)
        change(app.backend.db)
        await settle(pilot)
        app.pop_screen()
        await settle(pilot)
        assert shown in screen_text(app)


READINGS: dict[type[FreshScreen[Any]], type[Message]] = {
    MinutesScreen: MinutesRendered,
    ClosureScreen: MinutesRead,
    ActionListScreen: ActionsLoaded,
}


async def _count_readings(
    app: FacilitatorApp, pilot: Pilot[Any], messages: list[Message], kind: type[Message]
) -> int:
    await settle(pilot)
    return len({id(message) for message in messages if isinstance(message, kind)})


@pytest.mark.parametrize("screen", [MinutesScreen, ClosureScreen])
async def test_nothing_is_read_again_when_nothing_changed(
    demo_db: Database, pack: Pack, screen: type[MinutesScreen] | type[ClosureScreen]
) -> None:
    """A modal closed without saving (help here) costs no reading and no re-render."""
    messages: list[Message] = []
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(pilot)
        app.push_screen(screen(NOVEMBER))
        kind = READINGS[screen]
        before = await _count_readings(app, pilot, messages, kind)
        assert before == 1
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("escape")
        assert await _count_readings(app, pilot, messages, kind) == before
