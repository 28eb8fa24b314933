"""The action-item screen: a team's items across meetings, filtered by 1-4, grouped by g,
marked done (or open again) with space or x, at 80x24 on the demo database."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.domain.enums import ActionStatus
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import ActionItem, row_id
from facilitator.ui.action_list_actions import ACTION_LIST_ACTIONS
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.action_list import ActionListScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.widgets.action_table import ActionTable
from facilitator.ui.widgets.clamped_text import ClampedText
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle, toast_texts

RIVERSIDE = 1
PLC = 2
OVERDUE = 2  # "Summarise November walkthrough data...", Daniel Okafor, due 4 days ago
DONE = 1  # "Share the opinion-writing rubric draft...", Aisha Karimi
INVITATION = 3  # "Draft the family writing-night invitation", Grace Liu, due in 5 days


async def open_list(
    app: FacilitatorApp, pilot: Pilot[Any], team_id: int | None = RIVERSIDE
) -> ActionListScreen:
    await settle(pilot)
    screen = ActionListScreen(team_id=team_id)
    app.push_screen(screen)
    await settle(pilot)
    assert app.screen is screen
    return screen


def rows(screen: ActionListScreen) -> list[str]:
    """Row keys top to bottom: action ids, and "heading:<owner>" for owner headings."""
    return [str(row.key.value) for row in screen.query_one(ActionTable).ordered_rows]


def selected(screen: ActionListScreen) -> int | None:
    return screen.query_one(ActionTable).selected_id()


def status_of(db: Database, action_id: int) -> tuple[str, object]:
    with db.read() as session:
        action = session.get(ActionItem, action_id)
        assert action is not None
        return action.status, action.done_at


async def test_open_items_first_with_counts_and_overdue_in_words(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        text = screen_text(app)
        assert "Riverside Elementary Leadership Team · 4 open, 1 overdue, 1 done" in text
        assert "[1 Open]" in text and "Grouped by due date" in text
        assert rows(screen) == [str(OVERDUE), str(INVITATION), "4", "5"]
        assert "overdue" in text  # the Status column says it, not colour alone
        assert selected(screen) == OVERDUE
        detail = screen.query_one("#actions-detail", ClampedText).text
        assert "Summarise November walkthrough data for the staff meeting" in detail
        assert "OVERDUE" in detail and "from November leadership team meeting" in detail


async def test_filter_keys(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("2")
        assert rows(screen) == [str(OVERDUE)]
        assert "[2 Overdue]" in screen_text(app)
        await pilot.press("3")
        assert rows(screen) == [str(DONE)]
        assert "[3 Done]" in screen_text(app)
        await pilot.press("4")
        assert rows(screen) == ["1", "2", "3", "4", "5"]
        assert "All action items · 5" in screen_text(app)
        await pilot.press("1")
        assert rows(screen) == ["2", "3", "4", "5"]


async def test_space_marks_done_and_again_opens(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("down")
        assert selected(screen) == INVITATION
        await pilot.press("space")
        await settle(pilot)
        assert status_of(demo_db, INVITATION) == (ActionStatus.DONE, FROZEN_NOW)
        assert notifications(app) == ["Marked done: Draft the family writing-night invitation"]
        # It stays in view (so the same key undoes a slip), with the cursor on it.
        assert selected(screen) == INVITATION
        assert str(INVITATION) in rows(screen)
        assert "3 open, 1 overdue, 2 done" in screen_text(app)

        await pilot.press("x")
        await settle(pilot)
        assert status_of(demo_db, INVITATION) == (ActionStatus.OPEN, None)
        assert notifications(app)[-1] == "Open again: Draft the family writing-night invitation"
        assert selected(screen) == INVITATION
        assert "4 open, 1 overdue, 1 done" in screen_text(app)

        await pilot.press("space")  # done again, then a fresh filter lets it go
        await settle(pilot)
        await pilot.press("1")
        assert str(INVITATION) not in rows(screen)


async def test_two_quick_presses_are_saved_in_order(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("space", "space", "space")
        await settle(pilot)
        assert status_of(demo_db, OVERDUE)[0] == ActionStatus.DONE
        assert selected(screen) == OVERDUE
        assert "3 open, 0 overdue, 2 done" in screen_text(app)


async def test_group_by_owner_and_the_cursor_skips_headings(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("g")
        assert "Grouped by owner" in screen_text(app)
        assert rows(screen) == [
            "heading:Daniel Okafor",
            str(OVERDUE),
            "heading:Grace Liu",
            str(INVITATION),
            "heading:Maria Alvarez",
            "5",
            "heading:Tom Becker",
            "4",
        ]
        assert "Daniel Okafor · 1" in screen_text(app)
        assert selected(screen) == OVERDUE  # the cursor stayed on its item
        await pilot.press("down")
        await settle(pilot)
        assert selected(screen) == INVITATION
        await pilot.press("up")
        await settle(pilot)
        assert selected(screen) == OVERDUE
        await pilot.press("up")  # nothing above but a heading: stay
        await settle(pilot)
        assert selected(screen) == OVERDUE
        await pilot.press("g")
        assert rows(screen) == [str(OVERDUE), str(INVITATION), "4", "5"]


async def test_empty_states_say_something_useful(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_list(app, pilot, PLC)
        assert "Grade 3 Collaborative Learning Team · 0 open, 0 overdue, 0 done" in (
            screen_text(app)
        )
        assert "No open action items. Nice." in screen_text(app)
        await pilot.press("4")
        assert "No action items yet." in screen_text(app)
        await pilot.press("space")  # nothing highlighted: nothing happens
        await settle(pilot)
        assert notifications(app) == []


async def test_all_teams(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot, None)
        assert "All teams · 4 open, 1 overdue, 1 done" in screen_text(app)
        detail = screen.query_one("#actions-detail", ClampedText).text
        assert "Riverside Elementary Leadership Team" in detail


async def test_user_text_shows_literally(demo_db: Database, pack: Pack) -> None:
    """Regression guard: a `what` or owner that looks like markup is shown as typed, in
    the table, the detail line and the notification."""
    tricky, owner = "[bold]x[/bold] <b>", "[red]Ana[/red]"
    with demo_db.write(now=FROZEN_NOW) as session:
        action = ActionItem(
            team_id=RIVERSIDE,
            what=tricky,
            owner_name=owner,
            due_date=FROZEN_NOW.date() - timedelta(days=30),
        )
        session.add(action)
        session.flush()
        action_id = row_id(action)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        assert selected(screen) == action_id  # the earliest due
        text = screen_text(app)
        assert text.count(tricky) == 2  # the table and the detail line
        assert owner in text
        await pilot.press("space")
        await settle(pilot)
        assert notifications(app) == [f"Marked done: {tricky}"]
        assert any(f"Marked done: {tricky}" in toast for toast in toast_texts(app))


async def test_escape_goes_back(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_list(app, pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


def test_every_action_has_its_method() -> None:
    """The palette and the keys run `action_<id>`; each must exist on the screen."""
    for action in ACTION_LIST_ACTIONS:
        assert callable(getattr(ActionListScreen, f"action_{action.id}", None)), action.id
    assert ActionListScreen.ACTIONS is ACTION_LIST_ACTIONS


async def test_search_through_the_index(demo_db: Database, pack: Pack) -> None:
    """/ searches what is to be done: words in any form, a phrase, -word, markup shown
    literally, operators typed without an error; escape clears the box first."""
    with demo_db.write(now=FROZEN_NOW) as session:
        added = ActionItem(team_id=RIVERSIDE, what="Score the [b]benchmarks[/b] by Friday")
        session.add(added)
        session.flush()
        benchmark = row_id(added)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_list(app, pilot)
        box = screen.query_one("#action-search", Input)

        async def search(typed: str) -> list[str]:
            box.value = ""
            if not box.has_focus:
                await pilot.press("slash")
            await pilot.press(*typed)
            await settle(pilot)
            return rows(screen) if screen.query_one(ActionTable).display else []

        assert await search("benchmark") == [str(benchmark)]
        assert "Score the [b]benchmarks[/b] by Friday" in screen_text(app)
        assert await search('"score the"') == [str(benchmark)]
        assert await search("benchmark -friday") == []
        assert "Nothing matches" in screen_text(app)
        assert await search('NOT "* ^ (') == []
        assert not notifications(app)
        await pilot.press("enter", "2")  # to the list: a filter key filters
        assert box.value == 'NOT "* ^ (' and "[2 Overdue]" in screen_text(app)
        await pilot.press("1", "escape")
        await settle(pilot)
        assert box.value == "" and str(benchmark) in rows(screen)
        assert isinstance(app.screen, ActionListScreen)
