"""Formatting rules shared by every screen and export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.domain.text import (
    clock_label,
    day_label,
    duration_label,
    local,
    plural,
    short_day_label,
)


def test_local_shows_the_wall_clock_of_the_zone() -> None:
    moment = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)

    shown = local(moment, ZoneInfo("Europe/Berlin"))

    assert (shown.hour, shown.minute) == (15, 0)
    assert shown == moment


def test_day_label() -> None:
    assert day_label(date(2026, 12, 1)) == "Tue 1 Dec 2026"
    assert day_label(date(2026, 11, 23)) == "Mon 23 Nov 2026"


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 12, 1), "Tue 1 Dec"),
        (date(2027, 1, 1), "Fri 1 Jan 2027"),
        (date(2025, 11, 23), "Sun 23 Nov 2025"),
    ],
)
def test_short_day_label_adds_the_year_only_when_it_differs(day: date, label: str) -> None:
    assert short_day_label(day, today=date(2026, 11, 23)) == label


def test_clock_label() -> None:
    assert clock_label(datetime(2026, 11, 23, 9, 5, tzinfo=UTC)) == "09:05"
    assert clock_label(datetime(2026, 11, 23, 15, 30, tzinfo=UTC)) == "15:30"


@pytest.mark.parametrize(
    ("span", "label"),
    [
        (timedelta(seconds=0), "1 min"),
        (timedelta(seconds=59), "1 min"),
        (timedelta(minutes=40), "40 min"),
        (timedelta(minutes=59, seconds=59), "59 min"),
        (timedelta(hours=1), "1 h"),
        (timedelta(hours=47, minutes=59), "47 h"),
        (timedelta(days=2), "2 d"),
        (timedelta(days=3, hours=23), "3 d"),
        (-timedelta(hours=5), "5 h"),
        (-timedelta(days=2), "2 d"),
    ],
)
def test_duration_label_rounds_down_to_a_human_unit(span: timedelta, label: str) -> None:
    assert duration_label(span) == label


@pytest.mark.parametrize(
    ("count", "word", "words", "text"),
    [
        (0, "member", None, "0 members"),
        (1, "member", None, "1 member"),
        (3, "member", None, "3 members"),
        (1, "person", "people", "1 person"),
        (2, "person", "people", "2 people"),
        (10005, "meeting", None, "10,005 meetings"),
    ],
)
def test_plural(count: int, word: str, words: str | None, text: str) -> None:
    assert plural(count, word, words) == text
