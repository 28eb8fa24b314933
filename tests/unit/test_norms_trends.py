"""Norms checks trended across meetings: the share honoured with "partly" counting half,
several checks of one meeting together, the change in words, retired norms, and what is
left out."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.norms_trends import (
    MeetingReadings,
    NormPoint,
    TeamNorm,
    norms_trends,
    percent,
)

LISTEN = TeamNorm(1, "Listen to understand")
ON_TIME = TeamNorm(2, "Start and end on time")
PHONES = TeamNorm(3, "Phones away.", retired=True)
H, P, N = "honoured", "partly", "not_honoured"


def _meeting(meeting_id: int, day: date, **readings: list[str]) -> MeetingReadings:
    by_id = {"listen": 1, "on_time": 2, "phones": 3}
    given = {by_id[name]: values for name, values in readings.items()}
    return MeetingReadings(meeting_id, day, f"Meeting {meeting_id}", given)


def test_the_change_since_the_previous_meeting_in_words() -> None:
    meetings = [
        _meeting(1, date(2026, 9, 7), listen=[P, N], on_time=[H]),
        _meeting(2, date(2026, 10, 5), listen=[H, P]),  # two checks in one meeting
        _meeting(3, date(2026, 11, 2), listen=[H]),
    ]

    listen, on_time = norms_trends([LISTEN, ON_TIME], meetings)

    assert [(p.meeting_id, p.percent, p.readings) for p in listen.points] == [
        (1, 25.0, 2),
        (2, 75.0, 2),
        (3, 100.0, 1),
    ]
    assert listen.change == "Listen to understand: 75% → 100% honoured"
    assert [p.day for p in on_time.points] == [date(2026, 9, 7)]
    assert on_time.change == "Start and end on time: 100% honoured (one meeting so far)"


def test_a_retired_norm_is_trended_and_says_so() -> None:
    meetings = [
        _meeting(1, date(2026, 9, 7), phones=[N]),
        _meeting(2, date(2026, 10, 5), phones=[P]),
    ]

    (phones,) = norms_trends([PHONES], meetings)

    assert phones.retired
    assert phones.text == "Phones away."  # the team's words; no full stop before the colon
    assert phones.name == "Phones away (retired)"
    assert phones.change == "Phones away (retired): 0% → 50% honoured"


def test_norms_never_read_and_unknown_readings_are_left_out() -> None:
    meetings = [_meeting(1, date(2026, 9, 7), listen=["maybe"], on_time=[H])]

    found = norms_trends([LISTEN, ON_TIME, PHONES], meetings)

    assert [trend.norm_id for trend in found] == [2]
    assert norms_trends([LISTEN], []) == ()


def test_the_order_is_the_teams() -> None:
    meetings = [_meeting(1, date(2026, 9, 7), listen=[H], on_time=[H])]

    found = norms_trends([ON_TIME, LISTEN], meetings)

    assert [trend.text for trend in found] == ["Start and end on time", "Listen to understand"]


@pytest.mark.parametrize(
    ("counts", "expected", "tally"),
    [
        ((1, 0, 0), "100%", "1 honoured, 0 partly, 0 not"),
        ((0, 1, 0), "50%", "0 honoured, 1 partly, 0 not"),
        ((1, 1, 1), "50%", "1 honoured, 1 partly, 1 not"),
        ((2, 0, 1), "67%", "2 honoured, 0 partly, 1 not"),
        ((0, 0, 3), "0%", "0 honoured, 0 partly, 3 not"),
    ],
)
def test_a_points_figure(counts: tuple[int, int, int], expected: str, tally: str) -> None:
    point = NormPoint(1, date(2026, 9, 7), "Meeting 1", *counts)

    assert percent(point.percent) == expected
    assert point.tally == tally
