"""An evaluation's results, counted from the responses given: for each item of an
instrument, how the answers spread over its scale, the median and the mean of a rating
and how many answered; the lowest- and highest-rated items named in words; the
comments of a text instrument (plus/delta) listed, without names where they were given
anonymously; and, for an instrument in sections (the Norms Inventory), each section's
figures beside its items'.

The instrument comes in as a plain description (`Form`), so the counting does not
depend on where instruments are kept (the content pack turns its entries into forms).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, median


@dataclass(frozen=True)
class FormItem:
    id: str
    text: str
    low: str = ""
    """What the lowest rating means for this item, where the instrument says."""
    high: str = ""
    descriptors: tuple[tuple[str, str], ...] = ()
    """(level code, what that level looks like for this item), for a rubric such as the
    coherence progression; empty where the instrument gives none."""
    questions: tuple[str, ...] = ()
    """Questions that help answer it (an instrument answered in words)."""


@dataclass(frozen=True)
class FormSection:
    id: str
    title: str
    items: tuple[FormItem, ...]


@dataclass(frozen=True)
class Form:
    """What counting needs of an instrument: its scale and its items in sections."""

    id: str
    name: str
    kind: str
    """rating, levels or text."""
    sections: tuple[FormSection, ...]
    low: int | None = None
    high: int | None = None
    levels: tuple[tuple[str, str], ...] = ()
    """(code, name) for a levels scale, lowest first."""
    meanings: tuple[str, ...] = ()
    """What choosing each of `levels` means, in the same order ("" where not said)."""
    note: str = ""
    """The label of the note an instrument takes beside each answer ("Opportunity"),
    or "" where it names none."""

    @property
    def values(self) -> tuple[str, ...]:
        """Every answer the scale allows, lowest first, as recorded."""
        if self.kind == "rating" and self.low is not None and self.high is not None:
            return tuple(str(score) for score in range(self.low, self.high + 1))
        return tuple(code for code, _ in self.levels)


@dataclass(frozen=True)
class Answer:
    score: int | None = None
    level: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Response:
    """One person's answers (respondent None: given anonymously)."""

    respondent: str | None
    answers: Mapping[str, Answer]
    room: bool = False
    """One row of the room's answers as the facilitator entered them (a tally): an item
    it holds no answer for was not skipped by anyone."""


@dataclass(frozen=True)
class ItemResult:
    item: FormItem
    counts: tuple[tuple[str, int], ...]
    """(answer as recorded, how many gave it) over the whole scale, lowest first."""
    answered: int
    skipped: int
    median: float | None = None
    mean: float | None = None

    @property
    def figures(self) -> str:
        """ "median 4.5, mean 4.3, 6 answered" (a levels item: "6 answered")."""
        parts = []
        if self.median is not None and self.mean is not None:
            parts += [f"median {number(self.median)}", f"mean {self.mean:.1f}"]
        return ", ".join([*parts, f"{self.answered} answered"])


@dataclass(frozen=True)
class Comment:
    item: FormItem
    text: str
    respondent: str | None


@dataclass(frozen=True)
class SectionResult:
    section: FormSection
    items: tuple[ItemResult, ...]
    mean: float | None
    """The mean of every rating given in the section (None with none)."""


