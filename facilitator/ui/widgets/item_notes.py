"""The recorder's notes on the live screen: one editor, holding the current item's notes.

One editor serves every item: moving on hands its text to the save and loads the next
item's. (An editor per item, all mounted, made each return from a form restyle all of
them, some 3 ms each, with the event loop held.) What each item held when it was left,
its cursor and when it was last saved are kept here, so coming back finds them as left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets.text_area import Location

from facilitator.ui.literal import lit
from facilitator.ui.widgets.notes_editor import NoteSaver, NotesEditor

if TYPE_CHECKING:
    from facilitator.services.live import LiveState


class ItemNotes(Container):
    """The notes editor, showing the current item's notes (hidden while there is none)."""

    def __init__(
        self, save: NoteSaver, *, id: str, left: Callable[[], object] | None = None
    ) -> None:
        super().__init__(id=id)
        self.save = save
        self.left = left
        """Called when the editor loses focus (after it has handed its text to `save`):
        the live screen reads the meeting again, so notes another window saved while
        this one typed (merged by this window's save, see `_bases`) show now."""
        self._texts: dict[int, str] = {}
        self._cursors: dict[int, Location] = {}
        self._saved: dict[int, str] = {}
        self._bases: dict[int, str] = {}
        """What this window last had of each item's stored notes: a save merges with
        another window's if the stored notes are no longer that (see
        `facilitator.domain.notes_merge`)."""
        self.follow = False
        """Whether the next `show` may take notes another window saved: set for a
        reading made after every note save this window asked for."""

    def compose(self) -> ComposeResult:
        editor = NotesEditor(self.save, id="live-notes-editor")
        editor.display = False
        yield editor

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        if self.left is not None:
            self.left()

    @property
    def shown(self) -> NotesEditor:
        return self.query_one(NotesEditor)

    def editor(self, item_id: int) -> NotesEditor | None:
        """The editor, if it holds item `item_id`'s notes."""
        found = self.query(NotesEditor)
        editor = found.first() if found else None
        return editor if editor is not None and editor.item_id == item_id else None

    def flush(self) -> None:
        """Hand the editor's unsaved text to `save`."""
        for editor in self.query(NotesEditor):
            editor.flush()

    def saved(self, item_id: int, label: str) -> None:
        """Item `item_id`'s notes were saved: `label` says when."""
        self._saved[item_id] = label
        editor = self.editor(item_id)
        if editor is not None:
            editor.border_subtitle = label

    def base(self, item_id: int) -> str | None:
        """The stored notes this window's text for the item was typed over."""
        return self._bases.get(item_id)

    def stored(self, item_id: int, sent: str, stored: str) -> None:
        """Item `item_id`'s notes were stored as `stored` for the `sent` text: when
        another window's lines were merged in after it, they are added here too, at
        the end, without moving the cursor."""
        self._bases[item_id] = stored
        if stored == sent or not stored.startswith(sent):
            return
        merged = stored[len(sent) :]
        editor = self.editor(item_id)
        if editor is not None:
            where = editor.selection  # typing goes on where it was
            editor.insert(merged, editor.document.end)
            editor.selection = where
        elif item_id in self._texts:
            self._texts[item_id] += merged

    def _take_saved(self, state: LiveState, editor: NotesEditor) -> None:
        """Take the notes as saved, which may be another window's: every item left
        here was saved before this reading, so the reading's notes win over what was
        kept of them; the item on screen takes them too unless its editor has focus or
        holds unsaved text (then what is typed there wins, and is saved over them)."""
        self._texts.clear()
        current = state.current
        editing = current is not None and editor.item_id == current.item_id
        keep = editing and (editor.unsaved or editor.has_focus)
        for item in state.items:
            if not (keep and current is not None and item.item_id == current.item_id):
                self._bases[item.item_id] = item.note
        if current is not None and editing and not keep and editor.text != current.note:
            editor.show_item(current.item_id, current.note, editor.cursor_location)

    def show(self, state: LiveState) -> bool:
        """Show the current item's notes; True when the editor moved to another item."""
        editor = self.shown
        current = state.current
        editor.display = current is not None
        if current is None:
            return False
        moved = editor.item_id != current.item_id
        if self.follow:
            self._take_saved(state, editor)
        if moved:
            if editor.item_id is not None:
                editor.flush()
                self._texts[editor.item_id] = editor.text
                self._cursors[editor.item_id] = editor.cursor_location
            text = self._texts.get(current.item_id, current.note)
            self._bases.setdefault(current.item_id, current.note)
            editor.show_item(current.item_id, text, self._cursors.get(current.item_id, (0, 0)))
            editor.border_subtitle = self._saved.get(current.item_id, "")
        title = state.plan.agenda[state.current_index].title
        editor.border_title = lit(f"Notes · {title}")
        return moved
