"""The home screen: first run, the demo, team filter, opening a meeting, help, palette."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static

from facilitator.domain.team_draft import TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.target import DatabaseTarget
from facilitator.ui.commands import MeetingCommands
from facilitator.ui.modals.help import HelpModal
from facilitator.ui.screens.home import HomeLoaded, HomeScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team_form import TeamFormScreen
from facilitator.ui.widgets.action_list import ActionList
from facilitator.ui.widgets.meeting_list import MeetingList
from facilitator.ui.widgets.team_list import TeamList
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle


async def test_first_run_offers_to_create_a_team_or_load_the_demo(
    target: DatabaseTarget, pack: Pack
) -> None:
    app = make_app(target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.has_class("-empty")
        assert app.focused is home.query_one("#create-team", Button)
        text = screen_text(app)
        assert "Welcome to facilitator" in text
        assert "Create a team" in text and "Load the demo team" in text


async def test_loading_the_demo_from_the_welcome_fills_the_home_screen(
    target: DatabaseTarget, pack: Pack
) -> None:
    app = make_app(target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.click("#load-demo")
        await settle(pilot)
        home = app.screen
        assert not home.has_class("-empty")
        meetings = home.query_one(MeetingList)
        assert [option.id for option in meetings.options if option.id] == ["3", "2", "1", "5", "4"]
        # With the list's scrollbar, December's title wraps after "team".
        assert "December leadership team" in screen_text(app)
        assert notifications(app) == ["Demo teams added."]


async def test_home_lists_meetings_actions_and_parking_lot(demo_db: Database, pack: Pack) -> None:
    messages: list[Message] = []
    app = make_app(demo_db.target, pack)
    async with app.run_test(
        size=SIZE, notifications=True, tooltips=True, message_hook=messages.append
    ) as pilot:
        await settle(pilot)
        assert any(isinstance(message, HomeLoaded) for message in messages)
        meetings = app.screen.query_one(MeetingList)
        ids = [option.id for option in meetings.options if option.id]
        # Upcoming soonest first (PLC on Wednesday, leadership next Monday), then recent,
        # the latest first (November, October, September).
        assert ids == ["3", "2", "1", "5", "4"]
        assert app.focused is meetings
        assert meetings.selected_meeting_id() == 3
        text = screen_text(app)
        assert "4 open · 1 OVERDUE" in text
        assert "OVERDUE, due Thu 19 Nov" in text
        assert "Parking lot: 1 item open" in text
        await pilot.press("down", "down")  # to November's meeting, below the fold at 80x24
        await settle(pilot)
        assert meetings.selected_meeting_id() == 1
        assert "closed, minutes sent" in screen_text(app)


async def test_choosing_a_team_filters_the_home_screen(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        teams = app.screen.query_one("#teams", OptionList)
        teams.focus()
        grade3 = next(i for i, o in enumerate(teams.options) if o.id == "2")
        teams.highlighted = grade3  # highlighting a team shows its meetings
        await settle(pilot)
        meetings = app.screen.query_one(MeetingList)
        assert [o.id for o in meetings.options if o.id] == ["3"]
        purpose = app.screen.query_one("#purpose", Static)
        assert (
            str(purpose.visual) == "Purpose: Every third grader meets the spring reading benchmark."
        )
        actions = app.screen.query_one(ActionList)
        assert [o.id for o in actions.options if o.id] == []
        await pilot.press("a")
        await settle(pilot)
        assert [o.id for o in meetings.options if o.id] == ["3", "2", "1", "5", "4"]


async def test_enter_opens_the_highlighted_meeting_and_escape_returns(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)  # a meeting still to come opens to plan
        assert screen.meeting_id == 2
        text = screen_text(app)
        assert "December leadership team meeting" in text
        assert "15:55" in text  # the fourth item starts 25 minutes after 15:30
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        meetings = app.screen.query_one(MeetingList)
        meetings.highlighted = next(i for i, o in enumerate(meetings.options) if o.id == "1")
        await pilot.press("enter")  # the closed November meeting
        await settle(pilot)
        closed = app.screen
        assert isinstance(closed, MinutesScreen)  # a closed meeting opens on its minutes
        assert "Minutes: November leadership team meeting" in screen_text(app)


async def test_an_unknown_meeting_says_so(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack, open_meeting_id=999)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert "There is no meeting 999." in screen_text(app)


def help_rows(screen: Screen[Any], grid: str) -> list[tuple[str, str]]:
    """(key, plain name) for each row of one of the help screen's grids."""
    cells = [str(static.visual) for static in screen.query_one(grid).query(Static)]
    return [(key, text.split("\n")[0]) for key, text in zip(cells[::2], cells[1::2], strict=True)]


