"""A team's trends across its meetings: each rating instrument's items and each of the
team's norms in a list, with the change since the previous meeting in words, and the
highlighted one as a chart over the meetings (`TrendChart`).

Reached with T on the home screen (the highlighted team, or the highlighted meeting's
team) and from anywhere with `show_trends`. The trends are read in a thread worker;
a team with nothing to trend gets a sentence instead of an empty chart.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Static

from facilitator.domain.evaluation_trends import TeamTrends
from facilitator.domain.text import plural
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import UiAction, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL
from facilitator.ui.widgets.trend_chart import TrendChart
from facilitator.ui.widgets.trend_list import TrendList

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

SETTLE_AFTER_SECONDS = 0.25
"""How long after the trends arrive the garbage held off while reading is collected."""

TRENDS_ACTIONS = (
    UiAction(
        "back",
        "Trends: back",
        "Return to the previous screen.",
        key="escape",
        footer="Back",
    ),
)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the garbage collector off while the trends are read.

    Reading a long history makes tens of thousands of small objects, and the first
    full collection after the app's warm-up walks everything the warm-up loaded (the
    database layer, the content pack): 60-100 ms on the benchmark's machine, inside
    the reading (benchmarks/README.md, "Opening a team's trends"). The screen collects
    once the trends are drawn instead (`settle_heap`, as the live screen does once its
    meeting is drawn)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def show_trends(app: FacilitatorApp, team_id: int, team_name: str | None = None) -> None:
    """Open team `team_id`'s trends (its name, if known, heads the screen while they
    are read)."""
    app.push_screen(TrendsScreen(team_id, team_name))


class TrendsLoaded(Message):
    """The team's trends were read."""

    def __init__(self, trends: TeamTrends) -> None:
        super().__init__()
        self.trends = trends


class TrendsFailed(Message):
    """The trends could not be read; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class TrendsScreen(FreshScreen[None]):
    """One team's ratings and norms checks over its meetings, as a list and a chart."""

    CSS_PATH = "evaluation_trends.tcss"
    ACTIONS = TRENDS_ACTIONS
    BINDINGS = bindings(TRENDS_ACTIONS)
    AUTO_FOCUS = "#trend-list"

    app: FacilitatorApp

    def __init__(self, team_id: int, team_name: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.team_name = team_name
        self.trends: TeamTrends | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(self._heading("(loading…)"), id="trends-heading")
        with Horizontal(id="trends-body"):
            yield TrendList(id="trend-list")
            yield TrendChart(id="trend-chart", classes=PANEL)
        yield Static(id="trends-empty", classes=PANEL)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Trends"
        self.query_one("#trend-list").border_title = "Items and norms"
        self.query_one("#trend-chart").border_title = "Over the meetings"
        self.query_one("#trends-empty").display = False
        self.reload()
        # The chart's plotting library loads while the worker reads (the reading waits
        # on SQLite, which lets the event loop run), not before the screen appears.
        self.call_after_refresh(self.query_one(TrendChart).prepare)

    @work(thread=True, exclusive=True, group="trends-load")
    def load(self) -> None:
        """Read the team's trends in a thread (the content pack too: its instruments)."""
        from facilitator.services.evaluation_trends import team_trends

        backend = self.app.backend
        try:
            with collector_paused():
                trends = team_trends(
                    backend.db, team_id=self.team_id, pack=backend.pack, tz=backend.tz
                )
        except FacilitatorError as error:
            self.post_message(TrendsFailed(error.sentence))
            return
        self.post_message(TrendsLoaded(trends))

    def on_trends_failed(self, message: TrendsFailed) -> None:
        self.query_one("#trends-heading", Static).update(lit(message.sentence, "bold"))
        self.query_one("#trends-body").display = False
        empty = self.query_one("#trends-empty", Static)
        empty.update(lit(message.sentence))
        empty.display = True

    def on_trends_loaded(self, message: TrendsLoaded) -> None:
        if self.trends is None:
            # The collection held off while reading, once the trends are on screen (a
            # callback after the refresh ran before the frame was written, some runs,
            # and held it back by the length of the collection).
            self.set_timer(SETTLE_AFTER_SECONDS, self.app.settle_heap)
        trends = self.trends = message.trends
        self.team_name = trends.team
        over = f"over {plural(trends.meetings, 'meeting')}" if trends.meetings else ""
        self.query_one("#trends-heading", Static).update(self._heading(over))
        self.query_one("#trends-body").display = not trends.empty
        empty = self.query_one("#trends-empty", Static)
        empty.display = trends.empty
        if trends.empty:
            empty.update(self._nothing_yet(trends.team))
            return
        trend_list = self.query_one(TrendList)
        trend_list.show_trends(trends)
        self.query_one(TrendChart).show(trend_list.line())

    def _heading(self, words: str) -> Content:
        return join(lit(self.team_name or "Team", "bold"), " · Trends ", words).rstrip()

    @staticmethod
    def _nothing_yet(team: str) -> Content:
        return join(
            "No rated evaluations or norms checks yet for ",
            lit(team, "bold"),
            ". A meeting is evaluated once it has ended (E on the home screen), and its "
            "norms are checked during it (h on its live screen); both show here, each "
            "item and norm as a chart over the meetings.",
        )

    @on(OptionList.OptionHighlighted, "#trend-list")
    def _item_highlighted(self) -> None:
        self.query_one(TrendChart).show(self.query_one(TrendList).line())

    def action_back(self) -> None:
        self.dismiss()
