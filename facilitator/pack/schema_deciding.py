"""Pack models for "How should we decide?": its questions, and the rules on each
decision method that recommend it (see `facilitator.domain.deciding`)."""

from __future__ import annotations

from pydantic import Field, model_validator

from facilitator.pack.schema_base import SLUG, Entry, Strict


class AnswerChoice(Strict):
    """One answer a question offers."""

    id: str = Field(pattern=SLUG)
    """Stable id of the answer, used by the rules, e.g. "yes" or "trivial"."""
    label: str = Field(min_length=1)
    """The answer as shown."""


class DecisionQuestion(Entry):
    """A question "How should we decide?" asks."""

    prompt: str = Field(min_length=1)
    """The question as shown."""
    answers: tuple[AnswerChoice, ...] = ()
    """The answers offered, in order (at least two), unless `continuum` is true."""
    continuum: bool = False
    """True for the question whose answers are the continuum's points ("1" to "7")."""
    default: str = Field(min_length=1)
    """The id of the answer chosen before anyone answers."""

    @model_validator(mode="after")
    def _answers_fit(self) -> DecisionQuestion:
        if self.continuum:
            if self.answers:
                raise ValueError("a continuum question takes its answers from the continuum")
            if self.default not in {str(number) for number in range(1, 8)}:
                raise ValueError(f'default "{self.default}" is not a continuum point, 1 to 7')
            return self
        ids = [answer.id for answer in self.answers]
        if len(ids) < 2 or len(set(ids)) != len(ids):
            raise ValueError("a question needs at least two answers, each with its own id")
        if self.default not in ids:
            raise ValueError(f'default "{self.default}" is not one of its answers')
        return self


class RecommendRule(Strict):
    """When to recommend the method this rule belongs to, and why."""

    rank: int = Field(ge=0)
    """Rules are tried from the lowest rank up; each rank is used once in the pack."""
    when: dict[str, str | tuple[str, ...]] = Field(default_factory=dict)
    """Question id -> the answer (or answers) the rule applies to; none: any answers."""
    reason: str = Field(min_length=1)
    """Why this method, as the facilitator reads it."""
