"""A recorded decision counted by its method, for the decision screen, the minutes and
the decision log: the computed result in words, and who said what, grouped.

Nothing here is typed by a person: carried or not, consensus or not, unanimous or not
and the multi-vote ranking all follow from the options and votes recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.domain.decision_tally import (
    Position,
    Tally,
    Threshold,
    ThresholdKind,
    and_list,
    consensus,
    majority,
    rank_options,
    unanimous,
)
from facilitator.domain.enums import AfterBlock, DecisionMethod, VoteChoice
from facilitator.domain.minutes import DecisionLine, VoteLine
from facilitator.domain.text import plural

CHOICE_WORDS = {
    VoteChoice.YES: "Yes",
    VoteChoice.NO: "No",
    VoteChoice.ABSTAIN: "Abstained",
    VoteChoice.SUPPORT: "Support",
    VoteChoice.LIVE_WITH: "Can live with it",
    VoteChoice.BLOCK: "Blocks",
    VoteChoice.CONSULTED: "Consulted",
}
AFTER_BLOCK = {
    AfterBlock.DISCUSS: "more discussion",
    AfterBlock.FALLBACK: "the fallback method chosen in advance",
    AfterBlock.DEFER: "the decision is deferred",
}


def threshold_of(line: DecisionLine) -> Threshold:
    """The decision's threshold (more than half when none was set)."""
    known = {kind.value for kind in ThresholdKind}
    kind = (
        ThresholdKind(line.threshold_kind) if line.threshold_kind in known else ThresholdKind.HALF
    )
    if kind is ThresholdKind.PERCENT and line.threshold_percent is None:
        kind = ThresholdKind.HALF
    return Threshold(kind, line.threshold_percent)


def count_decision(line: DecisionLine) -> Tally | None:
    """The result of `line` as its method counts it; None when the method counts
    nothing or nothing has been recorded yet."""
    counter = _COUNTERS.get(line.method or "")
    return counter(line) if counter else None


def _votes(line: DecisionLine, *choices: VoteChoice) -> list[VoteLine]:
    wanted = {choice.value for choice in choices}
    return [v for v in line.votes if v.choice in wanted and v.voting_round == line.voting_round]


def _name(vote: VoteLine, index: int) -> str:
    return vote.voter.name if vote.voter is not None else f"member {index + 1}"


def _majority(line: DecisionLine) -> Tally | None:
    if line.ballot is not None:
        yes, no, abstain = line.ballot
    else:
        cast = _votes(line, VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN)
        if not cast:
            return None
        yes, no, abstain = (
            sum(1 for v in cast if v.choice == choice)
            for choice in (VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN)
        )
    present = line.present_count if line.present_count is not None else yes + no + abstain
    return majority(
        yes, no, abstain, threshold=threshold_of(line), present=present, quorum=line.quorum
    )


def _unanimous(line: DecisionLine) -> Tally | None:
    said = _votes(line, VoteChoice.YES, VoteChoice.NO)
    if not said:
        return None
    roll: dict[str, bool | None] = {
        _name(v, i): v.choice == VoteChoice.YES for i, v in enumerate(said)
    }
    for extra in range(len(said), line.present_count or 0):
        roll[f"member {extra + 1}"] = None
    return unanimous(roll, anonymous=line.anonymous)


def _consensus(line: DecisionLine) -> Tally | None:
    said = _votes(line, VoteChoice.SUPPORT, VoteChoice.LIVE_WITH, VoteChoice.BLOCK)
    if not said:
        return None
    positions: dict[str, Position | None] = {
        _name(v, i): Position(v.choice) for i, v in enumerate(said) if v.choice
    }
    tally = consensus(positions, anonymous=line.anonymous)
    if tally.decided or line.after_block not in {a.value for a in AfterBlock}:
        return tally  # nothing said (or a word this version does not know)
    after = AFTER_BLOCK[AfterBlock(line.after_block)]
    if line.after_block == AfterBlock.FALLBACK and line.fallback_name:
        after = f"the fallback method chosen in advance, {line.fallback_name}"
    return Tally(False, f"{tally.summary} Next: {after}.")


