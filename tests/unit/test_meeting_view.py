"""A meeting's plan as people read it: item start times and goal lines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.meeting_view import goal_lines, start_times

START = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)


def test_each_item_starts_when_the_one_before_ends() -> None:
    assert start_times(START, [5, 10, 15]) == [
        START,
        START + timedelta(minutes=5),
        START + timedelta(minutes=15),
    ]


def test_no_items_no_start_times() -> None:
    assert start_times(START, []) == []


@given(st.lists(st.integers(min_value=0, max_value=600), max_size=30))
def test_start_times_add_up(minutes: list[int]) -> None:
    times = start_times(START, minutes)

    assert len(times) == len(minutes)
    for index, moment in enumerate(times):
        assert moment == START + timedelta(minutes=sum(minutes[:index]))


def test_goal_lines_drop_blanks_and_trim() -> None:
    goals = "  Agree what the data shows.\n\n   \nChoose how we support conferences.  \r\n"

    assert goal_lines(goals) == (
        "Agree what the data shows.",
        "Choose how we support conferences.",
    )


def test_no_goals() -> None:
    assert goal_lines("") == ()
    assert goal_lines("\n \n") == ()


def test_goal_lines_keep_markup_as_text() -> None:
    assert goal_lines("[bold]Decide[/]\n") == ("[bold]Decide[/]",)
