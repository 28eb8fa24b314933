"""Small formatting rules shared by every screen and export."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo


def local(moment: datetime, tz: tzinfo | None) -> datetime:
    """`moment` on the wall clock of `tz` (the machine's zone when None)."""
    return moment.astimezone(tz)


def day_label(day: date) -> str:
    """E.g. "Tue 1 Dec 2026"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day_label(day: date, today: date) -> str:
    """E.g. "Tue 1 Dec", with the year only when it is not this year's."""
    label = f"{day:%a} {day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


def clock_label(moment: datetime) -> str:
    """E.g. "15:30"."""
    return f"{moment:%H:%M}"


def duration_label(span: timedelta) -> str:
    """A rounded, human duration: "3 d", "5 h", "40 min"."""
    seconds = abs(int(span.total_seconds()))
    if seconds >= 2 * 86400:
        return f"{seconds // 86400} d"
    if seconds >= 3600:
        return f"{seconds // 3600} h"
    return f"{max(1, seconds // 60)} min"


def plural(count: int, word: str, words: str | None = None) -> str:
    """E.g. "1 member", "3 members", "10,005 meetings"."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