async def test_help_lists_this_screens_keys_and_closes(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        assert help_rows(app.screen, "#screen-keys") == [
            ("enter", "Meetings: open the highlighted meeting"),
            ("F5", "Meetings: run the highlighted meeting live"),
            ("E", "Meetings: evaluate the highlighted meeting"),
            ("T", "Trends: the team's ratings and norms over its meetings"),
            ("m", "Meetings: plan a new meeting"),
            ("enter", "Teams: open the highlighted team"),
            ("n", "Teams: new team"),
            ("a", "Teams: show all teams"),
            ("i", "Action items: the team's list"),
            ("d", "Decisions: the decision log"),
            ("/", "Search: every meeting's records"),
            ("h", "History: every meeting, newest first"),
            ("p", "Parking lot: every entry of the team"),
            ("l", "Library: browse the practice"),
            ("r", "Home: refresh"),
        ]
        assert help_rows(app.screen, "#app-keys") == [
            ("? / F1", "Help: keys and actions"),
            ("^p", "App: command palette"),
            ("palette", "Library: browse the practice"),
            ("palette", "Decisions: the decision log"),
            ("palette", "Search: every meeting's records"),
            ("palette", "History: every meeting, newest first"),
            ("palette", "Parking lot: every entry of the team"),
            ("palette", "Demo: add the demo teams"),
            ("^q", "App: quit"),
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_every_home_action_is_in_the_command_palette(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for action in (*HomeScreen.ACTIONS, *app.ACTIONS):
            if action.id != "command_palette":
                assert action.name in titles


async def test_palette_opens_a_meeting_by_title(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        provider = MeetingCommands(app.screen)
        hits = [hit async for hit in provider.search("november leadership")]
        assert [hit.text for hit in hits] == [
            "Meeting: open November leadership team meeting "
            "(Riverside Elementary Leadership Team · Mon 9 Nov 2026)"
        ]
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.meeting_id == 1


async def test_palette_runs_an_action_by_its_plain_name(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        command = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Teams: new team"
        )
        assert "(key: n)" in command.help
        await command.callback()
        await settle(pilot)
        assert isinstance(app.screen, TeamFormScreen)


async def test_home_follows_changes_made_by_another_window(demo_db: Database, pack: Pack) -> None:
    """The recorder's window and the facilitator's share one file; a team added in one
    shows up in the other without pressing r, and nothing is re-read while nothing changed."""
    messages: list[Message] = []
    app = make_app(demo_db.target, pack)
    async with app.run_test(
        size=SIZE, notifications=True, tooltips=True, message_hook=messages.append
    ) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)

        def loads() -> int:
            # A message bubbles from the screen to the app; the hook sees it at each.
            return len({id(message) for message in messages if isinstance(message, HomeLoaded)})

        before = loads()
        home.watch_other_windows()  # what the two-second timer does
        await settle(pilot)
        assert loads() == before
        other = Database(demo_db.target)
        create_team(other, draft=TeamDraft(name="Science Department"), pack=pack, now=FROZEN_NOW)
        other.dispose()
        home.watch_other_windows()
        await settle(pilot)
        assert loads() == before + 1
        names = [str(option.prompt).split("\n")[0] for option in home.query_one(TeamList).options]
        assert "Science Department" in names

        # Covered by another screen, home does not re-read (regression: the live screen's
        # autosaves change the file, and home re-read it under the live screen every 2 s).
        app.push_screen(Screen())
        await settle(pilot)
        other = Database(demo_db.target)
        create_team(other, draft=TeamDraft(name="Music Department"), pack=pack, now=FROZEN_NOW)
        other.dispose()
        home.watch_other_windows()
        await settle(pilot)
        assert loads() == before + 1
        app.pop_screen()  # back on top: it reads what changed meanwhile
        await settle(pilot)
        assert loads() == before + 2
