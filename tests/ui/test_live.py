"""The live screen, driven as a facilitator, timekeeper and recorder would, with a clock
the test moves by hand (nothing sleeps)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import col, select
from textual.app import App
from textual.widgets import Input, Static

from facilitator.pack.loader import Pack
from facilitator.services.live import live_state
from facilitator.store.database import Database
from facilitator.store.tables import (
    ActionItem,
    Decision,
    NormsCheck,
    NormsCheckRating,
    Note,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
    Takeaway,
    TimeOut,
    TimerSegment,
)
from facilitator.ui.modals.confirm import ConfirmModal
from facilitator.ui.modals.form import FormModal
from facilitator.ui.modals.norms_check import NormsCheckModal
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.live import LiveScreen
from facilitator.ui.widgets import notes_editor
from facilitator.ui.widgets.big_clock import BigClock
from facilitator.ui.widgets.key_bar import KeyBar
from facilitator.ui.widgets.notes_editor import NotesEditor
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, notifications, screen_text
from tests.ui.live_helpers import DECEMBER, T0, HandClock, live_app, live_screen, live_settle, tick


def squeeze(text: str) -> str:
    return "".join(text.split())


def words(app: App[Any]) -> str:
    screen = next(s for s in reversed(app.screen_stack) if isinstance(s, LiveScreen))
    return str(screen.query_one("#live-words", Static).visual)


async def test_start_warning_time_up_overtime_and_pause(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        screen = live_screen(pilot)
        big = screen.query_one(BigClock)
        assert big.figure == "5:00"
        assert "Not started" in words(app)

        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 150)
        assert big.figure == "2:30"
        assert words(app).startswith("2:30 left")
        assert big.has_class("-normal")

        await tick(pilot, clock, 60)  # 90 s left: under the 2-minute warning
        assert big.figure == "1:30"
        assert words(app).startswith("2 min left")
        assert big.has_class("-warning")

        await tick(pilot, clock, 92)  # 2 s over
        assert words(app).startswith("Time is up")
        assert big.has_class("-time-up")
        assert live_screen(pilot).query_one("#live-time-up").display  # the prompt stays

        await tick(pilot, clock, 88)  # 1:30 over
        assert big.figure == "+1:30"
        assert words(app).startswith("Over by 1:30")
        assert big.has_class("-over")

        await pilot.press("plus")  # one more minute: still 30 s over
        await live_settle(pilot)
        assert words(app).startswith("Over by 0:30")
        await pilot.press("plus", "plus")  # two more: 1:30 left
        await live_settle(pilot)
        assert big.figure == "1:30"

        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 600)  # paused: the figure does not move
        assert big.figure == "1:30"
        assert "paused" in words(app)
        assert big.has_class("-paused")

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert state.status == "running"
    assert state.items[0].planned_seconds == 8 * 60
    assert state.items[0].elapsed(clock.now) == pytest.approx(390)
    assert not state.running


async def test_extend_by_a_typed_amount_and_shorten(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("e")
        form = form_of(pilot)
        fill(form, minutes="abc")
        await submit(pilot)
        assert "not a whole number" in str(form.query_one("#error-minutes", Static).visual)
        fill(form, minutes="+7")
        await submit(pilot)
        await live_settle(pilot)
        assert live_screen(pilot).query_one(BigClock).figure == "12:00"
        await pilot.press("minus")
        await live_settle(pilot)
        assert live_screen(pilot).query_one(BigClock).figure == "11:00"
        for _ in range(12):
            await pilot.press("minus")
        await live_settle(pilot)
        assert live_screen(pilot).query_one(BigClock).figure == "1:00"
        assert any("at least 1 minute" in text for text in notifications(app))


async def test_next_and_previous_items_keep_their_own_time(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("b")
        await live_settle(pilot)
        assert "This is the first item of the agenda." in notifications(app)
        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 60)
        await pilot.press("n")
        await live_settle(pilot)
        await tick(pilot, clock, 120)
        assert "Review of action items" in screen_text(app)
        assert live_screen(pilot).query_one(BigClock).figure == "6:00"
        await pilot.press("b")
        await live_settle(pilot)
        await tick(pilot, clock, 30)
        assert live_screen(pilot).query_one(BigClock).figure == "3:30"  # 5:00 less 1:30
        assert "Elapsed 3:30" in screen_text(app)


async def test_notes_save_when_focus_leaves_and_after_a_pause(
    demo_db: Database, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        # Typing alone never writes: a save waits for a pause (made long here).
        monkeypatch.setattr(notes_editor, "PAUSE_SECONDS", 60.0)
        monkeypatch.setattr(notes_editor, "LONGEST_WAIT_SECONDS", 120.0)
        await pilot.press("m")
        await pilot.press(*"Agreed [bold]to <b>share", "enter", *"nba")
        editor = live_screen(pilot).query_one(NotesEditor)
        assert editor.unsaved
        assert isinstance(app.focused, NotesEditor)
        assert "F4 Next" in str(live_screen(pilot).query_one(KeyBar).render())
        await pilot.press("escape")  # leaving the notes saves them
        await live_settle(pilot)
        assert not editor.unsaved
        assert "saved" in str(editor.border_subtitle)
        assert "n/b Next/Back" in str(live_screen(pilot).query_one(KeyBar).render())

        await pilot.press("m", "end", *" more")
        timer = editor._timer
        assert editor.unsaved and timer is not None  # a save is due after the pause
        editor.flush()  # what the timer runs when it fires
        await live_settle(pilot)
        assert not editor.unsaved  # saved, focus still in the notes
        assert isinstance(app.focused, NotesEditor)

    with demo_db.read() as session:
        bodies = session.exec(select(Note.body).where(Note.meeting_id == DECEMBER)).all()
    assert bodies == ["Agreed [bold]to <b>share\nnba more"]


async def test_meeting_keys_work_from_the_notes_through_function_keys(
    demo_db: Database, pack: Pack
) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("m", *"first item")
        await pilot.press("f2")  # start
        await live_settle(pilot)
        await tick(pilot, clock, 10)
        await pilot.press("f4")  # next item, typing on there
        await live_settle(pilot)
        assert isinstance(app.focused, NotesEditor)
        assert app.focused.item_id == live_screen(pilot).state.items[1].item_id  # type: ignore[union-attr]
        await pilot.press(*"second", "f6")  # +1 minute
        await live_settle(pilot)
        assert live_screen(pilot).query_one(BigClock).figure == "9:00"
        await pilot.press("f7")
        form = form_of(pilot)
        fill(form, what="Send the survey", owner="priya raman", due="Dec 14")
        await submit(pilot)
        await live_settle(pilot)
        await pilot.press("f3")
        await live_settle(pilot)
        await pilot.press("escape")
        await live_settle(pilot)

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert [item.note for item in state.items[:2]] == ["first item", "second"]
    with demo_db.read() as session:
        action = session.exec(select(ActionItem).where(ActionItem.meeting_id == DECEMBER)).one()
    assert action.what == "Send the survey"
    assert action.owner_member_id is not None
    assert str(action.due_date) == "2026-12-14"
    assert action.agenda_item_id == state.items[1].item_id


async def test_each_quick_capture_is_saved(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("a")
        form = form_of(pilot)
        await submit(pilot)  # nothing said: refused inline
        assert "Say what will be done." in str(form.query_one("#error-what", Static).visual)
        fill(form, what="Book the library", owner="", due="")
        await submit(pilot)
        await pilot.press("p")
        fill(form_of(pilot), text="Recess duty [rota]", raised_by="Sam (parent)")
        await submit(pilot)
        await pilot.press("k")
        fill(form_of(pilot), text="Writing is the focus")
        await submit(pilot)
        await pilot.press("d")
        fill(form_of(pilot), question="Library budget", method="consensus", outcome="Buy sets")
        await submit(pilot)
        await live_settle(pilot)
        box = live_screen(pilot).query_one("#live-captures", Static)
        assert box.border_title == "Captured (4)"
        assert "Parked: Recess duty [rota]" in str(box.visual)
        assert "Decision saved." in notifications(app)

    with demo_db.read() as session:
        assert session.exec(
            select(ActionItem.what).where(ActionItem.meeting_id == DECEMBER)
        ).all() == ["Book the library"]
        parked = session.exec(
            select(ParkingLotItem).where(ParkingLotItem.meeting_id == DECEMBER)
        ).one()
        assert (parked.text, parked.raised_by_name) == ("Recess duty [rota]", "Sam (parent)")
        assert session.exec(select(Takeaway.text).where(Takeaway.meeting_id == DECEMBER)).all() == [
            "Writing is the focus"
        ]
        decision = session.exec(select(Decision).where(Decision.meeting_id == DECEMBER)).one()
        assert (decision.method, decision.outcome, decision.status) == (
            "consensus",
            "Buy sets",
            "decided",
        )


async def test_enter_enter_on_a_select_picks_its_first_choice(
    demo_db: Database, pack: Pack
) -> None:
    """Regression, found running the demo meeting by hand: enter to open the decision's
    method, enter again, saved a decision with no method (the blank was highlighted)."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        first = next(iter(pack.decision_methods.values())).method.value
        assert form_of(pilot).values()["method"] == first


