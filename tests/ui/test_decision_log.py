"""The decision log screen, the home screen's decisions due for review, and carry-forward
offering one, at 80x24 on the decisions of tests/decision_log_data.py (the frozen
Monday 23 November 2026: Riverside's majority vote and the PLC's unanimous decision are
due for review)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from sqlmodel import select
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem, Decision
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.carry_forward import CarryForwardModal
from facilitator.ui.modals.logged_decision import LoggedDecisionModal
from facilitator.ui.screens.decision_log import DecisionLogScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.decision_table import DecisionTable
from tests.conftest import FROZEN_NOW
from tests.decision_log_data import LogData, fill_log
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle

ALL = ["unanimous", "no_decision", "one_person", "multi_vote", "consensus", "majority"]
"""Every active team's decisions, newest meeting first."""


@pytest.fixture
def data(db: Database) -> LogData:
    return fill_log(db)


def rows(screen: DecisionLogScreen, data: LogData) -> list[str]:
    """The decisions listed, top to bottom, by their names in `data`."""
    names = {str(value): key for key, value in data.decisions.items()}
    table = screen.query_one(DecisionTable)
    if not table.display:
        return []
    return [names[str(row.key.value)] for row in table.ordered_rows]


async def open_log(app: FacilitatorApp, pilot: Pilot[Any]) -> DecisionLogScreen:
    """Home, then d."""
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("d")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, DecisionLogScreen)
    return screen


async def test_home_names_the_decisions_due_for_review_and_d_opens_the_log(
    db: Database, pack: Pack, data: LogData
) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        reviews = app.screen.query_one("#reviews", ClampedText)
        assert reviews.display
        assert reviews.text.splitlines() == [
            "Review due: 2 decisions",
            "· Adopt the new reading curriculum?",
            "· Keep the Friday PLC slot?",
        ]
        assert "Review due: 2 decisions" in screen_text(app)
        assert "d Decisions" in screen_text(app)

        screen = await open_log(app, pilot)
        text = screen_text(app)
        assert "All teams · 6 decisions, 2 open, 2 due for review" in text
        assert "[4 All]" in text and "Method: any" in text
        assert rows(screen, data) == ALL
        assert "review due" in text  # in words, not colour alone
        detail = screen.query_one("#decisions-detail", ClampedText).text
        assert "Keep the Friday PLC slot?" in detail and "Outcome: Kept." in detail
        assert "PLC November (2 Nov 2026)" in detail

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_nothing_is_said_while_no_review_is_due(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#reviews", ClampedText).display
        assert "Review due" not in screen_text(app)


async def test_filter_keys(db: Database, pack: Pack, data: LogData) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_log(app, pilot)
        await pilot.press("1")
        assert rows(screen, data) == ["one_person", "consensus"]
        assert "[1 Open]" in screen_text(app)
        await pilot.press("2")
        assert rows(screen, data) == ["unanimous", "multi_vote", "majority"]
        await pilot.press("3")
        assert rows(screen, data) == ["unanimous", "majority"]
        assert "[3 Review due]" in screen_text(app)
        await pilot.press("m")  # Unanimous, the pack's first method
        assert rows(screen, data) == ["unanimous"]
        assert "Method: Unanimous" in screen_text(app)
        await pilot.press("m", "m", "m")  # One person decides, Compromise, Multi-voting
        assert rows(screen, data) == []
        assert "Nothing matches" in screen_text(app)
        await pilot.press("4")
        assert rows(screen, data) == ["multi_vote"]
        await pilot.press("m", "m", "m")  # Majority voting, Consensus, then any again
        assert rows(screen, data) == ALL
        assert "Method: any" in screen_text(app)


async def test_search(db: Database, pack: Pack, data: LogData) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_log(app, pilot)
        await pilot.press("slash")
        search = screen.query_one("#decision-search", Input)
        assert search.has_focus
        await pilot.press(*"peer feedback")  # an option's text: the keys type, not filter
        await settle(pilot)
        assert rows(screen, data) == ["multi_vote"]
        await pilot.press("enter")
        assert screen.query_one(DecisionTable).has_focus
        await pilot.press("escape")  # clears the search first
        assert search.value == ""
        assert rows(screen, data) == ALL
        assert isinstance(app.screen, DecisionLogScreen)

        await pilot.press("slash", *"zebra", "enter")
        await settle(pilot)
        assert rows(screen, data) == []
        assert "Nothing matches" in screen_text(app)
        assert screen.query_one("#decisions-empty").has_focus  # not the search field
        await pilot.press("2")  # a filter key filters, it does not type
        assert search.value == "zebra" and "[2 Decided]" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert rows(screen, data) == ["unanimous", "multi_vote", "majority"]
        assert screen.query_one(DecisionTable).has_focus


async def test_enter_opens_the_full_record(db: Database, pack: Pack, data: LogData) -> None:
    with db.write(now=FROZEN_NOW) as session:
        majority = session.get(Decision, data.decisions["majority"])
        assert majority is not None
        majority.rationale = "[bold]Pilot[/bold] classes read more."
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_log(app, pilot)
        await pilot.press(*["down"] * 5)
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LoggedDecisionModal)
        assert modal.entry.id == data.decisions["majority"]
        fields = dict(modal.fields())
        assert fields["Method"] == "Majority voting"
        assert fields["Needed"] == "Two thirds of the votes cast"
        assert fields["Yes"] == "Ana and Ben" and fields["No"] == "Cleo"
        assert fields["Result"].startswith("Carried: 2 of 3 votes cast were yes")
        assert fields["Review on"] == "Sunday 1 November 2026"
        assert fields["Review"].startswith("Due:")
        text = screen_text(app)
        assert "Adopt the new reading curriculum?" in text
        assert "Taken in September meeting · Mon 14 Sep 2026 · Riverside Leadership" in text
        assert "[bold]Pilot[/bold] classes read more." in text  # literal, never markup
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert notifications(app) == []


