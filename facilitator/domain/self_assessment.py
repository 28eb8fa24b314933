"""A team's periodic self-assessments (the leadership-team indicators, the coherence
progression, a school's own): what makes an answer acceptable, how a level is shown in
a narrow column and described while it is chosen, and the side-by-side comparison of a
team's dated assessments of one instrument with what changed in words.

The team takes a self-assessment together, so it has one answer per item: a level (or a
rating, for a school's own rating instrument, or words, for a text one) and a note beside
it (the evidence, or the opportunity the coherence progression asks for). An answer may
hold the note alone: a team often writes down what it sees before it settles on a level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from facilitator.domain.evaluation_results import (
    Answer,
    Form,
    FormItem,
    FormSection,
    answer_problem,
)
from facilitator.domain.text import day_label, plural

SHORT_CODE = 3
"""A level code this short ("N/A", "P") stands for its level in a narrow column; a longer
one ("emerging") is shown by its name."""
DEFAULT_NOTE = "Evidence"
"""The label of the note beside each answer when the instrument names none."""


@dataclass(frozen=True)
class SelfAssessment:
    """One dated self-assessment of a team: its answers by item id."""

    id: int
    taken_on: date
    answers: Mapping[str, Answer]


@dataclass(frozen=True)
class ComparedItem:
    """One item across a team's assessments, oldest first."""

    section: FormSection
    item: FormItem
    answers: tuple[Answer | None, ...]
    change: str
    """What changed from the previous assessment to the latest, in words."""
    direction: int
    """+1 up the scale, -1 down, 0 otherwise (the same, new, left out, or words)."""
    mark: str = ""
    """The change in a narrow column: "↑ up 1", "↓ down 2", "= same", "+ new"."""


@dataclass(frozen=True)
class Comparison:
    """A team's assessments of one instrument side by side."""

    form: Form
    assessments: tuple[SelfAssessment, ...]
    """Oldest first."""
    items: tuple[ComparedItem, ...]

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(assessment.taken_on for assessment in self.assessments)

    @property
    def summary(self) -> str:
        """ "Since Mon 2 Nov 2026: 3 up, 1 down, 9 the same, 2 not answered." """
        if not self.assessments:
            return "Not taken yet."
        if len(self.assessments) == 1:
            return f"One self-assessment so far, {day_label(self.assessments[0].taken_on)}."
        counts = _change_counts(self)
        since = day_label(self.assessments[-2].taken_on)
        return f"Since {since}: " + ", ".join(f"{n} {what}" for what, n in counts if n) + "."


def note_label(form: Form) -> str:
    """What the note beside each answer is called ("Opportunity", else "Evidence")."""
    return form.note or DEFAULT_NOTE


def level_label(form: Form, value: str) -> str:
    """A value as a narrow column shows it: a short code ("P"), else the level's name
    ("Accelerating"); a rating as its number."""
    names = dict(form.levels)
    if value not in names or len(value) <= SHORT_CODE:
        return value
    return names[value]


def level_name(form: Form, value: str) -> str:
    """ "P Progressing" for a level with a short code, "Accelerating", or a rating "5"."""
    names = dict(form.levels)
    if value not in names:
        return value
    name = names[value]
    return f"{value} {name}" if len(value) <= SHORT_CODE and value != name else name


def describe(form: Form, item: FormItem, value: str | None) -> str:
    """What choosing `value` says for `item`: the item's own descriptor of that level
    (a rubric), else what the level means in general (a rating: where it sits on the
    scale); "" with nothing chosen."""
    if value is None or value not in form.values:
        return ""
    own = dict(item.descriptors).get(value, "")
    if form.kind == "rating":
        said = f"{value} on the scale from {form.low} to {form.high}"
        return f"{said}: {own}" if own else said
    meaning = own or dict(zip(form.values, form.meanings, strict=False)).get(value, "")
    name = level_name(form, value)
    return f"{name}: {meaning}" if meaning else name


def chosen(answer: Answer | None) -> str | None:
    """The value an answer chose, as recorded ("P", "5"); None for a note alone."""
    if answer is None:
        return None
    if answer.score is not None:
        return str(answer.score)
    return answer.level


def is_empty(answer: Answer) -> bool:
    """Nothing chosen and nothing written: the item is left unanswered."""
    return answer.score is None and answer.level is None and not answer.text.strip()


def assessment_problem(form: Form, item_id: str, answer: Answer) -> str | None:
    """A sentence when `answer` does not fit item `item_id` of `form`: an item the
    instrument does not have, a level its scale does not name, a rating off its scale.
    A note alone fits any item."""
    items = {item.id for section in form.sections for item in section.items}
    if item_id not in items:
        return f'{form.name} has no item "{item_id}".'
    if answer.score is None and answer.level is None:
        return None
    if form.kind == "text":
        return f"{form.name} is answered in words."
    return answer_problem(form, item_id, answer)


