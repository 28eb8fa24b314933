"""The agenda on the planning screen: one row per item, start times computed."""

from __future__ import annotations

from datetime import tzinfo

from textual.widgets import DataTable

from facilitator.domain.meeting_view import MeetingPlan
from facilitator.domain.text import clock_label, local
from facilitator.ui.actions import bindings
from facilitator.ui.literal import cell
from facilitator.ui.plan_actions import PLAN_ACTIONS

KIND_SHORT = {"information": "info", "discussion": "discuss", "decision": "decide"}


class AgendaTable(DataTable[object]):
    """Items in order; the row key is the item id."""

    BINDINGS = bindings(PLAN_ACTIONS, scope="agenda")

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in ("Start", "Min", "Item", "Presenter", "Kind", "Process"):
            self.add_column(label, key=label.lower())

    def show(self, plan: MeetingPlan, tz: tzinfo | None, keep: int | None = None) -> None:
        """Replace the rows; the cursor stays on item `keep` (or the highlighted item, or
        the same row when that item is gone)."""
        keep = keep if keep is not None else self.selected_item_id()
        row = self.cursor_row
        self.clear()
        for line in plan.agenda:
            title = line.title + (f" ({len(line.steps)} steps)" if line.steps else "")
            self.add_row(
                cell(clock_label(local(line.starts_at, tz))),
                cell(str(line.minutes).rjust(3)),
                cell(title, "bold"),
                cell(line.presenter.name if line.presenter else ""),
                cell(KIND_SHORT.get(line.kind, line.kind)),
                cell(line.process or ""),
                key=str(line.id),
            )
        if keep is not None and str(keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)))
        elif self.row_count:  # the item is gone (deleted): stay where it was
            self.move_cursor(row=min(row, self.row_count - 1))

    def selected_item_id(self) -> int | None:
        """The id of the item under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None
