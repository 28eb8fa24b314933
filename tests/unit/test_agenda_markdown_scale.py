"""Regressions of issue 15, defect 1, in the Markdown agenda reader: work that grew with
the square of a line's length or of an item's steps. Shown by what the reader is given
and how often it rebuilds an item, never by timing."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from facilitator.domain import agenda_markdown
from facilitator.domain.agenda_markdown import parse_agenda
from tests.unit.test_agenda_markdown import HEADER, TODAY


def test_a_long_run_of_spaces_reaches_the_patterns_as_one_space(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression (issue 15, defect 1): a run of spaces inside a line made the item
    patterns backtrack over it from every position (4,000 spaces took 0.4 s, a megabyte
    of them would never finish). Inner runs are squeezed before any pattern sees them;
    indentation is kept."""
    seen: list[str] = []
    read = agenda_markdown._Reader.read

    def spy(self: Any, line: Any) -> None:
        seen.append(line.raw)
        read(self, line)

    monkeypatch.setattr(agenda_markdown._Reader, "read", spy)
    gap = " \t" * 50_000
    parsed = parse_agenda(
        HEADER + f"- 10 min Budget{gap}review{gap}-{gap}goal: pick two{gap}(Ana)\n"
        f"  - Steps:\n    -{gap}Look{gap}again\n",
        today=TODAY,
    )

    assert max(len(raw) for raw in seen) < 60
    assert "    - Look again" in seen
    assert parsed.problems == ()
    (item,) = parsed.items
    assert (item.title, item.goal, item.presenter) == ("Budget review", "pick two", "Ana")
    assert [step.title for step in item.steps] == ["Look again"]


def test_an_items_steps_are_gathered_without_rebuilding_it_per_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression (issue 15, defect 1): every step rebuilt its item with a copy of all
    the steps before it, so an item of n steps cost n squared."""
    rebuilt = 0

    def counting(item: Any, **changes: Any) -> Any:
        nonlocal rebuilt
        rebuilt += 1
        return dataclasses.replace(item, **changes)

    monkeypatch.setattr(agenda_markdown, "replace", counting)
    steps = "".join(f"  - Step {n}\n" for n in range(1_000))
    parsed = parse_agenda(HEADER + "- 10 min Review\n" + steps, today=TODAY)

    (item,) = parsed.items
    assert [step.title for step in item.steps] == [f"Step {n}" for n in range(1_000)]
    assert rebuilt <= 1