def _multi_vote(line: DecisionLine) -> Tally | None:
    if not line.options:
        return None
    parts = []
    for voting_round in range(1, line.voting_round + 1):
        parts.append(_round(line, voting_round))
    chosen = [o.text for o in line.options if o.chosen]
    if chosen:
        parts.append(f"Chosen: {and_list(chosen)}.")
    return Tally(bool(chosen), " ".join(part for part in parts if part))


def _round(line: DecisionLine, voting_round: int) -> str:
    options = [o.text for o in line.options if o.voting_round >= voting_round]
    dots: dict[str, dict[str, int]] = {}
    for index, vote in enumerate(line.votes):
        if vote.option is not None and vote.voting_round == voting_round:
            spent = dots.setdefault(_name(vote, index) if vote.voter else f"#{index}", {})
            spent[vote.option] = spent.get(vote.option, 0) + vote.points
    if not dots:
        summary = f"{plural(len(options), 'option')}, no dots placed yet."
    else:
        summary = rank_options(options, dots).summary
    return f"Round {voting_round}: {summary}" if line.voting_round > 1 else summary


def _compromise(line: DecisionLine) -> Tally | None:
    if not line.options:
        return None
    sides = plural(len(line.options), "position")
    if line.outcome.strip():
        return Tally(True, f"A middle agreed between {sides}.")
    return Tally(False, f"No middle agreed yet between {sides}.")


def _one_person(line: DecisionLine) -> Tally | None:
    if line.decider is None:
        return None
    consulted = [v.voter.name for v in line.votes if v.voter and v.choice == VoteChoice.CONSULTED]
    text = f"{line.decider.name} decides"
    if consulted:
        text += f", after consulting {and_list(consulted)}"
    if line.continuum_words:
        text += f" ({line.continuum_words})"
    return Tally(bool(line.outcome.strip()), text + ".")


_COUNTERS = {
    DecisionMethod.MAJORITY.value: _majority,
    DecisionMethod.UNANIMOUS.value: _unanimous,
    DecisionMethod.CONSENSUS.value: _consensus,
    DecisionMethod.MULTI_VOTE.value: _multi_vote,
    DecisionMethod.COMPROMISE.value: _compromise,
    DecisionMethod.ONE_PERSON.value: _one_person,
}


def vote_groups(line: DecisionLine) -> list[tuple[str, str]]:
    """(label, who) for each answer given, in a fixed order: "Yes: Ana and Ben";
    an anonymous vote gives counts; a block's reason follows the name."""
    groups = []
    for choice, label in CHOICE_WORDS.items():
        votes = [
            v for v in line.votes if v.choice == choice and v.voting_round == line.voting_round
        ]
        if votes:
            groups.append((label, _group(votes, line.anonymous)))
    return groups


def _group(votes: Sequence[VoteLine], anonymous: bool) -> str:
    if anonymous or any(v.voter is None for v in votes):
        reasons = [v.note.strip() for v in votes if v.note.strip()]
        count = plural(len(votes), "member")
        return f"{count} ({'; '.join(reasons)})" if reasons else count
    named = [v for v in votes if v.voter is not None]
    if not any(v.note.strip() for v in named):
        return and_list([v.voter.name for v in named if v.voter is not None])
    return "; ".join(
        f"{v.voter.name} ({v.note.strip()})" if v.note.strip() else v.voter.name
        for v in named
        if v.voter is not None
    )


def threshold_words(line: DecisionLine) -> str:
    """ "More than half of the votes cast; quorum 5 present" for a majority vote."""
    if line.method != DecisionMethod.MAJORITY:
        return ""
    words = f"{threshold_of(line).words} of the votes cast".capitalize()
    if line.ballot is not None:
        words += ", secret ballot"
    return words + (f"; quorum {line.quorum} present" if line.quorum else "")
