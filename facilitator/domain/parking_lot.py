"""A team's parking lot across its meetings: every entry set aside, open ones first.

Plain values the parking-lot screen shows; `facilitator.services.parking_lot` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from facilitator.domain.enums import ParkingStatus
from facilitator.domain.text_filter import EVERYTHING, TextFilter

STATUS_WORDS = {
    ParkingStatus.OPEN.value: "open",
    ParkingStatus.NEXT_AGENDA.value: "next agenda",
    ParkingStatus.ACTION.value: "action item",
    ParkingStatus.RESOLVED.value: "resolved",
    ParkingStatus.DROPPED.value: "dropped",
}
"""A disposition in a word or two, for a column."""


@dataclass(frozen=True)
class ParkedEntry:
    """One parking-lot entry, with the meeting it was raised in."""

    id: int
    text: str
    raised_by: str
    """The member's name, or the name typed; "" if nobody was named."""
    status: str
    """A `ParkingStatus` value: open, or how it was dealt with."""
    disposition_note: str
    meeting_id: int | None
    """The meeting it was raised in (None once that meeting was deleted)."""
    meeting_title: str | None
    meeting_date: date | None
    """The day that meeting was held (planned for, if it has not been)."""
    team_name: str

    @property
    def is_open(self) -> bool:
        return self.status == ParkingStatus.OPEN

    @property
    def status_label(self) -> str:
        return STATUS_WORDS.get(self.status, self.status)


class ParkingFilter(StrEnum):
    """Which entries the list shows."""

    OPEN = "open"
    ALL = "all"


@dataclass(frozen=True)
class ParkingLot:
    """A team's (or every active team's) parking-lot entries: open ones first, then
    those dealt with, the newest meeting's first in each."""

    entries: tuple[ParkedEntry, ...]
    team_name: str | None = None
    """The team's name; None for the entries of every team."""

    @property
    def open_count(self) -> int:
        return sum(1 for e in self.entries if e.is_open)

    def counts_label(self) -> str:
        """E.g. "3 open, 5 dealt with"."""
        return f"{self.open_count:,} open, {len(self.entries) - self.open_count:,} dealt with"

    def shown(self, view: ParkingFilter, *, text: TextFilter = EVERYTHING) -> ParkingLot:
        """The entries `view` shows that the text filter `text` keeps."""
        return replace(
            self,
            entries=tuple(
                e
                for e in self.entries
                if (view is ParkingFilter.ALL or e.is_open) and text.keeps(e.id)
            ),
        )

    def get(self, entry_id: int) -> ParkedEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)
