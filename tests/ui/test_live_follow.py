"""The live screen follows another window on the same database (issue 18, first part):
the facilitator's window sees the recorder's capture, its move to the next item and its
notes, read again when the file's change stamp moves; its own typing is never replaced.

The screen looks every `FOLLOW_SECONDS` with a timer; the tests call the same method
at once instead of waiting on the real clock."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.services.captures import add_parking_lot_item
from facilitator.services.live import live_state, move_to_item, save_note
from facilitator.store.database import Database
from facilitator.ui.widgets.notes_editor import NotesEditor
from tests.ui.helpers import SIZE, screen_text
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_screen, live_settle


async def follow(pilot: Pilot[Any]) -> None:
    live_screen(pilot).follow_other_windows()
    await live_settle(pilot)


def items(db: Database, pack: Pack) -> list[int]:
    return [item.item_id for item in live_state(db, meeting_id=DECEMBER, pack=pack).items]


async def test_another_windows_capture_move_and_notes_show(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    first, second, *_ = items(demo_db, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await follow(pilot)  # nothing changed: nothing to read
        asked = live_screen(pilot).writer.asked

        # The recorder's window, through the same services as its keys.
        add_parking_lot_item(
            demo_db, meeting_id=DECEMBER, item_id=first, text="[b]Bus duty[/b] rota", now=clock()
        )
        save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="Agreed: rota", now=clock())
        await follow(pilot)
        assert live_screen(pilot).writer.asked == asked + 1  # one reading for the change
        text = screen_text(app)
        assert "Captured (1)" in text and "Parked: [b]Bus" in text  # literally
        assert live_screen(pilot).notes.shown.text == "Agreed: rota"

        move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=clock())
        save_note(demo_db, meeting_id=DECEMBER, item_id=second, body="Data first", now=clock())
        await follow(pilot)
        screen = live_screen(pilot)
        assert screen.state is not None and screen.state.current_item_id == second
        assert screen.notes.shown.text == "Data first"

        await follow(pilot)  # seen already: no reading
        assert live_screen(pilot).writer.asked == asked + 2


async def test_what_is_typed_here_is_never_replaced(demo_db: Database, pack: Pack) -> None:
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    first, *_ = items(demo_db, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("m")  # into the notes
        await pilot.press(*"Mine")
        assert isinstance(app.focused, NotesEditor)
        save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="Theirs", now=clock())
        await follow(pilot)
        # Kept as typed; an autosave that happened to run after their save (on the real
        # clock) merges their line in after it (see the next test).
        assert live_screen(pilot).notes.shown.text in ("Mine", "Mine\n\nTheirs")


async def test_notes_typed_at_once_in_two_windows_are_merged(demo_db: Database, pack: Pack) -> None:
    """The same item's notes typed in this window and saved meanwhile by another: this
    window's save keeps its text and adds the other's lines after it, here and in the
    database; the other window's next save keeps this window's lines the same way."""
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    first, *_ = items(demo_db, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("m", *"Mine")
        save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="Theirs", now=clock())
        await follow(pilot)
        await pilot.press(*" too")
        live_screen(pilot).notes.flush()
        await live_settle(pilot)

        merged = "Mine too\n\nTheirs"
        assert live_screen(pilot).notes.shown.text == merged
        assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).items[0].note == merged
        # The other window, which had "Theirs", adds a line and saves over it.
        stored = save_note(
            demo_db,
            meeting_id=DECEMBER,
            item_id=first,
            body="Theirs\nLater",
            now=clock(),
            base="Theirs",
        )
        assert stored == "Theirs\nLater\n\nMine too"


async def test_leaving_the_notes_shows_what_another_window_merged(
    demo_db: Database, pack: Pack
) -> None:
    """Seen in a real terminal: the recorder typed, the chair then typed the same item's
    notes and saved, merging the recorder's lines in; the recorder's window, typing all
    the while, kept its own text, and still did after leaving the notes (no change came
    after). Leaving the notes now reads them again."""
    clock = HandClock()
    app = live_app(demo_db.target, pack, clock)
    first, *_ = items(demo_db, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("m", *"Mine")
        live_screen(pilot).notes.flush()
        await live_settle(pilot)
        stored = save_note(
            demo_db, meeting_id=DECEMBER, item_id=first, body="Theirs", now=clock(), base=""
        )
        assert stored == "Theirs\n\nMine"
        await follow(pilot)
        assert live_screen(pilot).notes.shown.text == "Mine"  # still typing here

        await pilot.press("escape")
        await live_settle(pilot)
        assert live_screen(pilot).notes.shown.text == "Theirs\n\nMine"