async def test_the_palette_opens_the_log_of_the_team_chosen_at_home(
    db: Database, pack: Pack, data: LogData
) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.team_id = data.teams["Oak Grade 3 PLC"]
        home.reload()
        await settle(pilot)
        command = next(
            c
            for c in app.get_system_commands(app.screen)
            if c.title == "Decisions: the decision log"
        )
        assert "(key: d)" in command.help
        ran = command.callback()
        if inspect.isawaitable(ran):
            await ran
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DecisionLogScreen)
        assert rows(screen, data) == ["unanimous"]
        assert "Oak Grade 3 PLC · 1 decision, 0 open, 1 due for review" in screen_text(app)


async def test_carry_forward_offers_a_decision_due_for_review(
    db: Database, pack: Pack, data: LogData
) -> None:
    december = data.meetings["december"]
    app = make_app(db.target, pack, open_meeting_id=december)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CarryForwardModal)
        listing = app.screen.query_one("#candidates", SelectionList)
        options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        prompts = [str(option.prompt) for option in options]
        assert "Decisions due for review (1)" in prompts
        value = f"decision:{data.decisions['majority']}"
        offered = next(option for option in options if option.value == value)
        assert str(offered.prompt) == (
            "Adopt the new reading curriculum? · review on Sun 01 Nov · from September meeting"
        )
        listing.select(value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        plan = app.screen.plan
        assert plan is not None
        assert [item.title for item in plan.agenda] == [
            "Review decision: Adopt the new reading curriculum?"
        ]
        assert "Review decision: Adopt" in screen_text(app)
    with db.read() as session:
        item = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == december)).one()
        assert (item.kind, item.decision_method) == ("decision", "majority")


async def test_search_through_the_index(db: Database, pack: Pack, data: LogData) -> None:
    """Words in any form, a phrase, -word, markup shown literally, and what FTS5 would
    read as operators typed without an error."""
    with db.write(now=FROZEN_NOW) as session:
        session.add(
            Decision(
                meeting_id=data.meetings["september"],
                question="Benchmarks for [red]spring[/red] reading?",
            )
        )
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_log(app, pilot)
        box = screen.query_one("#decision-search", Input)

        async def search(typed: str) -> list[str]:
            box.value = ""
            if not box.has_focus:
                await pilot.press("slash")
            await pilot.press(*typed)
            await settle(pilot)
            return [str(row.key.value) for row in screen.query_one(DecisionTable).ordered_rows]

        benchmarks = await search("benchmark")
        assert len(benchmarks) == 1 and "Benchmarks for [red]spring[/red] reading?" in (
            screen_text(app)
        )
        assert await search('"benchmark for"') == benchmarks
        assert await search("reading -benchmark") == [str(data.decisions["majority"])]
        await search('NEAR( "* ^ (')
        assert not notifications(app) and rows(screen, data) == []
