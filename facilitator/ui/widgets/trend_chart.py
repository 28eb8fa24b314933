"""A chart of one trended item over a team's meetings: the item's name, a line chart
(x: the meetings, oldest on the left, dated below; y: the instrument's scale, or 0-100%
for a norm) and, under it, the latest figures in words.

The chart is drawn with textual-plotext (`trend_plot`), mounted by `prepare` once the
screen is up: plotext loads while the trends are read. Nothing is said by colour: each
meeting is a ● marker with its figure written beside it, the scale is labelled on the
y axis, and the caption says the latest figures in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from facilitator.ui.literal import join, lit

if TYPE_CHECKING:
    from facilitator.ui.widgets.trend_plot import TrendPlot


@dataclass(frozen=True)
class ChartPoint:
    """One meeting's figure for the item."""

    day: date
    value: float
    figure: str
    """The value as written: "4.1", "75%"."""
    detail: str
    """How it was arrived at: "3 answered", "1 honoured, 1 partly, 0 not"."""


@dataclass(frozen=True)
class ChartLine:
    """An item to chart: a rated item or a norm, with its scale and points."""

    name: str
    change: str
    """The change since the previous meeting in words (the list shows it too)."""
    scale: str
    """What the y axis measures: "rated 1 to 7", "share honoured, partly counting half"."""
    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    """The y axis's ticks and their labels."""
    points: tuple[ChartPoint, ...]


class TrendChart(Vertical):
    """The highlighted item's name, its chart and its figures in words."""

    DEFAULT_CSS = """
    TrendChart {
        #trend-name { height: auto; max-height: 2; padding: 0 1; text-style: bold; }
        #trend-plot { height: 1fr; min-height: 6; }
        #trend-caption { height: auto; max-height: 4; padding: 0 1; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.line: ChartLine | None = None
        self.plot: TrendPlot | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="trend-name")
        yield Static(id="trend-caption")

    def prepare(self) -> None:
        """Load plotext and mount the chart (once), showing the line given so far."""
        if self.plot is not None:
            return
        from facilitator.ui.widgets.trend_plot import TrendPlot

        self.plot = TrendPlot(id="trend-plot")
        self.mount(self.plot, before="#trend-caption")
        self.plot.show(self.line)

    def show(self, line: ChartLine | None) -> None:
        """Chart `line` (None: nothing highlighted)."""
        self.line = line
        self.query_one("#trend-name", Static).update(lit(line.name) if line else "")
        self.prepare()
        assert self.plot is not None
        self.plot.show(line)
        self.query_one("#trend-caption", Static).update(caption(line) if line else "")


def caption(line: ChartLine) -> Content:
    """The latest figure (and how it was arrived at) and the one before, in words; then
    what the axes show."""
    latest = line.points[-1]
    parts: list[Content | str | tuple[str, str]] = [
        (f"Latest {latest.day.isoformat()}: {latest.figure}", "bold"),
        f" ({latest.detail})",
    ]
    if len(line.points) > 1:
        before = line.points[-2]
        parts.append(f"; before, {before.day.isoformat()}: {before.figure}")
    count = len(line.points)
    meetings = "one meeting so far" if count == 1 else f"{count} meetings, oldest left"
    parts.append((f"\ny: {line.scale} · x: {meetings}", "dim"))
    return join(*parts)
