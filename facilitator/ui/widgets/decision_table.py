"""The decision log's table: one row per decision, newest first. The row key is the
decision's id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.widgets import DataTable

from facilitator.domain.decision_log import LoggedDecision
from facilitator.domain.enums import DecisionStatus
from facilitator.ui.actions import bindings
from facilitator.ui.decision_log_actions import DECISION_LOG_ACTIONS
from facilitator.ui.literal import cell, theme_style
from facilitator.ui.widgets.panel import PANEL

REVIEW_DUE = "review due"
"""The Status column's words for a decision whose review date has come."""
STATUS_STYLES = {
    REVIEW_DUE: "bold $text-warning",
    DecisionStatus.DECIDED.value: "$text-success",
    DecisionStatus.OPEN.value: "$text-accent",
    DecisionStatus.DEFERRED.value: "italic",
    DecisionStatus.NO_DECISION.value: "dim",
}


def log_day(day: date) -> str:
    """E.g. "9 Nov 2026": a log spans years, so the year is always there."""
    return f"{day.day} {day:%b %Y}"


def status_word(entry: LoggedDecision) -> str:
    """ "review due" once its review date has come, else its status in a word or two."""
    return REVIEW_DUE if entry.review_due else entry.status_label


@dataclass(frozen=True)
class Widths:
    """Column widths in cells: the question takes what the others leave; the method
    has a column of its own only where there is room for it."""

    question: int
    method: int

    DAY = 11  # "23 Nov 2026"
    STATUS = 11  # "no decision"
    PADDING = 2  # a cell's padding, one each side
    SCROLLBAR = 2
    METHOD = 18  # "One person decides"
    METHOD_FROM = 56  # the flexible room from which the method gets a column

    @classmethod
    def fit(cls, width: int) -> Widths:
        """Widths for a table whose content is `width` cells wide."""
        fixed = cls.DAY + 2 * cls.STATUS + cls.SCROLLBAR
        flexible = max(width - fixed - 5 * cls.PADDING, 30)
        method = cls.METHOD if flexible >= cls.METHOD_FROM else 0
        return cls(flexible - method if method else flexible + cls.PADDING, method)


class DecisionTable(DataTable[object]):
    """Date, Question, Method (where it fits), Status, Review; a review that is due
    says so in words. Enter opens the highlighted decision's record."""

    BINDINGS = bindings(DECISION_LOG_ACTIONS, scope="decisions")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes=PANEL)
        self._shown: tuple[LoggedDecision, ...] | None = None
        self._widths: Widths | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(self._shown)

    def show(self, entries: Sequence[LoggedDecision]) -> None:
        """Replace the rows; the cursor stays on the highlighted decision (or, when it is
        gone, on the row where it was)."""
        keep, row = self.selected_id(), self.cursor_row
        self._shown = tuple(entries)
        widths = Widths.fit(self.size.width or 80)
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            columns = [("Date", "day", Widths.DAY), ("Question", "question", widths.question)]
            if widths.method:
                columns.append(("Method", "method", widths.method))
            columns += [("Status", "status", Widths.STATUS), ("Review", "review", Widths.DAY)]
            for label, key, width in columns:
                self.add_column(label, key=key, width=width)
        else:
            self.clear()
        variables = self.app.get_css_variables()
        for entry in entries:
            self.add_row(*self._cells(entry, widths, variables), key=str(entry.id))
        if self.row_count:
            found = keep is not None and str(keep) in self.rows
            self.move_cursor(
                row=self.get_row_index(str(keep)) if found else min(row, self.row_count - 1)
            )

    @staticmethod
    def _cells(
        entry: LoggedDecision, widths: Widths, variables: dict[str, str]
    ) -> tuple[object, ...]:
        status = status_word(entry)
        review = entry.line.review_on
        cells: list[object] = [cell(log_day(entry.meeting_date)), cell(entry.line.question)]
        if widths.method:
            cells.append(cell(entry.method_label, "" if entry.line.method else "dim"))
        cells += [
            cell(status, theme_style(variables, STATUS_STYLES.get(status, ""))),
            cell(log_day(review) if review else ""),
        ]
        return tuple(cells)

    def selected_id(self) -> int | None:
        """The id of the decision under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None else int(key)
