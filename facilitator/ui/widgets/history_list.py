"""The history screen's table: one row per meeting, newest first, extended a page at a
time. The row key is the meeting's id.

The table asks for more (`HistoryList.MoreWanted`) when its cursor comes within
`LOOKAHEAD` rows of the end while the history has more, so moving down (or `end`, or
page down) reads the next page before the cursor gets there: a long history is never
read whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from facilitator.domain.history import HistoryRow, status_words
from facilitator.ui.actions import bindings
from facilitator.ui.history_actions import HISTORY_ACTIONS
from facilitator.ui.literal import cell, theme_style
from facilitator.ui.widgets.panel import PANEL

LOOKAHEAD = 10
"""How near the end the cursor comes before the next page is asked for."""
STATUS_STYLES = {
    "running": "bold $text-success",
    "closed, not sent": "$text-warning",
    "reopened": "bold $text-warning",
    "planned": "$text-accent",
}


def history_day(day: date) -> str:
    """E.g. "9 Nov 2026": a history spans years, so the year is always there."""
    return f"{day.day} {day:%b %Y}"


@dataclass(frozen=True)
class Widths:
    """Column widths in cells: the title takes what the others leave; the team has a
    column of its own, and the counts are in words, only where there is room."""

    title: int
    team: int
    wide: bool

    DAY = 11  # "23 Nov 2026"
    STATUS = 16  # "closed, not sent"
    PADDING = 2  # a cell's padding, one each side
    SCROLLBAR = 2
    NARROW_COUNTS = (4, 7)  # "Dec.", "Actions" ("1/3")
    WIDE_COUNTS = (9, 14)  # "Decisions", "1 open, 3 done"
    TEAM = 28
    WIDE_FROM = 100  # the flexible room from which the team and the words fit

    @classmethod
    def fit(cls, width: int) -> Widths:
        """Widths for a table whose content is `width` cells wide."""
        fixed = cls.DAY + cls.STATUS + cls.SCROLLBAR
        narrow = width - fixed - sum(cls.NARROW_COUNTS) - 5 * cls.PADDING
        if narrow < cls.WIDE_FROM:
            return cls(max(narrow, 20), 0, False)
        flexible = width - fixed - sum(cls.WIDE_COUNTS) - 6 * cls.PADDING
        return cls(flexible - cls.TEAM, cls.TEAM, True)


class HistoryList(DataTable[object]):
    """Date, Title, Team (where it fits), Status, Decisions, Actions (open/done); enter
    opens the highlighted meeting."""

    BINDINGS = [
        *bindings(HISTORY_ACTIONS, scope="history-list"),
        # DataTable's home and end go to the first and last column; a list of rows wants
        # its first and last row (the last one reads the next page).
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    class MoreWanted(Message):
        """The cursor is near the end of the rows read so far and there are more."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, HistoryList.MoreWanted)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes=PANEL)
        self.shown: list[HistoryRow] = []
        self.more = False
        """Whether the history has rows after the last one shown."""
        self._widths: Widths | None = None

    def on_resize(self) -> None:
        if self._widths is not None and Widths.fit(self.size.width or 80) != self._widths:
            self.show(self.shown, more=self.more)

    def show(self, rows: Sequence[HistoryRow], *, more: bool) -> None:
        """Replace the rows; the cursor stays on the highlighted meeting if it is still
        here, else goes to the first row."""
        keep = self.selected()
        widths = Widths.fit(self.size.width or 80)
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            for label, key, width in self._columns(widths):
                self.add_column(label, key=key, width=width)
        else:
            self.clear()
        self.shown = []
        self.extend(rows, more=more)
        if keep is not None and str(keep.meeting_id) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep.meeting_id)), animate=False)
        elif self.row_count:
            self.move_cursor(row=0, animate=False)

    def extend(self, rows: Sequence[HistoryRow], *, more: bool) -> None:
        """Add the rows of the next page below those shown."""
        widths = self._widths or Widths.fit(self.size.width or 80)
        variables = self.app.get_css_variables()
        for row in rows:
            if str(row.meeting_id) not in self.rows:  # a page read twice adds nothing
                self.add_row(*self._cells(row, widths, variables), key=str(row.meeting_id))
                self.shown.append(row)
        self.more = more
        self._want_more()

    @staticmethod
    def _columns(widths: Widths) -> list[tuple[str, str, int]]:
        columns = [("Date", "day", Widths.DAY), ("Title", "title", widths.title)]
        if widths.team:
            columns.append(("Team", "team", widths.team))
        decisions, actions = Widths.WIDE_COUNTS if widths.wide else Widths.NARROW_COUNTS
        columns += [
            ("Status", "status", Widths.STATUS),
            ("Decisions" if widths.wide else "Dec.", "decisions", decisions),
            ("Action items" if widths.wide else "Actions", "actions", actions),
        ]
        return columns

    @staticmethod
    def _cells(row: HistoryRow, widths: Widths, variables: dict[str, str]) -> tuple[object, ...]:
        status = status_words(row.status, row.minutes_sent)
        cells: list[object] = [cell(history_day(row.day)), cell(row.title)]
        if widths.team:
            team = f"{row.team_name} (archived)" if row.team_archived else row.team_name
            cells.append(cell(team, "dim" if row.team_archived else ""))
        cells += [
            cell(status, theme_style(variables, STATUS_STYLES.get(status, ""))),
            Text(str(row.decisions), justify="right"),
            _actions_cell(row, wide=widths.wide),
        ]
        return tuple(cells)

    def selected(self) -> HistoryRow | None:
        """The meeting under the cursor, if any."""
        if not self.row_count or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._want_more()

    def _want_more(self) -> None:
        if self.more and self.cursor_row >= self.row_count - LOOKAHEAD:
            self.post_message(self.MoreWanted())


def _actions_cell(row: HistoryRow, *, wide: bool) -> Text:
    if row.actions_open == 0 and row.actions_done == 0:
        return Text("–", style="dim", justify="right")
    if wide:
        return Text(f"{row.actions_open} open, {row.actions_done} done", justify="right")
    return Text(f"{row.actions_open}/{row.actions_done}", justify="right")
