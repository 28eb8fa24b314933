"""Reading minutes, dates and times the way people type them, and the sentences shown when
they cannot be read."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from facilitator.domain.timeparse import (
    Unreadable,
    local_moment,
    parse_date,
    parse_minutes,
    parse_time,
)

TODAY = date(2026, 11, 23)
"""A Monday, the day of FROZEN_NOW."""
CHICAGO = ZoneInfo("America/Chicago")


# Minutes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("10", 10),
        (" 10 ", 10),
        ("10 min", 10),
        ("10 MIN", 10),
        ("10min", 10),
        ("10 mins", 10),
        ("10 minutes", 10),
        ("1 minute", 1),
        ("5m", 5),
        ("10 min.", 10),
        ("600", 600),
    ],
)
def test_minutes_are_read(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("", "Give the minutes, e.g. 10."),
        ("   ", "Give the minutes, e.g. 10."),
        ("abc", '"abc" is not a number of minutes; write a whole number like 10.'),
        ("1.5", '"1.5" is not a number of minutes; write a whole number like 10.'),
        ("10 hours", '"10 hours" is not a number of minutes; write a whole number like 10.'),
        ("-5", "Minutes cannot be negative; use at least 1."),
        ("0", "Use at least 1 minute."),
        ("601", "601 minutes is more than 10 hours; use 600 or fewer."),
        ("10000", "10000 minutes is more than 10 hours; use 600 or fewer."),
    ],
)
def test_unreadable_minutes_say_why(text: str, sentence: str) -> None:
    with pytest.raises(Unreadable) as raised:
        parse_minutes(text)

    assert str(raised.value) == sentence


def test_minutes_keep_to_the_bounds_given() -> None:
    assert parse_minutes("5", low=5, high=120) == 5
    assert parse_minutes("120", low=5, high=120) == 120
    with pytest.raises(Unreadable, match=r"^Use at least 5 minutes\.$"):
        parse_minutes("4", low=5, high=120)
    with pytest.raises(Unreadable, match=r"^121 minutes is more than 2 hours; use 120 or fewer\.$"):
        parse_minutes("121", low=5, high=120)
    with pytest.raises(Unreadable, match=r"^Minutes cannot be negative; use at least 5\.$"):
        parse_minutes("-1", low=5, high=120)


def test_an_upper_bound_under_an_hour_is_said_in_minutes() -> None:
    with pytest.raises(Unreadable) as raised:
        parse_minutes("45", high=30)

    assert "0 hours" not in str(raised.value)
    assert "30" in str(raised.value)


def test_a_very_long_number_is_unreadable_not_a_crash() -> None:
    with pytest.raises(Unreadable):
        parse_minutes("1" * 5000)


# Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        ("2026-1-5", date(2026, 1, 5)),
        ("7 Dec 2026", date(2026, 12, 7)),
        ("7 December 2026", date(2026, 12, 7)),
        ("7 dec. 2026", date(2026, 12, 7)),
        ("Dec 7", date(2026, 12, 7)),
        ("December 7, 2027", date(2027, 12, 7)),
        ("Mon 7 Dec", date(2026, 12, 7)),
        ("Monday, December 7", date(2026, 12, 7)),
        ("  7   Dec  ", date(2026, 12, 7)),
        ("Sept 3", date(2027, 9, 3)),
        ("today", TODAY),
        ("TODAY", TODAY),
        ("tomorrow", date(2026, 11, 24)),
    ],
)
def test_dates_are_read(text: str, day: date) -> None:
    assert parse_date(text, today=TODAY) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("23 Nov", date(2026, 11, 23)),
        ("24 Nov", date(2026, 11, 24)),
        ("22 Nov", date(2027, 11, 22)),
        ("Jan 4", date(2027, 1, 4)),
        ("31 Dec", date(2026, 12, 31)),
    ],
)
def test_without_a_year_the_next_such_date_from_today_is_meant(text: str, day: date) -> None:
    assert parse_date(text, today=TODAY) == day


def test_a_date_that_passed_is_kept_when_its_year_is_given() -> None:
    assert parse_date("22 Nov 2026", today=TODAY) == date(2026, 11, 22)
    assert parse_date("2020-02-29", today=TODAY) == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("2026-02-30", "There is no 30 February 2026."),
        ("30 Feb 2026", "There is no 30 February 2026."),
        ("31 Apr", "There is no 31 April 2026."),
        ("2026-13-01", '"2026-13-01" has no month 13; months run from 1 to 12.'),
        ("2026-00-10", '"2026-00-10" has no month 0; months run from 1 to 12.'),
        ("next week", '"next week" is not a date; write it like 2026-12-07, 7 Dec 2026 or fri.'),
        ("7 Foo", '"7 Foo" is not a date; write it like 2026-12-07, 7 Dec 2026 or fri.'),
        ("12/07/2026", '"12/07/2026" is not a date; write it like 2026-12-07, 7 Dec 2026 or fri.'),
        ("", "Give the date, e.g. 2026-12-07, 7 Dec 2026 or fri."),
        (" \t ", "Give the date, e.g. 2026-12-07, 7 Dec 2026 or fri."),
    ],
)
def test_unreadable_dates_say_why(text: str, sentence: str) -> None:
    with pytest.raises(Unreadable) as raised:
        parse_date(text, today=TODAY)

    assert str(raised.value) == sentence


FRIDAY = date(2026, 12, 11)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("fri", date(2026, 11, 27)),
        ("Fri", date(2026, 11, 27)),
        ("FRIDAY", date(2026, 11, 27)),
        ("fri.", date(2026, 11, 27)),
        ("this fri", date(2026, 11, 27)),
        ("tue", date(2026, 11, 24)),
        ("tues", date(2026, 11, 24)),
        ("wed", date(2026, 11, 25)),
        ("thurs", date(2026, 11, 26)),
        ("Thursday", date(2026, 11, 26)),
        ("sat", date(2026, 11, 28)),
        ("sun", date(2026, 11, 29)),
        ("mon", date(2026, 11, 30)),  # TODAY is a Monday: a week on
        ("monday", date(2026, 11, 30)),
    ],
)
def test_weekday_names_are_the_next_such_day(text: str, day: date) -> None:
    """Regression (issue 15, defect 6): the date hint offered "fri", which was then
    refused. A weekday name is the next such day after today, 1 to 7 days ahead."""
    assert parse_date(text, today=TODAY) == day


def test_a_weekday_named_on_that_day_is_a_week_later() -> None:
    """ "fri" said on a Friday means the Friday after ("today" is today)."""
    assert parse_date("fri", today=FRIDAY) == date(2026, 12, 18)
    assert parse_date("today", today=FRIDAY) == FRIDAY


def test_next_weekday_is_refused_with_both_dates_it_could_mean() -> None:
    with pytest.raises(Unreadable) as raised:
        parse_date("next Fri", today=TODAY)

    assert str(raised.value) == (
        '"next Fri" could mean Fri 27 Nov or Fri 4 Dec; write "fri" for the first, or the date.'
    )


def test_a_weekday_before_a_date_must_be_that_dates() -> None:
    assert parse_date("Fri 11 Dec", today=TODAY) == FRIDAY
    with pytest.raises(Unreadable) as raised:
        parse_date("Mon 11 Dec", today=TODAY)

    assert str(raised.value) == "11 December 2026 is a Friday, not a Monday."


def _date_hints() -> list[str]:
    """Every one-line string in the app's source that lists date forms for people (it
    names "tomorrow" or "fri"); docstrings span lines."""
    import ast
    from pathlib import Path

    import facilitator

    hints = []
    for path in sorted(Path(facilitator.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if (
                isinstance(text, str)
                and "\n" not in text
                and ("tomorrow" in text or "or fri" in text)
            ):
                hints.append(text)
    return hints


def _examples(hint: str) -> list[str]:
    """ "Dec 14, 2026-12-14, tomorrow, fri...; may wait" -> the four examples."""
    listed = hint.split("e.g. ")[-1].split("like ")[-1].split(";")[0]
    listed = listed.replace("...", "").rstrip(".").replace(" or ", ", ")
    return [example.strip() for example in listed.split(",") if example.strip()]


def test_every_form_a_date_hint_offers_is_read() -> None:
    """Regression (issue 15, defect 6): the date hint offered "fri", which was then
    refused. Every hint in the app that lists date forms (form help, the sentences for a
    missing or unreadable date) offers only forms the parser reads."""
    hints = _date_hints()
    assert len(hints) >= 4, hints
    for hint in hints:
        for example in _examples(hint):
            parse_date(example, today=TODAY)  # raises if refused


def test_29_february_without_a_year_is_the_next_one() -> None:
    assert parse_date("29 Feb", today=date(2027, 11, 23)) == date(2028, 2, 29)


# Times ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("15:30", time(15, 30)),
        ("3:30 pm", time(15, 30)),
        ("3:30PM", time(15, 30)),
        ("3:30 p.m.", time(15, 30)),
        ("3pm", time(15, 0)),
        ("9 am", time(9, 0)),
        ("15.30", time(15, 30)),
        ("15h30", time(15, 30)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("12am", time(0, 0)),
        ("12 pm", time(12, 0)),
        ("7", time(7, 0)),
    ],
)
def test_times_are_read(text: str, clock: time) -> None:
    assert parse_time(text) == clock


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("25:00", '"25:00" is not a time of day; use 24-hour time like 15:30.'),
        ("24:00", '"24:00" is not a time of day; use 24-hour time like 15:30.'),
        ("12:61", '"12:61" is not a time of day; use 24-hour time like 15:30.'),
        ("13pm", '"13pm" is not a time: with am or pm, hours run 1 to 12.'),
        ("0 am", '"0 am" is not a time: with am or pm, hours run 1 to 12.'),
        ("noon", '"noon" is not a time; write it like 15:30 or 3:30 pm.'),
        ("3:5", '"3:5" is not a time; write it like 15:30 or 3:30 pm.'),
        ("", "Give the start time, e.g. 15:30 or 3:30 pm."),
    ],
)
def test_unreadable_times_say_why(text: str, sentence: str) -> None:
    with pytest.raises(Unreadable) as raised:
        parse_time(text)

    assert str(raised.value) == sentence


# Moments -------------------------------------------------------------------------------


def test_a_moment_is_on_the_wall_clock_of_the_zone() -> None:
    moment = local_moment(date(2026, 12, 7), time(15, 30), CHICAGO)

    assert moment.tzinfo is CHICAGO
    assert (moment.hour, moment.minute) == (15, 30)
    assert moment.astimezone(UTC) == datetime(2026, 12, 7, 21, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "offset_hours"),
    [
        (date(2026, 3, 7), -6),  # the day before daylight saving time starts
        (date(2026, 3, 8), -5),  # the day it starts (2:00 jumps to 3:00)
        (date(2026, 10, 31), -5),  # the day before it ends
        (date(2026, 11, 1), -6),  # the day it ends (2:00 goes back to 1:00)
    ],
)
def test_a_moment_on_a_daylight_saving_day_keeps_its_wall_clock(
    day: date, offset_hours: int
) -> None:
    moment = local_moment(day, time(15, 30), CHICAGO)

    assert (moment.date(), moment.hour, moment.minute) == (day, 15, 30)
    assert moment.utcoffset() == timedelta(hours=offset_hours)
    assert moment.astimezone(UTC) == datetime.combine(day, time(15, 30), UTC) - timedelta(
        hours=offset_hours
    )


def test_a_moment_without_a_zone_is_aware_on_the_machines_clock() -> None:
    moment = local_moment(date(2026, 12, 7), time(15, 30), None)

    assert moment.tzinfo is not None
    assert moment.replace(tzinfo=None) == datetime(2026, 12, 7, 15, 30)


# Anything typed ------------------------------------------------------------------------

# Characters the parsers look for, so that generated text often comes close to valid.
near_miss = st.text(alphabet=" 0123456789:.-,hmpadecjnfbtoyrgusvwil", max_size=20)
typed = st.one_of(st.text(max_size=40), near_miss)


def _outcome(read: object) -> None:
    event("read" if read is not None else "refused")


@given(text=typed)
def test_minutes_are_read_or_unreadable(text: str) -> None:
    try:
        minutes = parse_minutes(text)
    except Unreadable as refused:
        _outcome(None)
        assert str(refused)
        return
    _outcome(minutes)
    assert 1 <= minutes <= 600


# Today comes from a clock; years near date.max (where "tomorrow" does not exist) are
# outside what a clock reports.
@given(text=typed, today=st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_dates_are_read_or_unreadable(text: str, today: date) -> None:
    try:
        day = parse_date(text, today=today)
    except Unreadable as refused:
        _outcome(None)
        assert str(refused)
        return
    _outcome(day)
    assert isinstance(day, date)


@given(text=typed)
def test_times_are_read_or_unreadable(text: str) -> None:
    try:
        clock = parse_time(text)
    except Unreadable as refused:
        _outcome(None)
        assert str(refused)
        return
    _outcome(clock)
    assert isinstance(clock, time)
