"""The recorder's notes for one agenda item: a multi-line editor that saves itself.

A save is asked for after a short pause in typing, and never later than about a second
after the first unsaved key, when the editor loses focus, and when it goes away. The
save itself (`save`, given by the screen) runs off the event loop, so no key waits for
the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import TextArea

from facilitator.ui.actions import UiAction
from facilitator.ui.live_actions import LIVE_ACTIONS

PAUSE_SECONDS = 0.4
"""A save follows this long a pause in typing..."""
LONGEST_WAIT_SECONDS = 0.9
"""...or this long after the first unsaved change, whichever is first."""

NoteSaver = Callable[[int, str, int], None]
"""save(item_id, text, version): store the text (off the event loop)."""


def typing_bindings(actions: tuple[UiAction, ...]) -> list[Binding]:
    """The function keys that run meeting actions while the editor has focus."""
    return [
        Binding(
            action.typing_key,
            f"meeting('{action.id}')",
            action.footer or action.name,
            show=False,
            priority=True,
        )
        for action in actions
        if action.typing_key
    ]


class NotesEditor(TextArea):
    """The notes of agenda item `item_id`; `save` is called with each new version."""

    BINDINGS = [
        # Priority, like the meeting keys: leaving takes effect before the next key
        # arrives, so "escape o" opens the norms rather than typing an o.
        Binding("escape", "leave", "Leave notes", show=False, priority=True),
        *typing_bindings(LIVE_ACTIONS),
    ]

    def __init__(self, item_id: int, text: str, save: NoteSaver, *, id: str) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus")
        self.item_id = item_id
        self.save = save
        self.version = 0
        self.saved_version = 0
        self._first_unsaved = 0.0
        self._timer: Timer | None = None

    @property
    def unsaved(self) -> bool:
        return self.version > self.saved_version

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is not self:
            return
        self.version += 1
        now = time.monotonic()
        if self._timer is None:
            self._first_unsaved = now
            self._timer = self.set_timer(PAUSE_SECONDS, self.flush)
        elif now - self._first_unsaved + PAUSE_SECONDS <= LONGEST_WAIT_SECONDS:
            self._timer.reset()

    def flush(self) -> None:
        """Hand the current text to `save` if it changed since the last save."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.unsaved:
            self.saved_version = self.version
            self.save(self.item_id, self.text, self.version)

    def on_blur(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()

    def action_leave(self) -> None:
        self.screen.set_focus(None)

    def action_meeting(self, action_id: str) -> None:
        """A meeting key pressed while typing: run the screen's action."""
        self.screen.call_later(getattr(self.screen, f"action_{action_id}"))
