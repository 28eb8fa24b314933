"""Snapshots of the main screens at 80x24 and at a projector size, with a frozen clock.

Each test's docstring says what the picture should show. Update pictures on purpose
with `pytest tests/snapshots --snapshot-update` and look at snapshot_report.html.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.target import DatabaseTarget
from tests.ui.helpers import PROJECTOR, SIZE, make_app, settle

SnapCompare = Callable[..., bool]


def steps(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that lets the data load, presses `keys`, and lets it load again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_home_with_the_demo(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Home on the demo: two teams (All teams highlighted first), Upcoming (PLC data meeting
    Wed 25 Nov, December leadership meeting Mon 30 Nov) and Recent (November meeting,
    "closed, minutes sent"), four open action items with the Daniel Okafor one marked
    OVERDUE, "Parking lot: 1 item open" and "Review due: 1 decision" with its question.
    The Meetings panel has focus: its border is heavy, the others' rounded. At 80x24 the
    footer takes two rows and shows every key: Open meeting, Run, New meeting, New team,
    Action items, Decisions, Search, Library, Refresh, Quit, Help and the palette hint
    (issue 15, defect 7)."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps())


def test_first_run_welcome(snap_compare: SnapCompare, target: DatabaseTarget, pack: Pack) -> None:
    """An empty database: the welcome text with "Create a team" (focused) and
    "Load the demo team" buttons."""
    app = make_app(target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_minutes_preview(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The closed November leadership team meeting opens on its minutes: the state line
    ("Minutes sent Tue 10 Nov 2026 16:30"), then the rendered Markdown: title, team
    purpose quote, team, date, place, scheduled and held times, present, guests, absent."""
    app = make_app(demo_db.target, pack, open_meeting_id=1)
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_closure(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Closure of the November meeting after reopening it: the heading says "reopened for
    corrections"; the steps list (all ✔ but none to finish) with their summaries, the
    last "ready to close again"; the Action items step shown, five items with owners and
    due dates (one done), in the focused pane (heavy border)."""
    from facilitator.services.closure import reopen_meeting
    from facilitator.ui.screens.closure import ClosureScreen
    from tests.conftest import FROZEN_NOW

    reopen_meeting(demo_db, meeting_id=1, now=FROZEN_NOW)
    app = make_app(demo_db.target, pack)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.push_screen(ClosureScreen(1))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_team_form_with_problems(
    snap_compare: SnapCompare, target: DatabaseTarget, pack: Pack
) -> None:
    """The new-team form after saving with an empty name and a bad e-mail: "Give the team
    a name." under the name, the e-mail problem under the first member row, focus back on
    the name field."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")  # the welcome's focused "Create a team" button
        await settle(pilot)
        pilot.app.screen.query_one("#member-0-name", Input).value = "Ana"
        pilot.app.screen.query_one("#member-0-email", Input).value = "ana(at)school"
        await pilot.press("ctrl+s")
        await settle(pilot)

    app = make_app(target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The help over the home screen: the home screen's keys (enter, n, a, r) with their
    plain names and sentences, then the app-wide ones (?, ^p, palette-only demo, ^q)."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("question_mark"))


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_library(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The library opened with l: entries grouped by kind ("Norms (7)", "Developing norms
    (6)", "Roles (5)", ...) on the left, and the first entry, Pausing, on the right with
    its kind and its source (the guidebook, "The Seven Norms of Collaborative Work").
    The entries list has focus (heavy border); the entry's panel is rounded."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps("l"))


def test_library_search(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The library after typing /ladder: "Entries · 1", under "In the title (1)" the
    ladder of inference with its kind ("· Protocols"), shown on the right: its kind, its
    source, what it is and when to use it."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("l", "slash", *"ladder"))


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_plan(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Planning the December meeting: heading with the title, then the day, 15:30–16:30,
    place and team, the team's purpose and the meeting's purpose; the agenda with start
    times and "Agenda · 60 of 60 min"; roles (Norms monitor: Grace Liu) and the nine
    people expected. At 80x24 the heading keeps to four lines, the team purpose cut with
    "…" and " …" after the purpose for the goals below it (e shows them); the roles and
    attendance sit under the agenda; at the projector size beside it. The agenda has
    focus (heavy border)."""
    app = make_app(demo_db.target, pack, open_meeting_id=2)
    assert snap_compare(app, terminal_size=size, run_before=steps())


def test_plan_item_form(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The add-item form over the plan after saving "abc" minutes and a presenter who is
    not on the team: each problem in words under its field."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#field-title", Input).value = "Budget review"
        screen.query_one("#field-minutes", Input).value = "abc"
        screen.query_one("#field-presenter", Input).value = "Ana Nobody"
        await pilot.press("ctrl+s")
        await settle(pilot)

    app = make_app(demo_db.target, pack, open_meeting_id=2)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_team(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The Riverside team's screen: name and type, purpose line, eight members with
    positions on the left (focused: heavy border), nine numbered norms on the right;
    footer keys for members."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        teams = pilot.app.screen.query_one("#teams", OptionList)
        teams.focus()
        teams.highlighted = 2
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


LIVE_SIZES = [SIZE, (160, 48)]


@pytest.mark.parametrize("size", LIVE_SIZES, ids=["80x24", "160x48"])
def test_live(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The December meeting live, started and moved on to its fourth item ("Supporting
    weekly writing", 15:00 left, green, "planned 15:00"; at 80x24 the line above the title
    ends in "…" where the process name is cut, and the goal wraps), with the
    interest-based step 1 of 6 and the next step; the roles bar; the speakers panel titled
    "Speakers · 1–9 q": Daniel Okafor speaking, Priya Raman "queue 1", the others
    "quiet", the guest Sam Ortiz ninth (at 160x48 the "Floor:" and "Queue:" lines above
    them); the notes with "Two strategies [proposed]" (literal brackets) and "saved"; the
    key bar on two rows at 80x24 ("n/b Next/Back", "+/- ±1 min"), one at 160x48, where
    the countdown is several times larger."""
    from tests.ui.live_helpers import HandClock, live_app, live_screen, live_settle

    app = live_app(demo_db.target, pack, HandClock())

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        await pilot.press("space", "n", "n", "n", "2", "s", "3")
        await live_settle(pilot)
        await pilot.press("m", *"Two strategies [proposed]", "escape")
        await live_settle(pilot)
        live_screen(pilot).redraw()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_live_time_up(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The first December item run 1:30 over its 5 minutes at 80x24: "+1:30" in red,
    "Over by 1:30 · planned 5:00", and under it the time-up prompt on two lines: "Time is
    up: + adds a minute, e another amount, n moves on, c checks the process, i dismisses
    this."; the notes shorter to make room; no toast."""
    from tests.ui.live_helpers import HandClock, live_app, live_settle, tick

    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 390)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_norms_check(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The norms check over the live screen at 80x24: the intro, the nine demo norms one
    per row with their read in a column of its own (norm 1 "✔ Honoured", norm 2
    "◐ Partly" with its note "– [b]phones[/b] out" in italics on the line below, literal
    brackets, the rest "· not read"; long norms wrap under their own text), the note
    field for norm 2 below with the cursor in it, the Record and Cancel buttons, and the
    footer with ctrl+s, escape and the palette hint (the h, p, n keys show while the
    list has focus)."""
    from tests.ui.live_helpers import HandClock, live_app, live_settle

    app = live_app(demo_db.target, pack, HandClock())

    async def run_before(pilot: Pilot[Any]) -> None:
        await live_settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("h", "down", "p", "tab", *"[b]phones[/b] out")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
