"""`facilitator list`: meetings as aligned plain text or as JSON.

A meeting is dated by when it was held once its clock has started, else by when it is
planned for (`facilitator.domain.meeting_date`); where the two days differ, the planned
day is said too.

The JSON is an array with one object per meeting, in the list's order (the order the
meetings were held, or are planned for):

    id, team_id, team, title   the meeting and its team
    scheduled_start            when it is (or was) planned to start: ISO 8601, UTC
    planned_minutes, location, status (planned, running, closed, reopened)
    held_at                    when its clock first started: ISO 8601, UTC; null before
    held_on                    the day it was held, YYYY-MM-DD on the local wall clock;
                               null before
    scheduled_for              the day it is planned for, YYYY-MM-DD, local

`held_at`, `held_on` and `scheduled_for` were added in issue 15; the other fields keep
their meaning (`scheduled_start` is the plan, never the day it was held). Since issue
19 the command streams the array (`meetings_as_json_lines`, the same bytes) and prints
every meeting unless `--limit N` asks for the latest N.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import tzinfo

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.meeting_date import (
    held_off_schedule,
    meeting_day,
    meeting_moment,
    scheduled_day,
)
from facilitator.domain.overview import MeetingSummary
from facilitator.domain.text import local, plural


def meetings_as_json(meetings: Sequence[MeetingSummary], tz: tzinfo | None) -> str:
    """A JSON array (see the module's docstring); days are on the wall clock of `tz`.
    Control characters in text are escaped (DEL, C1 and bidirectional controls as well as
    the C0 that JSON escapes itself)."""
    rows = [_json_object(meeting, tz) for meeting in meetings]
    return escape_json_controls(json.dumps(rows, indent=2, ensure_ascii=False))


def meetings_as_json_lines(meetings: Iterable[MeetingSummary], tz: tzinfo | None) -> Iterator[str]:
    """`meetings_as_json` in pieces, a meeting at a time, for a list too long to hold:
    joined with line feeds they are the same text, character for character."""
    previous: str | None = None
    for meeting in meetings:
        if previous is None:
            yield "["
        else:
            yield previous + ","
        previous = _json_element(meeting, tz)
    if previous is None:
        yield "[]"
        return
    yield previous
    yield "]"


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json_element(meeting: MeetingSummary, tz: tzinfo | None) -> str:
    """The meeting as `json.dumps(..., indent=2)` writes an element of an array, written
    field by field: the indenting encoder is pure Python, several times slower."""
    fields = ",\n".join(
        f"    {_encode(key)}: {_encode(value)}" for key, value in _json_object(meeting, tz).items()
    )
    return escape_json_controls(f"  {{\n{fields}\n  }}")


def _json_object(meeting: MeetingSummary, tz: tzinfo | None) -> dict[str, object]:
    return {
        "id": meeting.id,
        "team_id": meeting.team_id,
        "team": meeting.team_name,
        "title": meeting.title,
        "scheduled_start": meeting.scheduled_start.isoformat(),
        "planned_minutes": meeting.planned_minutes,
        "location": meeting.location,
        "status": meeting.status,
        "held_at": meeting.held_at.isoformat() if meeting.held_at else None,
        "held_on": meeting_day(meeting, tz).isoformat() if meeting.held_at else None,
        "scheduled_for": scheduled_day(meeting, tz).isoformat(),
    }


def more_meetings_line(hidden: int) -> str:
    """The last line of a list cut to the latest meetings: how many earlier ones there
    are, and how to see them."""
    return f"{plural(hidden, 'earlier meeting')} not shown; `facilitator list --all` shows them."


def meetings_as_text(meetings: Sequence[MeetingSummary], tz: tzinfo | None) -> str:
    """One aligned line per meeting: id, local date and time (when it was held, else
    planned), status (with the planned day if it was held on another), team, title."""
    if not meetings:
        return "No meetings yet. Run `facilitator` to plan one, or `facilitator demo`."
    header = ("ID", "DATE", "TIME", "STATUS", "TEAM", "TITLE")
    rows = [header] + [
        (
            str(meeting.id),
            f"{local(meeting_moment(meeting), tz):%Y-%m-%d}",
            f"{local(meeting_moment(meeting), tz):%H:%M}",
            _status(meeting, tz),
            _one_line(meeting.team_name),
            _one_line(meeting.title),
        )
        for meeting in meetings
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    lines = [
        "  ".join(value.ljust(width) for value, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _status(meeting: MeetingSummary, tz: tzinfo | None) -> str:
    """E.g. "closed", or "closed, planned 2027-01-11" for one held on another day."""
    if held_off_schedule(meeting, tz):
        return f"{meeting.status}, planned {scheduled_day(meeting, tz).isoformat()}"
    return meeting.status


def _one_line(text: str) -> str:
    # Cleaned here, not only when printed, so the columns line up with what is shown.
    return " ".join(clean_line(text).split())
