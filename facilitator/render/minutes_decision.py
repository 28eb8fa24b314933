"""What the written minutes say about a decision: how it was decided, what was on the
table, how the votes fell and what that means, and how it stands.

The Markdown minutes (and so the HTML page) and the plain text (and so the e-mail) lay
out the same labelled facts, so they cannot say different things. A fact that was not
recorded is left out: a decision recorded before methods were counted reads as it did.
Values mix user text (made one-line and printable with `user_text.inline`) with fixed
words and are not escaped: each format escapes or wraps them. An anonymous vote is
told in counts, never names (`domain.decision_count.vote_groups`).
"""

from __future__ import annotations

from facilitator.domain.decision_count import (
    AFTER_BLOCK,
    count_decision,
    threshold_words,
    vote_groups,
)
from facilitator.domain.enums import AfterBlock, DecisionMethod
from facilitator.domain.minutes import DecisionLine, OptionLine
from facilitator.domain.text import plural
from facilitator.render.agenda import long_day
from facilitator.render.minutes_parts import Field, names, word
from facilitator.render.user_text import inline

DECISION_STATUS = {
    "decided": "decided",
    "deferred": "deferred",
    "open": "open, not decided",
    "no_decision": "no decision",
}
LISTED: dict[str, str] = {
    DecisionMethod.MULTI_VOTE.value: "Option",
    DecisionMethod.COMPROMISE.value: "Position",
}
"""Methods whose options are part of the record, each listed under this label."""


def decision_fields(decision: DecisionLine) -> list[Field]:
    """The one-line facts before the outcome: how it was decided, the options or
    positions, the count and its result, and the status."""
    return [
        *_how(decision),
        *_listed(decision),
        *_count(decision),
        ("Status", word(DECISION_STATUS, decision.status)),
    ]


def decision_texts(decision: DecisionLine) -> list[Field]:
    """The multi-line facts, as typed (each format lays out their lines): the outcome
    and the rationale."""
    texts = [("Outcome", decision.outcome), ("Rationale", decision.rationale)]
    return [(label, text) for label, text in texts if inline(text)]


def decision_after(decision: DecisionLine) -> list[Field]:
    """The one-line facts after the outcome: the options chosen (for a method whose
    options are not listed above) and the review date."""
    fields = []
    if decision.method not in LISTED:
        chosen = [inline(o.text) or "(no text)" for o in decision.options if o.chosen]
        fields += [("Chosen", "; ".join(chosen))] if chosen else []
    if decision.review_on is not None:
        fields.append(("Review on", long_day(decision.review_on)))
    return fields


def _how(decision: DecisionLine) -> list[Field]:
    fields = []
    if decision.method_name:
        fields.append(("Method", inline(decision.method_name)))
    if decision.continuum_point is not None:
        point = str(decision.continuum_point)
        words = inline(decision.continuum_words)
        fields.append(("Continuum point", f"{point} ({words})" if words else point))
    if inline(decision.method_reason):
        fields.append(("Why this method", inline(decision.method_reason)))
    if decision.decider is not None:
        fields.append(("Decided by", names([decision.decider])))
    return fields


def _listed(decision: DecisionLine) -> list[Field]:
    """Each option (multi-voting) or position (compromise), numbered."""
    label = LISTED.get(decision.method or "")
    if label is None:
        return []
    return [
        (f"{label} {number}", _option(decision, option))
        for number, option in enumerate(decision.options, 1)
    ]


def _option(decision: DecisionLine, option: OptionLine) -> str:
    """ "Mentor texts (out after round 1)", "Four-day week — gives: longer days (chosen)"."""
    text = inline(option.text) or "(no text)"
    if inline(option.gives):
        text += f" — gives: {inline(option.gives)}"
    marks = []
    if decision.voting_round > 1 and decision.method == DecisionMethod.MULTI_VOTE:
        if option.voting_round >= decision.voting_round:
            marks.append(f"reached round {option.voting_round}")
        else:
            marks.append(f"out after round {option.voting_round}")
    if option.chosen:
        marks.append("chosen")
    return f"{text} ({', '.join(marks)})" if marks else text


def _count(decision: DecisionLine) -> list[Field]:
    """What was needed, who took part and how, each answer's group, and the result."""
    fields = []
    counted = decision.threshold_kind or decision.quorum or decision.ballot  # not a default
    if counted and (needed := threshold_words(decision)):
        fields.append(("Needed", needed))
    if decision.present_count is not None:
        fields.append(("Present", plural(decision.present_count, "member")))
    if decision.dot_budget is not None and decision.method == DecisionMethod.MULTI_VOTE:
        fields.append(("Dots each", str(decision.dot_budget)))
    if decision.anonymous:
        fields.append(("Anonymous", "who voted how was not recorded"))
    fields += [(label, inline(who)) for label, who in vote_groups(decision)]
    tally = count_decision(decision)
    if tally is not None:
        fields.append(("Result", inline(tally.summary)))
    if decision.after_block is not None and (tally is None or tally.decided):
        fields.append(("If blocked", _after_block(decision)))
    return fields


def _after_block(decision: DecisionLine) -> str:
    """What the team agreed would follow a block (the result says it when one came)."""
    if decision.after_block == AfterBlock.FALLBACK and decision.fallback_name:
        return f"the fallback method chosen in advance, {inline(decision.fallback_name)}"
    return word(
        {key.value: words for key, words in AFTER_BLOCK.items()}, decision.after_block or ""
    )
