"""The action-item screen's table: one row per action item, optionally under owner
headings. The row key is the action item's id; heading rows are skipped by the cursor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.coordinate import Coordinate
from textual.widgets import DataTable

from facilitator.domain.action_list import ActionEntry
from facilitator.domain.enums import ActionStatus
from facilitator.domain.text import short_day_label
from facilitator.ui.literal import cell, theme_style
from facilitator.ui.widgets.panel import PANEL

HEADING = "heading:"
"""Row keys of owner headings start with this (action item rows are plain ids)."""

Group = tuple[str | None, Sequence[ActionEntry]]
"""A heading (None: no heading row) and the action items under it."""

STATUS_STYLES = {
    "overdue": "bold $text-error",
    ActionStatus.DONE.value: "$text-success",
    ActionStatus.DROPPED.value: "dim",
}


@dataclass(frozen=True)
class Widths:
    """Column widths in cells: "what" takes what the others leave."""

    what: int
    owner: int
    meeting: int

    DUE = 10  # "Wed 30 Dec"
    STATUS = 7  # "overdue", "dropped"
    PADDING = 2  # a cell's padding, one each side
    COLUMNS = 5
    SCROLLBAR = 2
    OWNER_SHARE = 0.27  # at most this much of the flexible room
    OWNER_MAX = 22
    MEETING_NARROW = 10  # the meeting's date only
    MEETING_WIDE = 34  # its date and title, from WIDE_FROM cells of flexible room
    WIDE_FROM = 80

    @classmethod
    def fit(cls, width: int, entries: Sequence[ActionEntry]) -> Widths:
        """Widths for a table whose content is `width` cells wide."""
        room = width - cls.SCROLLBAR - cls.COLUMNS * cls.PADDING
        flexible = max(room - cls.DUE - cls.STATUS, 36)
        longest = max((len(e.owner_label) for e in entries), default=0)
        owner = max(min(longest, cls.OWNER_MAX, int(flexible * cls.OWNER_SHARE)), len("Owner"))
        meeting = cls.MEETING_WIDE if flexible >= cls.WIDE_FROM else cls.MEETING_NARROW
        return cls(flexible - owner - meeting, owner, meeting)

    @property
    def wide(self) -> bool:
        return self.meeting > self.MEETING_NARROW


class ActionTable(DataTable[object]):
    """Due, What, Owner, Meeting, Status; overdue rows say "overdue" in words."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes=PANEL)
        self._shown: tuple[list[Group], date] | None = None
        self._widths: Widths | None = None
        self._last_row = 0

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, groups: list[Group], today: date) -> None:
        """Replace the rows; the cursor stays on the highlighted action item (or, when it
        is gone, on the row where it was)."""
        keep, row = self.selected_id(), self.cursor_row
        self._shown = (groups, today)
        entries = [entry for _, members in groups for entry in members]
        widths = Widths.fit(self.size.width or 80, entries)
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            for label, key, width in (
                ("Due", "due", Widths.DUE),
                ("What", "what", widths.what),
                ("Owner", "owner", widths.owner),
                ("Meeting", "meeting", widths.meeting),
                ("Status", "status", Widths.STATUS),
            ):
                self.add_column(label, key=key, width=width)
        else:
            self.clear()
        variables = self.app.get_css_variables()
        for heading, members in groups:
            if heading is not None:
                label = f"{heading} · {len(members)}"
                self.add_row("", cell(label, "bold underline"), key=f"{HEADING}{heading}")
            for entry in members:
                self.add_row(*self._cells(entry, today, widths, variables), key=str(entry.id))
        self._restore(keep, row)

    def _cells(
        self, entry: ActionEntry, today: date, widths: Widths, variables: dict[str, str]
    ) -> tuple[object, ...]:
        due = short_day_label(entry.due, today) if entry.due else "no date"
        meeting = ""
        if entry.meeting_date is not None:
            meeting = short_day_label(entry.meeting_date, today)
            if widths.wide and entry.meeting_title:
                meeting += f" · {entry.meeting_title}"
        owner_style = "" if entry.owner else "italic"
        status = entry.status_label
        return (
            cell(due, "" if entry.due else "dim"),
            cell(entry.what, "strike dim" if entry.is_done else ""),
            cell(entry.owner_label, owner_style),
            cell(meeting),
            cell(status, theme_style(variables, STATUS_STYLES.get(status, ""))),
        )

    def _restore(self, keep: int | None, row: int) -> None:
        if not self.row_count:
            return
        if keep is not None and str(keep) in self.rows:
            target = self.get_row_index(str(keep))
        else:
            target = min(row, self.row_count - 1)
        if self._is_heading(target):
            target += 1  # a heading always has an item under it
        self._last_row = target
        self.move_cursor(row=target)

    def selected_id(self) -> int | None:
        """The id of the action item under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None or key.startswith(HEADING) else int(key)

    def _is_heading(self, row: int) -> bool:
        if not 0 <= row < self.row_count:
            return False
        key = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key
        return (key.value or "").startswith(HEADING)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The message may be older than the cursor: act on where the cursor is now.
        row = self.cursor_row
        if not self._is_heading(row):
            self._last_row = row
            return
        event.stop()
        moving_up = row < self._last_row and row > 0
        self.move_cursor(row=row - 1 if moving_up else row + 1)
