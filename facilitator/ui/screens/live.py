"""The live screen: one place to run a meeting.

The timekeeper's countdown, the recorder's notes and quick captures, and the
facilitator's norms, checks, time-out card and speaker queue, for one meeting.

Every key is saved when it is pressed: writes go, in the order they were made, to one
background thread (`_writes`), and the screen shows what the database holds after each.
The clock is never counted: each redraw computes it from the stored start and stop
times and the clock's reading, and the next redraw is set for the moment the figure
changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header, Static

from facilitator.domain.text import clock_label, local
from facilitator.domain.timer import ItemClock, Phase, clock_text
from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.ui import live_forms
from facilitator.ui.actions import QUIET_QUIT
from facilitator.ui.literal import clean, join, lit
from facilitator.ui.live_actions import LIVE_ACTIONS, SPEAKER_KEYS
from facilitator.ui.modals.form import Field, FormModal, Values
from facilitator.ui.widgets.big_clock import BigClock
from facilitator.ui.widgets.key_bar import KeyBar
from facilitator.ui.widgets.notes_editor import NotesEditor

if TYPE_CHECKING:
    from facilitator.services.checkpoint import LogPacer
    from facilitator.services.live import LiveState
    from facilitator.ui.app import FacilitatorApp

LARGE_WIDTH, LARGE_HEIGHT = 120, 36
"""From this size up (a projector) the countdown takes most of the screen."""
NARROW = 100
"""Below this width the speakers and captures panel is narrower."""
SHORTEST_REDRAW = 0.02
CORE_ROLE_ORDER = ("facilitator", "chair", "recorder", "timekeeper")
SHORT_ROLE_LABELS = {"chair": "Chair"}
"""Role labels kept short for the roles bar (the plan shows the full ones)."""
KEYS_IN_HELP_ONLY = ("back", "queue_speaker")
"""Keys left out of the key bar to keep it to two rows at 80 columns (help lists them)."""


class LiveLoaded(Message):
    def __init__(self, state: LiveState, number: int) -> None:
        super().__init__()
        self.state = state
        self.number = number
        """Which write it follows: only the latest write's reading is shown."""


class Later(Message):
    """Run `callback(*arguments)` on the event loop. Posted from the write thread, which
    never waits for the loop (so leaving the screen can wait for the writes)."""

    def __init__(self, callback: Callable[..., object], *arguments: object) -> None:
        super().__init__()
        self.callback = callback
        self.arguments = arguments


