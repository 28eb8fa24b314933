"""The recorder's notes for one agenda item: a multi-line editor that saves itself.

A save is asked for after a short pause in typing, and never later than about half a
second after the first unsaved key, when the editor loses focus, and when it goes away.
The save itself (`save`, given by the screen) runs off the event loop, so no key waits
for the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Self

from textual.binding import Binding
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, WrappedDocument

from facilitator.ui.actions import UiAction
from facilitator.ui.live_actions import LIVE_ACTIONS

PAUSE_SECONDS = 0.3
"""A save follows this long a pause in typing..."""
LONGEST_WAIT_SECONDS = 0.6
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


class NotesWrapping(WrappedDocument):
    """Textual's wrapped document, its height read from the wrapped lines' table."""

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)


class NotesEditor(TextArea):
    """The notes of agenda item `item_id` (None: none yet); `save` is called with each
    new version. `show_item` moves it to another item's notes."""

    BINDINGS = [
        # Priority, like the meeting keys: leaving takes effect before the next key
        # arrives, so "escape o" opens the norms rather than typing an o.
        Binding("escape", "leave", "Leave notes", show=False, priority=True),
        *typing_bindings(LIVE_ACTIONS),
    ]

    def __init__(self, save: NoteSaver, *, id: str) -> None:
        super().__init__("", id=id, soft_wrap=True, tab_behavior="focus")
        self.item_id: int | None = None
        self.save = save
        self.version = 0
        self.saved_version = 0
        self._first_unsaved = 0.0
        self._timer: Timer | None = None

    @property
    def unsaved(self) -> bool:
        return self.version > self.saved_version

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        # Its height was a sum over every line of the notes, asked for several times a
        # key; the table of wrapped lines it keeps beside has that length already.
        self.wrapped_document.__class__ = NotesWrapping

    def show_item(self, item_id: int, text: str, cursor: tuple[int, int]) -> None:
        """Hold item `item_id`'s notes, `text`, with the cursor at `cursor` (the notes
        held so far are handed to `save` first, if changed)."""
        self.flush()
        self.item_id = item_id
        # As `load_text`, without its Changed message: loading is not typing.
        self.history.clear()
        self._set_document(text, self.language)
        self.update_suggestion()
        self.move_cursor(cursor)

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
        if self.unsaved and self.item_id is not None:
            self.saved_version = self.version
            self.save(self.item_id, self.text, self.version)

    def on_blur(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()

    # Typing speed ---------------------------------------------------------------------
    #
    # Textual's TextArea, soft-wrapped, redraws every visible line on each key (its line
    # cache is cleared at every edit and keyed on the whole selection), and a line that
    # wraps or unwraps changes its scrollable height, which lays out the whole screen.
    # Notes are plain text (no syntax highlighting), so a line's drawing depends only on
    # its own text and wrapping, the cursor or selection on it, and the editor's
    # settings: keyed on those, only the line typed on is drawn again, and a new height
    # updates the scrollbar without a layout of the screen.

    _theme_styled = False
    """Whether the editor's theme holds its current CSS (see `render_lines`)."""

    def notify_style_update(self) -> None:
        self._theme_styled = False
        super().notify_style_update()

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        self._theme_styled = False  # a new theme object, without the CSS yet

    def render_lines(self, crop: Region) -> list[Strip]:
        # Textual's TextArea copies its CSS into its theme before every repaint, about a
        # millisecond a key; it changes only when the styles do (Textual says so with
        # `notify_style_update`, which its own line cache relies on too).
        theme = self._theme
        if theme is not None and not self._theme_styled:
            theme.apply_css(self)
            self._theme_styled = True
        return super(TextArea, self).render_lines(crop)

    def _build_highlight_map(self) -> None:
        if self._highlight_query:
            super()._build_highlight_map()
        else:
            self._highlights.clear()  # the cache stays: its keys hold each line's text

    def render_line(self, y: int) -> Strip:
        key = self._line_key(y)
        if key is None:
            return super().render_line(y)
        cached = self._line_cache.get(key)
        if cached is None:
            cached = self._line_cache[key] = self._render_line(y)
        return cached

    def _line_key(self, y: int) -> tuple[object, ...] | None:
        """What line `y` of the editor looks like depends on; None: ask Textual's own."""
        if self._highlight_query or (not self.text and self.placeholder):
            return None
        scroll_x, scroll_y = self.scroll_offset
        wrapped = self.wrapped_document
        try:
            row, section = wrapped._offset_to_line_info[scroll_y + y]
        except IndexError:
            return None
        selection = self.selection
        top, bottom = sorted(selection)
        cursor_row = selection.end[0]
        on_row = cursor_row == row or (
            selection.start != selection.end and top[0] <= row <= bottom[0]
        )
        return (
            self.size,
            scroll_x,
            row,
            section,
            self.document[row],
            tuple(wrapped.get_offsets(row)),
            (selection, self._draw_cursor, self.suggestion) if on_row else None,
            self.has_focus,
            self.theme,
            self._matching_bracket_location,
            self.match_cursor_bracket,
            self.show_line_numbers,
            self.highlight_cursor_line,
            self.read_only,
            self.show_cursor,
        )

    _typing = False
    """True inside an edit of one line: a repaint of the whole editor is held back."""
    _held = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._typing and not (regions or layout or recompose):
            self._held = True  # see `edit`
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def edit(self, edit: Edit) -> EditResult:
        """Make the edit; a key typed within one line repaints that line, not the editor.

        (Textual repaints the whole editor when the cursor moves, and every key moves
        it.) Anything more (a new line, a paste, the editor scrolling or growing a
        line) repaints the whole editor as before."""
        one_line = edit.top[0] == edit.bottom[0] and "\n" not in edit.text
        before = (self.scroll_offset, self.virtual_size, self.selection.end[0])
        self._typing = one_line
        try:
            result = super().edit(edit)
        finally:
            self._typing = False
        if self._held:
            self._held = False
            after = (self.scroll_offset, self.virtual_size, self.selection.end[0])
            if before == after and after[2] == edit.top[0]:
                offsets = self.wrapped_document._line_index_to_offsets[edit.top[0]]
                self.refresh_lines(offsets[0], len(offsets))
            else:
                super().refresh()
        return result

    def _refresh_size(self) -> None:
        if not self.soft_wrap:
            super()._refresh_size()
            return
        size = Size(0, self.wrapped_document.height)
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)  # a scrollbar shown or hidden still lays out
            self.refresh()
        else:
            self._refresh_scrollbars()

    def action_leave(self) -> None:
        self.screen.set_focus(None)

    def action_meeting(self, action_id: str) -> None:
        """A meeting key pressed while typing: run the screen's action."""
        self.screen.call_later(getattr(self.screen, f"action_{action_id}"))
