"""The parking lot: every entry a team set aside across its meetings (or every team's),
open ones first, then those dealt with, newest first; 1 and 2 show the open ones or all,
/ searches the text through the search index (in a thread worker; a stale reply is never
shown over a newer one's); enter opens the meeting an entry was raised in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Static

from facilitator.domain.parking_lot import ParkedEntry, ParkingFilter, ParkingLot
from facilitator.domain.text_filter import EVERYTHING, TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.parking_actions import PARKING_ACTIONS
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.decision_table import log_day
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL
from facilitator.ui.widgets.parking_table import ParkingTable

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

FILTERS = ((ParkingFilter.OPEN, "1 Open"), (ParkingFilter.ALL, "2 All"))
EMPTY_SENTENCES = {
    ParkingFilter.OPEN: "Nothing is waiting on the parking lot.",
    ParkingFilter.ALL: "The parking lot is empty. A meeting parks an idea with p on its "
    "live screen.",
}
"""What the list says when a filter shows nothing."""
NOTHING_MATCHES = "Nothing matches; try other words, or 2 for all."


class ParkingLoaded(Message):
    """The parking lot was read, with the text filter of request `number`."""

    def __init__(self, parking: ParkingLot, number: int, text: TextFilter) -> None:
        super().__init__()
        self.parking = parking
        self.number = number
        self.text = text


class ParkingFiltered(Message):
    """The entries the search box's text finds, for request `number`."""

    def __init__(self, number: int, text: TextFilter) -> None:
        super().__init__()
        self.number = number
        self.text = text


