"""The select of the forms: starts on a real choice, and its list stays in the form."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectOverlay

LIST_BORDER = 2
"""The open list's border, top and bottom."""
SHOWN_AT_MOST = 10
"""Choices the open list shows before it scrolls (Textual's own stops at 12 rows)."""
SMALLEST_LIST = 3
"""Rows the open list keeps even where the form has less room (one choice in view)."""


class FormSelect(Select[str]):
    """A select that, opened with nothing chosen, highlights its first choice rather
    than the blank one: enter, enter picks something, as a keyboard user expects
    (Textual's own starts on the blank, so a decision was saved with no method).

    Its open list stays inside the form's box: Textual lays it over the screen below
    the select, so a select near the bottom of a form at 80x24 drew its list over the
    form's border and the footer. Opening it scrolls the form up as far as needed and
    can, then keeps the list to the room left under the select."""

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        if not expanded:
            return
        if self.value is Select.NULL and len(self._options) > 1:
            self.query_one(OptionList).highlighted = 1  # the overlay; 0 is the blank
        self._fit_list()

    def _fit_list(self) -> None:
        frame = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if frame is None or not self.region:
            return
        overlay = self.query_one(SelectOverlay)
        wanted = min(overlay.option_count, SHOWN_AT_MOST) + LIST_BORDER
        room = frame.content_region.bottom - self.region.bottom
        if room < wanted:
            moved = min(wanted - room, max(frame.max_scroll_y - round(frame.scroll_y), 0))
            if moved:
                frame.scroll_to(y=frame.scroll_y + moved, animate=False, immediate=True)
                room += moved
        overlay.styles.max_height = max(min(room, wanted), SMALLEST_LIST)
