"""The trends screen's list: each rating instrument's items, then the team's norms, each
with its change since the previous meeting in words; the highlighted one is charted.

`trend_groups` arranges a team's trends into the groups the list shows. Each entry
makes its `ChartLine` only when it is highlighted: a long history has some 8,000
points, and turning them all into chart points held the screen back by 25 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.widgets.option_list import Option

from facilitator.domain.evaluation_results import Form
from facilitator.domain.evaluation_trends import TeamTrends, Trend
from facilitator.domain.norms_trends import NormTrend, percent
from facilitator.ui.literal import lit
from facilitator.ui.widgets.panel import PanelList
from facilitator.ui.widgets.trend_chart import ChartLine, ChartPoint

Entry = tuple[str, str, Callable[[], ChartLine]]
"""An item's option id, its change in words, and how to make its line."""
Group = tuple[str, tuple[Entry, ...]]
"""A heading and its items."""

NORMS_SCALE = "% honoured, partly counting half"
NORM_TICKS = tuple((float(value), f"{value}%") for value in range(0, 101, 25))
NO_RATINGS = "No rated evaluations yet: a meeting is evaluated once it has ended."
NO_CHECKS = "No norms checks yet: one is taken during a meeting (h on its live screen)."


def trend_groups(trends: TeamTrends) -> tuple[Group, ...]:
    """The instruments in the pack's order, then the norms (see the module's docstring)."""
    groups: list[Group] = []
    for instrument in trends.instruments:
        form = instrument.form
        entries = tuple(
            (f"item-{form.id}-{trend.item_id}", trend.change, partial(rated_line, form, trend))
            for trend in instrument.trends
        )
        groups.append((f"{form.name} · rated {form.low}-{form.high}", entries))
    norms = tuple(
        (f"norm-{norm.norm_id}", norm.change, partial(norm_line, norm)) for norm in trends.norms
    )
    if norms:
        groups.append(("Norms checks · % honoured", norms))
    return tuple(groups)


def rated_line(form: Form, trend: Trend) -> ChartLine:
    """A rated item's line, on its instrument's scale."""
    low, high = form.low or 0, form.high or 0
    ticks = tuple((float(value), str(value)) for value in range(low, high + 1))
    points = tuple(
        ChartPoint(p.day, p.mean, f"{p.mean:.1f}", f"{p.answered} answered") for p in trend.points
    )
    return ChartLine(trend.text, trend.change, f"rated {low} to {high}", low, high, ticks, points)


def norm_line(norm: NormTrend) -> ChartLine:
    """A norm's line, from 0 to 100% honoured."""
    points = tuple(ChartPoint(p.day, p.percent, percent(p.percent), p.tally) for p in norm.points)
    return ChartLine(norm.name, norm.change, NORMS_SCALE, 0, 100, NORM_TICKS, points)


class TrendList(PanelList):
    """Headings (not choosable) and the items under them; an option's id says which
    item it is (`line`)."""

    DEFAULT_CSS = """
    TrendList { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.makers: dict[str, Callable[[], ChartLine]] = {}
        self.made: dict[str, ChartLine] = {}

    def show_trends(self, trends: TeamTrends) -> None:
        """Replace the entries, keeping the highlight on the same item if it is still here."""
        keep = self.line_id()
        groups = trend_groups(trends)
        self.makers = {option_id: make for _, entries in groups for option_id, _, make in entries}
        self.made = {}
        options: list[Option] = []
        for heading, entries in groups:
            options.append(Option(lit(heading, "bold $text-muted"), disabled=True))
            options += [Option(lit(change), id=option_id) for option_id, change, _ in entries]
        if not trends.instruments:
            options.insert(0, Option(lit(NO_RATINGS, "dim italic"), disabled=True))
        if not trends.norms:
            options.append(Option(lit(NO_CHECKS, "dim italic"), disabled=True))
        self.set_options(options)
        ids = [option.id for option in options]
        first = next((index for index, option_id in enumerate(ids) if option_id), None)
        self.highlighted = ids.index(keep) if keep is not None and keep in ids else first

    def line_id(self) -> str | None:
        """The highlighted item's option id, if an item is highlighted."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def line(self) -> ChartLine | None:
        """The highlighted item's line, if an item is highlighted (made once)."""
        option_id = self.line_id()
        if option_id is None or option_id not in self.makers:
            return None
        if option_id not in self.made:
            self.made[option_id] = self.makers[option_id]()
        return self.made[option_id]
