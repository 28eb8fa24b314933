"""What the decision log, the action items and the parking lot share: a table of one
team's records (or every team's) under a heading and a filter line, a search box over
it ("Search (/)") whose text is found through the search index, the sentence shown in
the table's place when it shows nothing, and a detail line under it.

The box's text is looked for in a thread worker, as it changes and each time the list
is read again. Replies can arrive out of order, so every reading and every search
carries a number: only the reply to the latest is shown, and a reading's own text
filter is kept only if the box did not change after it was asked for.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Header, Input, Static

from facilitator.domain.text_filter import EVERYTHING, TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp


class TextFiltered(Message):
    """The records the search box's text finds, for request `number`."""

    def __init__(self, number: int, text: TextFilter) -> None:
        super().__init__()
        self.number = number
        self.text = text


class ListFailed(Message):
    """The list could not be read; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class EmptySentence(Static, can_focus=True):
    """What the list says when it shows nothing, in the table's place; it takes the focus
    while the table is hidden, so the filter keys never type into the search box."""


class TextFilteredScreen(FreshScreen[None]):
    """A list of one team's records (or every team's), searched by the box's text.

    A screen names its table (`TABLE`, with the id `LIST_ID`; the heading, filter line,
    sentence and detail are `#<LIST_ID>-heading`, `-filter`, `-empty` and `-detail`),
    its box (`SEARCH_ID`), the kind of record searched (`KIND`) and its messages. Its
    `load` asks for a number with `ask_reading` and reads in a worker; its reply goes
    through `took_reading`.
    """

    TABLE: ClassVar[type[Widget]]
    LIST_ID: ClassVar[str]
    SEARCH_ID: ClassVar[str]
    KIND: ClassVar[str]
    """The records searched: "decision", "action" or "parking"."""
    FILTERED: ClassVar[type[TextFiltered]]
    FAILED: ClassVar[type[ListFailed]]
    TITLE_SEPARATOR: ClassVar[str] = " · "
    """Between the team's name and the counts in the heading."""

    app: FacilitatorApp

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.team_name = team_name
        self.text = EVERYTHING
        """The records the search box's text finds (all while it is empty)."""
        self.asked = 0
        """The number of the latest reading or search; replies to earlier ones are dropped."""
        self.read_number = 0
        """The number of the latest reading."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(self._title("Loading…"), id=f"{self.LIST_ID}-heading")
        yield Static(id=f"{self.LIST_ID}-filter")
        yield Input(placeholder="Search (/)", id=self.SEARCH_ID, compact=True)
        yield self.TABLE(id=self.LIST_ID)
        yield EmptySentence(id=f"{self.LIST_ID}-empty", classes=PANEL)
        yield ClampedText(id=f"{self.LIST_ID}-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(f"#{self.LIST_ID}-empty").display = False
        self._show_filter()
        self.reload()

    @abstractmethod
    def _show(self) -> None:
        """Show what was read, as the filters and the box's text have it."""

    @abstractmethod
    def _show_filter(self) -> None:
        """Show which filters are on."""

    @abstractmethod
    def _show_detail(self) -> None:
        """Show the highlighted record in full under the table."""

    # Reading ------------------------------------------------------------------------

    def ask_reading(self) -> tuple[int, str]:
        """The number of a new reading, and the box's text for it to look for."""
        self.asked += 1
        self.read_number = self.asked
        return self.asked, self._words()

    def took_reading(self, number: int, text: TextFilter) -> bool:
        """Whether reading `number` is the latest (if not, a later one is on its way); its
        text filter is kept if the box did not change since."""
        if number != self.read_number:
            return False
        if number == self.asked:
            self.text = text
        return True

    @work(thread=True, exclusive=True, group="text-filter")
    def _search(self, number: int, typed: str) -> None:
        """Find the records holding `typed` (the list itself is not read again)."""
        try:
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(self.FAILED(error.sentence))
            return
        self.post_message(self.FILTERED(number, text))

    def _found(self, typed: str) -> TextFilter:
        """What `typed` finds (call in a worker: it reads the search index)."""
        from facilitator.services.text_filter import text_filter

        target = self.app.backend.db.target
        return text_filter(target, typed, kind=self.KIND, team_id=self.team_id)

    @on(ListFailed)
    def _failed(self, message: ListFailed) -> None:
        self.query_one(f"#{self.LIST_ID}-heading", Static).update(lit(message.sentence, "bold"))

    @on(TextFiltered)
    def _filtered(self, message: TextFiltered) -> None:
        if message.number == self.asked:
            self.text = message.text
            self._show()

    # Showing ------------------------------------------------------------------------

    def _title(self, counts: str) -> Content:
        name = self.team_name if self.team_id is not None else "All teams"
        return join(lit(name or "Team", "bold"), self.TITLE_SEPARATOR, counts)

    def _words(self) -> str:
        return self.query_one(f"#{self.SEARCH_ID}", Input).value

    def _show_heading(self, counts: str) -> None:
        """The heading with `counts`, and the filter line."""
        self.query_one(f"#{self.LIST_ID}-heading", Static).update(self._title(counts))
        self._show_filter()

    def _show_rows_or(self, sentence: str, *, rows: bool) -> None:
        """The table if it has `rows`, else `sentence` in its place; the focus stays with
        the list, never falls to the search box, where the filter keys would type."""
        table = self.query_one(f"#{self.LIST_ID}")
        empty = self.query_one(f"#{self.LIST_ID}-empty", EmptySentence)
        empty.update(sentence)
        in_list = self.focused in (table, empty, None)
        empty.display = not rows
        table.display = rows
        if in_list:
            self._focus_list()

    def _focus_list(self) -> None:
        """Focus the table, or the sentence in its place while it shows nothing."""
        table = self.query_one(f"#{self.LIST_ID}")
        (table if table.display else self.query_one(f"#{self.LIST_ID}-empty")).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        if event.input.id != self.SEARCH_ID:
            return
        self.asked += 1
        if self._words().strip():
            self._search(self.asked, self._words())
        else:
            self.text = EVERYTHING  # at once: the whole list is in memory
            self._show()

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self.SEARCH_ID:
            self._focus_list()

    # Keys ---------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(f"#{self.SEARCH_ID}", Input).focus()

    def action_back(self) -> None:
        search = self.query_one(f"#{self.SEARCH_ID}", Input)
        if search.value:
            search.value = ""  # shown again at once (Input.Changed), focus with the list
            self._focus_list()
        else:
            self.dismiss()
