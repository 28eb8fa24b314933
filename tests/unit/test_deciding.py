"""'How should we decide?': each rule of the pack, and every combination of answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.domain.deciding import (
    NoRuleApplies,
    Question,
    Rule,
    every_answer,
    recommend,
    with_defaults,
)
from facilitator.domain.enums import DecisionMethod as M
from facilitator.errors import ContentError
from facilitator.pack.deciding import decision_questions, decision_rules
from facilitator.pack.loader import Pack, load_pack
from facilitator.pack.locate import packaged_content_dir


@pytest.fixture(scope="module")
def questions(pack: Pack) -> tuple[Question, ...]:
    return decision_questions(pack)


@pytest.fixture(scope="module")
def rules(pack: Pack) -> tuple[Rule, ...]:
    return decision_rules(pack)


Questions = tuple[Question, ...]
Rules = tuple[Rule, ...]


def answer(questions: Questions, rules: Rules, **given: str) -> tuple[M, M]:
    """The method and runner-up for `given` (buy_in for buy-in), the rest by default."""
    wanted = {key.replace("_", "-"): value for key, value in given.items()}
    chosen = with_defaults(questions, wanted)
    result = recommend(chosen, rules)
    return result.method, result.runner_up


def test_the_questions_come_from_the_pack(questions: tuple[Question, ...]) -> None:
    ids = [question.id for question in questions]
    assert ids == ["importance", "urgent", "options", "polarised", "buy-in", "expert", "continuum"]
    continuum = questions[-1]
    assert [value for value, _ in continuum.answers] == [str(n) for n in range(1, 8)]
    assert (
        continuum.label("4")
        == "4. Joint decision: This one is a joint decision. We'll build it together."
    )


# One test per rule, from the first rank to the last -----------------------------------


@pytest.mark.parametrize("point", ["1", "2", "3", "5", "6", "7"])
def test_a_point_held_by_one_side_means_one_person_decides(
    questions: Questions, rules: Rules, point: str
) -> None:
    assert answer(questions, rules, continuum=point, polarised="yes")[0] == M.ONE_PERSON


def test_an_expert_decides_when_buy_in_is_not_needed(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, expert="yes", buy_in="no") == (M.ONE_PERSON, M.MAJORITY)
    # Not when carrying it out needs everyone: then the expert rule does not apply.
    assert answer(questions, rules, expert="yes", buy_in="yes")[0] == M.CONSENSUS


def test_polarised_positions_call_for_a_compromise(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, polarised="yes") == (M.COMPROMISE, M.CONSENSUS)
    assert answer(questions, rules, polarised="yes", options="many")[0] == M.COMPROMISE


def test_many_options_call_for_multi_voting(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, options="many") == (M.MULTI_VOTE, M.CONSENSUS)


def test_trivial_and_urgent_is_a_quick_majority_vote(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, importance="trivial", urgent="yes") == (
        M.MAJORITY,
        M.UNANIMOUS,
    )


def test_trivial_with_time_asks_whether_everyone_agrees(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, importance="trivial") == (M.UNANIMOUS, M.CONSENSUS)


def test_urgency_rules_out_consensus(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, urgent="yes", importance="important") == (
        M.MAJORITY,
        M.CONSENSUS,
    )


def test_important_with_time_is_consensus(questions: Questions, rules: Rules) -> None:
    assert answer(questions, rules, importance="important", buy_in="no") == (
        M.CONSENSUS,
        M.MAJORITY,
    )


def test_buy_in_with_time_is_consensus(questions: Questions, rules: Rules) -> None:
    result = recommend(with_defaults(questions, {"buy-in": "yes"}), rules)
    assert (result.method, result.runner_up) == (M.CONSENSUS, M.MAJORITY)
    assert result.reason.startswith("Carrying it out takes everyone's ownership")


def test_with_nothing_else_to_go_on_a_majority_vote_is_enough(
    questions: Questions, rules: Rules
) -> None:
    result = recommend(with_defaults(questions, {"buy-in": "no"}), rules)
    assert (result.method, result.runner_up) == (M.MAJORITY, M.CONSENSUS)
    assert result.reason.startswith("Nothing here calls for a slower method")
    assert result.runner_up_reason.startswith("When nothing else settles it")


def test_every_rule_of_the_pack_is_tested(rules: Rules) -> None:
    """The tests above cover each rank; a new rule needs a test of its own."""
    assert sorted(rule.rank for rule in rules) == [10, 20, 30, 40, 50, 55, 60, 70, 75, 90, 95]


# Every combination --------------------------------------------------------------------


def test_every_combination_gets_one_method_and_another_as_runner_up(
    questions: Questions, rules: Rules
) -> None:
    seen: set[M] = set()
    combinations = 0
    for answers in every_answer(questions):
        combinations += 1
        result = recommend(answers, rules)
        first = min((rule for rule in rules if rule.applies(answers)), key=lambda r: r.rank)
        assert (result.method, result.reason) == (first.method, first.reason)
        assert result.runner_up != result.method
        assert result.reason and result.runner_up_reason
        seen.add(result.method)
    assert combinations == 3 * 2 * 3 * 2 * 2 * 2 * 7
    assert seen == set(M)  # each of the six methods is recommended for some answers


def test_rules_that_leave_answers_uncovered_are_refused() -> None:
    only = (Rule(M.MAJORITY, 1, {}, "Vote."),)
    with pytest.raises(NoRuleApplies):
        recommend({}, only)  # a method but no runner-up


# The pack's checks --------------------------------------------------------------------


@pytest.fixture
def content(tmp_path: Path) -> Path:
    destination = tmp_path / "content"
    shutil.copytree(packaged_content_dir(), destination)
    return destination


def load_error(content: Path) -> str:
    with pytest.raises(ContentError) as raised:
        load_pack([content])
    return raised.value.sentence


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rule_naming_an_unknown_question_is_refused(content: Path) -> None:
    edit(
        content / "decision_methods.toml",
        'when = { polarised = "yes" }',
        'when = { split = "yes" }',
    )
    assert 'a rule naming question "split", not in decision_questions.toml' in load_error(content)


def test_a_rule_naming_an_unknown_answer_is_refused(content: Path) -> None:
    edit(
        content / "decision_methods.toml",
        'when = { polarised = "yes" }',
        'when = { polarised = "y" }',
    )
    assert 'answer "y", which "polarised" does not offer' in load_error(content)


def test_two_rules_of_one_rank_are_refused(content: Path) -> None:
    edit(content / "decision_methods.toml", "rank = 30", "rank = 40")
    assert "rank 40, a rank another rule uses too" in load_error(content)


def test_rules_leaving_answers_without_a_method_are_refused(content: Path) -> None:
    path = content / "decision_methods.toml"
    edit(path, "rank = 95\n", 'rank = 95\nwhen = { buy-in = "yes" }\n')
    sentence = load_error(content)
    assert "the decision rules leave" in sentence and "without a method and a runner-up" in sentence


def test_a_default_that_is_not_an_answer_is_refused(content: Path) -> None:
    edit(content / "decision_questions.toml", 'default = "some"', 'default = "huge"')
    assert 'default "huge" is not one of its answers' in load_error(content)
