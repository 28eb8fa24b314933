"""A team's norms across its meetings: for each norm, how well the team read it as
honoured at each meeting that had a norms check, oldest first, and the change since
the previous such meeting in words ("Listen to understand: 50% → 100% honoured").

A meeting's figure for a norm is the share of its readings that said honoured, a
"partly" counting half, as a percentage: two checks in one meeting, one honoured and
one partly, give 75%. Every norm the team has written is trended, retired ones too
(their old checks still say how the team did); a norm never read is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from facilitator.domain.enums import NormReading
from facilitator.domain.evaluation_trends import ARROW

SCALE = (0, 100)
"""A norm's figure runs from 0% (never honoured) to 100% (honoured every time)."""


@dataclass(frozen=True)
class TeamNorm:
    """One of the team's norms, in the team's words."""

    id: int
    text: str
    retired: bool = False


@dataclass(frozen=True)
class MeetingReadings:
    """One meeting's norms checks: every reading given, by norm id (a meeting with
    two checks gives a norm two readings)."""

    meeting_id: int
    day: date
    title: str
    readings: Mapping[int, Sequence[str]]
    """NormReading values, by norm id."""


@dataclass(frozen=True)
class NormPoint:
    """A norm's readings at one meeting."""

    meeting_id: int
    day: date
    title: str
    honoured: int
    partly: int
    not_honoured: int

    @property
    def readings(self) -> int:
        return self.honoured + self.partly + self.not_honoured

    @property
    def percent(self) -> float:
        """The share honoured, partly counting half, from 0 to 100."""
        return 100 * (self.honoured + self.partly / 2) / self.readings

    @property
    def tally(self) -> str:
        """ "1 honoured, 1 partly, 0 not": each reading counted in words."""
        return f"{self.honoured} honoured, {self.partly} partly, {self.not_honoured} not"


@dataclass(frozen=True)
class NormTrend:
    """One norm across the meetings whose norms checks read it, oldest first."""

    norm_id: int
    text: str
    retired: bool
    points: tuple[NormPoint, ...]

    @property
    def name(self) -> str:
        """The norm's words without a closing full stop (a colon follows it in the
        change), with "(retired)" after a retired one."""
        words = self.text.rstrip().removesuffix(".") or self.text
        return f"{words} (retired)" if self.retired else words

    @property
    def change(self) -> str:
        """ "Listen to understand: 50% → 100% honoured" (the previous meeting's figure,
        then the latest's); with one point, "…: 50% honoured (one meeting so far)"."""
        if len(self.points) == 1:
            return f"{self.name}: {percent(self.points[0].percent)} honoured (one meeting so far)"
        before, latest = self.points[-2], self.points[-1]
        return f"{self.name}: {percent(before.percent)}{ARROW}{percent(latest.percent)} honoured"


def percent(value: float) -> str:
    """ "67%": a share rounded to a whole percent."""
    return f"{value:.0f}%"


def norms_trends(
    norms: Sequence[TeamNorm], meetings: Sequence[MeetingReadings]
) -> tuple[NormTrend, ...]:
    """Each norm of `norms` (in that order) over `meetings` (given oldest first); a
    meeting counts for a norm where one of its checks read it. A norm no check read is
    left out; a reading that is not a NormReading is not counted."""
    found = []
    for norm in norms:
        points = tuple(
            point for meeting in meetings if (point := _point(meeting, norm.id)) is not None
        )
        if points:
            found.append(NormTrend(norm.id, norm.text, norm.retired, points))
    return tuple(found)


def _point(meeting: MeetingReadings, norm_id: int) -> NormPoint | None:
    counts = Counter(meeting.readings.get(norm_id, ()))
    honoured, partly, not_honoured = (
        counts[kind.value]
        for kind in (NormReading.HONOURED, NormReading.PARTLY, NormReading.NOT_HONOURED)
    )
    if not honoured + partly + not_honoured:
        return None
    return NormPoint(meeting.meeting_id, meeting.day, meeting.title, honoured, partly, not_honoured)
