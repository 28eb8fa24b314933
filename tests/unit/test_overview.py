"""The 48-hour minutes rule and overdue action items."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.domain.overview import MINUTES_DUE_WITHIN, MinutesState, is_overdue, minutes_state

CLOSED = datetime(2026, 11, 23, 16, 30, tzinfo=UTC)
DEADLINE = CLOSED + timedelta(hours=48)


def test_minutes_are_due_for_48_hours_after_closing() -> None:
    assert timedelta(hours=48) == MINUTES_DUE_WITHIN
    assert minutes_state(CLOSED, None, CLOSED + timedelta(hours=1)) == (
        MinutesState.DUE,
        timedelta(hours=47),
    )


def test_minutes_are_still_due_at_exactly_48_hours() -> None:
    assert minutes_state(CLOSED, None, DEADLINE) == (MinutesState.DUE, timedelta(0))


def test_minutes_are_overdue_just_after_48_hours() -> None:
    state, left = minutes_state(CLOSED, None, DEADLINE + timedelta(microseconds=1))

    assert state is MinutesState.OVERDUE
    assert left == -timedelta(microseconds=1)


def test_overdue_time_left_is_negative() -> None:
    assert minutes_state(CLOSED, None, DEADLINE + timedelta(hours=5)) == (
        MinutesState.OVERDUE,
        -timedelta(hours=5),
    )


@pytest.mark.parametrize("now", [CLOSED, DEADLINE + timedelta(days=30)])
def test_sent_minutes_are_sent_whenever_asked(now: datetime) -> None:
    sent = CLOSED + timedelta(hours=50)

    assert minutes_state(CLOSED, sent, now) == (MinutesState.SENT, timedelta(0))


def test_meeting_not_closed_has_no_minutes_clock() -> None:
    assert minutes_state(None, None, DEADLINE + timedelta(days=3)) == (
        MinutesState.NOT_CLOSED,
        timedelta(0),
    )


def test_deadline_is_the_same_instant_in_any_zone() -> None:
    local_now = DEADLINE.astimezone(ZoneInfo("America/Chicago"))

    assert minutes_state(CLOSED, None, local_now) == (MinutesState.DUE, timedelta(0))


@pytest.mark.parametrize(
    ("due", "overdue"),
    [
        (None, False),
        (date(2026, 11, 24), False),
        (date(2026, 11, 23), False),
        (date(2026, 11, 22), True),
        (date(2025, 12, 31), True),
    ],
)
def test_action_is_overdue_once_its_day_has_passed(due: date | None, overdue: bool) -> None:
    assert is_overdue(due, date(2026, 11, 23)) is overdue


def test_corrected_minutes_are_due_again_from_the_correction() -> None:
    """Regression (issue 15, defect 5): minutes sent, then reopened and corrected, still
    showed as sent. A sending before the correction does not count, and the 48 hours
    start again from the correction."""
    sent = CLOSED + timedelta(hours=2)
    corrected = CLOSED + timedelta(days=3)

    assert minutes_state(CLOSED, sent, corrected + timedelta(hours=1), corrected_at=corrected) == (
        MinutesState.DUE,
        timedelta(hours=47),
    )
    late = corrected + timedelta(hours=50)
    assert minutes_state(CLOSED, sent, late, corrected_at=corrected) == (
        MinutesState.OVERDUE,
        -timedelta(hours=2),
    )
    resent = corrected + timedelta(hours=1)
    assert minutes_state(CLOSED, resent, late, corrected_at=corrected) == (
        MinutesState.SENT,
        timedelta(0),
    )