async def test_norms_card_and_norms_check(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        norms = live_screen(pilot).state.room.norms  # type: ignore[union-attr]
        assert norms and norms[0].text in screen_text(app)
        await pilot.press("enter")  # "Norms check"
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NormsCheckModal)
        await submit(pilot)
        assert "Rate at least one norm" in str(form.query_one("#error-form", Static).visual)

        # h on the first norm; p on the second with a note; n then x on the third.
        await pilot.press("h", "down", "p", "tab", *"Phones out", "enter")
        assert form.readings.highlighted == 2
        await pilot.press("n", "x")
        shown = squeeze(screen_text(app))  # the screenshot drops the column padding
        assert squeeze(f"✔ Honoured 1. {norms[0].text}") in shown
        assert squeeze(f"◐ Partly 2. {norms[1].text}") in shown
        assert squeeze("– Phones out") in shown  # the note, under its norm
        assert squeeze(f"· not read 3. {norms[2].text}") in shown
        await pilot.press("up")  # the note field follows the highlighted norm
        assert form.query_one("#norm-note", Input).value == "Phones out"
        clock.advance(42)
        await submit(pilot)
        await live_settle(pilot)
        assert "Norms check recorded." in notifications(app)

    with demo_db.read() as session:
        check = session.exec(select(NormsCheck).where(NormsCheck.meeting_id == DECEMBER)).one()
        ratings = session.exec(
            select(NormsCheckRating)
            .where(NormsCheckRating.norms_check_id == check.id)
            .order_by(col(NormsCheckRating.id))
        ).all()
    assert check.checked_at == clock.now
    assert [(r.norm_id, r.reading, r.note) for r in ratings] == [
        (norms[0].id, "honoured", ""),
        (norms[1].id, "partly", "Phones out"),
    ]