@dataclass(frozen=True)
class InstrumentResult:
    form: Form
    responses: int
    sections: tuple[SectionResult, ...]
    comments: tuple[Comment, ...]

    @property
    def items(self) -> tuple[ItemResult, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def extremes(self) -> str:
        """The lowest- and highest-rated items in words, by mean (ties named together);
        "" where nothing was rated."""
        rated = [item for item in self.items if item.mean is not None]
        if not rated:
            return ""
        low = min(item.mean or 0.0 for item in rated)
        high = max(item.mean or 0.0 for item in rated)
        if low == high:
            return f"Every item rated alike (mean {low:.1f})."
        lowest = [item.item.text for item in rated if item.mean == low]
        highest = [item.item.text for item in rated if item.mean == high]
        return (
            f"Lowest: {'; '.join(lowest)} ({low:.1f}). Highest: {'; '.join(highest)} ({high:.1f})."
        )


def number(value: float) -> str:
    """4.0 -> "4", 4.5 -> "4.5"."""
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def count_results(form: Form, responses: Sequence[Response]) -> InstrumentResult:
    """Every item's figures over `responses`; a response without an answer for an
    item has skipped it."""
    sections = tuple(_section(section, form, responses) for section in form.sections)
    comments = tuple(
        comment
        for section in form.sections
        for item in section.items
        for comment in _comments(item, responses)
    )
    return InstrumentResult(form, len(responses), sections, comments)


def _comments(item: FormItem, responses: Sequence[Response]) -> list[Comment]:
    """An item's comments in the order of their words: the order the responses were
    given (or stored in) would say who wrote an anonymous one."""
    found = []
    for response in responses:
        answer = response.answers.get(item.id)
        if answer is not None and answer.text.strip():
            found.append(Comment(item, answer.text.strip(), response.respondent))
    return sorted(found, key=lambda comment: (comment.text.casefold(), comment.respondent or ""))


def _section(section: FormSection, form: Form, responses: Sequence[Response]) -> SectionResult:
    items = tuple(_item(item, form, responses) for item in section.items)
    scores = [
        answer.score
        for item in section.items
        for response in responses
        if (answer := response.answers.get(item.id)) is not None and answer.score is not None
    ]
    return SectionResult(section, items, fmean(scores) if scores else None)


def _item(item: FormItem, form: Form, responses: Sequence[Response]) -> ItemResult:
    given = [r.answers[item.id] for r in responses if item.id in r.answers]
    if form.kind == "text":
        answered = sum(1 for answer in given if answer.text.strip())
        return ItemResult(item, (), answered, _skipped(item, form, responses))
    recorded = [_recorded(answer, form) for answer in given]
    values = [value for value in recorded if value is not None]
    counts = tuple((value, values.count(value)) for value in form.values)
    scores = [int(value) for value in values] if form.kind == "rating" else []
    return ItemResult(
        item,
        counts,
        len(values),
        _skipped(item, form, responses),
        median(scores) if scores else None,
        fmean(scores) if scores else None,
    )


def _skipped(item: FormItem, form: Form, responses: Sequence[Response]) -> int:
    """The people's responses that leave `item` out (the room's rows skip nothing)."""
    return sum(
        1 for response in responses if not response.room and not _given(item, form, response)
    )


def _given(item: FormItem, form: Form, response: Response) -> bool:
    answer = response.answers.get(item.id)
    if answer is None:
        return False
    if form.kind == "text":
        return bool(answer.text.strip())
    return _recorded(answer, form) is not None


def _recorded(answer: Answer, form: Form) -> str | None:
    if form.kind == "rating":
        return str(answer.score) if answer.score is not None else None
    return answer.level or None


def answered_words(answered: int, present: int) -> str:
    """Progress in words for a round: "4 of 9 have answered"."""
    verb = "has" if answered == 1 else "have"
    return f"{answered} of {present} {verb} answered"


def answer_problem(form: Form, item_id: str, answer: Answer) -> str | None:
    """A sentence when `answer` does not fit `form`'s item `item_id`: an item the
    instrument does not have, a rating off its scale, a level it does not name."""
    items = {item.id: item for section in form.sections for item in section.items}
    if item_id not in items:
        return f'{form.name} has no item "{item_id}".'
    if form.kind == "rating":
        if answer.score is None or str(answer.score) not in form.values:
            return f"{form.name} is rated from {form.low} to {form.high}."
    elif form.kind == "levels" and answer.level not in form.values:
        names = ", ".join(name for _, name in form.levels)
        return f"{form.name} is answered with one of: {names}."
    elif form.kind == "text" and not answer.text.strip():
        return "Write a few words, or skip the question."
    return None
