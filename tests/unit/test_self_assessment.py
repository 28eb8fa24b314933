"""A team's self-assessments compared: levels shown short or by name, each level
described while it is chosen, answers checked against the instrument, and what changed
from one assessment to the next in words."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.domain.evaluation_results import Answer, Form, FormItem, FormSection
from facilitator.domain.self_assessment import (
    SelfAssessment,
    answered_words,
    assessment_problem,
    change_mark,
    change_words,
    compare,
    describe,
    level_label,
    level_name,
    note_label,
)

GOALS = FormItem("goals", "Goals focus on learning")
BARRIERS = FormItem("barriers", "Names the barriers")
INDICATORS = Form(
    "slt",
    "Indicators",
    "levels",
    (FormSection("direction", "Set direction", (GOALS, BARRIERS)),),
    levels=(
        ("N/A", "No conversation"),
        ("I", "Initiating"),
        ("B", "Beginning"),
        ("P", "Progressing"),
    ),
    meanings=("Not talked about.", "Talked about.", "Some action.", "It works."),
)
PURPOSE = FormItem(
    "purpose", "A. Shared purpose", descriptors=(("emerging", "Written down only."),)
)
COHERENCE = Form(
    "coherence",
    "Coherence",
    "levels",
    (FormSection("focus", "Focusing direction", (PURPOSE,)),),
    levels=(("emerging", "Emerging"), ("mastering", "Mastering")),
    meanings=("Stated.", "Shared and practised."),
    note="Opportunity",
)
RATED = Form("own", "Our check", "rating", (FormSection("s", "S", (GOALS,)),), 1, 5)
WORDS = Form("work", "Assessing our work", "text", (FormSection("c", "Criteria", (GOALS,)),))
NOV, DEC, JAN = date(2026, 11, 2), date(2026, 12, 7), date(2027, 1, 11)


def taken(day: date, number: int = 1, **levels: str) -> SelfAssessment:
    return SelfAssessment(number, day, {item: Answer(level=lv) for item, lv in levels.items()})


def test_a_short_code_stands_for_its_level_and_a_long_one_gives_way_to_the_name() -> None:
    assert level_label(INDICATORS, "N/A") == "N/A"
    assert level_label(COHERENCE, "emerging") == "Emerging"
    assert level_label(RATED, "4") == "4"
    assert level_name(INDICATORS, "P") == "P Progressing"
    assert level_name(COHERENCE, "mastering") == "Mastering"


def test_the_items_own_descriptor_comes_first_then_the_levels_meaning() -> None:
    assert describe(COHERENCE, PURPOSE, "emerging") == "Emerging: Written down only."
    assert describe(COHERENCE, PURPOSE, "mastering") == "Mastering: Shared and practised."
    assert describe(INDICATORS, GOALS, "B") == "B Beginning: Some action."
    assert describe(INDICATORS, GOALS, None) == ""
    assert describe(INDICATORS, GOALS, "Z") == ""
    assert describe(RATED, GOALS, "4") == "4 on the scale from 1 to 5"


def test_the_note_is_the_instruments_own_label_or_evidence() -> None:
    assert (note_label(COHERENCE), note_label(INDICATORS)) == ("Opportunity", "Evidence")


@pytest.mark.parametrize(
    ("form", "item", "answer", "problem"),
    [
        (INDICATORS, "goals", Answer(level="P"), None),
        (INDICATORS, "goals", Answer(text="Minutes of 2 Nov"), None),
        (INDICATORS, "goals", Answer(level="Sustaining"), "Indicators is answered with one of"),
        (INDICATORS, "goals", Answer(score=3), "Indicators is answered with one of"),
        (INDICATORS, "nope", Answer(level="P"), 'Indicators has no item "nope".'),
        (INDICATORS, "nope", Answer(text="a note"), 'Indicators has no item "nope".'),
        (RATED, "goals", Answer(score=6), "Our check is rated from 1 to 5."),
        (RATED, "goals", Answer(score=5, text="why"), None),
        (WORDS, "goals", Answer(level="P"), "Assessing our work is answered in words."),
    ],
)
def test_an_answer_that_does_not_fit_is_named_in_a_sentence(
    form: Form, item: str, answer: Answer, problem: str | None
) -> None:
    found = assessment_problem(form, item, answer)
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem)


def test_progress_counts_a_note_alone_as_not_answered() -> None:
    answers = {"goals": Answer(level="B"), "barriers": Answer(text="agenda notes")}
    assert answered_words(INDICATORS, answers) == "1 of 2 items answered"
    assert answered_words(WORDS, {"goals": Answer(text="Monthly")}) == "1 of 1 item answered"


@pytest.mark.parametrize(
    ("before", "after", "words", "direction"),
    [
        ("B", "P", "Beginning → Progressing, up 1 level", 1),
        ("P", "N/A", "Progressing → No conversation, down 3 levels", -1),
        ("P", "P", "the same: Progressing", 0),
        (None, "I", "answered for the first time: Initiating", 0),
        ("I", None, "not answered this time (was Initiating)", 0),
        (None, None, "not answered", 0),
    ],
)
def test_what_changed_in_words(
    before: str | None, after: str | None, words: str, direction: int
) -> None:
    was = Answer(level=before) if before else None
    now = Answer(level=after) if after else None
    assert change_words(INDICATORS, was, now) == (words, direction)


def test_a_note_alone_counts_as_no_level_chosen() -> None:
    assert change_words(INDICATORS, Answer(text="seen"), Answer(level="I"))[0].startswith(
        "answered for the first time"
    )


def test_ratings_and_words_change_too() -> None:
    assert change_words(RATED, Answer(score=2), Answer(score=5)) == ("2 → 5, up 3 points", 1)
    assert change_words(WORDS, Answer(text="Monthly"), Answer(text="Weekly"))[0] == "rewritten"
    assert change_words(WORDS, Answer(text="Weekly"), Answer(text=" Weekly "))[0] == (
        "the same words"
    )


def test_compare_puts_the_oldest_first_and_counts_the_changes() -> None:
    dec = taken(DEC, 2, goals="P", barriers="B")
    nov = taken(NOV, 1, goals="B", barriers="B")
    jan = taken(JAN, 3, goals="I")

    comparison = compare(INDICATORS, [jan, dec, nov])

    assert comparison.dates == (NOV, DEC, JAN)
    goals, barriers = comparison.items
    assert [a.level if a else None for a in goals.answers] == ["B", "P", "I"]
    assert goals.change == "Progressing → Initiating, down 2 levels"
    assert barriers.change == "not answered this time (was Beginning)"
    assert comparison.summary == "Since Mon 7 Dec 2026: 1 down, 1 not answered."


def test_one_or_no_assessment_says_so() -> None:
    assert compare(INDICATORS, []).summary == "Not taken yet."
    once = compare(INDICATORS, [taken(NOV, goals="P")])
    assert once.summary == "One self-assessment so far, Mon 2 Nov 2026."
    assert [item.change for item in once.items] == ["", ""]


def test_two_on_one_day_keep_the_order_they_were_taken_in() -> None:
    comparison = compare(INDICATORS, [taken(NOV, 9, goals="P"), taken(NOV, 4, goals="B")])
    assert [a.id for a in comparison.assessments] == [4, 9]
    assert comparison.summary == "Since Mon 2 Nov 2026: 1 up, 1 not answered."


@pytest.mark.parametrize(
    ("form", "before", "after", "mark"),
    [
        (INDICATORS, Answer(level="B"), Answer(level="P"), "↑ up 1"),
        (INDICATORS, Answer(level="P"), Answer(level="N/A"), "↓ down 3"),
        (INDICATORS, Answer(level="P"), Answer(level="P", text="more"), "= same"),
        (INDICATORS, Answer(text="seen"), Answer(level="I"), "+ new"),
        (INDICATORS, Answer(level="I"), None, "− left out"),
        (INDICATORS, None, None, ""),
        (WORDS, Answer(text="Monthly"), Answer(text="Weekly"), "~ rewritten"),
        (WORDS, None, Answer(text="Weekly"), "+ new"),
    ],
)
def test_the_change_in_a_narrow_column_says_it_in_signs_and_words(
    form: Form, before: Answer | None, after: Answer | None, mark: str
) -> None:
    assert change_mark(form, before, after) == mark
