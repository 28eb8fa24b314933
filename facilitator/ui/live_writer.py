"""The live screen's writes: one background thread, in the order they were asked for.

Every key of the live screen is saved when it is pressed, off the event loop, so no key
waits for the database. After each write the meeting is read back and posted to the
screen (`LiveLoaded`); only the reading that follows the latest write is shown, so a
slow reply never undoes what the screen already shows.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message

from facilitator.errors import DatabaseUnavailableError, FacilitatorError

if TYPE_CHECKING:
    from textual.screen import Screen

    from facilitator.services.checkpoint import LogPacer
    from facilitator.services.live import LiveState
    from facilitator.ui.app import FacilitatorApp


HELD_RETRY_SECONDS = 1.0
"""How often notes held while the database was away are tried again."""

NoteSaved = Callable[[datetime | None, str], None]
"""Told on the event loop when a note was saved (at, and the notes as stored, which
may hold another window's lines merged in), or held (None, and the text held)."""


HeldNote = tuple[str, "str | None", NoteSaved]
"""A note save: the text, the notes it was typed over (`save_note`'s base), and whom to
tell."""


class NotesHeld(FacilitatorError):
    """The notes could not be saved: the database cannot be reached."""

    severity = "warning"

    def __init__(self, error: DatabaseUnavailableError) -> None:
        super().__init__(
            f"{error.sentence.split(';')[0]}; your notes are kept in this window and saved "
            "as soon as the database answers again."
        )


class DatabaseBack(FacilitatorError):
    """Not a failure: the notes held while the database was away are saved."""

    severity = "information"

    def __init__(self) -> None:
        super().__init__("The database answers again; the notes kept meanwhile are saved.")


class LiveLoaded(Message):
    """The meeting as stored after write number `number`."""

    def __init__(
        self,
        state: LiveState,
        number: int,
        stamp: tuple[int, ...] | None = None,
        notes_saved: int = 0,
    ) -> None:
        super().__init__()
        self.state = state
        self.number = number
        """Which write it follows: only the latest write's reading is shown."""
        self.stamp = stamp
        """The database's change stamp taken just before the reading: every commit it
        counts is in `state`."""
        self.notes_saved = notes_saved
        """How many of this window's note saves were made before the reading: when
        that is all it asked for, the notes in `state` are no older than the editor's."""


class Later(Message):
    """Run `callback(*arguments)` on the event loop. Posted from the write thread, which
    never waits for the loop (so leaving the screen can wait for the writes)."""

    def __init__(self, callback: Callable[..., object], *arguments: object) -> None:
        super().__init__()
        self.callback = callback
        self.arguments = arguments


class LiveWriter:
    """Runs the writes of meeting `meeting_id` for `screen`, one after the other.

    Failures come back on the event loop: a `FacilitatorError` to `failed`, anything
    else to the app's crash handler (shown, never swallowed)."""

    def __init__(
        self,
        screen: Screen[None],
        meeting_id: int,
        failed: Callable[[FacilitatorError], None],
    ) -> None:
        self.screen = screen
        self.meeting_id = meeting_id
        self.failed = failed
        self.asked = 0
        """How many writes were asked for: the number of the latest."""
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-writes")
        self._last: Future[None] | None = None
        self._log: LogPacer | None = None
        """Paces checkpoints of the notes' writes; made on the first save."""
        self.notes_asked = 0
        """Note saves asked for (on the event loop)."""
        self.notes_saved = 0
        """Note saves made (on the write thread)."""
        self.held: dict[int, HeldNote] = {}
        """Notes that could not be saved because the database could not be reached,
        the latest text of each item (touched on the write thread only)."""
        self._retrying = False
        self._tried = 0.0
        """When (monotonic seconds) the held notes were last tried again."""
        self.seen: tuple[int, ...] | None = None
        """The change stamp (`Backend.change_stamp`) of the database as this screen
        shows it: when the file's stamp moves past it, another window has saved
        something (see `LiveScreen.follow_other_windows`)."""

    @property
    def app(self) -> FacilitatorApp:
        return self.screen.app  # type: ignore[return-value]

    def _post(self, callback: Callable[..., object], *arguments: object) -> None:
        self.screen.post_message(Later(callback, *arguments))

    def submit(
        self, work: Callable[[], object], then: Callable[[object], None] | None = None
    ) -> None:
        """Run `work` after every earlier write, then read the meeting back and post it;
        `then` gets `work`'s result on the event loop."""
        self.asked += 1
        number = self.asked
        backend, screen = self.app.backend, self.screen

        def run() -> None:
            from facilitator.services.live import live_state

            try:
                result = work()
                notes_saved = self.notes_saved
                stamp = backend.change_stamp()
                state = live_state(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
            except FacilitatorError as error:
                self._post(self.failed, error)
                return
            except Exception as error:  # shown as a crash, never swallowed
                self._post(self.app.crash, error)
                return
            screen.post_message(LiveLoaded(state, number, stamp, notes_saved))
            if then is not None:
                self._post(then, result)

        self._last = self._pool.submit(run)

    def save_note(self, item_id: int, text: str, base: str | None, saved: NoteSaved) -> None:
        """Store the notes of item `item_id` (merged with another window's if the stored
        notes are no longer `base`); `saved` runs on the event loop after (with None when
        the database could not be reached: the text is held, see `retry_held`). No
        reading follows: the screen already shows what was typed."""
        now = self.app.backend.now()
        self.notes_asked += 1

        def run() -> None:
            try:
                self._save_note(item_id, (text, base, saved), now)
            finally:
                self.notes_saved += 1

        self._last = self._pool.submit(run)

    def retry_held(self) -> None:
        """Save again the notes held while the database could not be reached (called at
        every look for other windows' saves; tries at most once a second, by the
        clock); nothing is lost meanwhile, and once the database answers they are saved
        on the next try."""
        if not self.held or self._retrying:
            return
        moment = time.monotonic()
        if moment - self._tried < HELD_RETRY_SECONDS:
            return
        self._tried = moment
        self._retrying = True
        now = self.app.backend.now()

        def run() -> None:
            try:
                for item_id, held in list(self.held.items()):
                    if not self._save_note(item_id, held, now):
                        return
                self._post(self.failed, DatabaseBack())
            finally:
                self._retrying = False

        self._last = self._pool.submit(run)

    def _save_note(self, item_id: int, note: HeldNote, now: datetime) -> bool:
        """One note save, on the write thread: True when it was stored."""
        from facilitator.services.checkpoint import LogPacer, pages_for_note
        from facilitator.services.live import save_note

        backend = self.app.backend
        text, base, saved = note
        try:
            before = backend.change_stamp()
            stored = save_note(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                body=text,
                now=now,
                base=base,
            )
        except DatabaseUnavailableError as error:
            if not self.held:  # once per outage
                self._post(self.failed, NotesHeld(error))
            self.held[item_id] = note
            self._post(saved, None, text)
            return False
        except FacilitatorError as error:
            self._post(self.failed, error)
            return False
        except Exception as error:
            self._post(self.app.crash, error)
            return False
        if self.held.get(item_id, (text,))[0] == text:
            self.held.pop(item_id, None)
        if before == self.seen:
            # Nobody else had saved: the stamp moved for this save alone, which the
            # screen shows already (no reading needed).
            self.seen = backend.change_stamp()
        self._post(saved, now, stored)
        # The recorder has paused: a good moment to move the log into the file.
        self._log = self._log or LogPacer(backend.db)
        self._log.wrote(pages_for_note(text))
        return True

    async def done(self) -> None:
        """Wait until every write asked for so far has been made (tests)."""
        while self._last is not None and not self._last.done():
            await asyncio.wrap_future(self._last)
        await asyncio.sleep(0)

    def shutdown(self) -> None:
        """Finish the writes asked for; no more are taken."""
        self._pool.shutdown(wait=True)
