"""The live screen: one place to run a meeting.

The timekeeper's countdown, the recorder's notes and quick captures, and the
facilitator's norms, checks, time-out card and speaker queue, for one meeting.

Every key is saved when it is pressed: writes go, in the order they were made, to one
background thread (`facilitator.ui.live_writer`), and the screen shows what the
database holds after each. The clock is never counted: each redraw computes it from the
stored start and stop times and the clock's reading, and the next redraw is set for the
moment the figure changes.

The panels draw themselves (`widgets.live_panels`, `widgets.room_panels`,
`widgets.item_notes`); the keys live in one class per role (`live_timer`,
`live_captures`, `live_room`), put together here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header

from facilitator.domain.text import local
from facilitator.domain.timer import ItemClock
from facilitator.ui.actions import QUIET_QUIT
from facilitator.ui.literal import clean
from facilitator.ui.live_actions import LIVE_ACTIONS, SPEAKER_KEYS, key_pairs
from facilitator.ui.live_writer import Later, LiveLoaded
from facilitator.ui.screens.live_captures import CaptureActions
from facilitator.ui.screens.live_room import RoomActions
from facilitator.ui.screens.live_timer import TimerActions
from facilitator.ui.widgets.big_clock import BigClock
from facilitator.ui.widgets.item_notes import ItemNotes
from facilitator.ui.widgets.key_bar import KeyBar
from facilitator.ui.widgets.live_panels import (
    CountdownWords,
    ItemPanel,
    MeetingLine,
    RolesBar,
    StepsPanel,
    TimeUpPrompt,
    show_phase,
)
from facilitator.ui.widgets.notes_editor import NotesEditor
from facilitator.ui.widgets.room_panels import CapturesPanel, SpeakersPanel

if TYPE_CHECKING:
    from facilitator.services.live import LiveState

LARGE_WIDTH, LARGE_HEIGHT = 120, 36
"""From this size up (a projector) the countdown takes most of the screen."""
NARROW = 100
"""Below this width the speakers and captures panel is narrower."""
SHORTEST_REDRAW = 0.02
FOLLOW_SECONDS = 0.25
"""How often the screen looks for another window's saves: two `stat` calls on a SQLite
file, a counter on a server (its notices come on a thread). A change shows some 0.15 s
later on average; 0.5 s gave 0.27 s (benchmarks/cross_process.py)."""
UNREACHABLE = "server unreachable"
"""Said in the title while a PostgreSQL server cannot be reached."""


def reach_title(name: str, reachable: bool) -> str:
    """The screen's subtitle: its name, and whether the database server can be reached
    (short: the header cuts what follows a long meeting title at 80 columns)."""
    return name if reachable else f"{name} · {UNREACHABLE}"


class LiveScreen(TimerActions, CaptureActions, RoomActions):
    """Runs meeting `meeting_id`."""

    CSS_PATH = "live.tcss"
    ACTIONS = LIVE_ACTIONS
    BINDINGS = [
        # Priority, so a key acts the moment it arrives: as an ordinary binding it
        # waits until the key has been offered to the focused widget, and the keys typed
        # straight after it (m, then the first words of a note) would already be on
        # their way to the old place. `check_action` lets them through to the notes
        # while the notes have focus.
        *[
            Binding(action.key, f"key('{action.id}')", action.name, show=False, priority=True)
            for action in LIVE_ACTIONS
            if action.key and not action.builtin
        ],
        *[
            Binding(key, f"key('queue_number', {key})", "Queue", show=False, priority=True)
            for key in SPEAKER_KEYS
        ],
        Binding("f1", "app.help", "Help", show=False),
        QUIET_QUIT,
    ]
    AUTO_FOCUS = ""

    def __init__(self, meeting_id: int) -> None:
        super().__init__(meeting_id)
        self._redraw_timer: Timer | None = None
        self._dismissed: set[tuple[int, datetime]] = set()
        """Time-up prompts dismissed (item, when its time ran out): kept while the screen
        is open; a restart shows a prompt again while the item is still over time."""
        self._early_keys: list[tuple[str, tuple[object, ...]]] = []
        """Meeting keys pressed before the first reading arrived, in order."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield MeetingLine("Loading…", id="live-meeting")
        yield RolesBar(id="live-roles")
        with Horizontal(id="live-body"):
            with Vertical(id="live-main"):
                yield ItemPanel(id="live-item")
                yield BigClock(id="live-clock")
                yield CountdownWords(id="live-words")
                yield TimeUpPrompt(id="live-time-up")
                yield StepsPanel(id="live-steps")
                yield ItemNotes(self.save_note, left=self.load, id="live-notes")
            with Vertical(id="live-side"):
                yield SpeakersPanel(id="live-speakers")
                yield CapturesPanel(id="live-captures")
        yield KeyBar(id="live-keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the notes have focus, a meeting key is a letter typed into them.
        return not (action == "key" and isinstance(self.focused, NotesEditor))

    def on_later(self, message: Later) -> None:
        message.callback(*message.arguments)

    def action_key(self, action_id: str, *arguments: object) -> None:
        """A meeting key pressed (not typed into the notes). Keys pressed while the
        meeting is still being read wait for it, rather than being lost."""
        if self.state is None:
            self._early_keys.append((action_id, arguments))
            return
        getattr(self, f"action_{action_id}")(*arguments)

    def on_mount(self) -> None:
        self.sub_title = "Live"
        self.watch(self, "focused", self._focus_changed)
        self._focus_changed(None)
        self.load()
        self.set_interval(FOLLOW_SECONDS, self.follow_other_windows)

    def follow_other_windows(self) -> None:
        """Read the meeting again when another window (the recorder's, the
        facilitator's) has saved something: two `stat` calls on the event loop; the
        reading goes to the write thread, after any write of this window's."""
        self.writer.retry_held()  # notes held while the database was away, once a second
        self.sub_title = reach_title("Live", self.app.backend.reachable())
        stamp = self.app.backend.change_stamp()
        if stamp is None or stamp == self.writer.seen or self.state is None:
            return
        self.writer.seen = stamp  # one reading per change, however slow it is
        self.load()

    def on_resize(self) -> None:
        large = self.size.width >= LARGE_WIDTH and self.size.height >= LARGE_HEIGHT
        self.set_class(large, "-large")
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        # The editors, unmounted first, have handed their text to the writer already.
        for notes in self.query(ItemNotes):
            notes.flush()
        self.writer.shutdown()

    def action_back(self) -> None:
        self.notes.flush()
        self.dismiss()

    # The notes ----------------------------------------------------------------------

    def save_note(self, item_id: int, text: str, version: int) -> None:
        """Called by the notes editor; the note is written on the write thread."""

        def saved(at: datetime | None, stored: str) -> None:
            editor = self.notes.editor(item_id)
            if at is None:  # held: the database cannot be reached
                self.notes.saved(item_id, "not saved yet · kept here")
                return
            self.notes.stored(item_id, text, stored)
            if editor is not None and editor.saved_version == version and not editor.unsaved:
                label = f"saved {local(at, self.app.backend.tz):%H:%M:%S}"
                self.notes.saved(item_id, label)

        self.writer.save_note(item_id, text, self.notes.base(item_id), saved)

    # Showing ------------------------------------------------------------------------

    def on_live_loaded(self, message: LiveLoaded) -> None:
        if message.number != self.writer.asked:
            return
        self.writer.seen = message.stamp
        first = self.state is None
        # The notes read are as new as the editor's only if every save it asked for
        # was made before the reading; otherwise they may be older than what it shows.
        self.notes.follow = message.notes_saved == self.writer.notes_asked
        self.show_state(message.state)
        if first:
            # Once the meeting is drawn, while the room is still reading it.
            self.call_after_refresh(self.app.settle_heap)
        if first and message.state.room.time_out_id is not None:
            self.action_time_out()
        early, self._early_keys = self._early_keys, []
        for action_id, arguments in early:
            self.action_key(action_id, *arguments)

    def show_state(self, state: LiveState) -> None:
        self.state = state
        self.title = clean(state.plan.title)
        self.query_one(RolesBar).show(state)
        self.query_one(ItemPanel).show(state)
        had_focus = isinstance(self.focused, NotesEditor)
        if self.notes.show(state) and had_focus:
            self.action_notes()
        room = state.room
        self.query_one(SpeakersPanel).show(room)
        self.query_one(CapturesPanel).show(room)
        self._show_keys()
        self.redraw()

    def redraw(self) -> None:
        """Show the clocks for this moment and set the next redraw for when the figure
        changes."""
        if self._redraw_timer is not None:
            self._redraw_timer.stop()
            self._redraw_timer = None
        state = self.state
        if state is None:
            return
        now = self.app.backend.now()
        clock = state.item_clock(now)
        self._show_clock(state, clock)
        self.query_one(MeetingLine).show(state, now, self.app.backend.tz)
        self.query_one(StepsPanel).show(state, now)
        delay = 1.0 - (now.microsecond / 1_000_000)
        if clock is not None and clock.running:
            delay = min(delay, clock.next_change())
        self._redraw_timer = self.set_timer(max(delay, SHORTEST_REDRAW), self.redraw)

    def _show_clock(self, state: LiveState, clock: ItemClock | None) -> None:
        big = self.query_one(BigClock)
        self.query_one(CountdownWords).show(state, clock, self.app.backend.tz)
        if clock is None:
            big.figure = ""
        else:
            big.figure = clock.display
            show_phase(big, clock)
        self._show_time_up()

    def _time_up_key(self) -> tuple[int, datetime] | None:
        """(item, when its time ran out) while the time-up prompt is due, else None."""
        state = self.state
        current = state.current if state else None
        moment = state.time_up_since(self._now()) if state else None
        if current is None or moment is None:
            return None
        return (current.item_id, moment)

    def _show_time_up(self) -> None:
        key = self._time_up_key()
        due = key is not None and key not in self._dismissed
        typing = isinstance(self.focused, NotesEditor)
        self.query_one(TimeUpPrompt).show(due, typing=typing)

    def action_dismiss_time_up(self) -> None:
        key = self._time_up_key()
        if key is not None:
            self._dismissed.add(key)
            self._show_time_up()

    # Keys ---------------------------------------------------------------------------

    def _focus_changed(self, focused: object) -> None:
        self._show_keys()
        if self.state is not None:
            self._show_time_up()

    def _show_keys(self) -> None:
        """The key bar: the letter keys, or the function keys while typing notes."""
        running = self.state is not None and self.state.running
        typing = isinstance(self.focused, NotesEditor)
        self.query_one(KeyBar).show(key_pairs(typing=typing, running=running))
