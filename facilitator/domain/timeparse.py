"""Reading dates, times and durations the way people type them, with clear sentences
when they cannot be read."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
"""Weekday names and abbreviations as people type them, to `date.weekday()` numbers."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]+)\.?,?\s*(\d{4})?$")
_MONTH_DAY = re.compile(r"^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s*(\d{4})?$")
_WEEKDAY = re.compile(r"^(?:(this|next)\s+)?([a-z]+)\.?$")
_LEADING_WORD = re.compile(r"^([a-z]+)\.?,?\s")
UNREADABLE_DATE = '"{text}" is not a date; write it like 2026-12-07, 7 Dec 2026 or fri.'
"""Names every form `parse_date` reads, so the sentence never offers one it refuses."""
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_MINUTES = re.compile(r"^(\d{1,7})\s*(?:m|min|mins|minute|minutes)?\.?$")


class Unreadable(ValueError):
    """A value that cannot be read; the message is the sentence to show."""


def parse_minutes(text: str, *, low: int = 1, high: int = 600) -> int:
    """Whole minutes such as "10" or "10 min", between `low` and `high`."""
    value = text.strip().lower()
    if not value:
        raise Unreadable("Give the minutes, e.g. 10.")
    if value.startswith("-"):
        raise Unreadable(f"Minutes cannot be negative; use at least {low}.")
    match = _MINUTES.match(value)
    if not match and value.isdigit():
        raise Unreadable(f"That is far more than {_limit(high)}; use {high} or fewer.")
    if not match:
        raise Unreadable(
            f'"{text.strip()}" is not a number of minutes; write a whole number like 10.'
        )
    minutes = int(match.group(1))
    if minutes < low:
        raise Unreadable(f"Use at least {low} minute{'s' if low > 1 else ''}.")
    if minutes > high:
        raise Unreadable(f"{minutes} minutes is more than {_limit(high)}; use {high} or fewer.")
    return minutes


def _limit(high: int) -> str:
    """The upper limit in words: "10 hours", or "45 minutes" when not whole hours."""
    hours, rest = divmod(high, 60)
    if rest or not hours:
        return f"{high} minutes"
    return f"{hours} hour{'s' if hours > 1 else ''}"


def parse_date(text: str, *, today: date) -> date:
    """A date such as 2026-12-07, 7 Dec 2026, Dec 7, "today", "tomorrow" or a weekday
    ("fri", "Friday", "this fri").

    Without a year, the next such date from `today` is meant. A weekday is the next one
    after today, 1 to 7 days ahead ("fri" on a Friday is a week later; "today" is today).
    "next fri" is refused with both dates it could mean: people use it for either.
    A weekday written before a date ("Fri 11 Dec") must be that date's.
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        raise Unreadable("Give the date, e.g. 2026-12-07, 7 Dec 2026 or fri.")
    if value in ("today", "tomorrow"):
        return date.fromordinal(today.toordinal() + (value == "tomorrow"))
    if match := _ISO.match(value):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    if (match := _WEEKDAY.match(value)) and match[2] in WEEKDAYS:
        return _next_weekday(today, WEEKDAYS[match[2]], text, said_next=match[1] == "next")
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := pattern.match(value):
            month = MONTHS.get(match[month_group])
            if month is None:
                break
            day = int(match[day_group])
            if match[3]:
                found = _make_date(int(match[3]), month, day, text)
            else:
                found = _next_date(today, month, day, text)
            return _check_weekday(value, found)
    raise Unreadable(UNREADABLE_DATE.format(text=text.strip()))


def _next_weekday(today: date, weekday: int, text: str, *, said_next: bool) -> date:
    """The first `weekday` after `today`; "next <weekday>" is refused as ambiguous."""
    ahead = (weekday - today.weekday() - 1) % 7 + 1
    found = date.fromordinal(today.toordinal() + ahead)
    if said_next:
        later = date.fromordinal(found.toordinal() + 7)
        raise Unreadable(
            f'"{text.strip()}" could mean {_day_words(found)} or '
            f'{_day_words(later)}; write "{WEEKDAY_NAMES[weekday][:3].lower()}" for the '
            "first, or the date."
        )
    return found


def _check_weekday(value: str, found: date) -> date:
    """Refuse "Mon 11 Dec" when 11 December is a Friday: one of the two is a slip."""
    match = _LEADING_WORD.match(value)
    said = WEEKDAYS.get(match[1]) if match else None
    if said is not None and said != found.weekday():
        raise Unreadable(
            f"{found.day} {MONTH_NAMES[found.month - 1]} {found.year} is a "
            f"{WEEKDAY_NAMES[found.weekday()]}, "
            f"not a {WEEKDAY_NAMES[said]}."
        )
    return found


def _day_words(day: date) -> str:
    """E.g. "Fri 11 Dec"."""
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"


def _next_date(today: date, month: int, day: int, text: str) -> date:
    """The first `day` `month` on or after `today` (29 February may be years away)."""
    for year in range(today.year, today.year + 5):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return _make_date(today.year, month, day, text)  # raises: no such day at all


def _make_date(year: int, month: int, day: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise Unreadable(f'"{text.strip()}" has no month {month}; months run from 1 to 12.')
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(f"There is no {day} {MONTH_NAMES[month - 1]} {year}.") from None


def parse_time(text: str) -> time:
    """A time of day such as 15:30, 3:30 pm, 3pm or 15.30."""
    value = " ".join(text.strip().lower().split())
    if not value:
        raise Unreadable("Give the start time, e.g. 15:30 or 3:30 pm.")
    match = _CLOCK.match(value)
    if not match:
        raise Unreadable(f'"{text.strip()}" is not a time; write it like 15:30 or 3:30 pm.')
    hour, minute = int(match[1]), int(match[2] or 0)
    suffix = (match[3] or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            raise Unreadable(f'"{text.strip()}" is not a time: with am or pm, hours run 1 to 12.')
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise Unreadable(f'"{text.strip()}" is not a time of day; use 24-hour time like 15:30.')
    return time(hour, minute)


def local_moment(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """`day` at `clock` on the wall clock of `tz` (the machine's zone when None)."""
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
