"""A meeting is dated by when it was held, and starting far from its planned day asks.

Regression (issue 15, defect 4): a meeting planned for 11 January and held on 7 December
was dated 11 January everywhere (home's "Recent", its action items, the lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.domain.meeting_date import (
    days_from_schedule,
    held_at,
    held_off_schedule,
    meeting_day,
    meeting_moment,
    planned_note,
    scheduled_day,
    start_label,
    start_needs_confirmation,
    start_question,
    when_line,
    with_schedule,
)
from facilitator.render.agenda import long_day

JANUARY = datetime(2027, 1, 11, 15, 30, tzinfo=UTC)
TODAY = datetime(2026, 12, 7, 15, 31, tzinfo=UTC)
AUCKLAND = ZoneInfo("Pacific/Auckland")  # UTC+13 in December


@dataclass(frozen=True)
class Meeting:
    scheduled_start: datetime
    held_at: datetime | None = None


def test_regression_a_meeting_held_early_is_dated_by_the_day_it_was_held() -> None:
    """Regression (issue 15, defect 4): planned 11 Jan, held 7 Dec: it is a 7 Dec meeting."""
    meeting = Meeting(JANUARY, held_at=TODAY)

    assert meeting_day(meeting, UTC) == TODAY.date()
    assert meeting_moment(meeting) == TODAY
    assert scheduled_day(meeting, UTC) == JANUARY.date()  # kept, not overwritten
    assert held_off_schedule(meeting, UTC)


def test_a_meeting_not_yet_held_is_dated_by_its_plan() -> None:
    meeting = Meeting(JANUARY)

    assert meeting_day(meeting, UTC) == JANUARY.date()
    assert meeting_moment(meeting) == JANUARY
    assert not held_off_schedule(meeting, UTC)
    assert with_schedule(meeting, UTC) == "Mon 11 Jan 2027"
    assert planned_note(meeting, UTC, TODAY.date()) == ""


def test_the_day_is_on_the_local_wall_clock() -> None:
    late = datetime(2026, 12, 7, 11, 30, tzinfo=UTC)  # 00:30 on 8 Dec in Auckland
    meeting = Meeting(datetime(2026, 12, 7, 10, 0, tzinfo=UTC), held_at=late)

    assert meeting_day(meeting, UTC).isoformat() == "2026-12-07"
    assert meeting_day(meeting, AUCKLAND).isoformat() == "2026-12-08"
    assert not held_off_schedule(meeting, UTC)
    assert held_off_schedule(meeting, AUCKLAND)


def test_held_is_the_first_start_or_the_earliest_clock_segment() -> None:
    segments = [TODAY + timedelta(minutes=20), TODAY + timedelta(minutes=5)]

    assert held_at(TODAY, segments) == TODAY
    assert held_at(None, segments) == TODAY + timedelta(minutes=5)
    assert held_at(None, []) is None


def test_the_planned_day_is_shown_beside_the_held_one_where_they_differ() -> None:
    early = Meeting(JANUARY, held_at=TODAY)
    on_time = Meeting(JANUARY, held_at=JANUARY + timedelta(minutes=2))

    assert with_schedule(early, UTC) == "Mon 7 Dec 2026 (scheduled Mon 11 Jan 2027)"
    assert with_schedule(early, UTC, long_day) == (
        "Monday 7 December 2026 (scheduled Monday 11 January 2027)"
    )
    assert with_schedule(on_time, UTC) == "Mon 11 Jan 2027"
    assert planned_note(early, UTC, TODAY.date()) == "planned for Mon 11 Jan 2027"
    assert planned_note(early, UTC, JANUARY.date()) == "planned for Mon 11 Jan"
    assert planned_note(on_time, UTC, TODAY.date()) == ""


@pytest.mark.parametrize(
    ("planned", "asks"),
    [
        (TODAY, False),
        (TODAY + timedelta(days=1), False),
        (TODAY - timedelta(days=1), False),
        (datetime(2026, 12, 8, 23, 59, tzinfo=UTC), False),
        (TODAY + timedelta(days=2), True),
        (TODAY - timedelta(days=2), True),
        (JANUARY, True),
    ],
)
def test_a_first_start_more_than_a_day_from_the_plan_asks(planned: datetime, asks: bool) -> None:
    assert start_needs_confirmation(planned, None, TODAY, UTC) is asks


def test_resuming_a_started_meeting_never_asks() -> None:
    assert not start_needs_confirmation(JANUARY, TODAY, TODAY + timedelta(hours=1), UTC)


def test_days_are_counted_on_the_local_calendar() -> None:
    planned = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)  # 23:00 on 8 Dec in Auckland
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)  # 01:00 on 7 Dec in Auckland

    assert days_from_schedule(planned, now, UTC) == 2
    assert days_from_schedule(planned, now, AUCKLAND) == 1
    assert start_needs_confirmation(planned, None, now, UTC)
    assert not start_needs_confirmation(planned, None, now, AUCKLAND)


def test_the_question_says_both_days_in_words() -> None:
    assert start_question(JANUARY, TODAY, UTC) == (
        "This meeting is planned for Mon 11 Jan 2027, 35 days from now. Start it today anyway?"
    )
    passed = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
    assert start_question(passed, TODAY, UTC) == (
        "This meeting was planned for Thu 3 Dec 2026, 4 days ago. Start it today anyway?"
    )


def test_a_plan_heading_leads_with_the_day_it_was_held() -> None:
    end = JANUARY + timedelta(hours=1)
    assert when_line(Meeting(JANUARY), end, UTC) == "Mon 11 Jan 2027, 15:30–16:30"
    on_time = Meeting(JANUARY, held_at=JANUARY + timedelta(minutes=1))
    assert when_line(on_time, end, UTC) == "Mon 11 Jan 2027, 15:30–16:30"
    assert when_line(Meeting(JANUARY, held_at=TODAY), end, UTC) == (
        "Mon 7 Dec 2026, held from 15:31 (scheduled Mon 11 Jan 2027, 15:30–16:30)"
    )


def test_a_meeting_not_started_names_its_day_unless_it_is_today() -> None:
    assert start_label(TODAY + timedelta(hours=1), TODAY, UTC) == "Starts 16:31"
    assert start_label(JANUARY, TODAY, UTC) == "Planned for Mon 11 Jan 2027, 15:30"
