"""Regression tests for the live screen's parts of issue 15, defect 6 ("keys that do
nothing or surprise"), driven with Pilot and a clock the test moves by hand."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import select
from textual.pilot import Pilot
from textual.widgets import Static

from facilitator.pack.loader import Pack
from facilitator.services.live import live_state
from facilitator.store.database import Database
from facilitator.store.tables import Decision, Meeting, SpeakerTurn
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, notifications, screen_text, settle
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_screen, live_settle, tick


def ended_at(db: Database) -> datetime | None:
    with db.read() as session:
        meeting = session.get(Meeting, DECEMBER)
    assert meeting is not None
    return meeting.ended_at


GUEST = "Sam Ortiz (district literacy specialist)"
"""The demo's guest at the December meeting."""


async def test_q_queues_a_guest_and_a_new_name_joins_as_a_guest(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): a guest could not be queued to speak with q
    ("... is not on the speakers list") although the README says anyone can. Now the
    guest is on the speakers list (number 9), q queues them by name, and a name not on
    the list joins as a guest of this meeting."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("q")
        fill(form_of(pilot), name="sam ortiz (district literacy specialist)")
        await submit(pilot)
        await live_settle(pilot)
        room = live_screen(pilot).state.room  # type: ignore[union-attr]
        assert room.queue == (GUEST,)
        assert f"{GUEST} joins the speaker queue." in notifications(app)

        await pilot.press("q")
        fill(form_of(pilot), name="Dr. Lee")
        await submit(pilot)
        await live_settle(pilot)
        assert "Dr. Lee (a guest of this meeting) joins the speaker queue." in notifications(app)
        await pilot.press("9", "s")  # 9 (the guest) leaves the queue; Dr. Lee speaks
        await live_settle(pilot)
        room = live_screen(pilot).state.room  # type: ignore[union-attr]
        assert (room.speaking, room.queue) == ("Dr. Lee", ())
        assert "Dr. Lee has the floor." in notifications(app)
        assert "Dr. Lee" in screen_text(app)

    with demo_db.read() as session:
        turns = session.exec(select(SpeakerTurn).where(SpeakerTurn.meeting_id == DECEMBER)).all()
    assert [(t.member_id, t.guest_name, t.started_at is not None) for t in turns] == [
        (None, "Dr. Lee", True)
    ]
    assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).room.members[-1].name == "Dr. Lee"


async def test_d_prefills_the_method_of_an_items_consensus_process(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): the decision method was not pre-filled from an
    item's Consensus process. The December library budget item runs with the Consensus
    protocol: d offers "consensus" chosen; an item with no such process leaves it open."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("d")
        assert form_of(pilot).values()["method"] in ("", None)
        await pilot.press("escape")
        await live_settle(pilot)
        for _ in range(4):
            await pilot.press("n")
        await live_settle(pilot)
        assert "Classroom library budget" in screen_text(app)
        await pilot.press("d")
        form = form_of(pilot)
        assert form.values()["method"] == "consensus"
        fill(form, outcome="Split evenly")
        await submit(pilot)
        await live_settle(pilot)
    with demo_db.read() as session:
        decision = session.exec(select(Decision).where(Decision.meeting_id == DECEMBER)).one()
    assert (decision.question, decision.method) == ("Classroom library budget", "consensus")


async def test_x_asks_before_ending_the_meeting_and_enter_keeps_it_running(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): x ended the meeting at once. It now asks ("End
    the meeting now? The clock stops and closure opens."); enter and escape keep it
    running (the safe answer); y ends it and opens closure."""
    from facilitator.ui.modals.confirm import ConfirmModal
    from facilitator.ui.screens.closure import ClosureScreen

    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        for answer in ("enter", "escape"):
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            shown = "".join(screen_text(app).replace("│", "").split())
            assert "Endthemeetingnow?Theclockstopsandclosureopens." in shown
            assert "Endit(y)" in shown and "Keeprunning(enter,esc)" in shown
            await pilot.press(answer)
            await live_settle(pilot)
            assert not isinstance(app.screen, ConfirmModal)
            assert app.screen_stack[-1] is live_screen(pilot)
            assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).running
            assert ended_at(demo_db) is None
        screen = live_screen(pilot)
        await pilot.press("x", "y")
        await screen.writes_done()
        await settle(pilot)
        assert isinstance(app.screen, ClosureScreen)
    assert not live_state(demo_db, meeting_id=DECEMBER, pack=pack).running
    assert ended_at(demo_db) is not None


def prompt(pilot: Pilot[Any]) -> str:
    """What the time-up prompt says ("" while it is not shown)."""
    shown = live_screen(pilot).query_one("#live-time-up", Static)
    return str(shown.visual) if shown.display else ""


async def test_the_time_up_prompt_stays_until_the_timekeeper_acts(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): the time-up prompt was a toast that vanished. It
    is now a line on the live screen that says the keys in words and stays through
    every redraw until the timekeeper acts: + (or e) gives the item time, c takes a
    process check, i dismisses it, n moves on. Nothing else is pushed over the screen."""
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 299)
        assert prompt(pilot) == ""
        await tick(pilot, clock, 2)
        said = prompt(pilot)
        assert said.startswith("Time is up: + adds a minute, e another amount, n moves on")
        assert "c checks the process, i dismisses this." in said
        for _ in range(5):
            await tick(pilot, clock, 30)  # redraws and minutes pass: it stays
        assert prompt(pilot) == said
        assert not any("Time is up" in n for n in notifications(app))
        assert app.screen is live_screen(pilot)  # a line on the screen, not a modal

        await pilot.press("m")  # typing notes: the prompt names the function keys
        await pilot.pause()
        assert prompt(pilot).startswith("Time is up: F6 adds a minute, F4 moves on")
        await pilot.press("escape", "plus", "plus", "plus")  # 2:31 over, +3 min
        await live_settle(pilot)
        assert prompt(pilot) == ""
        await tick(pilot, clock, 30)  # runs out again
        assert prompt(pilot) != ""

        await pilot.press("c")
        fill(form_of(pilot), progress="yes", everyone_in="yes")
        await submit(pilot)
        await live_settle(pilot)
        assert prompt(pilot) == ""  # the process check acted on it

        await pilot.press("n")
        await live_settle(pilot)
        await tick(pilot, clock, 8 * 60 + 1)  # the next item runs out too
        assert prompt(pilot) != ""
        await pilot.press("i")
        await pilot.pause()
        assert prompt(pilot) == ""
        await tick(pilot, clock, 5)
        assert prompt(pilot) == ""  # dismissed stays dismissed


async def test_the_time_up_prompt_is_back_after_a_restart(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 6): the prompt comes from the stored clock, so a
    restarted app still shows it while the item is over time."""
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
    clock.advance(6 * 60)
    again = live_app(demo_db.target, pack, clock)
    async with again.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        assert prompt(pilot).startswith("Time is up:")
