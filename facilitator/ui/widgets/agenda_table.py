"""The agenda on the planning screen: one row per item, start times computed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from textual import events
from textual.widgets import DataTable

from facilitator.domain.meeting_view import AgendaLine, MeetingPlan
from facilitator.domain.text import clock_label, local
from facilitator.ui.actions import bindings
from facilitator.ui.literal import cell
from facilitator.ui.plan_actions import PLAN_ACTIONS
from facilitator.ui.widgets.panel import PANEL

KIND_SHORT = {"information": "info", "discussion": "discuss", "decision": "decide"}


@dataclass(frozen=True)
class Widths:
    """Column widths in cells. The title gives way first (down to half the room the
    three flexible columns share), then the process, then the presenter."""

    item: int
    presenter: int
    process: int

    START = 5
    MINUTES = 3
    KIND = 7
    PADDING = 2  # a cell's padding, one each side
    COLUMNS = 6
    SCROLLBAR = 2
    PRESENTER_MAX = 24
    PROCESS_MAX = 32
    PRESENTER_MIN = len("Presenter")
    PROCESS_MIN = len("Process")

    @classmethod
    def fit(cls, width: int, agenda: tuple[AgendaLine, ...]) -> Widths:
        """Widths for a table whose content is `width` cells wide, showing `agenda`."""
        room = width - cls.SCROLLBAR - cls.COLUMNS * cls.PADDING
        flexible = max(room - cls.START - cls.MINUTES - cls.KIND, 30)
        longest_presenter = max((len(_presenter(line)) for line in agenda), default=0)
        longest_process = max((len(_process(line)) for line in agenda), default=0)
        longest_title = max((len(_title(line)) for line in agenda), default=0)
        presenter = max(min(longest_presenter, cls.PRESENTER_MAX), cls.PRESENTER_MIN)
        process = max(min(longest_process, cls.PROCESS_MAX), cls.PROCESS_MIN)
        if longest_title + presenter + process <= flexible:
            return cls(flexible - presenter - process, presenter, process)
        item = max(flexible - presenter - process, flexible // 2)
        rest = flexible - item
        presenter = max(min(presenter, rest - cls.PROCESS_MIN), cls.PRESENTER_MIN)
        return cls(item, presenter, rest - presenter)


def _presenter(line: AgendaLine) -> str:
    return line.presenter.name if line.presenter else ""


def _process(line: AgendaLine) -> str:
    """The protocol, and how the item will be decided: "Consensus · by Multi-voting"."""
    decided = f"by {line.decision_method_name}" if line.decision_method_name else ""
    return " · ".join(part for part in (line.process or "", decided) if part)


def _title(line: AgendaLine) -> str:
    return line.title + (f" ({len(line.steps)} steps)" if line.steps else "")


class AgendaTable(DataTable[object]):
    """Items in order; the row key is the item id. Column widths follow the table's
    width (measured, not guessed from the cells), so the kind and process stay in view
    and long titles end in an ellipsis."""

    BINDINGS = bindings(PLAN_ACTIONS, scope="agenda")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes=PANEL)
        self._shown: tuple[MeetingPlan, tzinfo | None] | None = None
        self._widths: Widths | None = None

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None:
            plan, tz = self._shown
            self.show(plan, tz)

    def show(self, plan: MeetingPlan, tz: tzinfo | None, keep: int | None = None) -> None:
        """Replace the rows; the cursor stays on item `keep` (or the highlighted item, or
        the same row when that item is gone)."""
        keep = keep if keep is not None else self.selected_item_id()
        row = self.cursor_row
        self._shown = (plan, tz)
        widths = Widths.fit(self.size.width or 80, plan.agenda)
        if widths != self._widths:
            self._widths = widths
            self.clear(columns=True)
            for label, key, width in (
                ("Start", "start", Widths.START),
                ("Min", "min", Widths.MINUTES),
                ("Item", "item", widths.item),
                ("Presenter", "presenter", widths.presenter),
                ("Kind", "kind", Widths.KIND),
                ("Process", "process", widths.process),
            ):
                self.add_column(label, key=key, width=width)
        else:
            self.clear()
        for line in plan.agenda:
            self.add_row(
                cell(clock_label(local(line.starts_at, tz))),
                cell(str(line.minutes).rjust(Widths.MINUTES)),
                cell(_title(line), "bold"),
                cell(_presenter(line)),
                cell(KIND_SHORT.get(line.kind, line.kind)),
                cell(_process(line)),
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
