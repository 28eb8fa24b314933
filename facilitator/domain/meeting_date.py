"""When a meeting took place: the day it was held once its clock has started, else the
day it is planned for.

Every screen, list and export dates a meeting by `meeting_day` (and orders meetings by
`meeting_moment`), so a meeting planned for 11 January and held on 7 December is a
December meeting everywhere: the home screen's lists, `facilitator list`, the minutes in
every format, the action items it recorded. The planned date is kept, never overwritten,
and shown beside the held one where the two days differ (`with_schedule`,
`planned_note`).

Starting a meeting far from its planned day is allowed, but asked about first
(`start_needs_confirmation`, `start_question`): a meeting started by mistake would be
dated by that mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from facilitator.domain.text import clock_label, day_label, local, plural, short_day_label

START_WITHOUT_ASKING_DAYS = 1
"""How many days before or after its planned day a meeting starts without a question."""


class Dated(Protocol):
    """A meeting, or a view of one, that knows when it was planned for and held."""

    @property
    def scheduled_start(self) -> datetime: ...

    @property
    def held_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class MeetingTimes:
    """The two moments a meeting is dated by, for code that holds them loose (a row)."""

    scheduled_start: datetime
    held_at: datetime | None = None


def held_at(started_at: datetime | None, clock_starts: Iterable[datetime] = ()) -> datetime | None:
    """When a meeting was held: `started_at` (set when its clock first starts), else the
    earliest start of its clock's segments (a record restored without `started_at`);
    None until the meeting has started."""
    if started_at is not None:
        return started_at
    return min(clock_starts, default=None)


def meeting_moment(meeting: Dated) -> datetime:
    """The moment a meeting is dated and ordered by: when it was held, else when it is
    planned for."""
    return meeting.held_at if meeting.held_at is not None else meeting.scheduled_start


def meeting_day(meeting: Dated, tz: tzinfo | None) -> date:
    """The meeting's date on the wall clock of `tz`: the day it was held, else the day
    it is planned for."""
    return local(meeting_moment(meeting), tz).date()


def scheduled_day(meeting: Dated, tz: tzinfo | None) -> date:
    """The day the meeting was (or is) planned for, on the wall clock of `tz`."""
    return local(meeting.scheduled_start, tz).date()


def held_off_schedule(meeting: Dated, tz: tzinfo | None) -> bool:
    """Whether the meeting was held on another day than the one it was planned for."""
    return meeting.held_at is not None and meeting_day(meeting, tz) != scheduled_day(meeting, tz)


def with_schedule(
    meeting: Dated, tz: tzinfo | None, label: Callable[[date], str] = day_label
) -> str:
    """The meeting's day, with its planned day where that differs: "Mon 7 Dec 2026
    (scheduled Mon 11 Jan 2027)"; just "Mon 7 Dec 2026" otherwise. `label` writes a day."""
    text = label(meeting_day(meeting, tz))
    if held_off_schedule(meeting, tz):
        text += f" (scheduled {label(scheduled_day(meeting, tz))})"
    return text


def when_line(meeting: Dated, planned_end: datetime, tz: tzinfo | None) -> str:
    """A plan's heading: "Mon 30 Nov 2026, 15:30–16:30"; for a meeting held on another
    day, that day and its start first: "Mon 23 Nov 2026, held from 14:00 (scheduled
    Mon 30 Nov 2026, 15:30–16:30)"."""
    start, end = local(meeting.scheduled_start, tz), local(planned_end, tz)
    planned = f"{day_label(start.date())}, {clock_label(start)}–{clock_label(end)}"
    if meeting.held_at is None or not held_off_schedule(meeting, tz):
        return planned
    held = local(meeting.held_at, tz)
    return f"{day_label(held.date())}, held from {clock_label(held)} (scheduled {planned})"


def planned_note(meeting: Dated, tz: tzinfo | None, today: date) -> str:
    """A list's short word on a meeting held on another day than planned: "planned for
    Mon 11 Jan" (with the year when not this year's); "" otherwise."""
    if not held_off_schedule(meeting, tz):
        return ""
    return f"planned for {short_day_label(scheduled_day(meeting, tz), today)}"


def days_from_schedule(scheduled_start: datetime, now: datetime, tz: tzinfo | None) -> int:
    """Calendar days from today to the planned day: positive when it is ahead, negative
    when it has passed, 0 on the day itself."""
    return (local(scheduled_start, tz).date() - local(now, tz).date()).days


def start_needs_confirmation(
    scheduled_start: datetime, started_at: datetime | None, now: datetime, tz: tzinfo | None
) -> bool:
    """Whether starting the meeting's clock now should ask first: the first start (not a
    resume) more than a day before or after the planned day."""
    if started_at is not None:
        return False
    return abs(days_from_schedule(scheduled_start, now, tz)) > START_WITHOUT_ASKING_DAYS


def start_label(scheduled_start: datetime, now: datetime, tz: tzinfo | None) -> str:
    """A meeting not started yet, as the live screen says it: "Starts 15:30" today,
    "Planned for Mon 11 Jan 2027, 15:30" on another day."""
    start = local(scheduled_start, tz)
    if start.date() == local(now, tz).date():
        return f"Starts {clock_label(start)}"
    return f"Planned for {day_label(start.date())}, {clock_label(start)}"


def start_question(scheduled_start: datetime, now: datetime, tz: tzinfo | None) -> str:
    """E.g. "This meeting is planned for Mon 11 Jan 2027, 35 days from now. Start it
    today anyway?" (or "was planned for …, 4 days ago")."""
    days = days_from_schedule(scheduled_start, now, tz)
    day = day_label(local(scheduled_start, tz).date())
    if days >= 0:
        when = f"is planned for {day}, {plural(days, 'day')} from now"
    else:
        when = f"was planned for {day}, {plural(-days, 'day')} ago"
    return f"This meeting {when}. Start it today anyway?"
