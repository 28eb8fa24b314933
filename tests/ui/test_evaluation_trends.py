"""The trends screen: T on home opens the highlighted meeting's team's (or the
highlighted team's) trends; each item and norm is listed with its change in words and
the highlighted one charted with its figures written out; a team with nothing to trend
gets a sentence, and T with no team at all says what to do; escape goes back."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from facilitator.domain.team_draft import TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.ui.screens.evaluation_trends import TrendsScreen, show_trends
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.widgets.meeting_list import MeetingList
from facilitator.ui.widgets.team_list import TeamList
from facilitator.ui.widgets.trend_list import TrendList
from facilitator.ui.widgets.trend_plot import TrendPlot
from tests.conftest import FROZEN_NOW
from tests.trends_data import TEAM, fill_trends
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle, widget_text

DEMO_TEAM = "Riverside Elementary Leadership Team"


def chart_text(pilot: Pilot[Any]) -> str:
    return widget_text(pilot.app.screen.query_one(TrendPlot))


def listed(pilot: Pilot[Any]) -> list[str]:
    """The list's entries as plain text, headings included."""
    entries = pilot.app.screen.query_one(TrendList)
    return [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]


def words(pilot: Pilot[Any], selector: str) -> str:
    """What a widget shows, its wrapped lines joined again (lines break at spaces)."""
    return " ".join(widget_text(pilot.app.screen.query_one(selector)).split())


async def test_T_on_home_opens_the_teams_trends(db: Database, pack: Pack) -> None:
    fill_trends(db, pack)
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)

        assert isinstance(app.screen, TrendsScreen)
        assert f"{TEAM} · Trends over 3 meetings" in screen_text(app)  # the brackets as typed
        assert listed(pilot) == [
            "Effective Team Assessment · rated 1-7",
            "Goals and objectives: 5.0 → 4.5",
            "Trust and conflict resolution: 5.5 → 6.0",
            "Norms checks · % honoured",
            "Listen to understand: 75% → 100% honoured",
            "Start and end on time: 100% honoured (one meeting so far)",
            "Phones away (retired): 0% honoured (one meeting so far)",
        ]
        assert "Goals and objectives: 5.0 →" in screen_text(app)
        # The first item is charted: its figures beside its points, its dates below.
        assert words(pilot, "#trend-name") == "Goals and objectives"
        caption = words(pilot, "#trend-caption")
        assert caption.startswith("Latest 2026-11-02: 4.5 (2 answered); before, 2026-09-07: 5.0")
        chart = chart_text(pilot)
        assert "●" in chart and "5.0" in chart and "4.5" in chart
        assert "2026-09-07" in chart and "2026-11-02" in chart
        assert "7┤" in chart and "1┤" in chart  # the scale, 1 to 7

        await pilot.press("down")  # trust
        await settle(pilot)
        caption = words(pilot, "#trend-caption")
        assert caption.startswith("Latest 2026-11-02: 6.0 (1 answered); before, 2026-10-05: 5.5")
        assert all(figure in chart_text(pilot) for figure in ("3.5", "5.5", "6.0"))

        await pilot.press("down")  # the norms' heading is skipped: listen to understand
        await settle(pilot)
        caption = words(pilot, "#trend-caption")
        assert caption.startswith("Latest 2026-11-02: 100% (1 honoured, 0 partly, 0 not)")
        assert caption.endswith("y: % honoured, partly counting half · x: 3 meetings, oldest left")
        chart = chart_text(pilot)
        assert "100%┤" in chart and "0%┤" in chart
        assert all(figure in chart for figure in ("25%", "75%", "100%"))

        await pilot.press("end")
        await settle(pilot)
        assert words(pilot, "#trend-name") == "Phones away (retired)"
        assert words(pilot, "#trend-caption").endswith("x: one meeting so far")

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert notifications(app) == []


async def test_T_follows_the_highlighted_team_or_meeting(demo_db: Database, pack: Pack) -> None:
    data = fill_trends(demo_db, pack)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        home = app.screen
        teams = home.query_one(TeamList)
        teams.focus()
        ids = [teams.get_option_at_index(i).id for i in range(teams.option_count)]
        teams.highlighted = ids.index(str(data.team_id))
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert app.screen.team_id == data.team_id
        assert f"{TEAM} · Trends" in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        teams.highlighted = ids.index(str(1))  # the demo team: its meetings listed
        await settle(pilot)
        home.query_one(MeetingList).focus()
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert app.screen.team_id == 1
        assert f"{DEMO_TEAM} · Trends over" in screen_text(app)
        entries = listed(pilot)
        assert any(entry.startswith("Trust and conflict resolution: ") for entry in entries)
        assert any(entry.startswith("Pausing: ") for entry in entries)


async def test_a_team_with_nothing_to_trend_gets_a_sentence(db: Database, pack: Pack) -> None:
    team_id = create_team(db, draft=TeamDraft(name="New team"), pack=pack, now=FROZEN_NOW)
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)

        screen = app.screen
        assert isinstance(screen, TrendsScreen) and screen.team_id == team_id
        text = " ".join(screen_text(app).split())
        assert "No rated evaluations or norms checks yet for New team." in text
        assert not screen.query_one("#trends-body").display
        assert screen.query_one(TrendList).option_count == 0


async def test_an_unknown_team_says_so(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        show_trends(app, 99)
        await settle(pilot)
        assert "There is no team 99" in screen_text(app)


async def test_the_palette_offers_the_trends(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Trends: the team's ratings and norms over its meetings" in titles
        await pilot.press("T")
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Trends: back" in titles


async def test_T_with_no_team_says_what_to_do(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)

        assert isinstance(app.screen, HomeScreen)
        assert notifications(app) == ["Highlight a team or a meeting first."]
