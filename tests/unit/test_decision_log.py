"""The rules of the decision log: when a review is due, what a text filter keeps, and how
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
from facilitator.domain.minutes import DecisionLine
from facilitator.domain.text_filter import EVERYTHING, TextFilter

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


def test_a_text_filter_keeps_what_the_index_found_or_all_but_that() -> None:
    assert EVERYTHING.keeps(1) and not EVERYTHING.is_on
    found = TextFilter(frozenset({1, 3}))
    assert [found.keeps(i) for i in (1, 2, 3)] == [True, False, True]
    left_out = TextFilter(frozenset({1, 3}), excluding=True)
    assert [left_out.keeps(i) for i in (1, 2, 3)] == [False, True, False]


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
    fourth = TextFilter(frozenset({4}))
    assert [e.id for e in log.shown(DecisionFilter.ALL, text=fourth).entries] == [4]
    assert log.counts_label() == "4 decisions, 2 open, 1 due for review"
    assert DecisionLog((logged(1),)).counts_label() == "1 decision, 0 open, 0 due for review"
    undecided = log.get(4)
    assert undecided is not None and undecided.method_label == "no method"
