"""What every part of the live screen shares: the meeting as last read, the write
thread, the notes, and the forms its keys open.

`LiveScreen` is put together from this base and one class per role's keys
(`live_timer`, `live_captures`, `live_room`), so each file stays small.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.ui.literal import lit
from facilitator.ui.live_writer import LiveWriter
from facilitator.ui.modals.form import Field, FormModal, Values
from facilitator.ui.widgets.item_notes import ItemNotes

if TYPE_CHECKING:
    from facilitator.services.live import LiveState
    from facilitator.ui.app import FacilitatorApp


class LiveBase(Screen[None]):
    """The live screen's shared state and helpers, for meeting `meeting_id`."""

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: LiveState | None = None
        self.writer = LiveWriter(self, meeting_id, self._failed)

    @abstractmethod
    def show_state(self, state: LiveState) -> None:
        """Draw `state` (the meeting as stored, or as it will be). Every subclass draws
        it its own way; the decorator lets the type checker hold them to it (abc's
        metaclass itself clashes with Textual's, as in `text_filtered`)."""

    # Writing ------------------------------------------------------------------------

    def submit(
        self, work: Callable[[], object], then: Callable[[object], None] | None = None
    ) -> None:
        """Run `work` on the write thread after every earlier write, then show the
        meeting as stored; `then` gets `work`'s result on the event loop."""
        self.writer.submit(work, then)

    async def writes_done(self) -> None:
        """Wait until every write asked for so far has been made and shown (tests)."""
        await self.writer.done()

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
        # Held notes warn, and their save informs (see facilitator.ui.live_writer).
        severity: SeverityLevel = getattr(error, "severity", "error")
        self.app.notify(sentence, severity=severity, markup=False)

    # The meeting --------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.app.backend.now()

    def _current_id(self) -> int | None:
        current = self.state.current if self.state else None
        return current.item_id if current else None

    @property
    def notes(self) -> ItemNotes:
        return self.query_one(ItemNotes)

    def action_notes(self) -> None:
        item_id = self._current_id()
        editor = self.notes.editor(item_id) if item_id is not None else None
        if editor is not None:
            # At once, not on the next turn of the loop (as `focus()` does): the keys
            # typed straight after m must land in the notes, not run meeting keys.
            self.set_focus(editor)

    # Forms --------------------------------------------------------------------------

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
