"""The history screen (issue 19) at 80x24: h on home and the palette open it, the
filters change the rows, the list reads more as the cursor nears its end, enter opens a
meeting's minutes or plan, a bad date is a sentence in place, and titles show literally."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.history import HistoryStatus
from facilitator.pack.loader import Pack
from facilitator.store.bulk import insert_rows, new_row
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Team
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.history_actions import HISTORY_ACTIONS
from facilitator.ui.screens.history import PAGE_SIZE, HistoryScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.search import SearchScreen
from facilitator.ui.widgets.history_list import HistoryList
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle


def words_shown(app: FacilitatorApp) -> str:
    """The screen's text with panel borders and line breaks read as single spaces."""
    return " ".join(screen_text(app).replace("│", " ").replace("┃", " ").split())


async def open_history(app: FacilitatorApp, pilot: Pilot[Any]) -> HistoryScreen:
    """Home, then h."""
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("h")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def titles(screen: HistoryScreen) -> list[str]:
    return [row.title for row in screen.query_one(HistoryList).shown]


def add_meetings(db: Database, count: int, *, title: str = "Old meeting") -> list[int]:
    """`count` closed meetings of a new team, one a day going back from a year ago."""
    with db.write(now=FROZEN_NOW) as session:
        [team] = insert_rows(session, Team, [new_row(Team, name="Archive team")])
        rows = [
            new_row(
                Meeting,
                team_id=team,
                title=f"{title} {n}",
                scheduled_start=FROZEN_NOW - timedelta(days=365 + n),
                status=MeetingStatus.CLOSED.value,
            )
            for n in range(count)
        ]
        return insert_rows(session, Meeting, rows)


async def test_h_opens_every_meeting_newest_first(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert "h History" in screen_text(app)
        screen = await open_history(app, pilot)
        table = screen.query_one(HistoryList)
        assert screen.focused is table
        days = [row.day for row in table.shown]
        assert days and days == sorted(days, reverse=True)
        assert screen.total == len(table.shown)
        text = words_shown(app)
        assert f"{screen.total} meetings · no filter" in text
        assert "Date Title Status Dec. Actions" in text

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_opens_history_and_help_lists_its_keys(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(160, 60), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("d")  # from another screen than home
        await settle(pilot)
        app.action_command_palette()
        await settle(pilot)
        await pilot.press(*"History: every")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)

        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        for action in HISTORY_ACTIONS:
            assert action.name in text


async def test_status_team_and_archived_filters_change_the_rows(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_history(app, pilot)
        every = titles(screen)

        await pilot.press("2")
        await settle(pilot)
        planned = screen.query_one(HistoryList).shown
        assert screen.history_filter.status is HistoryStatus.PLANNED
        assert planned and all(row.status == MeetingStatus.PLANNED for row in planned)
        assert len(planned) < len(every)
        assert "[2 Planned]" in screen_text(app)
        assert f"{len(planned)} meetings · planned" in words_shown(app)

        await pilot.press("1", "t")
        await settle(pilot)
        first_team = screen.teams[0]
        assert screen.history_filter.team_id == first_team.id
        rows = screen.query_one(HistoryList).shown
        assert rows and {row.team_name for row in rows} == {first_team.name}
        assert f"t Team: {first_team.name[:20]}" in words_shown(app)  # cut at 80 columns

        await pilot.press(*["t"] * len(screen.teams))  # past the last team: all again
        await settle(pilot)
        assert screen.history_filter.team_id is None
        assert titles(screen) == every


async def test_archived_teams_are_shown_on_request(demo_db: Database, pack: Pack) -> None:
    add_meetings(demo_db, 2)
    with demo_db.write(now=FROZEN_NOW) as session:
        session.execute(
            Team.__table__.update()  # type: ignore[attr-defined]
            .where(Team.__table__.c.name == "Archive team")  # type: ignore[attr-defined]
            .values(archived_at=FROZEN_NOW)
        )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_history(app, pilot)
        assert not [t for t in titles(screen) if t.startswith("Old meeting")]
        await pilot.press("a")
        await settle(pilot)
        assert "Old meeting 0" in titles(screen)
        assert "with archived teams" in words_shown(app)
        assert "Archive team (archived team)" in words_shown(app) or any(
            row.team_archived for row in screen.query_one(HistoryList).shown
        )
        await pilot.press("a")
        await settle(pilot)
        assert "Old meeting 0" not in titles(screen)


async def test_moving_past_the_first_page_reads_more(demo_db: Database, pack: Pack) -> None:
    added = add_meetings(demo_db, 2 * PAGE_SIZE + 5)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(HistoryList)
        assert len(table.shown) == PAGE_SIZE and table.more
        assert screen.total is not None and screen.total > 2 * PAGE_SIZE

        await pilot.press(*["down"] * (PAGE_SIZE - 5))  # near the end: the next page
        await settle(pilot)
        assert len(table.shown) == 2 * PAGE_SIZE

        for _ in range(3):
            await pilot.press("end")
            await settle(pilot)
        shown = [row.meeting_id for row in table.shown]
        assert len(shown) == len(set(shown)) == screen.total
        assert set(added) <= set(shown)
        assert not table.more
        assert table.selected() == table.shown[-1]  # the cursor on the oldest meeting


async def test_enter_opens_minutes_of_a_closed_meeting_and_plan_of_a_planned_one(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("4")
        await settle(pilot)
        closed = screen.query_one(HistoryList).selected()
        assert closed is not None and closed.status == MeetingStatus.CLOSED
        await pilot.press("enter")
        await settle(pilot)
        minutes = app.screen
        assert isinstance(minutes, MinutesScreen)
        assert minutes.meeting_id == closed.meeting_id

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("2")
        await settle(pilot)
        planned = screen.query_one(HistoryList).selected()
        assert planned is not None and planned.status == MeetingStatus.PLANNED
        await pilot.press("enter")
        await settle(pilot)
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        assert plan.meeting_id == planned.meeting_id


async def test_a_bad_date_is_a_sentence_in_place(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_history(app, pilot)
        every = titles(screen)
        await pilot.press("f", *"2026-13-45")
        await settle(pilot)
        text = words_shown(app)
        assert 'The from day "2026-13-45" is not a date: type it as YYYY-MM-DD' in text
        assert titles(screen) == every  # the list as it was
        assert not notifications(app)

        await pilot.press(*["backspace"] * 10, *"2026-11-01", "tab", *"2026-11-30", "enter")
        await settle(pilot)
        assert "is not a date" not in words_shown(app)
        rows = screen.query_one(HistoryList).shown
        assert rows and len(rows) < len(every)
        assert all(row.day.year == 2026 and row.day.month == 11 for row in rows)
        assert "2026-11-01 to 2026-11-30" in words_shown(app)
        assert screen.focused is screen.query_one(HistoryList)

        await pilot.press("f", "tab", *["backspace"] * 10, *"2026-10-01", "enter")
        await settle(pilot)
        assert "is after the to day" in words_shown(app)


async def test_titles_show_literally(demo_db: Database, pack: Pack) -> None:
    add_meetings(demo_db, 1, title="[b]markup[/b] and [red]Sam[/red]")
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")
        await settle(pilot)
        assert "[b]markup[/b] and [red]Sam[/red] 0" in screen_text(app)


async def test_slash_opens_search(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_history(app, pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
