"""Search: one box over every team's meetings (or one team's), results updated as you
type; enter opens the meeting at the record found.

Each change of the box asks the service again in a thread worker, so typing never
waits for the database. Replies can arrive out of order (a worker that was replaced
still finishes its query), so every request carries a number and only the reply to
the latest one is shown: a stale query's results never cover a newer one's.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.overview import TeamSummary
from facilitator.domain.search_results import SearchResult, SearchResults, query_shown
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.opening import open_when_read
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
    "evaluation comments. From its third letter, the word typed finds longer ones too; "
    '"two words" finds a phrase; -word leaves it out.'
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
    """Full-text search over every active team's meetings, or one team's (at first the
    team chosen on home; ctrl+t moves on); enter opens the meeting at the record."""

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
        self.team: TeamSummary | None = None
        """The team searched; None: every active team."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield SearchBox(placeholder="Search every meeting", id="search-box", compact=True)
        yield Static(id="search-state")
        yield SearchResultList(id="search-results")
        yield Static(WHAT_IS_SEARCHED, id="search-empty", classes=PANEL, markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        overview = self.app.overview
        if overview is not None:
            self.team = next((t for t in overview.teams if t.id == overview.team_id), None)
        self._show_nothing_asked()
        # Once the box is drawn, before the first key: what home and this screen made
        # is kept out of the collections that typing's garbage sets off (as the live
        # screen does), which walked it all for 30-40 ms mid-typing.
        self.call_after_refresh(self.app.settle_heap)

    def on_unmount(self) -> None:
        # The backend keeps one connection for the box's searches while it is open.
        self.app.backend.close_search()

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
        team_id = self.team.id if self.team is not None else None
        self._search(self.asked, text, team_id, self.ranked)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, number: int, text: str, team_id: int | None, ranked: bool) -> None:
        try:
            found = self.app.backend.search(text, team_id=team_id, ranked=ranked)
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
            sentence = join("Nothing found for ", lit(query_shown(found.query), "bold"), ".")
            self._show_sentence(sentence, "Try fewer words, or the start of a word.")
        else:
            self._show_results(found)

    def _show_results(self, found: SearchResults) -> None:
        count = len(found.results)
        state = join(
            (f"{count} result{'s' if count != 1 else ''}", "bold"),
            " in ",
            self._scope(),
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

    def _scope(self) -> Content:
        """The team searched, by its name (shown literally), or "every team"."""
        return lit(self.team.name, "bold") if self.team is not None else Content("every team")

    def _show_sentence(self, sentence: Content, hint: str) -> None:
        """`sentence` in the results' place (the list emptied, so enter opens nothing);
        the state line says which teams are searched, then `hint`."""
        state = join("Searching ", self._scope(), ".", f" {hint}" if hint else "")
        self.query_one("#search-state", Static).update(state)
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

    def action_next_team(self) -> None:
        """Every team, then each active team in turn (as home lists them), then every
        team again; the box's words are asked again."""
        overview = self.app.overview
        choices: list[TeamSummary | None] = [None, *(overview.teams if overview else ())]
        ids = [choice.id if choice is not None else None for choice in choices]
        current = self.team.id if self.team is not None else None
        at = ids.index(current) if current in ids else 0
        self.team = choices[(at + 1) % len(choices)]
        self.load()

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self) -> None:
        self.action_open_result()

    def action_open_result(self) -> None:
        result = self.query_one(SearchResultList).selected()
        if result is None:
            self.app.notify("There is no result to open; type words to find.", markup=False)
            return
        # Its status is read again first: the meeting may have moved on since the search.
        open_when_read(self, result.meeting_id, partial(self.open_meeting, result))

    def open_meeting(self, result: SearchResult, status: str) -> None:
        """A planned meeting opens its plan with the result's agenda item highlighted; a
        closed one its minutes at the result's item or section; a running or reopened
        one its live screen or closure steps, as home does."""
        if status == MeetingStatus.PLANNED and result.item_id is not None:
            from facilitator.ui.screens.plan import PlanScreen

            plan = PlanScreen(result.meeting_id)
            plan.focus_item = result.item_id
            self.app.push_screen(plan)
        elif status == MeetingStatus.CLOSED:
            from facilitator.render.minutes_places import MinutesPlace
            from facilitator.ui.screens.minutes import MinutesScreen

            place = MinutesPlace(result.kind, result.item_id)
            self.app.push_screen(MinutesScreen(result.meeting_id, place=place))
        else:
            self.app.open_meeting(result.meeting_id, status=status)

    def action_back(self) -> None:
        box = self.query_one(SearchBox)
        if box.value:
            box.value = ""  # Input.Changed shows what can be searched
        else:
            self.dismiss()