class ParkingFailed(Message):
    """The parking lot could not be read; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class EmptyParking(Static, can_focus=True):
    """What the list says when it shows nothing, in the table's place; it takes the focus
    while the table is hidden, so the filter keys never type into the search box."""


class ParkingLotScreen(FreshScreen[None]):
    """One team's parking-lot entries (or every team's), filtered and searched."""

    CSS_PATH = "parking_lot.tcss"
    ACTIONS = PARKING_ACTIONS
    BINDINGS = bindings(PARKING_ACTIONS)
    AUTO_FOCUS = "#parking"

    app: FacilitatorApp

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.team_name = team_name
        self.parking: ParkingLot | None = None
        self.view = ParkingFilter.ALL
        self.text = EVERYTHING
        """The entries the search box's text finds (all while it is empty)."""
        self.asked = 0
        """The number of the latest reading or search; replies to earlier ones are dropped."""
        self.read_number = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(self._title("Loading…"), id="parking-heading")
        yield Static(id="parking-filter")
        yield Input(placeholder="Search (/)", id="parking-search", compact=True)
        yield ParkingTable(id="parking")
        yield EmptyParking(id="parking-empty", classes=PANEL)
        yield ClampedText(id="parking-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Parking lot"
        self.query_one("#parking-empty").display = False
        self._show_filter()
        self.reload()

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the entries again, and what the search box's text finds in them."""
        self.asked += 1
        self.read_number = self.asked
        self._load(self.asked, self._words())

    @work(thread=True, exclusive=True, group="parking-load")
    def _load(self, number: int, typed: str) -> None:
        from facilitator.services.parking_lot import parking_lot

        backend = self.app.backend
        try:
            parking = parking_lot(backend.db.target, team_id=self.team_id, tz=backend.tz)
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(ParkingFailed(error.sentence))
            return
        self.post_message(ParkingLoaded(parking, number, text))

    @work(thread=True, exclusive=True, group="parking-search")
    def _search(self, number: int, typed: str) -> None:
        """Find the entries holding `typed` (the list itself is not read again)."""
        try:
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(ParkingFailed(error.sentence))
            return
        self.post_message(ParkingFiltered(number, text))

    def _found(self, typed: str) -> TextFilter:
        from facilitator.services.text_filter import text_filter

        target = self.app.backend.db.target
        return text_filter(target, typed, kind="parking", team_id=self.team_id)

    def on_parking_failed(self, message: ParkingFailed) -> None:
        self.query_one("#parking-heading", Static).update(lit(message.sentence, "bold"))

    def on_parking_loaded(self, message: ParkingLoaded) -> None:
        if message.number != self.read_number:
            return  # a later reading is on its way
        self.parking = message.parking
        if message.number == self.asked:
            self.text = message.text
        self.team_name = message.parking.team_name or self.team_name
        self._show()

    def on_parking_filtered(self, message: ParkingFiltered) -> None:
        if message.number == self.asked:
            self.text = message.text
            self._show()

    # Showing ------------------------------------------------------------------------

    def _title(self, counts: str) -> Content:
        name = self.team_name if self.team_id is not None else "All teams"
        return join(lit(name or "Team", "bold"), " · Parking lot · ", counts)

    def _words(self) -> str:
        return self.query_one("#parking-search", Input).value

    def _show(self) -> None:
        if self.parking is None:
            return
        self.query_one("#parking-heading", Static).update(self._title(self.parking.counts_label()))
        self._show_filter()
        shown = self.parking.shown(self.view, text=self.text)
        table = self.query_one(ParkingTable)
        table.border_title = f"Entries · {len(shown.entries)}"
        table.show(shown.entries)
        empty = self.query_one("#parking-empty", EmptyParking)
        empty.update(NOTHING_MATCHES if self._words().strip() else EMPTY_SENTENCES[self.view])
        in_list = self.focused in (table, empty, None)
        empty.display = not shown.entries
        table.display = bool(shown.entries)
        if in_list:
            self._focus_list()  # never the search box, where the filter keys would type
        self._show_detail()

    def _focus_list(self) -> None:
        """Focus the table, or the sentence in its place while it shows nothing."""
        table = self.query_one(ParkingTable)
        (table if table.display else self.query_one("#parking-empty", EmptyParking)).focus()

    def _show_filter(self) -> None:
        parts: list[Content | str | tuple[str, str]] = ["Show: "]
        for view, label in FILTERS:
            active = view == self.view
            parts += [(f"[{label}]", "bold $accent") if active else (label, ""), " "]
        self.query_one("#parking-filter", Static).update(join(*parts))

    def _show_detail(self) -> None:
        detail = self.query_one("#parking-detail", ClampedText)
        entry = self._selected()
        detail.display = entry is not None
        if entry is None:
            return
        facts = [entry.status_label, f"raised by {entry.raised_by or 'nobody named'}"]
        if entry.meeting_title is not None and entry.meeting_date is not None:
            facts.append(f"{entry.meeting_title} ({log_day(entry.meeting_date)})")
        else:
            facts.append("its meeting was deleted")
        if self.team_id is None:
            facts.append(entry.team_name)
        note = entry.disposition_note.strip()
        detail.show(
            [
                (lit(entry.text, "bold"), 2),
                (lit(f"Note: {note}") if note else lit("No disposition note.", "dim"), 1),
                (lit(" · ".join(facts), "dim"), 2),
            ]
        )

    def _selected(self) -> ParkedEntry | None:
        """The entry under the table's cursor, if the table shows any."""
        table = self.query_one(ParkingTable)
        entry_id = table.selected_id() if table.display else None
        if self.parking is None or entry_id is None:
            return None
        return self.parking.get(entry_id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#parking")
    def _row_chosen(self) -> None:
        self.action_open_meeting()

    @on(Input.Changed, "#parking-search")
    def _search_changed(self) -> None:
        self.asked += 1
        if self._words().strip():
            self._search(self.asked, self._words())
        else:
            self.text = EVERYTHING  # at once: the whole list is in memory
            self._show()

    @on(Input.Submitted, "#parking-search")
    def _search_submitted(self) -> None:
        self._focus_list()

    # Keys ---------------------------------------------------------------------------

    def action_show_open(self) -> None:
        self.view = ParkingFilter.OPEN
        self._show()

    def action_show_all(self) -> None:
        self.view = ParkingFilter.ALL
        self._show()

    def action_search(self) -> None:
        self.query_one("#parking-search", Input).focus()

    def action_open_meeting(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.meeting_id is None:
            self.notify("The meeting it was raised in was deleted.", markup=False)
            return
        self._open(entry.meeting_id)

    @work(thread=True, exclusive=True, group="parking-open")
    def _open(self, meeting_id: int) -> None:
        """Read the meeting's status (it may have moved on since the list was read),
        then open it as home would."""
        try:
            status = self.app.backend.meeting_status(meeting_id)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.app.call_from_thread(self.app.open_meeting, meeting_id, status)

    def action_back(self) -> None:
        search = self.query_one("#parking-search", Input)
        if search.value:
            search.value = ""  # shown again at once (Input.Changed), focus with the list
            self._focus_list()
        else:
            self.dismiss()
