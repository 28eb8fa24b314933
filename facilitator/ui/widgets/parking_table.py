"""The parking-lot list's table: one row per entry, open ones first. The row key is the
entry's id."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable

from facilitator.domain.parking_lot import ParkedEntry
from facilitator.ui.actions import bindings
from facilitator.ui.literal import cell, theme_style
from facilitator.ui.parking_actions import PARKING_ACTIONS
from facilitator.ui.widgets.decision_table import log_day
from facilitator.ui.widgets.panel import PANEL

DAY = 11  # "23 Nov 2026"
STATUS = 11  # "next agenda", "action item"
RAISED_BY = 16
PADDING = 2  # a cell's padding, one each side
SCROLLBAR = 2
RAISED_BY_FROM = 40
"""The room for the entry's text from which who raised it gets a column of its own."""


class ParkingTable(DataTable[object]):
    """Date, Entry, Raised by (where it fits), Status; open entries say so in words.
    Enter opens the meeting the highlighted entry was raised in."""

    BINDINGS = bindings(PARKING_ACTIONS, scope="parking")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes=PANEL)
        self._shown: tuple[ParkedEntry, ...] | None = None
        self._widths: tuple[int, int] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(self._shown)

    def show(self, entries: Sequence[ParkedEntry]) -> None:
        """Replace the rows; the cursor stays on the highlighted entry (or, when it is
        gone, on the row where it was)."""
        keep, row = self.selected_id(), self.cursor_row
        self._shown = tuple(entries)
        widths = self._fit(self.size.width or 80)
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            text, raised_by = widths
            self.add_column("Date", key="day", width=DAY)
            self.add_column("Entry", key="text", width=text)
            if raised_by:
                self.add_column("Raised by", key="raised_by", width=raised_by)
            self.add_column("Status", key="status", width=STATUS)
        else:
            self.clear()
        open_style = theme_style(self.app.get_css_variables(), "bold $text-accent")
        for entry in entries:
            cells = [
                cell(log_day(entry.meeting_date) if entry.meeting_date else ""),
                cell(entry.text),
            ]
            if widths[1]:
                cells.append(cell(entry.raised_by))
            cells.append(cell(entry.status_label, open_style if entry.is_open else "dim"))
            self.add_row(*cells, key=str(entry.id))
        if self.row_count:
            found = keep is not None and str(keep) in self.rows
            self.move_cursor(
                row=self.get_row_index(str(keep)) if found else min(row, self.row_count - 1)
            )

    @staticmethod
    def _fit(width: int) -> tuple[int, int]:
        """(entry, raised by) widths for a table whose content is `width` cells wide;
        who raised it has no column where there is no room (the detail says it)."""
        flexible = max(width - DAY - STATUS - SCROLLBAR - 4 * PADDING, 24)
        if flexible - RAISED_BY - PADDING >= RAISED_BY_FROM:
            return flexible - RAISED_BY - PADDING, RAISED_BY
        return flexible, 0

    def selected_id(self) -> int | None:
        """The id of the entry under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None else int(key)
