"""Screens that show what the database holds now, also when they come back into view.

A screen covered by another (a form, the closure steps, the minutes) may be shown again
after things it shows were saved: closing a meeting from its closure steps, correcting
minutes already sent, ticking an action item done. Each screen here reads its data in a
thread worker (`load`). `FreshScreen` remembers what the database looked like when that
reading started, and reads again

- when it is shown again, if something was saved since (by this window or, on a SQLite
  file, another process) or the reading is old enough for its time words ("due within
  47 h") to have moved;
- while it is the screen on top, when this window saves something (the app passes on
  the backend's `DataSaved` signal), so a save that lands after the screen came back
  (escape pressed right after ctrl+s) is shown too.

A modal closed with nothing saved (help, the palette, a cancelled form) costs no reading
and no re-render. Screens that are not `FreshScreen`s (the live screen keeps its own
state, the library is static) are left alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

ResultT = TypeVar("ResultT")

STALE_AFTER = timedelta(minutes=1)
"""A reading older than this is renewed when the screen comes back, saved to or not."""


class DataSaved(Message):
    """This window committed something to the database (posted from any thread)."""

    def can_replace(self, message: Message) -> bool:
        # A burst of saves needs one look, not one each.
        return isinstance(message, DataSaved)


class FreshScreen(Screen[ResultT]):
    """A screen that reads again when what it shows may have changed.

    Subclasses start their reading in `load` (a thread worker) and call `reload()`,
    never `load()` directly, to read: `reload` notes the state of the database first,
    so a reading already under way for that state is not asked for again.
    """

    app: FacilitatorApp

    _read_version: object = None
    _read_at: datetime | None = None

    def load(self) -> object:
        """Start reading the screen's data in a worker (each screen says how)."""
        # An abstract hook every subclass defines; abc's metaclass clashes with Textual's.
        raise NotImplementedError

    def reload(self) -> None:
        """Read the screen's data again (what to show changed, or the data did)."""
        backend = self.app.backend
        self._read_version = backend.data_version()
        self._read_at = backend.now()
        self.load()

    def reload_if_changed(self) -> None:
        """Read again if anything was saved since the last reading started."""
        if self.data_changed():
            self.reload()

    def data_changed(self) -> bool:
        """Whether anything was saved since the last reading started (False before the
        first reading: it is on its way)."""
        if self._read_at is None:
            return False
        return self.app.backend.data_version() != self._read_version

    def is_stale(self) -> bool:
        """Whether what the screen shows may no longer be so: changed, or old."""
        if self._read_at is None:
            return False
        return self.data_changed() or self.app.backend.now() - self._read_at > STALE_AFTER

    @on(events.ScreenResume)
    def _read_again_if_stale(self) -> None:
        if self.is_stale():
            self.reload()
