"""The timekeeper's arithmetic: every figure is derived from stored start and stop
timestamps and the clock's reading now, never from counted ticks, so a paused, restarted
or killed app shows exactly the same times.

An item's clock is the sum of its segments (an open segment runs to `now`) against its
planned time plus any extension. The meeting's clock projects the end from the current
item's remaining time and the later items' planned times.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

DEFAULT_WARNING_SECONDS = 120
"""The "2 min left" threshold unless a meeting sets its own."""
TIME_UP_SECONDS = 10
"""For this long after the planned time runs out the timer says "Time is up", then it
counts the overtime up: "Over by 0:10"."""


@dataclass(frozen=True)
class Segment:
    """A stretch of time the clock ran: `stopped_at` is None while it still runs."""

    started_at: datetime
    stopped_at: datetime | None = None


def run_seconds(segments: Sequence[Segment], now: datetime) -> float:
    """Seconds the clock has run over `segments` by `now` (an open one runs to `now`; a
    clock read before a segment began counts none of it)."""
    total = 0.0
    for segment in segments:
        end = segment.stopped_at if segment.stopped_at is not None else now
        total += max((min(end, now) - segment.started_at).total_seconds(), 0.0)
    return total


def time_up_at(
    segments: Sequence[Segment], planned_seconds: float, now: datetime
) -> datetime | None:
    """The moment the clock's run over `segments` reached `planned_seconds` (when time
    ran out), or None if it has not by `now`."""
    left = planned_seconds
    for segment in sorted(segments, key=lambda s: s.started_at):
        end = min(segment.stopped_at or now, now)
        run = max((end - segment.started_at).total_seconds(), 0.0)
        if run >= left:
            return segment.started_at + timedelta(seconds=max(left, 0.0))
        left -= run
    return None


class Phase(StrEnum):
    """How the countdown stands; the words and the colour change together."""

    NORMAL = "normal"
    WARNING = "warning"
    TIME_UP = "time_up"
    OVER = "over"


def clock_text(seconds: float) -> str:
    """Whole seconds as "m:ss" or "h:mm:ss" (never negative)."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class ItemClock:
    """One item's countdown at a moment."""

    planned_seconds: float
    """Planned minutes plus the extensions (less the shortenings)."""
    elapsed_seconds: float
    running: bool
    warning_seconds: float = DEFAULT_WARNING_SECONDS

    @property
    def remaining_seconds(self) -> float:
        """Planned less elapsed: negative once the item runs over."""
        return self.planned_seconds - self.elapsed_seconds

    @property
    def over_seconds(self) -> float:
        return max(-self.remaining_seconds, 0.0)

    @property
    def phase(self) -> Phase:
        remaining = self.remaining_seconds
        if remaining > self.warning_seconds:
            return Phase.NORMAL
        if remaining > 0:
            return Phase.WARNING
        if self.over_seconds < TIME_UP_SECONDS:
            return Phase.TIME_UP
        return Phase.OVER

    @property
    def display(self) -> str:
        """The big figure: time left counting down ("12:30"), then the overtime counting
        up ("+1:30"). Time left is rounded up, so "0:00" shows only when it is up."""
        remaining = self.remaining_seconds
        if remaining > 0:
            return clock_text(math.ceil(remaining))
        return "+" + clock_text(math.floor(-remaining))

    @property
    def words(self) -> str:
        """What the figure means, in words, so no state is told by colour alone."""
        phase = self.phase
        if phase is Phase.NORMAL:
            text = f"{clock_text(math.ceil(self.remaining_seconds))} left"
        elif phase is Phase.WARNING:
            text = f"{math.ceil(self.remaining_seconds / 60)} min left"
        elif phase is Phase.TIME_UP:
            text = "Time is up"
        else:
            text = f"Over by {clock_text(math.floor(self.over_seconds))}"
        return text if self.running else f"{text} · paused"

    def next_change(self) -> float:
        """Seconds from this reading until the displayed figure next changes (for a
        timer that redraws exactly when it must, not on a fixed tick)."""
        remaining = self.remaining_seconds
        if remaining > 0:
            fraction = remaining - math.floor(remaining)
            return fraction if fraction > 0 else 1.0
        over = -remaining
        return math.floor(over) + 1 - over


@dataclass(frozen=True)
class ItemTime:
    """One agenda item as the meeting clock sees it."""

    item_id: int
    planned_seconds: float
    elapsed_seconds: float


@dataclass(frozen=True)
class MeetingClock:
    """The whole meeting at a moment: elapsed, remaining plan, projected end."""

    now: datetime
    started_at: datetime | None
    """When the clock first ran; None before the meeting starts."""
    scheduled_end: datetime
    items: tuple[ItemTime, ...]
    current_index: int

    @property
    def elapsed_seconds(self) -> float:
        """Wall-clock time since the meeting started (pauses included)."""
        if self.started_at is None:
            return 0.0
        return max((self.now - self.started_at).total_seconds(), 0.0)

    @property
    def remaining_seconds(self) -> float:
        """The current item's time left (none once it runs over) and every later item's
        planned time; earlier items count as done."""
        if not self.items:
            return 0.0
        index = min(max(self.current_index, 0), len(self.items) - 1)
        current = self.items[index]
        left = max(current.planned_seconds - current.elapsed_seconds, 0.0)
        return left + sum(item.planned_seconds for item in self.items[index + 1 :])

    @property
    def projected_end(self) -> datetime:
        """When the meeting ends if the later items keep their planned times."""
        return self.now + timedelta(seconds=self.remaining_seconds)

    @property
    def drift_seconds(self) -> float:
        """How far the projected end is past the scheduled end (negative: early)."""
        return (self.projected_end - self.scheduled_end).total_seconds()

    @property
    def drift_words(self) -> str:
        """E.g. "on plan", "4 min over plan", "2 min under plan" (whole minutes)."""
        minutes = round(self.drift_seconds / 60)
        if minutes == 0:
            return "on plan"
        return f"{abs(minutes)} min {'over' if minutes > 0 else 'under'} plan"