def answered_words(form: Form, answers: Mapping[str, Answer]) -> str:
    """ "9 of 15 items answered" (an item with a note alone is not answered yet)."""
    items = [item.id for section in form.sections for item in section.items]
    done = sum(1 for item_id in items if _answered(form, answers.get(item_id)))
    return f"{done} of {plural(len(items), 'item')} answered"


def _answered(form: Form, answer: Answer | None) -> bool:
    if answer is None:
        return False
    return bool(answer.text.strip()) if form.kind == "text" else chosen(answer) is not None


def compare(form: Form, assessments: Sequence[SelfAssessment]) -> Comparison:
    """`assessments` of `form` side by side, oldest first (by date, then as taken)."""
    ordered = tuple(sorted(assessments, key=lambda a: (a.taken_on, a.id)))
    items = tuple(
        _compared(form, section, item, tuple(a.answers.get(item.id) for a in ordered))
        for section in form.sections
        for item in section.items
    )
    return Comparison(form, ordered, items)


def _compared(
    form: Form, section: FormSection, item: FormItem, answers: tuple[Answer | None, ...]
) -> ComparedItem:
    if len(answers) < 2:
        return ComparedItem(section, item, answers, "", 0)
    change, direction = change_words(form, answers[-2], answers[-1])
    mark = change_mark(form, answers[-2], answers[-1])
    return ComparedItem(section, item, answers, change, direction, mark)


def change_mark(form: Form, before: Answer | None, after: Answer | None) -> str:
    """The change between two answers in a few characters, never by colour alone:
    "↑ up 1", "↓ down 2", "= same", "+ new", "− left out", "~ rewritten"; "" when
    neither answered."""
    if form.kind == "text":
        marks = {
            "rewritten": "~ rewritten",
            "the same words": "= same",
            "answered for the first time": "+ new",
            "not answered this time": "− left out",
        }
        return marks.get(_text_change(before, after), "")
    was, now = chosen(before), chosen(after)
    if was is None or now is None:
        return "" if was == now else "+ new" if was is None else "− left out"
    steps = form.values.index(now) - form.values.index(was)
    if steps == 0:
        return "= same"
    return f"↑ up {steps}" if steps > 0 else f"↓ down {-steps}"


def change_words(form: Form, before: Answer | None, after: Answer | None) -> tuple[str, int]:
    """What changed between two answers to one item, in words, with its direction:
    ("Beginning → Progressing, up 1 level", 1), ("the same: Progressing", 0)."""
    if form.kind == "text":
        return _text_change(before, after), 0
    was, now = chosen(before), chosen(after)
    if was is None and now is None:
        return "not answered", 0
    if was is None:
        return f"answered for the first time: {_name(form, now)}", 0
    if now is None:
        return f"not answered this time (was {_name(form, was)})", 0
    if was == now:
        return f"the same: {_name(form, now)}", 0
    steps = form.values.index(now) - form.values.index(was)
    unit = "point" if form.kind == "rating" else "level"
    way = "up" if steps > 0 else "down"
    moved = f"{way} {plural(abs(steps), unit)}"
    return f"{_name(form, was)} → {_name(form, now)}, {moved}", 1 if steps > 0 else -1


def _name(form: Form, value: str | None) -> str:
    return dict(form.levels).get(value or "", value or "")


def _text_change(before: Answer | None, after: Answer | None) -> str:
    was = before.text.strip() if before else ""
    now = after.text.strip() if after else ""
    if not was and not now:
        return "not answered"
    if not was:
        return "answered for the first time"
    if not now:
        return "not answered this time"
    return "the same words" if was == now else "rewritten"


def _change_counts(comparison: Comparison) -> list[tuple[str, int]]:
    """How many items went up, down, stayed, were answered for the first time or not
    answered, in that order (words instruments: rewritten or not)."""
    words = [item.change for item in comparison.items]
    if comparison.form.kind == "text":
        return [
            ("rewritten", words.count("rewritten")),
            ("the same", words.count("the same words")),
            ("answered for the first time", words.count("answered for the first time")),
            ("not answered", sum(w.startswith("not answered") for w in words)),
        ]
    return [
        ("up", sum(item.direction > 0 for item in comparison.items)),
        ("down", sum(item.direction < 0 for item in comparison.items)),
        ("the same", sum(w.startswith("the same") for w in words)),
        ("answered for the first time", sum(w.startswith("answered for") for w in words)),
        ("not answered", sum(w.startswith("not answered") for w in words)),
    ]
