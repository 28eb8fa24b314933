"""The parking lot: every entry a team set aside across its meetings (or every team's),
open ones first, then those dealt with, newest first; 1 and 2 show the open ones or all,
/ searches the text through the search index (in a thread worker; a stale reply is never
shown over a newer one's); enter opens the meeting an entry was raised in."""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from facilitator.domain.parking_lot import ParkedEntry, ParkingFilter, ParkingLot
from facilitator.domain.text_filter import TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.opening import open_when_read
from facilitator.ui.parking_actions import PARKING_ACTIONS
from facilitator.ui.screens.text_filtered import ListFailed, TextFiltered, TextFilteredScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.decision_table import log_day
from facilitator.ui.widgets.parking_table import ParkingTable

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


class ParkingFiltered(TextFiltered):
    """The entries the search box's text finds, for request `number`."""


class ParkingFailed(ListFailed):
    """The parking lot could not be read; the sentence says why."""


class ParkingLotScreen(TextFilteredScreen):
    """One team's parking-lot entries (or every team's), filtered and searched."""

    CSS_PATH = "parking_lot.tcss"
    ACTIONS = PARKING_ACTIONS
    BINDINGS = bindings(PARKING_ACTIONS)
    AUTO_FOCUS = "#parking"
    SUB_TITLE = "Parking lot"
    TABLE = ParkingTable
    LIST_ID = "parking"
    SEARCH_ID = "parking-search"
    KIND = "parking"
    FILTERED = ParkingFiltered
    FAILED = ParkingFailed
    TITLE_SEPARATOR = " · Parking lot · "

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__(team_id, team_name)
        self.parking: ParkingLot | None = None
        self.view = ParkingFilter.ALL

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the entries again, and what the search box's text finds in them."""
        self._load(*self.ask_reading())

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

    def on_parking_loaded(self, message: ParkingLoaded) -> None:
        if not self.took_reading(message.number, message.text):
            return
        self.parking = message.parking
        self.team_name = message.parking.team_name or self.team_name
        self._show()

    # Showing ------------------------------------------------------------------------

    def _show(self) -> None:
        if self.parking is None:
            return
        self._show_heading(self.parking.counts_label())
        shown = self.parking.shown(self.view, text=self.text)
        table = self.query_one(ParkingTable)
        table.border_title = f"Entries · {len(shown.entries):,}"
        table.show(shown.entries)
        sentence = NOTHING_MATCHES if self._words().strip() else EMPTY_SENTENCES[self.view]
        self._show_rows_or(sentence, rows=bool(shown.entries))
        self._show_detail()

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

    @on(DataTable.RowSelected, "#parking")
    def _row_chosen(self) -> None:
        self.action_open_meeting()

    # Keys ---------------------------------------------------------------------------

    def action_show_open(self) -> None:
        self.view = ParkingFilter.OPEN
        self._show()

    def action_show_all(self) -> None:
        self.view = ParkingFilter.ALL
        self._show()

    def action_open_meeting(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.meeting_id is None:
            self.notify("The meeting it was raised in was deleted.", markup=False)
            return
        open_when_read(self, entry.meeting_id)
