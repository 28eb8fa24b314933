"""The recorder's notes on the live screen: one editor per agenda item, the current
item's shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ContentSwitcher

from facilitator.ui.literal import lit
from facilitator.ui.widgets.notes_editor import NoteSaver, NotesEditor

if TYPE_CHECKING:
    from facilitator.services.live import LiveState


class NotesSwitcher(ContentSwitcher):
    """Every item's `NotesEditor`, all mounted at once (so moving on never waits for one
    to be made); the current item's is shown."""

    def __init__(self, save: NoteSaver, *, id: str) -> None:
        super().__init__(id=id)
        self.save = save

    def editor(self, item_id: int) -> NotesEditor | None:
        found = self.query(f"#notes-{item_id}")
        editor = found.first() if found else None
        return editor if isinstance(editor, NotesEditor) else None

    def flush(self) -> None:
        """Hand every editor's unsaved text to `save`."""
        for editor in self.query(NotesEditor):
            editor.flush()

    def show(self, state: LiveState) -> bool:
        """Show the current item's notes; True when that is another editor than before."""
        missing = [item for item in state.items if self.editor(item.item_id) is None]
        if missing:
            editors = [
                NotesEditor(item.item_id, item.note, self.save, id=f"notes-{item.item_id}")
                for item in missing
            ]
            for hidden in editors:
                hidden.display = False  # the switcher shows the current one
            self.mount_all(editors)
        current = state.current
        if current is None:
            return False
        editor_id = f"notes-{current.item_id}"
        moved = self.current != editor_id
        if moved:
            self.current = editor_id
        shown = self.editor(current.item_id)
        if shown is not None:
            shown.border_title = lit(f"Notes · {state.plan.agenda[state.current_index].title}")
        return moved
