"""The line chart of the trends screen (see `trend_chart`): one item over the meetings,
drawn with textual-plotext, which gives axes with labelled ticks.

Nothing is said by colour: there is one line to a chart, each meeting is a ● marker
with its figure written above or below it (while they fit; else the latest's alone),
the scale is labelled on the y axis and the meetings' dates along the x axis.

Its own module, so that plotext (some 40 ms to import on a busy machine) loads while the
trends are being read rather than before the screen can open (`TrendChart.prepare`).
"""

from __future__ import annotations

from typing import Literal

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from facilitator.ui.widgets.trend_chart import ChartLine

RGB = tuple[int, int, int]
MARKER = "●"
LINE = "hd"
"""Plotext's line of quarter blocks (two across a cell, two down): solid enough for a
projector, in every terminal font (braille dots are faint, and missing from some)."""
Y_LABEL_WIDTH = 6
"""Cells plotext keeps left of the plot for the y axis's labels and frame."""
LABEL_EVERY = 6
"""Cells per point below which the points' figures are no longer written beside them
(only the latest's is)."""
TICK_EVERY = 13
"""Cells per date on the x axis ("2026-11-02" and a gap)."""


class TrendPlot(PlotextPlot):
    """The line chart itself; it draws again only when its line, size or theme change
    (plotext builds the whole picture each time, some 10-50 ms for 200 meetings)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.line: ChartLine | None = None
        self._drawn: tuple[object, Text] | None = None

    def show(self, line: ChartLine | None) -> None:
        self.line = line
        self.refresh()

    def render(self) -> RenderResult:
        key = (self.line, self.size, self.app.theme)
        if self._drawn is None or self._drawn[0] != key:
            dates = self._draw()
            picture = super().render()
            assert isinstance(picture, Text)
            self._drawn = (key, self._with_dates(picture, dates))
        return self._drawn[1]

    def _with_dates(self, picture: Text, dates: list[str]) -> Text:
        """The picture with the dates written under the x axis's ticks.

        Plotext places tick labels itself in an order that changes with Python's hash
        seed (the same chart put its dates a cell or two apart from one run to the
        next), so it draws the ticks with blank labels and the dates go in here, each
        centred under its tick (`date_row`)."""
        lines = picture.split("\n", allow_blank=True)
        frame = next((i for i in range(len(lines) - 1, -1, -1) if "└" in lines[i].plain), None)
        if not dates or frame is None or frame + 1 >= len(lines):
            return picture
        ticks = [column for column, char in enumerate(lines[frame].plain) if char == "┬"]
        row = date_row(self.size.width, ticks, dates)
        _, (_, canvas) = self._colours()
        lines[frame + 1] = Text(row, style=Style(bgcolor=RichColor.from_rgb(*canvas)))
        return Text("\n").join(lines)

    def _draw(self) -> list[str]:
        """Draw the line on a new figure; the dates its ticks stand for, left to right."""
        # A new figure each time: a figure keeps what was drawn on it (data, texts,
        # ticks, limits) until cleared, and a fresh one leaves nothing to forget.
        self._plot = plt = Plot()
        line = self.line
        if line is None or not line.points:
            return []
        count = len(line.points)
        width = max(self.size.width - Y_LABEL_WIDTH, 1)
        xs = list(range(1, count + 1))
        ys = [point.value for point in line.points]
        ink, text = self._colours()
        plt.plot(xs, ys, marker=LINE, color=ink)
        marked = xs if width // count >= 2 else xs[-1:]
        plt.scatter(marked, [ys[x - 1] for x in marked], marker=MARKER, color=ink)
        if width // count >= LABEL_EVERY:
            self._label_points(line, xs, text, "center")
        else:  # only the latest, ending at its point: centred, it would run off the frame
            self._label_points(line, xs[-1:], text, "right")
        plt.xlim(0.5, count + 0.5)
        plt.ylim(line.low, line.high)
        plt.yticks([value for value, _ in line.ticks], [label for _, label in line.ticks])
        shown = spread(xs, max(width // TICK_EVERY, 1))
        plt.xticks([float(x) for x in shown], [""] * len(shown))
        return [line.points[x - 1].day.isoformat() for x in shown]

    def _colours(self) -> tuple[RGB, tuple[RGB, RGB]]:
        """The theme's accent for the line and markers; its text colour on the chart's
        own background (textual-plotext paints it the theme's surface) for the figures.
        One line to a chart: the colour tells nothing the shape does not."""
        variables = self.app.theme_variables
        accent = Color.parse(variables.get("accent", "blue")).rgb
        text = Color.parse(variables.get("foreground", "white")).rgb
        return accent, (text, Color.parse(variables.get("surface", "black")).rgb)

    def _label_points(
        self,
        line: ChartLine,
        xs: list[int],
        colours: tuple[RGB, RGB],
        alignment: Literal["center", "right"],
    ) -> None:
        """Each point's figure a row above or below it, on the side away from its
        line (see `label_height`)."""
        step = (line.high - line.low) / max(self.size.height - 4, 1)
        values = [point.value for point in line.points]
        for x in xs:
            y = label_height(values, x - 1, step, line.low, line.high)
            figure = line.points[x - 1].figure
            self.plt.text(
                figure, x, y, color=colours[0], background=colours[1], alignment=alignment
            )


def label_height(values: list[float], index: int, step: float, low: float, high: float) -> float:
    """Where to write point `index`'s figure: a row (`step`) above it when its
    neighbours lie no higher (the line leaves it downwards), else a row below; never
    outside the frame."""
    value = values[index]
    neighbours = values[max(index - 1, 0) : index] + values[index + 1 : index + 2]
    above = not neighbours or sum(neighbours) / len(neighbours) <= value
    if value + step > high:
        above = False
    elif value - step < low:
        above = True
    return value + step if above else value - step


def date_row(width: int, ticks: list[int], dates: list[str]) -> str:
    """A row of `width` cells with each date centred under its tick's column (kept
    inside the row), the latest first: a date that would touch the one after it is
    left out."""
    row = [" "] * width
    free_until = width  # the first cell taken by a date to the right, less a gap
    for column, date in reversed(list(zip(ticks, dates, strict=False))):
        start = min(max(column - len(date) // 2, 0), width - len(date))
        if start < 0 or start + len(date) > free_until:
            continue
        row[start : start + len(date)] = date
        free_until = start - 1
    return "".join(row)


def spread(xs: list[int], most: int) -> list[int]:
    """At most `most` of `xs`, evenly apart, the last always among them."""
    if len(xs) <= most:
        return xs
    if most == 1:
        return xs[-1:]
    step = (len(xs) - 1) / (most - 1)
    return sorted({xs[round(index * step)] for index in range(most)})
