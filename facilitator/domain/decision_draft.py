"""A decision as the decision screen records it, by its method, and the checks it must
pass before anything is saved: each problem is a sentence for the field it belongs to.

Voters are members by id; only members present can vote (guests are shown apart and do
not vote). Options are in their order; dots and chosen options refer to them by index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from facilitator.domain.decision_tally import (
    ThresholdKind,
    dots_problem,
    quorum_problem,
    threshold_problem,
)
from facilitator.domain.enums import AfterBlock, DecisionMethod, DecisionStatus, VoteChoice
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine, OptionLine, VoteLine

CHOICES = {
    DecisionMethod.MAJORITY: (VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN),
    DecisionMethod.UNANIMOUS: (VoteChoice.YES, VoteChoice.NO),
    DecisionMethod.CONSENSUS: (VoteChoice.SUPPORT, VoteChoice.LIVE_WITH, VoteChoice.BLOCK),
    DecisionMethod.ONE_PERSON: (VoteChoice.CONSULTED,),
}
"""The answers a member can give, by method (multi-voting and compromise have none)."""
VOTED = frozenset({DecisionMethod.MAJORITY, DecisionMethod.UNANIMOUS, DecisionMethod.CONSENSUS})
"""Methods where votes are cast, so a vote can be anonymous (multi-voting's dots too)."""


@dataclass(frozen=True)
class DecisionDraft:
    """Everything the decision screen holds for one decision."""

    method: DecisionMethod
    outcome: str = ""
    rationale: str = ""
    review_on: date | None = None
    status: DecisionStatus = DecisionStatus.DECIDED
    anonymous: bool = False
    choices: Mapping[int, VoteChoice] = field(default_factory=dict)
    """Member id -> what they said (majority, unanimous, consensus, consulted)."""
    reasons: Mapping[int, str] = field(default_factory=dict)
    """Member id -> the reason for their block."""
    ballot: tuple[int, int, int] | None = None
    """A secret ballot's yes, no and abstain counts, instead of `choices`."""
    threshold_kind: ThresholdKind = ThresholdKind.HALF
    threshold_percent: int | None = None
    quorum: int | None = None
    options: tuple[str, ...] = ()
    """Multi-voting: this round's options; compromise: the positions."""
    gives: tuple[str, ...] = ()
    """Compromise: what each position's side gives, by index."""
    dots: Mapping[int, Mapping[int, int]] = field(default_factory=dict)
    """Member id -> option index -> dots."""
    dot_budget: int | None = None
    chosen: frozenset[int] = frozenset()
    """Indexes of the options chosen."""
    decider: int | None = None
    continuum_point: int | None = None
    after_block: AfterBlock | None = None
    fallback_method: DecisionMethod | None = None


def draft_problems(draft: DecisionDraft, present: set[int], team_size: int) -> dict[str, str]:
    """Field -> sentence for everything wrong with `draft`; empty when it can be saved.
    `present` holds the ids of the members present (the only ones who can vote)."""
    problems: dict[str, str] = {}
    voters = set(draft.choices) | set(draft.dots) | {m for m in [draft.decider] if m is not None}
    if voters - present:
        problems["votes"] = "Only members present can vote; someone here is not present."
    allowed = CHOICES.get(draft.method, ())
    if any(choice not in allowed for choice in draft.choices.values()):
        problems["votes"] = "That answer does not belong to this method."
    if draft.method is DecisionMethod.MAJORITY:
        problems.update(_majority_problems(draft, team_size))
    elif draft.method is DecisionMethod.MULTI_VOTE:
        problems.update(_multi_vote_problems(draft))
    elif draft.method is DecisionMethod.COMPROMISE:
        problems.update(_options_problems(draft.options, "positions", "position"))
    elif draft.method is DecisionMethod.ONE_PERSON and draft.decider is None:
        problems["decider"] = "Say who decides."
    if draft.continuum_point is not None and not 1 <= draft.continuum_point <= 7:
        problems["continuum"] = "A continuum point is 1 to 7."
    if draft.after_block is AfterBlock.FALLBACK and draft.fallback_method is None:
        problems["after_block"] = "Choose the fallback method agreed in advance."
    return problems


def _majority_problems(draft: DecisionDraft, team_size: int) -> dict[str, str]:
    problems = {}
    if draft.threshold_kind is ThresholdKind.PERCENT:
        problem = threshold_problem(draft.threshold_percent)
        if problem:
            problems["threshold"] = problem
    problem = quorum_problem(draft.quorum, team_size)
    if problem:
        problems["quorum"] = problem
    if draft.ballot is not None:
        if any(count < 0 for count in draft.ballot):
            problems["ballot"] = "Ballot counts are whole numbers from 0 up."
        elif sum(draft.ballot) > team_size:
            problems["ballot"] = f"That is more ballots than the team's {team_size} members."
    return problems


def _multi_vote_problems(draft: DecisionDraft) -> dict[str, str]:
    problems = _options_problems(draft.options, "options", "option")
    budget = draft.dot_budget
    if budget is None or budget < 1:
        problems["budget"] = "Each member has at least 1 dot."
        return problems
    for spent in draft.dots.values():
        if any(index >= len(draft.options) for index in spent):
            problems["dots"] = "Dots must go on an option on the list."
            break
        problem = dots_problem({str(index): count for index, count in spent.items()}, budget)
        if problem:
            problems["dots"] = problem
            break
    if any(index >= len(draft.options) for index in draft.chosen):
        problems["options"] = "Choose an option on the list."
    return problems


def _options_problems(options: tuple[str, ...], field_name: str, word: str) -> dict[str, str]:
    if any(not text.strip() for text in options):
        return {field_name: f"Every {word} needs some words."}
    if len(options) < 2:
        return {field_name: f"Put at least two {word}s on the table."}
    if len({text.strip().casefold() for text in options}) < len(options):
        return {field_name: f"Two {word}s say the same thing."}
    return {}


def draft_line(
    line: DecisionLine,
    draft: DecisionDraft,
    present: Sequence[Person],
    *,
    method_names: Mapping[str, str],
    continuum_words: Mapping[int, str],
) -> DecisionLine:
    """`line` as it would read once `draft` is saved: the decision screen counts it as
    it is typed, the way the minutes will."""
    people = {p.member_id: p for p in present}
    hidden = draft.anonymous and (
        draft.method in VOTED or draft.method is DecisionMethod.MULTI_VOTE
    )
    votes = _draft_votes(line, draft, people, hidden)
    earlier = [o for o in line.options if o.voting_round < line.voting_round]
    options = [
        OptionLine(
            text,
            index in draft.chosen,
            line.voting_round,
            draft.gives[index] if index < len(draft.gives) else "",
        )
        for index, text in enumerate(draft.options)
    ]
    point = draft.continuum_point or line.continuum_point
    fallback = draft.fallback_method.value if draft.fallback_method else None
    return replace(
        line,
        method=draft.method.value,
        method_name=method_names.get(draft.method.value, draft.method.value),
        outcome=draft.outcome,
        status=draft.status.value,
        decider=people.get(draft.decider),
        continuum_point=point,
        continuum_words=continuum_words.get(point or 0, ""),
        threshold_percent=draft.threshold_percent,
        threshold_kind=draft.threshold_kind.value,
        quorum=draft.quorum,
        present_count=len(present),
        ballot=draft.ballot,
        dot_budget=draft.dot_budget,
        anonymous=hidden,
        after_block=draft.after_block.value if draft.after_block else None,
        fallback_method=fallback,
        fallback_name=method_names.get(fallback) if fallback else None,
        options=(*earlier, *options),
        votes=tuple(votes),
        rationale=draft.rationale,
        review_on=draft.review_on,
    )


def _draft_votes(
    line: DecisionLine, draft: DecisionDraft, people: Mapping[int | None, Person], hidden: bool
) -> list[VoteLine]:
    """Earlier rounds' votes as saved, then this round's as the draft has them."""
    this_round = line.voting_round
    votes = [v for v in line.votes if v.voting_round < this_round]
    if draft.ballot is None:
        votes += [
            VoteLine(
                voter=None if hidden and choice is not VoteChoice.CONSULTED else people.get(m),
                option=None,
                choice=choice.value,
                note=draft.reasons.get(m, "") if choice is VoteChoice.BLOCK else "",
                voting_round=this_round,
            )
            for m, choice in draft.choices.items()
        ]
    return votes + [
        VoteLine(
            voter=None if hidden else people.get(m),
            option=draft.options[index],
            points=count,
            voting_round=this_round,
        )
        for m, spent in draft.dots.items()
        for index, count in spent.items()
        if count > 0 and index < len(draft.options)
    ]