class LiveScreen(Screen[None]):
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

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: LiveState | None = None
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-writes")
        self._last_write: Future[None] | None = None
        self._writes_asked = 0
        self._redraw_timer: Timer | None = None
        self._phase: tuple[int, Phase] | None = None
        self._shown: dict[str, object] = {}
        self._log: LogPacer | None = None
        self._early_keys: list[tuple[str, tuple[object, ...]]] = []
        """Meeting keys pressed before the first reading arrived, in order."""
        """Paces checkpoints of the notes' writes; made on the first save."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static("Loading…", id="live-meeting")
        yield Static(id="live-roles")
        with Horizontal(id="live-body"):
            with Vertical(id="live-main"):
                yield Static(id="live-item")
                yield BigClock(id="live-clock")
                yield Static(id="live-words")
                yield Static(id="live-steps")
                yield ContentSwitcher(id="live-notes")
            with Vertical(id="live-side"):
                yield Static(id="live-speakers")
                yield Static(id="live-captures")
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
        self.query_one("#live-speakers").border_title = "Speakers"
        self.query_one("#live-captures").border_title = "Captured"
        self.watch(self, "focused", self._focus_changed)
        self._focus_changed(None)
        self.load()

    def on_resize(self) -> None:
        large = self.size.width >= LARGE_WIDTH and self.size.height >= LARGE_HEIGHT
        self.set_class(large, "-large")
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        for editor in self.query(NotesEditor):
            editor.flush()
        self._writes.shutdown(wait=True)

    # Writing and reading ----------------------------------------------------------

    def submit(
        self, work: Callable[[], object], then: Callable[[object], None] | None = None
    ) -> None:
        """Run `work` on the write thread after every earlier write, then read the
        meeting back and show it; `then` gets `work`'s result on the event loop.

        A reading is shown only if no write was asked for after it (a later one will
        bring its own), so a slow reply never undoes what the screen already shows."""
        self._writes_asked += 1
        number = self._writes_asked

        def run() -> None:
            from facilitator.services.live import live_state

            backend = self.app.backend
            try:
                result = work()
                state = live_state(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
            except FacilitatorError as error:
                self.post_message(Later(self._failed, error))
                return
            except Exception as error:  # shown as a crash, never swallowed
                self.post_message(Later(self.app.crash, error))
                return
            self.post_message(LiveLoaded(state, number))
            if then is not None:
                self.post_message(Later(then, result))

        self._last_write = self._writes.submit(run)

    async def writes_done(self) -> None:
        """Wait until every write asked for so far has been made and shown (tests)."""
        while self._last_write is not None and not self._last_write.done():
            await asyncio.wrap_future(self._last_write)
        await asyncio.sleep(0)

    def load(self) -> None:
        self.submit(lambda: None)

    def _failed(self, error: FacilitatorError) -> None:
        if self.state is None:
            self.query_one("#live-meeting", Static).update(lit(error.sentence, "bold"))
            return
        if isinstance(error, InvalidInput):
            sentence = " ".join(error.problems.values())
        else:
            sentence = error.sentence
        self.app.notify(sentence, severity="error", markup=False)

    def save_note(self, item_id: int, text: str, version: int) -> None:
        """Called by a notes editor; the note is written on the write thread."""
        from facilitator.services.checkpoint import LogPacer, pages_for_note
        from facilitator.services.live import save_note

        backend = self.app.backend
        now = backend.now()
        if self._log is None:
            self._log = LogPacer(backend.db)
        log = self._log

        def run() -> None:
            try:
                save_note(
                    backend.db, meeting_id=self.meeting_id, item_id=item_id, body=text, now=now
                )
                self.post_message(Later(self._note_saved, item_id, version, now))
                # The recorder has paused: a good moment to move the log into the file.
                log.wrote(pages_for_note(text))
            except FacilitatorError as error:
                self.post_message(Later(self._failed, error))
            except Exception as error:
                self.post_message(Later(self.app.crash, error))

        self._last_write = self._writes.submit(run)

    def _note_saved(self, item_id: int, version: int, at: datetime) -> None:
        editor = self._editor(item_id)
        if editor is not None and editor.saved_version == version and not editor.unsaved:
            editor.border_subtitle = f"saved {local(at, self.app.backend.tz):%H:%M:%S}"

    # Showing ------------------------------------------------------------------------

    def on_live_loaded(self, message: LiveLoaded) -> None:
        if message.number != self._writes_asked:
            return
        first = self.state is None
        self._show(message.state)
        if first:
            # Once the meeting is drawn, while the room is still reading it.
            self.call_after_refresh(self.app.settle_heap)
        if first and message.state.room.time_out_id is not None:
            self.action_time_out()
        early, self._early_keys = self._early_keys, []
        for action_id, arguments in early:
            self.action_key(action_id, *arguments)

    def _show(self, state: LiveState) -> None:
        self.state = state
        plan = state.plan
        self.title = clean(plan.title)
        self._show_roles(state)
        self._show_item(state)
        self._show_notes(state)
        self._show_room(state)
        self._show_keys()
        self.redraw()

    def _show_roles(self, state: LiveState) -> None:
        parts: list[Any] = []
        order = {role: index for index, role in enumerate(CORE_ROLE_ORDER)}
        roles = sorted(state.plan.roles, key=lambda r: order.get(r.role, len(order)))
        for role in roles:
            if parts:
                parts.append("  ")
            parts.append((f"{SHORT_ROLE_LABELS.get(role.role, role.label)}: ", "dim"))
            parts.append(lit(role.holder.name) if role.holder else ("open", "italic"))
        self._update("#live-roles", join(*parts))

    def _show_item(self, state: LiveState) -> None:
        plan = state.plan
        if not plan.agenda:
            self._update("#live-item", lit("The agenda is empty: add items on the plan screen."))
            return
        line = plan.agenda[state.current_index]
        kind = line.kind.capitalize()
        about: list[Any] = [f"Item {state.current_index + 1} of {len(plan.agenda)} · {kind}"]
        if line.presenter:
            about += [" · Presenter: ", lit(line.presenter.name)]
        if line.process:
            about += [" · ", lit(line.process)]
        parts: list[Any] = [join(*about).stylize("dim"), "\n", lit(line.title, "bold")]
        if line.goal:
            parts += ["\n", ("Goal: ", "bold"), lit(line.goal)]
        self._update("#live-item", join(*parts))

    def _show_notes(self, state: LiveState) -> None:
        """One editor per item, all mounted at once (so moving on never waits for one
        to be made); the current item's is shown."""
        switcher = self.query_one(ContentSwitcher)
        missing = [item for item in state.items if self._editor(item.item_id) is None]
        if missing:
            editors = [
                NotesEditor(item.item_id, item.note, self.save_note, id=f"notes-{item.item_id}")
                for item in missing
            ]
            for hidden in editors:
                hidden.display = False  # the switcher shows the current one
            switcher.mount_all(editors)
        current = state.current
        if current is None:
            return
        editor_id = f"notes-{current.item_id}"
        if switcher.current != editor_id:
            had_focus = isinstance(self.focused, NotesEditor)
            switcher.current = editor_id
            if had_focus:
                self.action_notes()
        line = state.plan.agenda[state.current_index]
        shown = self._editor(current.item_id)
        if shown is not None:
            shown.border_title = lit(f"Notes · {line.title}")

    def _editor(self, item_id: int) -> NotesEditor | None:
        found = self.query(f"#notes-{item_id}")
        editor = found.first() if found else None
        return editor if isinstance(editor, NotesEditor) else None

    def _show_room(self, state: LiveState) -> None:
        room = state.room
        panel = self.query_one("#live-speakers", Static)
        width = panel.content_size.width or 24
        lines: list[Any] = []
        if room.speaking is not None or room.queue:
            speaking = room.name_of(room.speaking)
            lines.append(join(("Floor: ", "bold"), lit(speaking) if speaking else ("open", "dim")))
        if room.queue:
            names = ", ".join(room.name_of(member_id) for member_id in room.queue)
            lines.append(join(("Queue: ", "bold"), lit(names)))
        for number, member in enumerate(room.members, start=1):
            key = f"{number} " if number <= len(SPEAKER_KEYS) else "  "
            if member.speaking:
                tally, style = "speaking", "bold"
            elif member.queued:
                place = room.queue.index(member.member_id) + 1
                tally, style = f"queue {place}", "bold"
            elif member.quiet:
                tally, style = "quiet", "italic $warning"
            else:
                tally, style = f"{member.turns} turn{'s' if member.turns != 1 else ''}", ""
            room_for_name = max(width - len(key) - len(tally) - 1, 4)
            name = (
                member.name
                if len(member.name) <= room_for_name
                else member.name[: room_for_name - 1] + "…"
            )
            gap = " " * max(width - len(key) - len(name) - len(tally), 1)
            lines.append(join((key, "bold"), lit(name), gap, (tally, style)))
        self._update("#live-speakers", join(*_lines(lines)))
        captures = room.captures[::-1]
        said = [
            join((f"{capture.label}: ", "bold"), lit(capture.text.replace("\n", " ")))
            for capture in captures
        ]
        box = self.query_one("#live-captures", Static)
        box.border_title = f"Captured ({len(captures)})"
        self._update("#live-captures", join(*_lines(said)) if said else lit("Nothing yet: a p k d"))

    def _update(self, selector: str, content: object) -> None:
        """Update a Static only when what it shows changes (a redraw costs a frame)."""
        if self._shown.get(selector) != content:
            self._shown[selector] = content
            self.query_one(selector, Static).update(content)  # type: ignore[arg-type]

    # The clock ------------------------------------------------------------------------

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
        self._show_clock(state, clock, now)
        self._show_meeting(state, now)
        self._show_steps(state, now)
        delay = 1.0 - (now.microsecond / 1_000_000)
        if clock is not None and clock.running:
            delay = min(delay, clock.next_change())
        self._redraw_timer = self.set_timer(max(delay, SHORTEST_REDRAW), self.redraw)

    def _show_clock(self, state: LiveState, clock: ItemClock | None, now: datetime) -> None:
        big = self.query_one(BigClock)
        words = self.query_one("#live-words", Static)
        if clock is None:
            big.figure = ""
            self._update("#live-words", lit(""))
            return
        phase = clock.phase
        big.figure = clock.display
        for widget in (big, words):
            for each in Phase:
                widget.set_class(each is phase, f"-{each.value.replace('_', '-')}")
            widget.set_class(not clock.running, "-paused")
        room = state.room
        if room.time_out_since is not None:
            since = clock_label(local(room.time_out_since, self.app.backend.tz))
            text: Any = lit(f"TIME-OUT since {since} · t shows the card", "bold")
        elif state.status == "planned":
            text = lit("Not started · space starts the meeting")
        else:
            planned = clock_text(clock.planned_seconds)
            text = lit(f"{clock.words} · planned {planned}")
        self._update("#live-words", text)
        current = state.current
        if current is not None and clock.running:
            key = (current.item_id, phase)
            if phase is Phase.TIME_UP and self._phase is not None and self._phase != key:
                self.app.notify(
                    "Time is up for this item: extend it (+), move on (n), or take a "
                    "process check (c).",
                    title="Time is up",
                    severity="warning",
                    markup=False,
                )
            self._phase = key

    def _show_meeting(self, state: LiveState, now: datetime) -> None:
        meeting = state.meeting_clock(now)
        tz = self.app.backend.tz
        if state.started_at is None:
            start = clock_label(local(state.plan.scheduled_start, tz))
            text = f"Starts {start} · {round(meeting.remaining_seconds / 60)} min planned"
        else:
            elapsed = clock_text(meeting.elapsed_seconds)
            left = round(meeting.remaining_seconds / 60)
            end = clock_label(local(meeting.projected_end, tz))
            text = f"Elapsed {elapsed} · {left} min to go · ends ~{end} · {meeting.drift_words}"
        self._update("#live-meeting", lit(text))

    def _show_steps(self, state: LiveState, now: datetime) -> None:
        box = self.query_one("#live-steps", Static)
        plan = state.plan
        current = state.current
        if current is None or not plan.agenda:
            box.display = False
            return
        steps = plan.agenda[state.current_index].steps
        box.display = bool(steps)
        if not steps:
            return
        position = min(current.current_step, len(steps) - 1)
        step = steps[position]
        parts: list[Any] = [(f"Step {position + 1} of {len(steps)}: ", "bold"), lit(step.title)]
        if step.media_ranges:
            parts += [("  video ", "dim"), lit(step.media_ranges)]
        in_step = max(current.elapsed(now) - current.step_started_seconds, 0.0)
        if step.planned_minutes:
            parts += [f"  {clock_text(in_step)} of {step.planned_minutes}:00"]
        else:
            parts += [f"  {clock_text(in_step)}"]
        if step.detail:
            parts += ["\n", lit(step.detail.replace("\n", " · "), "dim")]
        if position + 1 < len(steps):
            parts += [
                "\n",
                ("Next: ", "dim"),
                lit(steps[position + 1].title, "dim"),
                ("  (])", "dim"),
            ]
        self._update("#live-steps", join(*parts))

    # Keys ---------------------------------------------------------------------------

    def _focus_changed(self, focused: object) -> None:
        self._show_keys()

    def _show_keys(self) -> None:
        """The key bar: the letter keys, or the function keys while typing notes."""
        running = self.state is not None and self.state.running
        labels = {"start_pause": "Pause" if running else "Start"}
        if isinstance(self.focused, NotesEditor):
            typing = sorted(
                (action for action in LIVE_ACTIONS if action.typing_key),
                key=lambda action: int(str(action.typing_key).removeprefix("f")),
            )
            pairs = [
                (str(a.typing_key).upper(), labels.get(a.id, a.footer or a.name)) for a in typing
            ]
            pairs.append(("esc", "Leave notes"))
        else:
            pairs = [
                (a.key_display or str(a.key).split(",")[0], labels.get(a.id, a.footer or ""))
                for a in LIVE_ACTIONS
                if a.footer and a.id not in KEYS_IN_HELP_ONLY
            ]
            pairs += [("1–9", "Queue"), ("?", "Help")]
        self.query_one(KeyBar).show(pairs)

    # Timer actions ------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.app.backend.now()

    def _current_id(self) -> int | None:
        current = self.state.current if self.state else None
        return current.item_id if current else None

    def action_start_pause(self) -> None:
        from facilitator.services.live import start_or_pause

        now, backend = self._now(), self.app.backend
        self.submit(lambda: start_or_pause(backend.db, meeting_id=self.meeting_id, now=now))

    def action_next_item(self) -> None:
        self._move(+1)

    def action_previous_item(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        """Show the next or previous item at once, then store the move: keys typed
        straight after n (or F4) belong to the item moved to."""
        from facilitator.services.live import move_to_item

        state = self.state
        if state is None or not state.items:
            return
        target = state.current_index + step
        if not 0 <= target < len(state.items):
            said = (
                "This is the last item of the agenda; x ends the meeting and goes to closure."
                if step > 0
                else "This is the first item of the agenda."
            )
            self.app.notify(said, markup=False)
            return
        for editor in self.query(NotesEditor):
            editor.flush()
        self._show(replace(state, current_item_id=state.items[target].item_id))
        now, backend = self._now(), self.app.backend
        self.submit(
            lambda: move_to_item(backend.db, meeting_id=self.meeting_id, step=step, now=now)
        )

    def action_extend(self) -> None:
        self._adjust(60)

    def action_shorten(self) -> None:
        self._adjust(-60)

    def _adjust(self, seconds: int) -> None:
        from facilitator.services.live import adjust_item_time

        item_id = self._current_id()
        if item_id is None:
            return
        now, backend = self._now(), self.app.backend
        self.submit(lambda: adjust_item_time(backend.db, item_id=item_id, seconds=seconds, now=now))

    def action_change_time(self) -> None:
        from facilitator.services.live import adjust_item_time

        item_id = self._current_id()
        if item_id is None:
            return
        backend = self.app.backend

        def save(values: Values) -> object:
            minutes = live_forms.signed_minutes(values, low=-600, high=600)
            return adjust_item_time(
                backend.db, item_id=item_id, seconds=minutes * 60, now=backend.now()
            )

        fields = live_forms.minutes_fields(
            "Minutes to add", "5", help="A minus sign takes minutes off: -3."
        )
        self._form("Extend or shorten the item", fields, save)

    def action_set_warning(self) -> None:
        from facilitator.services.live import set_warning

        backend = self.app.backend
        current = str(self.state.warning_seconds // 60) if self.state else "2"

        def save(values: Values) -> object:
            minutes = live_forms.signed_minutes(values, low=0, high=60)
            set_warning(
                backend.db, meeting_id=self.meeting_id, seconds=minutes * 60, now=backend.now()
            )
            return minutes

        fields = live_forms.minutes_fields(
            "Warn this many minutes before the end", current, help="0 turns the warning off."
        )
        self._form("Warning time", fields, save)

    def action_step_next(self) -> None:
        self._step(+1)

    def action_step_previous(self) -> None:
        self._step(-1)

    def _step(self, offset: int) -> None:
        from facilitator.services.live import set_step

        state = self.state
        current = state.current if state else None
        if state is None or current is None:
            return
        steps = state.plan.agenda[state.current_index].steps
        position = current.current_step + offset
        if not steps or not 0 <= position < len(steps):
            return
        now, backend = self._now(), self.app.backend
        self.submit(
            lambda: set_step(backend.db, item_id=current.item_id, position=position, now=now)
        )

    # Recorder -----------------------------------------------------------------------

    def action_notes(self) -> None:
        item_id = self._current_id()
        editor = self._editor(item_id) if item_id is not None else None
        if editor is not None:
            # At once, not on the next turn of the loop (as `focus()` does): the keys
            # typed straight after m must land in the notes, not run meeting keys.
            self.set_focus(editor)

    def action_action_item(self) -> None:
        from facilitator.services.captures import add_action_item

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return

        def save(values: Values) -> object:
            return add_action_item(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                what=str(values["what"]),
                owner=str(values["owner"]),
                due=str(values["due"]),
                now=backend.now(),
                tz=backend.tz,
            )

        self._form("Action item", live_forms.action_fields(state.room), save, "Action item saved.")

    def action_parking_lot(self) -> None:
        from facilitator.services.captures import add_parking_lot_item

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return

        def save(values: Values) -> object:
            return add_parking_lot_item(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                text=str(values["text"]),
                raised_by=str(values["raised_by"]),
                now=backend.now(),
            )

        self._form("Parking lot", live_forms.parking_fields(state.room), save, "Parked.")

    def action_takeaway(self) -> None:
        from facilitator.services.captures import add_takeaway

        backend = self.app.backend

        def save(values: Values) -> object:
            return add_takeaway(
                backend.db, meeting_id=self.meeting_id, text=str(values["text"]), now=backend.now()
            )

        self._form("Key take-away", live_forms.takeaway_fields(), save, "Take-away saved.")

    def action_decision(self) -> None:
        from facilitator.services.captures import add_decision

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return
        title = state.plan.agenda[state.current_index].title if state.plan.agenda else ""

        def save(values: Values) -> object:
            return add_decision(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                question=str(values["question"]),
                method=str(values["method"]),
                outcome=str(values["outcome"]),
                now=backend.now(),
            )

        fields = live_forms.decision_fields(title, backend.pack)
        self._form("Decision", fields, save, "Decision saved.")

    # Facilitator ---------------------------------------------------------------------

    def action_norms(self) -> None:
        from facilitator.ui.modals.form import ConfirmModal

        if self.state is None:
            return

        def answered(check: bool | None) -> None:
            if check:
                self.action_norms_check()

        card = ConfirmModal(live_forms.norms_card(self.state.room), yes="Norms check", default=True)
        self.app.push_screen(card, answered)

    def action_norms_check(self) -> None:
        from facilitator.services.captures import Rating, record_norms_check
        from facilitator.ui.modals.norms_check import NormsCheckModal

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return
        if not state.room.norms:
            self.app.notify("The team has no norms to check yet.", markup=False)
            return
        norms = state.room.norms

        def save(values: Values) -> object:
            ratings = [
                Rating(norm.id, str(values[f"reading-{norm.id}"]), str(values[f"note-{norm.id}"]))
                for norm in norms
                if values[f"reading-{norm.id}"]
            ]
            return record_norms_check(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                ratings=ratings,
                now=backend.now(),
            )

        self._show_form(NormsCheckModal(norms, save, title="Norms check"), "Norms check recorded.")

    def action_process_check(self) -> None:
        from facilitator.services.captures import record_process_check

        item_id, backend = self._current_id(), self.app.backend

        def save(values: Values) -> object:
            return record_process_check(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                progress=str(values["progress"]),
                everyone_in=str(values["everyone_in"]),
                note=str(values["note"]),
                now=backend.now(),
            )

        fields = live_forms.process_check_fields()
        intro = live_forms.process_check_intro(backend.pack)
        self._form("Process check", fields, save, "Process check recorded.", intro=intro)

    def action_time_out(self) -> None:
        from facilitator.services.captures import start_time_out

        state, backend = self.state, self.app.backend
        if state is None:
            return
        if state.room.time_out_id is not None:
            self._time_out_card(state.room.time_out_id, resume=True)
            return
        now, item_id, running = self._now(), self._current_id(), state.running

        def started(time_out_id: object) -> None:
            if isinstance(time_out_id, int):
                self._time_out_card(time_out_id, resume=running)

        self.submit(
            lambda: start_time_out(
                backend.db, meeting_id=self.meeting_id, item_id=item_id, now=now
            ),
            started,
        )

    def _time_out_card(self, time_out_id: int, *, resume: bool) -> None:
        from facilitator.services.captures import end_time_out

        backend = self.app.backend

        def save(values: Values) -> object:
            end_time_out(
                backend.db,
                time_out_id=time_out_id,
                note=str(values["note"]),
                resume=bool(values["resume"]),
                now=backend.now(),
            )
            return time_out_id

        card = live_forms.time_out_card(backend.pack)
        intro = "The clock is paused. escape keeps the time-out going and this card closes."
        self._form(
            "Time-out",
            live_forms.time_out_fields(resume),
            save,
            "Time-out ended.",
            intro=intro,
            outro=card,
            save_label="End time-out",
        )

    def action_queue_number(self, number: int | None = None) -> None:
        from facilitator.services.captures import leave_queue, queue_speaker

        state = self.state
        if state is None:
            return
        if number is None:
            self.action_queue_speaker()
            return
        members = state.room.members
        if not 1 <= number <= len(members):
            return
        member = members[number - 1]
        now, item_id, backend = self._now(), self._current_id(), self.app.backend
        if member.queued:
            self.submit(
                lambda: leave_queue(
                    backend.db, meeting_id=self.meeting_id, member_id=member.member_id, now=now
                )
            )
            return
        self.submit(
            lambda: queue_speaker(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                member_id=member.member_id,
                now=now,
            )
        )

    def action_queue_speaker(self) -> None:
        from facilitator.services.captures import queue_speaker

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return
        members = {m.name.casefold(): m.member_id for m in state.room.members}

        def save(values: Values) -> object:
            name = " ".join(str(values["name"]).split())
            member_id = members.get(name.casefold())
            if member_id is None:
                raise InvalidInput({"name": f"{name or 'That'} is not on the speakers list."})
            return queue_speaker(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                member_id=member_id,
                now=backend.now(),
            )

        fields = [
            Field(
                "name",
                "Who wants the floor",
                suggestions=live_forms.member_names(state.room),
                help="Type a few letters, then → to complete.",
            )
        ]
        self._form("Speaker queue", fields, save, save_label="Add to queue")

    def action_next_speaker(self) -> None:
        from facilitator.services.captures import next_speaker

        now, backend = self._now(), self.app.backend

        def said(member_id: object) -> None:
            room = self.state.room if self.state else None
            if member_id is None or room is None:
                self.app.notify("The speaker queue is empty.", markup=False)
            else:
                self.app.notify(f"{room.name_of(int(str(member_id)))} has the floor.", markup=False)

        self.submit(lambda: next_speaker(backend.db, meeting_id=self.meeting_id, now=now), said)

    # Forms ---------------------------------------------------------------------------

    def _form(
        self,
        title: str,
        fields: list[Field],
        save: Callable[[Values], object],
        saved: str | None = None,
        **options: Any,
    ) -> None:
        self._show_form(FormModal(title, fields, save, **options), saved)

    def _show_form(self, form: FormModal[object], saved: str | None) -> None:
        def closed(result: object) -> None:
            if result is not None and saved:
                self.app.notify(saved, markup=False)
            self.load()

        self.app.push_screen(form, closed)

    def action_end_meeting(self) -> None:
        """Stop the clock, date the end, and swap this screen for the closure steps."""
        from facilitator.services.closure import end_meeting
        from facilitator.ui.screens.closure import ClosureScreen

        for editor in self.query(NotesEditor):
            editor.flush()
        now, backend = self._now(), self.app.backend

        def to_closure(_: object) -> None:
            self.app.switch_screen(ClosureScreen(self.meeting_id))

        self.submit(
            lambda: end_meeting(backend.db, meeting_id=self.meeting_id, now=now), to_closure
        )

    def action_back(self) -> None:
        for editor in self.query(NotesEditor):
            editor.flush()
        self.dismiss()


def _lines(lines: list[Any]) -> list[Any]:
    """`lines` with a newline between each."""
    joined: list[Any] = []
    for line in lines:
        if joined:
            joined.append("\n")
        joined.append(line)
    return joined
