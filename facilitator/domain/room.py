"""What the live screen shows besides the clock: what has been captured, the speaker
queue with the tally of turns, the norms to check, and any time-out under way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CaptureKind(StrEnum):
    """The quick captures of the live screen."""

    ACTION = "action"
    PARKING = "parking"
    TAKEAWAY = "takeaway"
    DECISION = "decision"


CAPTURE_LABELS = {
    CaptureKind.ACTION: "Action",
    CaptureKind.PARKING: "Parked",
    CaptureKind.TAKEAWAY: "Take-away",
    CaptureKind.DECISION: "Decision",
}


@dataclass(frozen=True)
class Capture:
    """One thing captured during the meeting, in a line."""

    kind: CaptureKind
    text: str
    item_id: int | None
    at: datetime

    @property
    def label(self) -> str:
        return CAPTURE_LABELS[self.kind]


SpeakerKey = int | str
"""Who a place in the speaker queue is for: a team member by id, a guest by name."""


@dataclass(frozen=True)
class Speaker:
    """A member or a guest as the speaker queue sees them."""

    member_id: int | None
    """None for a guest of the meeting."""
    name: str
    turns: int
    queued: bool = False
    speaking: bool = False

    @property
    def key(self) -> SpeakerKey:
        return self.name if self.member_id is None else self.member_id

    @property
    def is_guest(self) -> bool:
        return self.member_id is None

    @property
    def quiet(self) -> bool:
        """Has not had the floor yet in this meeting."""
        return self.turns == 0 and not self.speaking


@dataclass(frozen=True)
class NormLine:
    """A norm the team holds, as the norms check rates it."""

    id: int
    text: str


@dataclass(frozen=True)
class Room:
    """The meeting's room at a moment, as stored."""

    members: tuple[Speaker, ...] = ()
    """Every member expected (or present) at the meeting, in the team's order, with turns,
    then the meeting's guests."""
    queue: tuple[SpeakerKey, ...] = ()
    """Who waits for the floor (member ids, guests' names), first in line first."""
    speaking: SpeakerKey | None = None
    """Who has the floor now."""
    captures: tuple[Capture, ...] = ()
    norms: tuple[NormLine, ...] = ()
    time_out_id: int | None = None
    time_out_since: datetime | None = None
    """When the time-out under way began; None when there is none."""
    norms_checks: int = 0
    process_checks: int = 0
    process_checked: tuple[tuple[int | None, datetime], ...] = ()
    """(agenda item id, when) of each process check taken, oldest first."""

    def name_of(self, key: SpeakerKey | None) -> str:
        return next((m.name for m in self.members if m.key == key), "")

    def find(self, name: str) -> Speaker | None:
        """The member or guest called `name` (any case, any spacing), if listed."""
        wanted = " ".join(name.split()).casefold()
        return next((m for m in self.members if m.name.casefold() == wanted), None)

    def process_checked_since(self, item_id: int, moment: datetime) -> bool:
        """Whether a process check was taken on item `item_id` at or after `moment`."""
        return any(item == item_id and at >= moment for item, at in self.process_checked)

    @property
    def quiet(self) -> tuple[Speaker, ...]:
        return tuple(member for member in self.members if member.quiet)
