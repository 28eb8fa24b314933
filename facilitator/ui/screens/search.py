"""Search: one box over every team's meetings, results updated as you type.

Each change of the box asks the service again in a thread worker, so typing never
waits for the database. Replies can arrive out of order (a worker that was replaced
still finishes its query), so every request carries a number and only the reply to
the latest one is shown: a stale query's results never cover a newer one's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.search_results import SearchResult, SearchResults
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.search_actions import SEARCH_ACTIONS
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL
from facilitator.ui.widgets.search_result_list import SearchResultList

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

WHAT_IS_SEARCHED = (
    "Type words to find them in every team's meetings: titles, purposes and goals, agenda "
    "items, notes, decisions, action items, the parking lot, take-aways, time-outs and "
    'evaluation comments. "Two words" in quotes finds a phrase; -word leaves a word out.'
)
"""What the screen says while the box is empty."""
ORDER_NAMES = {False: "newest first", True: "best match first"}


class SearchFound(Message):
    """The reply to search request `number`."""

    def __init__(self, number: int, found: SearchResults) -> None:
        super().__init__()
        self.number = number
        self.found = found


class SearchFailed(Message):
    """Search request `number` could not be answered; the sentence says why."""

    def __init__(self, number: int, sentence: str) -> None:
        super().__init__()
        self.number = number
        self.sentence = sentence


class SearchBox(Input):
    """The search field; it keeps the focus and carries the keys that move through the
    results and open one (see `SEARCH_ACTIONS`)."""

    BINDINGS = bindings(SEARCH_ACTIONS, scope="search-box")


class SearchScreen(FreshScreen[None]):
    """Full-text search over every active team's meetings; enter opens the meeting."""

    CSS_PATH = "search.tcss"
    ACTIONS = SEARCH_ACTIONS
    BINDINGS = bindings(SEARCH_ACTIONS)
    AUTO_FOCUS = "#search-box"

    app: FacilitatorApp

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        """The number of the latest request; replies to earlier ones are dropped."""
        self.ranked = False
        self.found: SearchResults | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield SearchBox(placeholder="Search every meeting", id="search-box", compact=True)
        yield Static(id="search-state")
        yield SearchResultList(id="search-results")
        yield Static(WHAT_IS_SEARCHED, id="search-empty", classes=PANEL, markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self._show_nothing_asked()

    # Asking ------------------------------------------------------------------------

    def load(self) -> None:
        """Ask again for what the box holds (the data changed, or the order)."""
        self.ask(self.query_one(SearchBox).value)

    def ask(self, text: str) -> None:
        """Start request number `asked + 1` for `text`; an empty box asks nothing."""
        self.asked += 1
        if not text.strip():
            self._show_nothing_asked()
            return
        self._search(self.asked, text, self.ranked)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, number: int, text: str, ranked: bool) -> None:
        try:
            found = self.app.backend.search(text, ranked=ranked)
        except FacilitatorError as error:
            self.post_message(SearchFailed(number, error.sentence))
            return
        self.post_message(SearchFound(number, found))

    def on_search_found(self, message: SearchFound) -> None:
        if message.number == self.asked:
            self.show(message.found)

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.number == self.asked:
            self._show_sentence(lit(message.sentence, "bold"), "")

    @on(Input.Changed, "#search-box")
    def _box_changed(self) -> None:
        self.reload()  # notes the data's state, so coming back later asks again if changed

    # Showing -----------------------------------------------------------------------

    def show(self, found: SearchResults) -> None:
        """Show the results of one query, or the sentence saying why there are none."""
        self.found = found
        if found.message is not None:
            self._show_sentence(lit(found.message), "")
        elif not found.results:
            sentence = join("Nothing found for ", lit(found.query.strip(), "bold"), ".")
            self._show_sentence(sentence, "Try fewer words, or the start of a word.")
        else:
            self._show_results(found)

    def _show_results(self, found: SearchResults) -> None:
        count = len(found.results)
        state = join(
            (f"{count} result{'s' if count != 1 else ''}", "bold"),
            f" · {ORDER_NAMES[found.ranked]} (ctrl+r: {ORDER_NAMES[not found.ranked]})",
        )
        self.query_one("#search-state", Static).update(state)
        results = self.query_one(SearchResultList)
        results.border_title = "Results"
        results.show(found.results)
        results.display = True
        self.query_one("#search-empty").display = False

    def _show_nothing_asked(self) -> None:
        self.found = None
        self._show_sentence(Content(WHAT_IS_SEARCHED), "")

    def _show_sentence(self, sentence: Content, hint: str) -> None:
        """`sentence` in the results' place (the list emptied, so enter opens nothing)."""
        self.query_one("#search-state", Static).update(hint)
        results = self.query_one(SearchResultList)
        results.show(())
        results.display = False
        empty = self.query_one("#search-empty", Static)
        empty.update(sentence)
        empty.display = True

    # Keys --------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.query_one(SearchResultList).action_cursor_up()

    def action_cursor_down(self) -> None:
        self.query_one(SearchResultList).action_cursor_down()

    def action_toggle_order(self) -> None:
        self.ranked = not self.ranked
        self.load()

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self) -> None:
        self.action_open_result()

    def action_open_result(self) -> None:
        result = self.query_one(SearchResultList).selected()
        if result is None:
            self.app.notify("There is no result to open; type words to find.", markup=False)
            return
        self._open(result)

    @work(thread=True, exclusive=True, group="search-open")
    def _open(self, result: SearchResult) -> None:
        """Read the meeting's status (it may have moved on since the search), then
        open it as home would."""
        try:
            status = self.app.backend.meeting_status(result.meeting_id)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.app.call_from_thread(self.open_meeting, result, status)

    def open_meeting(self, result: SearchResult, status: str) -> None:
        """A planned meeting's agenda item opens its plan with that item highlighted;
        anything else opens its meeting at the top, as home does."""
        if status == MeetingStatus.PLANNED and result.kind == "item":
            from facilitator.ui.screens.plan import PlanScreen

            plan = PlanScreen(result.meeting_id)
            plan.focus_item = result.record_id
            self.app.push_screen(plan)
        else:
            self.app.open_meeting(result.meeting_id, status=status)

    def action_back(self) -> None:
        box = self.query_one(SearchBox)
        if box.value:
            box.value = ""  # Input.Changed shows what can be searched
        else:
            self.dismiss()
