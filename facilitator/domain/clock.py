"""Time comes from an injected clock, so tests can freeze it and nothing sleeps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""


def system_clock() -> datetime:
    """The real current time in UTC."""
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock stopped at `at` (for tests and snapshots)."""
    if at.tzinfo is None:
        raise ValueError("a clock needs a timezone-aware datetime")

    def now() -> datetime:
        return at

    return now
