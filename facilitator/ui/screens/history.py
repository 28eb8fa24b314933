"""History: every meeting of a team (or of every team), newest first, filtered by
status, team and date range; enter opens a meeting's plan or minutes.

The list is read a page at a time in thread workers (`services.history`), and the next
page only when the cursor nears the end, so ten thousand meetings open as fast as ten.
Each change of the filters asks for a first page under a new number; a reply (or a
next page) for an earlier number is dropped, so rows of an old filter never mix in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Label, Static

from facilitator.domain.history import (
    STATUS_FILTER_NAMES,
    HistoryCursor,
    HistoryFilter,
    HistoryPage,
    HistoryStatus,
    HistoryTeam,
    actions_words,
    filter_words,
    next_team,
    parse_day,
    range_problem,
    status_words,
)
from facilitator.domain.text import day_label, plural
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.history_actions import HISTORY_ACTIONS
from facilitator.ui.literal import join, lit
from facilitator.ui.opening import open_when_read
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.history_list import HistoryList
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

PAGE_SIZE = 50
"""Meetings read at a time (the service's page; tests may set a smaller one)."""
STATUS_KEYS = tuple(zip("12345", HistoryStatus, strict=True))
SHORT_NAMES = {HistoryStatus.MINUTES_NOT_SENT: "Not sent"}
"""Where the filter line says a status filter more briefly than its full name."""
NO_MEETINGS = "No meetings yet. Plan one with m on the home screen."
NOTHING_MATCHES = (
    "No meeting matches these filters. 1 shows every status, t moves on to all teams "
    "and empty date fields show any day."
)


class HistoryLoaded(Message):
    """A page of request `number`: its first page (`first`) or the next one."""

    def __init__(self, number: int, page: HistoryPage, *, first: bool) -> None:
        super().__init__()
        self.number = number
        self.page = page
        self.first = first


class HistoryFailed(Message):
    """Request `number` could not be answered; the sentence says why."""

    def __init__(self, number: int, sentence: str) -> None:
        super().__init__()
        self.number = number
        self.sentence = sentence


class EmptyHistory(Static, can_focus=True):
    """What the history says when it shows nothing, in the table's place; it takes the
    focus while the table is hidden."""


class HistoryScreen(FreshScreen[None]):
    """Every meeting, newest first, filtered by keys and a date range."""

    CSS_PATH = "history.tcss"
    ACTIONS = HISTORY_ACTIONS
    BINDINGS = bindings(HISTORY_ACTIONS)
    AUTO_FOCUS = "#history-list"

    app: FacilitatorApp

    def __init__(self, team_id: int | None = None, team_name: str | None = None) -> None:
        super().__init__()
        self.history_filter = HistoryFilter(team_id=team_id)
        self.teams: tuple[HistoryTeam, ...] = ()
        self.team_name = team_name
        self.total: int | None = None
        self.asked = 0
        """The number of the latest first-page request; replies to earlier ones are dropped."""
        self.next_cursor: HistoryCursor | None = None
        self.reading_more = False
        self.shown_filter: HistoryFilter | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="history-filter")
        with HorizontalGroup(id="history-dates"):
            yield Label("From", classes="history-date-label")
            yield Input(placeholder="YYYY-MM-DD", id="history-from", compact=True)
            yield Label("to", classes="history-date-label")
            yield Input(placeholder="YYYY-MM-DD", id="history-to", compact=True)
            yield Static(id="history-team")
        yield Static(id="history-date-problem")
        yield Static("Loading…", id="history-state")
        yield HistoryList(id="history-list")
        yield EmptyHistory(id="history-empty", classes=PANEL)
        yield ClampedText(id="history-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.query_one("#history-empty").display = False
        self.query_one("#history-date-problem").display = False
        self._show_filter()
        self.reload()

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Ask for the first page of the filter (as many rows as shown, if the same
        filter is read again, so the list keeps its length and the cursor its row)."""
        self.asked += 1
        self.reading_more = False
        shown = len(self.query_one(HistoryList).shown)
        same = self.shown_filter == self.history_filter
        limit = max(PAGE_SIZE, shown) if same else PAGE_SIZE
        self._read(self.asked, self.history_filter, None, limit)

    @work(thread=True, exclusive=True, group="history")
    def _read(
        self, number: int, history_filter: HistoryFilter, after: HistoryCursor | None, limit: int
    ) -> None:
        self._fetch(number, history_filter, after, limit)

    def on_history_list_more_wanted(self) -> None:
        if self.reading_more or self.next_cursor is None:
            return
        self.reading_more = True
        self._read_more(self.asked, self.history_filter, self.next_cursor)

    @work(thread=True, exclusive=True, group="history-more")
    def _read_more(self, number: int, history_filter: HistoryFilter, after: HistoryCursor) -> None:
        self._fetch(number, history_filter, after, PAGE_SIZE)

    def _fetch(
        self, number: int, history_filter: HistoryFilter, after: HistoryCursor | None, limit: int
    ) -> None:
        """Read one page (in a worker's thread) and post it, or the sentence why not."""
        try:
            page = self.app.backend.history_page(history_filter, after=after, limit=limit)
        except FacilitatorError as error:
            self.post_message(HistoryFailed(number, error.sentence))
            return
        self.post_message(HistoryLoaded(number, page, first=after is None))

    def on_history_failed(self, message: HistoryFailed) -> None:
        if message.number == self.asked:
            self.reading_more = False
            self.query_one("#history-state", Static).update(lit(message.sentence, "bold"))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        if message.number != self.asked:
            return
        page, table = message.page, self.query_one(HistoryList)
        self.next_cursor, self.reading_more = page.next, False
        if not message.first:
            table.extend(page.rows, more=page.next is not None)
            return
        self.teams, self.total = page.teams or (), page.total
        self.shown_filter = self.history_filter
        self.team_name = next((t.name for t in self.teams if t.id == self._team_id()), None)
        table.show(page.rows, more=page.next is not None)
        self._show()

    # Showing ------------------------------------------------------------------------

    def _team_id(self) -> int | None:
        return self.history_filter.team_id

    def _show(self) -> None:
        self._show_filter()
        total, table = self.total or 0, self.query_one(HistoryList)
        words = filter_words(self.history_filter, self.team_name)
        state = join((plural(total, "meeting"), "bold"), " · ", lit(words))
        self.query_one("#history-state", Static).update(state)
        table.border_title = "Meetings, newest first"
        empty = self.query_one("#history-empty", EmptyHistory)
        empty.update(NOTHING_MATCHES if self.history_filter != HistoryFilter() else NO_MEETINGS)
        in_list = self.focused in (table, empty, None)
        empty.display, table.display = not table.row_count, bool(table.row_count)
        if in_list:
            self._focus_list()
        self._show_detail()

    def _focus_list(self) -> None:
        """Focus the table, or the sentence in its place while it shows nothing."""
        table = self.query_one(HistoryList)
        (table if table.display else self.query_one("#history-empty", EmptyHistory)).focus()

    def _show_filter(self) -> None:
        parts: list[Content | str | tuple[str, str]] = ["Show: "]
        for key, status in STATUS_KEYS:
            label = f"{key} {SHORT_NAMES.get(status, STATUS_FILTER_NAMES[status])}"
            on_now = status is self.history_filter.status
            parts += [(f"[{label}]", "bold $accent") if on_now else label, " "]
        archived = "shown" if self.history_filter.with_archived else "hidden"
        parts.append(f"· a Archived: {archived}")
        self.query_one("#history-filter", Static).update(join(*parts))
        team = (self.team_name or "one team") if self._team_id() is not None else "all teams"
        self.query_one("#history-team", Static).update(join("· t Team: ", lit(team, "bold")))

    def _show_detail(self) -> None:
        detail = self.query_one("#history-detail", ClampedText)
        row = self.query_one(HistoryList).selected()
        detail.display = row is not None
        if row is None:
            return
        team = f"{row.team_name} (archived team)" if row.team_archived else row.team_name
        facts = [team, day_label(row.day), status_words(row.status, row.minutes_sent)]
        facts += [plural(row.decisions, "decision"), actions_words(row)]
        detail.show([(lit(row.title, "bold"), 1), (lit(" · ".join(facts), "dim"), 2)])

    @on(DataTable.RowHighlighted, "#history-list")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#history-list")
    def _row_chosen(self) -> None:
        self.action_open_meeting()

    # Filters ------------------------------------------------------------------------

    def _filter(self, history_filter: HistoryFilter) -> None:
        if history_filter != self.history_filter:
            self.history_filter = history_filter
            self.team_name = next((t.name for t in self.teams if t.id == self._team_id()), None)
            self._show_filter()
            self.reload()

    def _show_status(self, status: HistoryStatus) -> None:
        self._filter(replace(self.history_filter, status=status))

    def action_show_any(self) -> None:
        self._show_status(HistoryStatus.ANY)

    def action_show_planned(self) -> None:
        self._show_status(HistoryStatus.PLANNED)

    def action_show_running(self) -> None:
        self._show_status(HistoryStatus.RUNNING)

    def action_show_closed(self) -> None:
        self._show_status(HistoryStatus.CLOSED)

    def action_show_minutes_not_sent(self) -> None:
        self._show_status(HistoryStatus.MINUTES_NOT_SENT)

    def action_next_team(self) -> None:
        self._filter(replace(self.history_filter, team_id=next_team(self.teams, self._team_id())))

    def action_toggle_archived(self) -> None:
        with_archived = not self.history_filter.with_archived
        team_id = self._team_id()
        archived = {team.id for team in self.teams if team.archived}
        if not with_archived and team_id in archived:
            team_id = None  # its meetings are hidden now: show every active team's
        self._filter(replace(self.history_filter, with_archived=with_archived, team_id=team_id))

    def action_dates(self) -> None:
        self.query_one("#history-from", Input).focus()

    @on(Input.Changed)
    def _dates_typed(self) -> None:
        self._read_dates(complete_only=True)

    @on(Input.Submitted)
    def _dates_entered(self) -> None:
        if self._read_dates(complete_only=False):
            self._focus_list()

    @on(Input.Blurred)
    def _dates_left(self) -> None:
        self._read_dates(complete_only=False)

    def _read_dates(self, *, complete_only: bool) -> bool:
        """Apply the typed range if both days are right; else say what is wrong (while
        typing, only once a field holds a whole day's worth). True if applied."""
        since, since_problem = parse_day(self.query_one("#history-from", Input).value, "from")
        until, until_problem = parse_day(self.query_one("#history-to", Input).value, "to")
        problem = since_problem or until_problem or range_problem(since, until)
        sentence = self.query_one("#history-date-problem", Static)
        if problem is None:
            sentence.display = False
            self._filter(replace(self.history_filter, since=since, until=until))
            return True
        typed = [self.query_one(f"#history-{name}", Input).value for name in ("from", "to")]
        if not complete_only or any(len(text.strip()) >= 10 for text in typed):
            sentence.update(lit(problem))
            sentence.display = True
        return False

    # Keys ---------------------------------------------------------------------------

    def action_open_meeting(self) -> None:
        row = self.query_one(HistoryList).selected()
        if row is None:
            self.app.notify("There is no meeting to open here.", markup=False)
            return
        open_when_read(self, row.meeting_id)

    def action_search_meetings(self) -> None:
        self.app.action_search_meetings()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self._focus_list()
        else:
            self.dismiss()
