"""The closure walk-through: from the live screen's last item to a closed meeting, never
past an action item without an owner and a date unless the team says "owner to be
decided"; then reopening for corrections."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from facilitator.domain.closure import Step
from facilitator.domain.enums import MeetingStatus
from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from facilitator.ui.screens.closure import ClosureScreen
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_settle, tick


def closure_screen(pilot: Pilot[Any]) -> ClosureScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ClosureScreen), f"expected closure, got {screen!r}"
    return screen


async def goto(pilot: Pilot[Any], step: Step) -> None:
    closure_screen(pilot).query_one("#steps", OptionList).highlighted = list(Step).index(step)
    closure_screen(pilot).query_one("#entries", OptionList).focus()
    await settle(pilot)


async def test_closure_walk_through(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 300)
        await pilot.press("a")  # an action item with no owner and no date
        await settle(pilot)
        fill(form_of(pilot), what="Order [b]books[/b] for Room 4")
        await submit(pilot)
        await live_settle(pilot)
        for _ in range(6):
            await pilot.press("n")
            await live_settle(pilot)
        await pilot.press("n")  # past the last item: the screen says where closure is
        await settle(pilot)
        assert any("x ends the meeting" in n for n in notifications(app))
        await pilot.press("x", "y")  # y: yes, end it (x asks first)
        await settle(pilot)
        await settle(pilot)
        screen = closure_screen(pilot)
        text = screen_text(app)
        assert "Parking lot" in text and "Action items" in text
        assert "1 incomplete" in text

        # Trying to close skips nothing: it says why and shows the first unfinished step.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Not closed yet" in n and "lacks an owner" in n for n in notifications(app))
        assert screen.step is Step.ACTIONS
        app.clear_notifications()
        await settle(pilot)
        assert "Order [b]books[/b] for Room 4" in screen_text(app)  # shown literally
        minutes = meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack)
        assert minutes.status == MeetingStatus.RUNNING

        # The team says no one can take it yet, and gives it a date.
        await pilot.press("t")
        await settle(pilot)
        assert "owner to be decided" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        fill(form_of(pilot), due="2026-12-11")
        await submit(pilot)
        await settle(pilot)
        assert "0 incomplete" in screen_text(app)

        await goto(pilot, Step.TAKEAWAYS)
        await pilot.press("a")
        await settle(pilot)
        fill(form_of(pilot), text="Writing conferences start next week.")
        await submit(pilot)

        await goto(pilot, Step.ATTENDANCE)
        # Each mark moves to the next person, as a roll call does (regression, found in
        # tmux: the highlight stayed, and "p p x" marked the first person three times).
        await pilot.press("p", "x")  # the first came, the second did not
        await settle(pilot)
        await pilot.press("r")  # everyone else did
        await settle(pilot)

        await pilot.press("ctrl+s")
        await settle(pilot)
        minutes = meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack)
        assert minutes.status == MeetingStatus.CLOSED
        assert minutes.closed_at == clock.now
        assert minutes.takeaways == ("Writing conferences start next week.",)
        assert [a.status for a in minutes.attendees][:3] == ["present", "absent", "present"]
        action = minutes.actions[-1]
        assert (action.owner_label, str(action.due)) == ("owner to be decided", "2026-12-11")
        assert any("minutes are due within 48 hours" in n for n in notifications(app))


async def test_parking_disposition_and_reopen(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(ClosureScreen(1))  # the closed November meeting
        await settle(pilot)
        assert "closed (o reopens it for corrections)" in screen_text(app)
        await pilot.press("enter")  # its first parking-lot entry: refused while closed
        await settle(pilot)
        fill(form_of(pilot), disposition="dropped")
        await submit(pilot)
        assert "reopen it" in screen_text(app)
        await pilot.press("escape", "y")  # a choice was made: y discards it
        await settle(pilot)

        await pilot.press("o", "y")  # reopening asks first; y says yes
        await settle(pilot)
        assert "reopened for corrections" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        fill(form_of(pilot), disposition="next_agenda", note="December")
        await submit(pilot)
        await settle(pilot)
        minutes = meeting_minutes(demo_db, meeting_id=1, pack=pack)
        assert minutes.parking[0].status == "next_agenda"
        assert "Could PLC time be used for peer observations?" in [
            n.title for n in minutes.next_agenda
        ]
        await pilot.press("ctrl+s")
        await settle(pilot)
        minutes = meeting_minutes(demo_db, meeting_id=1, pack=pack)
        assert minutes.status == MeetingStatus.CLOSED
        assert minutes.corrected_at is not None


async def test_keys_pressed_together_move_step_by_step(demo_db: Database, pack: Pack) -> None:
    """n n a, sent at once (as tmux sends them), adds to the third step, not the second
    (found by hand: the steps list moved once for three n)."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(ClosureScreen(DECEMBER))
        await settle(pilot)
        await pilot.press("n", "n", "a")
        await settle(pilot)
        assert form_of(pilot).form_title == "For the next agenda"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")  # r only works in the Attendance step
        await settle(pilot)
        assert any("Attendance step" in n for n in notifications(app))
        minutes = meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack)
        assert all(a.status == "expected" for a in minutes.attendees)
