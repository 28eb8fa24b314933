"""One item's notes typed in two windows at once (issue 18): merged, nothing typed lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.notes_merge import merge_notes


def test_when_only_one_window_changed_the_notes_its_text_is_kept() -> None:
    assert merge_notes("a", "a\nmine", "a") == "a\nmine"
    assert merge_notes("a", "a", "a\ntheirs") == "a\ntheirs"
    assert merge_notes("a", "same", "same") == "same"


def test_the_other_windows_new_lines_follow_this_ones_text() -> None:
    base = "Agenda agreed"
    mine = "Agenda agreed\nBus duty: Ana"
    theirs = "Agenda agreed\nBudget: wait for March"

    assert merge_notes(base, mine, theirs) == (
        "Agenda agreed\nBus duty: Ana\n\nBudget: wait for March"
    )


def test_a_line_the_other_window_changed_is_kept_beside_this_ones() -> None:
    merged = merge_notes("Agreed", "Agreed, with Dana", "Agreed: rota from May")
    assert merged == "Agreed, with Dana\n\nAgreed: rota from May"


def test_lines_both_windows_typed_are_not_doubled() -> None:
    assert merge_notes("", "Same line\nMine", "Same line") == "Same line\nMine"


lines = st.lists(st.sampled_from(["a", "b", "c", "", "d e", "Ω"]), max_size=6).map("\n".join)


@given(base=lines, mine=lines, theirs=lines)
def test_nothing_typed_in_either_window_is_lost(base: str, mine: str, theirs: str) -> None:
    merged = merge_notes(base, mine, theirs)
    if mine != base:
        assert merged.startswith(mine.rstrip("\n"))  # this window's text, as typed
    kept = set(merged.splitlines())
    old = set(base.splitlines())
    assert all(line in kept for line in theirs.splitlines() if line.strip() and line not in old)
    assert all(line in kept for line in mine.splitlines() if line not in old)
