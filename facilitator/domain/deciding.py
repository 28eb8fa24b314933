"""Choosing how to decide: the answers to "How should we decide?" and the method they
point to.

The questions, their answers and the rules that turn answers into a method are facts of
the content pack (`content/decision_questions.toml`, the `recommend` rules of
`content/decision_methods.toml`); this module only applies them. A rule names, for some
questions, the answers it applies to; the first rule (by rank) whose every condition
holds gives the recommendation, the next one for another method the runner-up. The pack
is checked when it loads so that some rule always applies (see `rule_gaps`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from facilitator.domain.enums import DecisionMethod

Answers = Mapping[str, str]
"""Question id -> the id of the answer chosen."""


@dataclass(frozen=True)
class Question:
    """One question of "How should we decide?" and the answers it offers."""

    id: str
    prompt: str
    answers: tuple[tuple[str, str], ...]
    """(answer id, label) in the order offered."""
    default: str
    """The answer preselected before anyone chooses."""

    def label(self, answer: str) -> str:
        return next((label for value, label in self.answers if value == answer), answer)


@dataclass(frozen=True)
class Rule:
    """When the answers are these, recommend `method`, saying `reason`."""

    method: DecisionMethod
    rank: int
    """Rules are tried from the lowest rank up."""
    when: Mapping[str, frozenset[str]]
    """Question id -> the answers this rule applies to; a question not named is any."""
    reason: str

    def applies(self, answers: Answers) -> bool:
        return all(answers.get(question) in allowed for question, allowed in self.when.items())


@dataclass(frozen=True)
class Recommendation:
    """The method to use and why, and the next best method and why."""

    method: DecisionMethod
    reason: str
    runner_up: DecisionMethod
    runner_up_reason: str


class NoRuleApplies(ValueError):
    """The rules say nothing for these answers (the pack's check prevents it)."""


def recommend(answers: Answers, rules: Sequence[Rule]) -> Recommendation:
    """The first rule by rank that applies, and the first after it for another method."""
    applying = [rule for rule in sorted(rules, key=lambda rule: rule.rank) if rule.applies(answers)]
    if not applying:
        raise NoRuleApplies(f"no rule applies to {dict(answers)}")
    best = applying[0]
    second = next((rule for rule in applying if rule.method != best.method), None)
    if second is None:
        raise NoRuleApplies(f"only {best.method} applies to {dict(answers)}")
    return Recommendation(best.method, best.reason, second.method, second.reason)


def with_defaults(questions: Sequence[Question], answers: Answers) -> dict[str, str]:
    """Every question answered: the answers given, each other question its default."""
    return {question.id: answers.get(question.id, question.default) for question in questions}


def every_answer(questions: Sequence[Question]) -> Iterator[dict[str, str]]:
    """Every combination of answers to `questions`."""
    ids = [question.id for question in questions]
    choices = [[value for value, _ in question.answers] for question in questions]
    for combination in itertools.product(*choices):
        yield dict(zip(ids, combination, strict=True))


def rule_gaps(questions: Sequence[Question], rules: Sequence[Rule]) -> list[dict[str, str]]:
    """Combinations of answers for which `recommend` has no method or no runner-up.
    (Run whenever the pack loads: the rules are sorted once, and each combination stops
    at its second method.)"""
    ordered = sorted(rules, key=lambda rule: rule.rank)
    gaps = []
    for answers in every_answer(questions):
        methods: set[DecisionMethod] = set()
        for rule in ordered:
            if rule.applies(answers):
                methods.add(rule.method)
                if len(methods) == 2:
                    break
        if len(methods) < 2:
            gaps.append(answers)
    return gaps