async def test_process_check_is_recorded(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("c")
        form = form_of(pilot)
        assert "Is everyone in?" in screen_text(app)
        fill(form, progress="yes", everyone_in="partly", note="Hear from Tom")
        await submit(pilot)
        await live_settle(pilot)
    with demo_db.read() as session:
        check = session.exec(select(ProcessCheck).where(ProcessCheck.meeting_id == DECEMBER)).one()
    assert (check.progress, check.everyone_in, check.note) == ("yes", "partly", "Hear from Tom")


async def test_time_out_pauses_the_clock_and_is_recorded(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await tick(pilot, clock, 60)
        await pilot.press("t")
        await live_settle(pilot)
        form = form_of(pilot)
        text = screen_text(app)
        assert "The clock is paused" in text
        assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).running is False
        await pilot.press("escape")  # the card closes; the time-out goes on
        await live_settle(pilot)
        assert "TIME-OUT since" in words(app)
        clock.advance(300)
        await pilot.press("t")
        await live_settle(pilot)
        form = form_of(pilot)
        fill(form, note="Agreed to hear both sides")
        await submit(pilot)
        await live_settle(pilot)
        await tick(pilot, clock, 30)
        assert live_screen(pilot).query_one(BigClock).figure == "3:30"  # 1:30 run in all

    with demo_db.read() as session:
        time_out = session.exec(select(TimeOut).where(TimeOut.meeting_id == DECEMBER)).one()
        segments = session.exec(
            select(TimerSegment)
            .where(TimerSegment.meeting_id == DECEMBER)
            .order_by(col(TimerSegment.id))
        ).all()
    assert (time_out.started_at, time_out.ended_at) == (
        T0 + timedelta(seconds=60),
        T0 + timedelta(seconds=360),
    )
    assert time_out.note == "Agreed to hear both sides"
    assert [s.stopped_at is None for s in segments] == [False, True]


async def test_speaker_queue_and_tally(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        members = live_screen(pilot).state.room.members  # type: ignore[union-attr]
        await pilot.press("2", "3")
        await live_settle(pilot)
        assert "queue 1" in screen_text(app)
        await pilot.press("s")
        await live_settle(pilot)
        assert f"{members[1].name} has the floor." in notifications(app)
        clock.advance(30)
        await pilot.press("s", "3")  # 3 speaks, then 3 queues again
        await live_settle(pilot)
        await pilot.press("3")  # pressed again: 3 leaves the queue
        await live_settle(pilot)
        await pilot.press("s", "s")
        await live_settle(pilot)
        assert "The speaker queue is empty." in notifications(app)
        room = live_screen(pilot).state.room  # type: ignore[union-attr]
        turns = {m.name: m.turns for m in room.members}
        assert turns[members[1].name] == 1
        assert turns[members[2].name] == 1
        assert members[0].name in [m.name for m in room.quiet]
        assert "quiet" in screen_text(app)

    with demo_db.read() as session:
        turns_taken = session.exec(
            select(SpeakerTurn).where(
                SpeakerTurn.meeting_id == DECEMBER, col(SpeakerTurn.started_at).is_not(None)
            )
        ).all()
    assert len(turns_taken) == 2


async def test_escape_goes_home_and_home_runs_the_meeting_again(
    demo_db: Database, pack: Pack
) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    # The meeting kept running while no one looked at it.
    assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).running


async def test_keys_in_one_burst_land_where_they_belong(demo_db: Database, pack: Pack) -> None:
    """A fast typist or a paste delivers keys together: each must act as if typed
    slowly (m then letters go into the notes; escape then o opens the norms)."""
    from textual import events

    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        for key in ("n", "m", "T", "w", "o", "escape", "o"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await live_settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # the norms card
        screen = live_screen(pilot)
        state = screen.state
        assert state is not None
        assert state.current_index == 1
        editor = screen.notes.editor(state.items[1].item_id)
        assert editor is not None and editor.text == "Two"


async def test_norms_check_keys_in_one_burst_with_tab(demo_db: Database, pack: Pack) -> None:
    """Regression: h, down, p, tab arriving together lost h, down and p. The tab (a
    priority key) moved focus to the note before the list's bindings were looked up."""
    from textual import events

    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NormsCheckModal)
        for key in ("h", "down", "p", "tab", "O", "K"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        norms = form.norms
        assert form.values()[f"reading-{norms[0].id}"] == "honoured"
        assert form.values()[f"reading-{norms[1].id}"] == "partly"
        assert form.values()[f"note-{norms[1].id}"] == "OK"


async def test_keys_pressed_while_the_meeting_loads_wait_for_it(
    demo_db: Database, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression, found in tmux: a key pressed in the moment before the live screen
    had read its meeting did nothing. Now it runs once the meeting is shown."""
    import threading

    from facilitator.services import live

    gate = threading.Event()
    real_state = live.live_state

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)  # the first reading is slow: the keys arrive before it
        return real_state(*args, **kwargs)

    monkeypatch.setattr(live, "live_state", held)
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        screen = live_screen(pilot)
        await pilot.press("space", "a")
        assert screen.state is None
        gate.set()
        await live_settle(pilot)
        assert screen.state is not None and screen.state.running
        assert isinstance(app.screen, FormModal)  # a: the action item form
