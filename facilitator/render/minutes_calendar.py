"""What the minutes put on people's calendars, as an iCalendar file (RFC 5545).

Built with the `icalendar` library, which escapes the text and folds long lines. The file
holds:

- the team's next meeting, if one is scheduled, as an event (times in UTC);
- every action item of the meeting as a to-do: due on its date (none when it has no
  date), the owner and the meeting in its description, NEEDS-ACTION while open,
  COMPLETED (with when) once done, CANCELLED if dropped;
- because many calendars ignore to-dos, each open action item with a due date also as
  an all-day event on that date, "Due: <what> (<owner>)", shown as free time.

Nothing else of the minutes goes on a calendar: the evaluation results, for one, are
not an event or a to-do.

Every component carries a UID that is the same each time the same minutes are exported,
so a calendar that imports the file again updates what it has instead of doubling it.
UIDs use database ids, salted with the team and the meeting's time so that two databases
(the demo and a real one) rarely collide; the same meeting in another database gets new
UIDs, which is acceptable. The next meeting's UID uses no id at all: the team and its
start. DTSTAMP is `stamp`, so the same export at the same moment is the same bytes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, date, datetime, timedelta, tzinfo

from icalendar import Calendar, Event, Todo

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.minutes import ActionLine, Minutes, NextMeeting
from facilitator.render.agenda import long_day

PRODID = "-//facilitator//minutes//EN"
UID_DOMAIN = "facilitator"


def minutes_calendar(minutes: Minutes, tz: tzinfo | None, *, stamp: datetime) -> bytes:
    """The minutes' calendar file: the next meeting, the action items as to-dos and their
    due dates as all-day events. `tz` is the wall clock the descriptions' dates are on;
    `stamp` (the moment of export) is every component's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = stamp.astimezone(UTC)
    if minutes.next_meeting is not None:
        calendar.add_component(_next_meeting(minutes, minutes.next_meeting, stamp))
    salt = _salt(minutes.team_name, minutes.scheduled_start)
    for action in minutes.actions:
        about = _about(minutes, action, tz)
        calendar.add_component(_todo(action, about, salt, stamp))
        if action.due is not None and action.status == "open":
            calendar.add_component(_due_event(action, action.due, about, salt, stamp))
    data: bytes = calendar.to_ical()
    return data


def _next_meeting(minutes: Minutes, meeting: NextMeeting, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"meeting-{_salt(minutes.team_name, meeting.scheduled_start)}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.scheduled_start.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", _text(meeting.title))
    if meeting.location.strip():
        event.add("location", _text(meeting.location))
    event.add("description", _text(f"The next meeting of {minutes.team_name}."))
    return event


def _todo(action: ActionLine, about: str, salt: str, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", f"action-{action.id}-{salt}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("summary", _text(action.what))
    if action.due is not None:
        todo.add("due", action.due)
    todo.add("description", about)
    if action.status == "done":
        todo.add("status", "COMPLETED")
        if action.done_at is not None:
            todo.add("completed", action.done_at.astimezone(UTC))
    else:
        todo.add("status", "CANCELLED" if action.status == "dropped" else "NEEDS-ACTION")
    return todo


def _due_event(action: ActionLine, due: date, about: str, salt: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"due-{action.id}-{salt}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("summary", _text(f"Due: {action.what} ({action.owner_label})"))
    event.add("description", about)
    event.add("transp", "TRANSPARENT")
    return event


def _about(minutes: Minutes, action: ActionLine, tz: tzinfo | None) -> str:
    """The description of an action item: its owner, then the meeting it came from."""
    day = long_day(meeting_day(minutes, tz))
    lines = [
        f"Owner: {action.owner_label}",
        f"Meeting: {minutes.title}, {day}",
        f"Team: {minutes.team_name}",
    ]
    item = minutes.item_title(action.agenda_item_id)
    if item:
        lines.append(f"Agenda item: {item}")
    return _text("\n".join(lines))


def _salt(team_name: str, start: datetime) -> str:
    """A short digest of a meeting's team and start, to keep UIDs apart across databases."""
    key = f"{team_name}\n{start.astimezone(UTC):%Y%m%dT%H%M%SZ}".encode()
    return hashlib.sha256(key).hexdigest()[:12]


def _text(value: str) -> str:
    """Text as iCalendar carries it: line breaks as LF (escaped as \\n in the file) and no
    other control characters, which the format forbids (they become U+FFFD)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        "\ufffd" if unicodedata.category(c) == "Cc" and c not in "\n\t" else c for c in value
    )
