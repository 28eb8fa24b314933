"""The rules a meeting plan, its agenda items and its roles are checked against."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from facilitator.domain.enums import ItemKind
from facilitator.domain.meeting_view import Person, RoleLine
from facilitator.domain.planning import (
    ItemDraft,
    MeetingDraft,
    check_item,
    check_meeting,
    role_warnings,
)

TODAY = date(2026, 11, 23)
CHICAGO = ZoneInfo("America/Chicago")
MEETING = MeetingDraft(title="Writing data", date="2026-12-07", time="15:30", minutes="60")
ITEM = ItemDraft(title="Walkthrough data", minutes="10")
MARIA = Person("Maria Alvarez", member_id=1)
TOM = Person("Tom Becker", member_id=2)
MEMBERS = (MARIA, TOM)


# Meetings ------------------------------------------------------------------------------


def test_a_sound_meeting_is_ready_to_save() -> None:
    draft = replace(
        MEETING,
        title="  Writing   data  ",
        location=" Library ",
        purpose=" Choose a focus. ",
        goals="  Know where we stand. \n\n \t\nChoose at most two.  \n",
    )

    checked = check_meeting(draft, today=TODAY, tz=UTC)

    assert (checked.problems, checked.notes) == ({}, {})
    assert checked.value is not None
    assert checked.value.title == "Writing data"
    assert checked.value.start == datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
    assert checked.value.planned_minutes == 60
    assert (checked.value.location, checked.value.purpose) == ("Library", "Choose a focus.")
    assert checked.value.goals == "Know where we stand.\nChoose at most two."


def test_the_start_is_on_the_wall_clock_of_the_zone() -> None:
    checked = check_meeting(replace(MEETING, time="3:30 pm"), today=TODAY, tz=CHICAGO)

    assert checked.value is not None
    start = checked.value.start
    assert start.tzinfo is not None
    assert (start.date(), start.hour, start.minute) == (date(2026, 12, 7), 15, 30)
    assert start.utcoffset() == timedelta(hours=-6)
    assert start.astimezone(UTC) == datetime(2026, 12, 7, 21, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"title": ""}, {"title": "Give the meeting a title."}),
        ({"title": " \t "}, {"title": "Give the meeting a title."}),
        ({"title": "x" * 121}, {"title": "Keep the title under 120 characters."}),
        ({"date": "2026-02-30"}, {"date": "There is no 30 February 2026."}),
        (
            {"date": "2026-13-01"},
            {"date": '"2026-13-01" has no month 13; months run from 1 to 12.'},
        ),
        (
            {"date": "soonish"},
            {"date": '"soonish" is not a date; write it like 2026-12-07, 7 Dec 2026 or fri.'},
        ),
        ({"date": ""}, {"date": "Give the date, e.g. 2026-12-07, 7 Dec 2026 or fri."}),
        (
            {"time": "25:00"},
            {"time": '"25:00" is not a time of day; use 24-hour time like 15:30.'},
        ),
        ({"time": "noon"}, {"time": '"noon" is not a time; write it like 15:30 or 3:30 pm.'}),
        ({"time": ""}, {"time": "Give the start time, e.g. 15:30 or 3:30 pm."}),
        ({"minutes": "4"}, {"minutes": "Use at least 5 minutes."}),
        ({"minutes": "601"}, {"minutes": "601 minutes is more than 10 hours; use 600 or fewer."}),
        (
            {"minutes": "an hour"},
            {"minutes": '"an hour" is not a number of minutes; write a whole number like 10.'},
        ),
        ({"minutes": "-5"}, {"minutes": "Minutes cannot be negative; use at least 5."}),
        ({"location": "x" * 2001}, {"location": "Keep this under 2000 characters."}),
        ({"purpose": "x" * 2001}, {"purpose": "Keep this under 2000 characters."}),
    ],
)
def test_each_broken_field_is_named(changes: dict[str, str], problems: dict[str, str]) -> None:
    checked = check_meeting(replace(MEETING, **changes), today=TODAY, tz=UTC)

    assert checked.value is None
    assert checked.problems == problems


def test_every_broken_field_is_named_at_once() -> None:
    draft = MeetingDraft(title="", date="2026-02-30", time="12:61", minutes="0")

    checked = check_meeting(draft, today=TODAY, tz=UTC)

    assert checked.value is None
    assert set(checked.problems) == {"title", "date", "time", "minutes"}


@pytest.mark.parametrize(("title", "minutes"), [("x" * 120, "600"), ("Short", "5")])
def test_the_limits_themselves_are_allowed(title: str, minutes: str) -> None:
    checked = check_meeting(replace(MEETING, title=title, minutes=minutes), today=TODAY, tz=UTC)

    assert checked.problems == {}
    assert checked.value is not None
    assert checked.value.planned_minutes == int(minutes)


def test_a_past_date_is_allowed_but_noted() -> None:
    checked = check_meeting(replace(MEETING, date="2026-11-20"), today=TODAY, tz=UTC)

    assert checked.problems == {}
    assert checked.value is not None
    assert checked.value.start == datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
    assert checked.notes == {
        "date": "That date has passed: the meeting will be recorded as an earlier one."
    }


def test_today_is_not_in_the_past() -> None:
    checked = check_meeting(replace(MEETING, date="today"), today=TODAY, tz=UTC)

    assert checked.notes == {}
    assert checked.value is not None


def test_a_past_date_is_noted_even_when_something_else_is_wrong() -> None:
    checked = check_meeting(replace(MEETING, date="2025-01-01", title=""), today=TODAY, tz=UTC)

    assert checked.value is None
    assert set(checked.problems) == {"title"}
    assert set(checked.notes) == {"date"}


# Agenda items --------------------------------------------------------------------------


def test_a_sound_item_is_ready_to_save() -> None:
    draft = replace(
        ITEM,
        title="  Walkthrough   data ",
        minutes="12 min",
        goal=" Agree what it shows. ",
        kind="decision",
        process_id="consensus",
        notes=" Bring the charts. ",
    )

    checked = check_item(draft, members=MEMBERS, processes=("consensus",))

    assert checked.problems == {}
    assert checked.value is not None
    fields = checked.value
    assert (fields.title, fields.minutes, fields.goal) == (
        "Walkthrough data",
        12,
        "Agree what it shows.",
    )
    assert (fields.kind, fields.process_id, fields.notes) == (
        ItemKind.DECISION,
        "consensus",
        "Bring the charts.",
    )
    assert (fields.presenter_member_id, fields.presenter_name) == (None, None)


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"title": ""}, {"title": "Give the item a title."}),
        ({"title": "x" * 121}, {"title": "Keep the title under 120 characters."}),
        (
            {"minutes": "abc"},
            {"minutes": '"abc" is not a number of minutes; write a whole number like 10.'},
        ),
        ({"minutes": "-5"}, {"minutes": "Minutes cannot be negative; use at least 1."}),
        ({"minutes": "0"}, {"minutes": "Use at least 1 minute."}),
        (
            {"minutes": "10000"},
            {"minutes": "10000 minutes is more than 10 hours; use 600 or fewer."},
        ),
        ({"minutes": ""}, {"minutes": "Give the minutes, e.g. 10."}),
        ({"kind": "vote"}, {"kind": "Choose information, discussion or decision."}),
        ({"process_id": "fishbowl"}, {"process": "There is no protocol called fishbowl."}),
        (
            {"presenter": "Sam  Ortiz"},
            {
                "presenter": "Sam Ortiz is not on the team; choose a member, "
                "or mark the presenter as a guest."
            },
        ),
    ],
)
def test_each_broken_item_field_is_named(changes: dict[str, Any], problems: dict[str, str]) -> None:
    checked = check_item(replace(ITEM, **changes), members=MEMBERS, processes=("consensus",))

    assert checked.value is None
    assert checked.problems == problems


def test_the_item_limits_themselves_are_allowed() -> None:
    for minutes in ("1", "600"):
        checked = check_item(replace(ITEM, title="x" * 120, minutes=minutes), members=MEMBERS)
        assert checked.value is not None
        assert checked.value.minutes == int(minutes)


def test_a_presenter_is_matched_to_a_member_in_any_case() -> None:
    checked = check_item(replace(ITEM, presenter="  tom   BECKER "), members=MEMBERS)

    assert checked.value is not None
    assert checked.value.presenter_member_id == TOM.member_id
    assert checked.value.presenter_name is None


def test_a_guest_presenter_is_kept_by_name() -> None:
    draft = replace(ITEM, presenter=" Sam   Ortiz ", presenter_is_guest=True)

    checked = check_item(draft, members=MEMBERS)

    assert checked.value is not None
    assert checked.value.presenter_member_id is None
    assert checked.value.presenter_name == "Sam Ortiz"


def test_a_member_marked_as_guest_is_still_the_member() -> None:
    draft = replace(ITEM, presenter="maria alvarez", presenter_is_guest=True)

    checked = check_item(draft, members=MEMBERS)

    assert checked.value is not None
    assert (checked.value.presenter_member_id, checked.value.presenter_name) == (1, None)


def test_any_process_is_allowed_when_none_are_given() -> None:
    checked = check_item(replace(ITEM, process_id="our-own"), members=MEMBERS)

    assert checked.value is not None
    assert checked.value.process_id == "our-own"


def test_an_empty_process_means_none() -> None:
    checked = check_item(replace(ITEM, process_id=""), members=MEMBERS, processes=("consensus",))

    assert checked.value is not None
    assert checked.value.process_id is None


# Roles ---------------------------------------------------------------------------------


def role(number: int, role_id: str, holder: Person | None, label: str = "") -> RoleLine:
    return RoleLine(id=number, role=role_id, label=label or role_id.capitalize(), holder=holder)


FULL = (
    role(1, "chair", MARIA),
    role(2, "facilitator", Person("Aisha Karimi", 3)),
    role(3, "recorder", Person("Priya Raman", 4)),
    role(4, "timekeeper", TOM),
)


def test_a_full_distinct_set_of_roles_has_no_warnings() -> None:
    assert role_warnings(FULL) == []


def test_open_core_roles_are_warned_in_one_sentence() -> None:
    roles = [replace(line, holder=None) for line in FULL]

    assert role_warnings(roles) == [
        "No one holds these roles yet: chair, facilitator, recorder and timekeeper."
    ]


def test_a_missing_core_role_is_warned_like_an_open_one() -> None:
    assert role_warnings(FULL[:2]) == ["No one holds these roles yet: recorder and timekeeper."]
    assert role_warnings(FULL[:3]) == ["No one is the timekeeper yet."]


def test_the_label_names_the_open_role() -> None:
    roles = (*FULL[:3], role(4, "timekeeper", None, label="Time Keeper"))

    assert role_warnings(roles) == ["No one is the time keeper yet."]


def test_one_person_as_chair_and_facilitator_is_warned() -> None:
    roles = (FULL[0], role(2, "facilitator", Person("MARIA ALVAREZ")), *FULL[2:])

    assert role_warnings(roles) == [
        "Maria Alvarez is both chair and facilitator; the facilitator keeps the process, "
        "so it helps if someone else leads the content."
    ]


def test_custom_roles_and_other_doubles_are_not_warned() -> None:
    roles = (
        *FULL[:3],
        role(4, "timekeeper", MARIA),
        role(5, "custom", None, label="Norms monitor"),
    )

    assert role_warnings(roles) == []
