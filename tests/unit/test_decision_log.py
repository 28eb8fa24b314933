"""The rules of the decision log: when a review is due, what a search matches, and how
the filters combine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from facilitator.domain.decision_log import (
    DecisionFilter,
    DecisionLog,
    LoggedDecision,
    review_is_due,
)
from facilitator.domain.minutes import DecisionLine, OptionLine

TODAY = date(2026, 11, 23)


def logged(
    decision_id: int, status: str = "decided", method: str | None = "majority", **fields: Any
) -> LoggedDecision:
    line = DecisionLine(
        id=decision_id,
        question=f"Question {decision_id}?",
        method=method,
        method_name=None,
        outcome="",
        status=status,
        **fields,
    )
    return LoggedDecision(
        line=line,
        meeting_id=1,
        meeting_title="Meeting",
        meeting_date=TODAY,
        team_id=1,
        team_name="Team",
        review_due=review_is_due(line.review_on, TODAY),
    )


@pytest.mark.parametrize(
    ("review_on", "on_agenda", "due"),
    [
        (None, False, False),
        (date(2026, 11, 24), False, False),  # tomorrow
        (date(2026, 11, 23), False, True),  # today
        (date(2025, 1, 1), False, True),  # long ago
        (date(2026, 11, 1), True, False),  # its review is on an agenda already
    ],
)
def test_review_is_due(review_on: date | None, on_agenda: bool, due: bool) -> None:
    assert review_is_due(review_on, TODAY, on_agenda=on_agenda) is due


def test_a_search_matches_every_word_in_any_text_in_any_case() -> None:
    entry = logged(
        1,
        options=(OptionLine("Four-day week", gives="Longer days"),),
        rationale="Staff survey",
    )

    assert entry.matches("")
    assert entry.matches("QUESTION")
    assert entry.matches("four-day longer")
    assert entry.matches("survey staff")
    assert not entry.matches("survey parents")


def test_filters_and_method_and_words_combine() -> None:
    log = DecisionLog(
        (
            logged(1, "open"),
            logged(2, "deferred", "consensus"),
            logged(3, "decided", review_on=date(2026, 11, 1)),
            logged(4, "no_decision", None),
        )
    )

    assert [e.id for e in log.shown(DecisionFilter.OPEN).entries] == [1, 2]
    assert [e.id for e in log.shown(DecisionFilter.OPEN, method="majority").entries] == [1]
    assert [e.id for e in log.shown(DecisionFilter.REVIEW_DUE).entries] == [3]
    assert [e.id for e in log.shown(DecisionFilter.ALL, words="question 4").entries] == [4]
    assert log.counts_label() == "4 decisions, 2 open, 1 due for review"
    assert DecisionLog((logged(1),)).counts_label() == "1 decision, 0 open, 0 due for review"
    undecided = log.get(4)
    assert undecided is not None and undecided.method_label == "no method"
