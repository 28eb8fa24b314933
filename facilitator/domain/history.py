"""The history screen's values: which meetings to show (`HistoryFilter`), one meeting as
a row, one page of rows, and the words and day parsing the screen needs.

A history spans years and thousands of meetings, so it is read a page at a time, newest
first: a page ends with the cursor (the last row's moment and id) the next page starts
after, so no meeting is skipped or shown twice while the list grows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from enum import StrEnum

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.text import plural

DAY_FORMAT = "YYYY-MM-DD"
"""How a day of the date range is typed."""
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class HistoryStatus(StrEnum):
    """Which meetings by where they are in their life."""

    ANY = "any"
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"
    """Closed, or reopened for corrections."""
    MINUTES_NOT_SENT = "minutes_not_sent"
    """Closed (or reopened) and the minutes never marked as sent."""


STATUS_FILTER_NAMES = {
    HistoryStatus.ANY: "All",
    HistoryStatus.PLANNED: "Planned",
    HistoryStatus.RUNNING: "Running",
    HistoryStatus.CLOSED: "Closed",
    HistoryStatus.MINUTES_NOT_SENT: "Minutes not sent",
}
"""Each status filter's name, as its key offers it."""


@dataclass(frozen=True)
class HistoryFilter:
    """Which meetings the history shows; the default shows every active team's."""

    status: HistoryStatus = HistoryStatus.ANY
    team_id: int | None = None
    """One team's meetings; None: every team's."""
    since: date | None = None
    """The first day shown (the meeting's day: held, else planned), on the wall clock."""
    until: date | None = None
    """The last day shown, included."""
    with_archived: bool = False
    """Whether archived teams' meetings are shown too."""


@dataclass(frozen=True)
class HistoryCursor:
    """Where a page ended: the last row's moment exactly as the database gave it (text
    on SQLite, a timestamp on PostgreSQL; handed back unchanged so ties compare alike)
    and its meeting id."""

    moment: object
    meeting_id: int


@dataclass(frozen=True)
class HistoryTeam:
    """A team the history can be narrowed to."""

    id: int
    name: str
    archived: bool = False


@dataclass(frozen=True)
class HistoryRow:
    """One meeting as the history lists it."""

    meeting_id: int
    title: str
    team_id: int
    team_name: str
    status: str
    """A `MeetingStatus` value."""
    day: date
    """The meeting's day: held, else planned (`meeting_date.meeting_day`)."""
    minutes_sent: bool
    decisions: int
    actions_open: int
    actions_done: int
    team_archived: bool = False


@dataclass(frozen=True)
class HistoryPage:
    """Rows newest first and where the next page starts (None: this was the last).

    The first page of a filter (asked without a cursor) also carries how many meetings
    match and the teams to choose from; later pages leave both out (None)."""

    rows: tuple[HistoryRow, ...]
    next: HistoryCursor | None
    total: int | None = None
    teams: tuple[HistoryTeam, ...] | None = None


def status_words(status: str, minutes_sent: bool) -> str:
    """A meeting's state in a few words: "planned", "running", "closed, sent",
    "closed, not sent", "reopened"."""
    if status == MeetingStatus.CLOSED:
        return "closed, sent" if minutes_sent else "closed, not sent"
    if status == MeetingStatus.REOPENED:
        return "reopened"
    return str(status)


def actions_words(row: HistoryRow) -> str:
    """E.g. "1 action item open, 3 done"; "no action items"."""
    if row.actions_open == 0 and row.actions_done == 0:
        return "no action items"
    return f"{plural(row.actions_open, 'action item')} open, {row.actions_done} done"


def parse_day(text: str, label: str) -> tuple[date | None, str | None]:
    """A day typed as YYYY-MM-DD: (the day, None); nothing typed: (None, None); anything
    else: (None, a sentence naming the field `label` and saying what to type)."""
    typed = text.strip()
    if not typed:
        return None, None
    try:
        if not _DAY.fullmatch(typed):
            raise ValueError(typed)
        return date.fromisoformat(typed), None
    except ValueError:
        shown = typed if len(typed) <= 20 else typed[:19] + "…"
        return None, (
            f'The {label} day "{shown}" is not a date: type it as {DAY_FORMAT}, '
            "like 2026-11-23, or leave it empty."
        )


def range_problem(since: date | None, until: date | None) -> str | None:
    """A sentence when the range is backwards (nothing could match), else None."""
    if since is not None and until is not None and since > until:
        return (
            f"The from day ({since.isoformat()}) is after the to day ({until.isoformat()}); "
            "swap them to see the meetings between."
        )
    return None


def day_start(day: date, tz: tzinfo | None) -> datetime:
    """Midnight at the start of `day` on the wall clock of `tz` (the machine's zone
    when None), in UTC: where a day of the range begins."""
    midnight = datetime.combine(day, time.min)
    aware = midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()
    return aware.astimezone(UTC)


def filter_words(history_filter: HistoryFilter, team_name: str | None) -> str:
    """The filters that are on, in words ("closed · Grade 3 PLC · from 2026-01-01"), or
    "no filter: every team, status and day"."""
    words: list[str] = []
    if history_filter.status is not HistoryStatus.ANY:
        words.append(STATUS_FILTER_NAMES[history_filter.status].lower())
    if history_filter.team_id is not None:
        words.append(team_name or "one team")
    since, until = history_filter.since, history_filter.until
    if since is not None and until is not None:
        words.append(f"{since.isoformat()} to {until.isoformat()}")
    elif since is not None:
        words.append(f"from {since.isoformat()}")
    elif until is not None:
        words.append(f"until {until.isoformat()}")
    if not words:
        words.append("no filter: every team, status and day")
    if history_filter.with_archived:
        # Hidden by default, as the filter line above says ("a Archived: hidden"); at
        # 80 columns the sentence must fit one line with a team and a date range.
        words.append("with archived teams")
    return " · ".join(words)


def next_team(teams: tuple[HistoryTeam, ...], team_id: int | None) -> int | None:
    """The team after `team_id` in `teams` (all teams before the first, and after the
    last): what the team key chooses next."""
    order: list[int | None] = [None, *(team.id for team in teams)]
    at = order.index(team_id) if team_id in order else 0
    return order[(at + 1) % len(order)]
