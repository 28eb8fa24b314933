"""The pack's questions and rules for "How should we decide?", as the domain's
`Question` and `Rule` (see `facilitator.domain.deciding`), and the checks that keep them
usable: every rule names real questions and answers, and some rule always applies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.deciding import Question, Rule, rule_gaps

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.pack.schema import DecisionMethodEntry
    from facilitator.pack.schema_deciding import DecisionQuestion

NOT_A_QUESTION = "not in decision_questions.toml"
NOT_OFFERED = 'which "%s" does not offer'
WHOSE = {"me": "My decision", "us": "Joint decision", "you": "Your decision"}


def method_names(pack: Pack) -> dict[str, str]:
    """Each decision method's name, by the value the app records it as."""
    return {entry.method.value: entry.name for entry in pack.decision_methods.values()}


def continuum_words(pack: Pack) -> dict[int, str]:
    """Each continuum point in a few words: "Joint decision: co-construct"."""
    return {
        point.number: f"{WHOSE[point.decides]}: {point.involvement}"
        for point in pack.continuum.values()
    }


def method_options(pack: Pack) -> tuple[tuple[str, str], ...]:
    """(name, value) for a form's list of methods, in the pack's order."""
    return tuple((name, value) for value, name in method_names(pack).items())


def decision_questions(pack: Pack) -> tuple[Question, ...]:
    """The questions in the pack's order; the continuum's answers are its points."""
    return tuple(_question(pack, entry) for entry in pack.decision_questions.values())


def _question(pack: Pack, entry: DecisionQuestion) -> Question:
    if entry.continuum:
        points = sorted(pack.continuum.values(), key=lambda point: point.number)
        answers = tuple(
            (str(point.number), f"{point.number}. {WHOSE[point.decides]}: {point.statement}")
            for point in points
        )
    else:
        answers = tuple((answer.id, answer.label) for answer in entry.answers)
    return Question(entry.id, entry.prompt, answers, entry.default)


def decision_rules(pack: Pack) -> tuple[Rule, ...]:
    """Every method's rules."""
    return tuple(
        Rule(
            method=method.method,
            rank=rule.rank,
            when={
                question: frozenset((answers,) if isinstance(answers, str) else answers)
                for question, answers in rule.when.items()
            },
            reason=rule.reason,
        )
        for method in pack.decision_methods.values()
        for rule in method.recommend
    )


def broken_rule(pack: Pack, method: DecisionMethodEntry) -> str | None:
    """What is wrong with one of `method`'s rules, as the end of a sentence; or None."""
    questions = {question.id: question for question in decision_questions(pack)}
    ranks = [rule.rank for entry in pack.decision_methods.values() for rule in entry.recommend]
    for rule in method.recommend:
        if ranks.count(rule.rank) > 1:
            return f"has a rule of rank {rule.rank}, a rank another rule uses too."
        for question_id, wanted in rule.when.items():
            question = questions.get(question_id)
            if question is None:
                return f'has a rule naming question "{question_id}", {NOT_A_QUESTION}.'
            offered = {value for value, _ in question.answers}
            for answer in (wanted,) if isinstance(wanted, str) else wanted:
                if answer not in offered:
                    return f'has a rule naming answer "{answer}", {NOT_OFFERED % question_id}.'
    return None


def rules_gap(pack: Pack) -> str | None:
    """A sentence when some answers get no method or no runner-up; else None."""
    gaps = rule_gaps(decision_questions(pack), decision_rules(pack))
    if not gaps:
        return None
    example = ", ".join(f"{question} = {answer}" for question, answer in gaps[0].items())
    return (
        f"leave {len(gaps)} combinations of answers without a method and a runner-up "
        f"(for example {example}); add a rule that applies to any answers."
    )
