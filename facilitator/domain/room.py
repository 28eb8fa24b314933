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


@dataclass(frozen=True)
class Speaker:
    """A member as the speaker queue sees them."""

    member_id: int
    name: str
    turns: int
    queued: bool = False
    speaking: bool = False

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
    """Every member expected (or present) at the meeting, in the team's order, with turns."""
    queue: tuple[int, ...] = ()
    """Member ids waiting for the floor, first in line first."""
    speaking: int | None = None
    """The member who has the floor now."""
    captures: tuple[Capture, ...] = ()
    norms: tuple[NormLine, ...] = ()
    time_out_id: int | None = None
    time_out_since: datetime | None = None
    """When the time-out under way began; None when there is none."""
    norms_checks: int = 0
    process_checks: int = 0

    def name_of(self, member_id: int | None) -> str:
        return next((m.name for m in self.members if m.member_id == member_id), "")

    @property
    def quiet(self) -> tuple[Speaker, ...]:
        return tuple(member for member in self.members if member.quiet)
