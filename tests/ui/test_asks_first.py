"""Regression (issue 15, defect 6): `o` (reopen a closed meeting whose minutes went out)
and escape on a half-filled form changed or discarded things without asking. Both ask
now, and the answer enter gives is the safe one."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, SelectionList, Static, TextArea

from facilitator.domain.enums import MeetingStatus
from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from facilitator.ui.modals.carry_forward import CarryForwardModal
from facilitator.ui.modals.confirm import ConfirmModal
from facilitator.ui.modals.form import FormModal
from facilitator.ui.modals.norms_wizard import NormsWizard
from facilitator.ui.screens.closure import ClosureScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team import TeamScreen
from tests.ui.forms import fill, form_of
from tests.ui.helpers import SIZE, make_app, screen_text, settle

NOVEMBER, DECEMBER, RIVERSIDE = 1, 2, 1


def _top(pilot: Pilot[Any]) -> Screen[Any]:
    """The screen on top (a call, so a type checker does not carry one check to the next)."""
    return pilot.app.screen


def _status(db: Database, pack: Pack) -> str:
    return meeting_minutes(db, meeting_id=NOVEMBER, pack=pack).status


async def _question(pilot: Pilot[Any]) -> ConfirmModal:
    await settle(pilot)
    modal = pilot.app.screen
    assert isinstance(modal, ConfirmModal), f"expected a question, got {modal!r}"
    return modal


async def test_reopening_a_closed_meeting_asks_and_keeps_it_closed_by_default(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): o reopened a closed meeting whose minutes had
    gone out, at once. It asks, saying the minutes went out; enter and escape keep it
    closed; y reopens."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(ClosureScreen(NOVEMBER))
        await settle(pilot)
        for answer in ("enter", "escape", "n"):
            await pilot.press("o")
            modal = await _question(pilot)
            question = str(modal.query_one("#confirm-question", Static).visual)
            assert "Its minutes went out Tue 10 Nov" in question
            assert "due to go out again within 48 hours" in question
            assert "Keep closed (enter, esc)" in screen_text(app)
            await pilot.press(answer)
            await settle(pilot)
            assert isinstance(app.screen, ClosureScreen)
            assert _status(demo_db, pack) == MeetingStatus.CLOSED
        await pilot.press("o", "y")
        await settle(pilot)
        assert _status(demo_db, pack) == MeetingStatus.REOPENED


async def test_corrected_minutes_show_as_due_again(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 5): minutes sent, then reopened, corrected and closed
    again, still showed as sent. From the minutes: c, o, y, ctrl+s, escape: the minutes
    say the corrected minutes are due within 48 hours, and s marks them sent again."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(MinutesScreen(NOVEMBER))
        await settle(pilot)
        assert "✔ Minutes sent" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("o", "y")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "closed (o reopens" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        text = screen_text(app)
        assert "Corrected minutes due within 2 d" in text  # 48 hours from now
        assert "Minutes sent" not in text
        await pilot.press("s")
        await settle(pilot)
        assert "✔ Minutes sent" in screen_text(app)


async def test_escape_on_a_form_asks_only_when_something_changed(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): escape on a half-filled form threw away what was
    typed. Untouched, a form closes at once; changed, it asks "Discard your changes?",
    enter keeps editing (everything still there), y discards and nothing is saved."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_meeting(DECEMBER)
        await settle(pilot)
        plan = app.screen
        assert isinstance(plan, PlanScreen) and plan.plan is not None
        items = len(plan.plan.agenda)
        await pilot.press("a")
        await settle(pilot)
        form_of(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert _top(pilot) is plan  # nothing typed: closed at once

        await pilot.press("a")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, title="Budget for the book fair")
        await pilot.press("escape")
        modal = await _question(pilot)
        assert "Discard your changes?" in screen_text(app)
        assert "Keep editing (enter, esc)" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert _top(pilot) is form
        assert form.query_one("#field-title", Input).value == "Budget for the book fair"
        await pilot.press("escape")
        modal = await _question(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert _top(pilot) is plan and modal is not _top(pilot)
        assert isinstance(plan, PlanScreen) and plan.plan is not None
        assert len(plan.plan.agenda) == items


async def test_carry_forward_asks_before_dropping_its_ticks(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.open_meeting(DECEMBER)
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        carry = app.screen
        assert isinstance(carry, CarryForwardModal)
        listing = carry.query_one("#candidates", SelectionList)
        enabled = [
            listing.get_option_at_index(i).value
            for i in range(listing.option_count)
            if not listing.get_option_at_index(i).disabled
        ]
        listing.select(enabled[0])
        await pilot.press("escape")
        await _question(pilot)
        await pilot.press("escape")  # no: back to the ticks
        await settle(pilot)
        assert _top(pilot) is carry and list(listing.selected) == [enabled[0]]
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)


async def test_the_norms_wizard_asks_before_dropping_a_norm_being_written(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(TeamScreen(RIVERSIDE))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, NormsWizard)
        wizard.query_one("#wizard-answer", TextArea).text = "Phones away"
        await pilot.press("escape")
        await _question(pilot)
        assert "Finish without it (y)" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert _top(pilot) is wizard
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        assert not isinstance(app.screen, FormModal)
