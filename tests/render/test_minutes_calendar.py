"""The minutes' calendar file: the demo meeting's file is the golden one; read back by
`icalendar` it holds the next meeting, a to-do per action item and an all-day event per
open due date, with stable UIDs, folded lines and the team's text exactly as typed."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Component

from facilitator.domain.minutes import Minutes
from facilitator.pack.loader import Pack
from facilitator.render.minutes_calendar import minutes_calendar
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.render.exports import small_minutes, with_owner
from tests.render.golden import check_golden


def printable(char: str) -> bool:
    return unicodedata.category(char) != "Cc"


# Text as people type it: anything printable, and line breaks (iCalendar has no place for
# other control characters; the export replaces them).
TEXT = st.text(st.characters(codec="utf-8").filter(printable) | st.just("\n"), max_size=40)


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    return meeting_minutes(demo_db, meeting_id=1, pack=pack)


def parsed(minutes: Minutes) -> Calendar:
    return Calendar.from_ical(minutes_calendar(minutes, TZ, stamp=FROZEN_NOW))


def components(calendar: Calendar, name: str) -> list[Component]:
    return list(calendar.walk(name))


def test_the_demo_meeting_matches_its_golden_file(november: Minutes) -> None:
    check_golden("minutes-1.ics", minutes_calendar(november, TZ, stamp=FROZEN_NOW))


def test_the_calendar_says_who_made_it(november: Minutes) -> None:
    calendar = parsed(november)
    assert str(calendar["prodid"]) == "-//facilitator//minutes//EN"
    assert str(calendar["version"]) == "2.0"


def test_the_next_meeting_is_an_event_in_utc(november: Minutes) -> None:
    meeting = components(parsed(november), "VEVENT")[0]
    assert str(meeting["summary"]) == "December leadership team meeting"
    assert meeting.decoded("dtstart") == datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    assert meeting.decoded("dtend") == datetime(2026, 11, 30, 16, 30, tzinfo=UTC)
    assert str(meeting["location"]) == "Library"
    assert "Riverside Elementary Leadership Team" in str(meeting["description"])
    assert meeting.decoded("dtstamp") == FROZEN_NOW
    assert str(meeting["uid"]).startswith("meeting-")


def test_every_action_item_is_a_to_do_with_its_owner_and_due_date(november: Minutes) -> None:
    todos = components(parsed(november), "VTODO")
    assert len(todos) == len(november.actions) == 5
    for todo, action in zip(todos, november.actions, strict=True):
        assert str(todo["summary"]) == action.what
        assert todo.decoded("due") == action.due
        assert "VALUE=DATE" in todo.to_ical().decode().replace("\r\n ", "")
        assert action.owner is not None
        description = str(todo["description"])
        assert f"Owner: {action.owner.name}" in description
        assert "November leadership team meeting, Monday 9 November 2026" in description
        assert str(todo["uid"]).startswith(f"action-{action.id}-")
    assert [str(t["status"]) for t in todos] == ["COMPLETED"] + ["NEEDS-ACTION"] * 4
    assert todos[0].decoded("completed") == datetime(2026, 11, 15, 14, 0, tzinfo=UTC)


def test_open_due_dates_are_free_all_day_events(november: Minutes) -> None:
    days = components(parsed(november), "VEVENT")[1:]
    open_actions = [a for a in november.actions if a.status == "open"]
    assert len(days) == len(open_actions) == 4
    for event, action in zip(days, open_actions, strict=True):
        assert action.due is not None and action.owner is not None
        assert str(event["summary"]) == f"Due: {action.what} ({action.owner.name})"
        assert event.decoded("dtstart") == action.due
        assert event.decoded("dtend") == action.due + timedelta(days=1)
        assert str(event["transp"]) == "TRANSPARENT"
        assert str(event["uid"]).startswith(f"due-{action.id}-")


def test_uids_are_unique_and_the_same_at_every_export(november: Minutes) -> None:
    uids = [str(c["uid"]) for c in parsed(november).walk() if "uid" in c]
    assert len(uids) == len(set(uids)) == 1 + 5 + 4
    assert all(uid.endswith("@facilitator") for uid in uids)
    later = Calendar.from_ical(minutes_calendar(november, TZ, stamp=FROZEN_NOW + timedelta(1)))
    assert [str(c["uid"]) for c in later.walk() if "uid" in c] == uids


def test_lines_are_folded_to_75_octets_and_end_in_crlf(november: Minutes) -> None:
    long = small_minutes(what="Überprüfen " * 30, note="x")
    for minutes in (november, long):
        data = minutes_calendar(minutes, TZ, stamp=FROZEN_NOW)
        assert data.endswith(b"\r\n")
        lines = data.split(b"\r\n")
        assert max(len(line) for line in lines) <= 75
        assert b"\n" not in data.replace(b"\r\n", b"")


def test_an_action_without_a_date_is_a_to_do_without_due_and_no_event() -> None:
    minutes = small_minutes()  # "Book the hall": no date, owner to be decided
    calendar = parsed(minutes)
    todo = components(calendar, "VTODO")[1]
    assert str(todo["summary"]) == "Book the hall"
    assert "due" not in todo
    assert "Owner: owner to be decided" in str(todo["description"])
    summaries = [str(e["summary"]) for e in components(calendar, "VEVENT")]
    assert summaries == ["December meeting", "Due: Write the report (Ana Lima)"]


def test_no_next_meeting_means_no_meeting_event_and_a_dropped_action_is_cancelled() -> None:
    base = small_minutes()
    dropped = replace(base.other_actions[0], status="dropped", due=date(2026, 12, 1))
    minutes = replace(base, next_meeting=None, other_actions=(dropped,))
    calendar = parsed(minutes)
    assert [str(e["summary"]) for e in components(calendar, "VEVENT")] == [
        "Due: Write the report (Ana Lima)"
    ]
    assert str(components(calendar, "VTODO")[1]["status"]) == "CANCELLED"


def test_control_characters_never_reach_the_file() -> None:
    calendar = parsed(small_minutes(what="bell\x07 and\r\nbreak"))
    assert str(components(calendar, "VTODO")[0]["summary"]) == "bell\ufffd and\nbreak"


@settings(max_examples=50, deadline=None)
@given(what=TEXT, owner=TEXT.filter(lambda name: bool(name.strip())))
@example(what="<script>", owner="[bold]")
@example(what="*", owner="|")
@example(what=",", owner="=cmd()")
@example(what="+1", owner="-2")
@example(what="@x", owner="a\nb")
@example(what='"quoted"', owner=";")
@example(what="\\", owner="\\n not a break")
@example(what=" leading and trailing ", owner="x:y")
def test_any_text_comes_back_exactly(what: str, owner: str) -> None:
    minutes = with_owner(small_minutes(what=what), owner)
    calendar = parsed(minutes)
    todo = components(calendar, "VTODO")[0]
    assert str(todo["summary"]) == what
    assert f"Owner: {owner}\n" in str(todo["description"])
    due = components(calendar, "VEVENT")[1]
    assert str(due["summary"]) == f"Due: {what} ({owner})"
