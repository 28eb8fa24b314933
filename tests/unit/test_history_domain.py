"""The history's pure rules (`facilitator.domain.history`): status words, the typed
days of the range and the sentence for a bad one, the filter in words, the team key."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from facilitator.domain.history import (
    HistoryFilter,
    HistoryRow,
    HistoryStatus,
    HistoryTeam,
    actions_words,
    day_start,
    filter_words,
    next_team,
    parse_day,
    range_problem,
    status_words,
)


def test_status_words() -> None:
    assert status_words("planned", False) == "planned"
    assert status_words("running", False) == "running"
    assert status_words("closed", True) == "closed, sent"
    assert status_words("closed", False) == "closed, not sent"
    assert status_words("reopened", False) == "reopened"


def test_a_typed_day() -> None:
    assert parse_day(" 2026-11-23 ", "from") == (date(2026, 11, 23), None)
    assert parse_day("", "from") == (None, None)
    assert parse_day("   ", "to") == (None, None)


@pytest.mark.parametrize(
    "typed", ["2026-13-01", "2026-02-30", "20261123", "2026-W48-1", "23/11/2026", "x" * 500]
)
def test_a_bad_day_is_a_sentence(typed: str) -> None:
    day, problem = parse_day(typed, "to")
    assert day is None and problem is not None
    assert problem.startswith('The to day "') and "YYYY-MM-DD" in problem
    assert len(problem) < 120  # a long paste is shortened, not repeated


def test_a_backwards_range_is_a_sentence() -> None:
    problem = range_problem(date(2026, 5, 1), date(2026, 4, 1))
    assert problem is not None and "2026-05-01" in problem
    assert range_problem(date(2026, 4, 1), date(2026, 4, 1)) is None
    assert range_problem(None, date(2026, 4, 1)) is None


def test_a_day_starts_at_local_midnight() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert day_start(date(2026, 7, 1), berlin) == datetime(2026, 6, 30, 22, tzinfo=UTC)
    assert day_start(date(2026, 1, 1), UTC) == datetime(2026, 1, 1, tzinfo=UTC)


def test_the_filter_in_words() -> None:
    assert filter_words(HistoryFilter(), None) == "no filter: every team, status and day"
    chosen = HistoryFilter(
        status=HistoryStatus.MINUTES_NOT_SENT,
        team_id=3,
        since=date(2026, 1, 1),
        until=date(2026, 6, 30),
        with_archived=True,
    )
    assert filter_words(chosen, "Grade 3 PLC") == (
        "minutes not sent · Grade 3 PLC · 2026-01-01 to 2026-06-30 · with archived teams"
    )
    assert "until 2026-06-30" in filter_words(HistoryFilter(until=date(2026, 6, 30)), None)


def test_the_team_key_cycles_through_all_teams() -> None:
    teams = (HistoryTeam(4, "A"), HistoryTeam(2, "B"))
    assert next_team(teams, None) == 4
    assert next_team(teams, 4) == 2
    assert next_team(teams, 2) is None
    assert next_team(teams, 99) == 4  # a team no longer listed: start again
    assert next_team((), None) is None


def test_action_items_in_words() -> None:
    row = HistoryRow(1, "T", 1, "Team", "closed", date(2026, 1, 1), True, 0, 1, 3)
    assert actions_words(row) == "1 action item open, 3 done"
    none = HistoryRow(1, "T", 1, "Team", "closed", date(2026, 1, 1), True, 0, 0, 0)
    assert actions_words(none) == "no action items"
