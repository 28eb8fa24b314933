"""`facilitator list`: meetings as aligned plain text or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import tzinfo

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.overview import MeetingSummary
from facilitator.domain.text import local


def meetings_as_json(meetings: Sequence[MeetingSummary]) -> str:
    """A JSON array; times are ISO 8601 in UTC. Control characters in text are escaped
    (DEL, C1 and bidirectional controls as well as the C0 that JSON escapes itself)."""
    rows = [
        {
            "id": meeting.id,
            "team_id": meeting.team_id,
            "team": meeting.team_name,
            "title": meeting.title,
            "scheduled_start": meeting.scheduled_start.isoformat(),
            "planned_minutes": meeting.planned_minutes,
            "location": meeting.location,
            "status": meeting.status,
        }
        for meeting in meetings
    ]
    return escape_json_controls(json.dumps(rows, indent=2, ensure_ascii=False))


def meetings_as_text(meetings: Sequence[MeetingSummary], tz: tzinfo | None) -> str:
    """One aligned line per meeting: id, local date and time, status, team, title."""
    if not meetings:
        return "No meetings yet. Run `facilitator` to plan one, or `facilitator demo`."
    header = ("ID", "DATE", "TIME", "STATUS", "TEAM", "TITLE")
    rows = [header] + [
        (
            str(meeting.id),
            f"{local(meeting.scheduled_start, tz):%Y-%m-%d}",
            f"{local(meeting.scheduled_start, tz):%H:%M}",
            meeting.status,
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


def _one_line(text: str) -> str:
    # Cleaned here, not only when printed, so the columns line up with what is shown.
    return " ".join(clean_line(text).split())
