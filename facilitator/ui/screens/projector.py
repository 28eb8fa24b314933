"""The projector: a read-only view of a meeting for the room.

The big countdown with its words, the current item with its goal and step, the items
still to come, what has been captured and the speaker queue, drawn by the live screen's
own panels without their key hints. It changes nothing: its only keys are help and quit.

It follows the live window(s) the way the live screen follows another window: every
`FOLLOW_SECONDS` it compares the database's change stamp (two `stat` calls on the event
loop) with the one it last read at, and when the stamp has moved it reads the meeting
again in a thread worker. Between readings the clock is computed, as on the live
screen, from the stored start and stop times and the clock's reading.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from facilitator.domain.enums import MeetingStatus
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import UiAction
from facilitator.ui.literal import clean
from facilitator.ui.screens.live import FOLLOW_SECONDS, reach_title
from facilitator.ui.widgets.big_clock import BigClock
from facilitator.ui.widgets.live_panels import (
    CountdownWords,
    ItemPanel,
    MeetingLine,
    StepsPanel,
    show_phase,
)
from facilitator.ui.widgets.projector_panels import ComingItems, ProjectorNotice
from facilitator.ui.widgets.room_panels import CapturesPanel, SpeakersPanel

if TYPE_CHECKING:
    from facilitator.services.live import LiveState
    from facilitator.ui.app import FacilitatorApp

LARGE_WIDTH, LARGE_HEIGHT = 120, 36
"""From this size up the countdown takes most of the screen."""
HUGE_WIDTH, HUGE_HEIGHT = 200, 60
"""From this size up (a 4K screen at an ordinary font) the side panels widen too."""
LARGEST_FIGURE = 24
"""The big clock grows to fill even a 4K screen at an ordinary font."""
SHORTEST_REDRAW = 0.02
KEYS_LINE = "Projector view: it shows the meeting and changes nothing · ? help · ^q quit"

PROJECTOR_ACTIONS = (
    UiAction(
        "help",
        "Help: keys and actions",
        "Show the keys of this view: it only shows the meeting; nothing here changes it.",
        key="question_mark",
        key_display="?",
    ),
    UiAction("app.quit", "App: quit", "Close the projector view.", key="ctrl+q"),
)


Hinted = TypeVar("Hinted", CountdownWords, StepsPanel, SpeakersPanel, CapturesPanel)


def without_hints(panel: Hinted) -> Hinted:
    """`panel` without the keys it names on the live screen (before it mounts)."""
    panel.key_hints = False
    return panel


class MeetingRead(Message):
    """The meeting as stored when the change stamp was `stamp` (reading `number`)."""

    def __init__(self, state: LiveState, stamp: tuple[int, ...] | None, number: int) -> None:
        super().__init__()
        self.state = state
        self.stamp = stamp
        self.number = number


class ProjectorScreen(Screen[None]):
    """Shows meeting `meeting_id` to the room, read-only."""

    app: FacilitatorApp
    CSS_PATH = "projector.tcss"
    ACTIONS = PROJECTOR_ACTIONS
    # Priority, so no key reaches anything else: this view has nothing to act on.
    BINDINGS = [
        Binding("question_mark", "help", "Help", priority=True),
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]
    AUTO_FOCUS = ""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: LiveState | None = None
        self.seen: tuple[int, ...] | None = None
        """The change stamp the meeting was last read at."""
        self.asked = 0
        """How many readings were asked for: only the latest one's is shown."""
        self._redraw_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield MeetingLine("Reading the meeting…", id="projector-meeting")
        yield ProjectorNotice(id="projector-notice")
        with Horizontal(id="projector-body"):
            with Vertical(id="projector-main"):
                yield ItemPanel(id="projector-item")
                yield BigClock(id="projector-clock")
                yield without_hints(CountdownWords(id="projector-words"))
                yield without_hints(StepsPanel(id="projector-steps"))
            with Vertical(id="projector-side"):
                yield ComingItems(id="projector-coming")
                yield without_hints(SpeakersPanel(id="projector-speakers"))
                yield without_hints(CapturesPanel(id="projector-captures"))
        yield Static(KEYS_LINE, id="projector-keys")

    def on_mount(self) -> None:
        self.sub_title = "Projector"
        self.query_one(BigClock).largest_scale = LARGEST_FIGURE
        self.read()
        self.set_interval(FOLLOW_SECONDS, self.follow)

    def on_resize(self) -> None:
        width, height = self.size
        self.set_class(width >= LARGE_WIDTH and height >= LARGE_HEIGHT, "-large")
        self.set_class(width >= HUGE_WIDTH and height >= HUGE_HEIGHT, "-huge")
        if self.state is not None:
            self.call_after_refresh(self._show_panels, self.state)

    def action_help(self) -> None:
        from facilitator.ui.modals.help import HelpModal

        self.app.push_screen(HelpModal("Projector", PROJECTOR_ACTIONS, ()))

    # Following the live windows -----------------------------------------------------

    def follow(self) -> None:
        """Read the meeting again when a live window has saved something: two `stat`
        calls here (a counter on a database server, kept by its notices' thread); the
        reading runs in a thread. Where there is no stamp, every look reads."""
        self.sub_title = reach_title("Projector", self.app.backend.reachable())
        stamp = self.app.backend.change_stamp()
        if stamp is not None and stamp == self.seen:
            return
        self.seen = stamp  # one reading per change, however slow it is
        self.read()

    def read(self) -> None:
        self.asked += 1
        self._read(self.asked)

    @work(thread=True, group="projector-read", exit_on_error=True)
    def _read(self, number: int) -> None:
        """Read the meeting (taking the stamp first: every commit it counts is read)."""
        from facilitator.services.live import live_state

        backend = self.app.backend
        stamp = backend.change_stamp()
        try:
            state = live_state(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
        except FacilitatorError as error:
            self.app.call_from_thread(self._failed, error.sentence)
            return
        self.post_message(MeetingRead(state, stamp, number))

    def _failed(self, sentence: str) -> None:
        self.query_one(ProjectorNotice).show_sentence(sentence)

    def on_meeting_read(self, message: MeetingRead) -> None:
        if message.number != self.asked:
            return  # a newer reading is on its way
        self.seen = message.stamp
        self.show_state(message.state)

    # Showing ------------------------------------------------------------------------

    def show_state(self, state: LiveState) -> None:
        self.state = state
        self.title = clean(state.plan.title)
        running = state.status != MeetingStatus.PLANNED and not state.ended
        self.set_class(state.status == MeetingStatus.PLANNED, "-waiting")
        self.set_class(state.ended, "-ended")
        self.query_one(ProjectorNotice).show(state)
        if running:
            self.query_one(ItemPanel).show(state)
        self._show_panels(state)
        # Again once the layout has followed the classes: the panels cut their lines
        # to the width they have.
        self.call_after_refresh(self._show_panels, state)
        self.redraw()

    def _show_panels(self, state: LiveState) -> None:
        self.query_one(ComingItems).show(state)
        self.query_one(SpeakersPanel).show(state.room)
        self.query_one(CapturesPanel).show(state.room)

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
        self.query_one(MeetingLine).show(state, now, self.app.backend.tz)
        delay = 1.0 - (now.microsecond / 1_000_000)
        if state.status != MeetingStatus.PLANNED and not state.ended:
            delay = min(delay, self._show_clock(state, now))
        self._redraw_timer = self.set_timer(max(delay, SHORTEST_REDRAW), self.redraw)

    def _show_clock(self, state: LiveState, now: datetime) -> float:
        """Show the countdown and the step at `now`; return how soon the figure changes."""
        clock = state.item_clock(now)
        big = self.query_one(BigClock)
        self.query_one(CountdownWords).show(state, clock, self.app.backend.tz)
        big.figure = clock.display if clock is not None else ""
        if clock is not None:
            show_phase(big, clock)
        self.query_one(StepsPanel).show(state, now)
        return clock.next_change() if clock is not None and clock.running else 1.0
