"""A decision in the written minutes, by each of its six methods: the Markdown (as a
viewer shows it), the HTML page, the plain text and the e-mail all say the method, the
continuum point, the options or positions, what was needed, who said what (counts
only for an anonymous vote), the computed result, the outcome, the rationale and the
review date; a decision recorded before methods were counted reads as it did; and
user text in any of those places shows literally."""

from __future__ import annotations

import email
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from email import policy
from email.message import EmailMessage

import pytest
from markdown_it import MarkdownIt

from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine, Minutes, OptionLine, VoteLine
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_mail import minutes_email
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import WIDTH, minutes_text
from tests.conftest import TZ
from tests.render.pages import read_html, small_minutes

ANA, BEN, CARA, DEV = (Person(n, i) for i, n in enumerate(("Ana", "Ben", "Cara", "Dev"), 11))
EVE, FAY, GIL, HAL = (Person(n, i) for i, n in enumerate(("Eve", "Fay", "Gil", "Hal"), 15))
TEAM = (ANA, BEN, CARA, DEV, EVE, FAY, GIL, HAL)


def decided(method: str, name: str, **fields: object) -> DecisionLine:
    base = DecisionLine(1, "Which way?", method, name, "", "decided", agenda_item_id=3)
    return replace(base, **fields)  # type: ignore[arg-type]


def vote(who: Person | None, choice: str | None, **fields: object) -> VoteLine:
    return VoteLine(who, None, choice=choice, **fields)  # type: ignore[arg-type]


def with_decision(decision: DecisionLine) -> Minutes:
    base = small_minutes()
    return replace(base, items=(replace(base.items[0], decisions=(decision,)),))


def viewed_markdown(minutes: Minutes) -> str:
    text, _ = read_html(MarkdownIt("commonmark").render(minutes_markdown(minutes, TZ)))
    return " ".join(text.split())


def viewed_page(minutes: Minutes) -> str:
    text, _ = read_html(minutes_html(minutes, TZ), whole_page=True)
    return " ".join(text.split())


def plain_text(minutes: Minutes) -> str:
    return " ".join(minutes_text(minutes, TZ).split())


def mail_text(minutes: Minutes) -> str:
    message = email.message_from_bytes(minutes_email(minutes, TZ), policy=policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(("plain",))
    assert part is not None
    return " ".join(part.get_content().split())


READERS: dict[str, Callable[[Minutes], str]] = {
    "markdown": viewed_markdown,
    "html": viewed_page,
    "text": plain_text,
    "email": mail_text,
}
"""Each format as its reader sees it, whitespace collapsed (the text wraps its lines)."""


MAJORITY = decided(
    "majority",
    "Majority voting",
    continuum_point=4,
    continuum_words="Joint decision: co-construct",
    method_reason="Clear options, and a divided vote is acceptable.",
    threshold_kind="two_thirds",
    quorum=5,
    present_count=8,
    votes=tuple(vote(p, "yes") for p in TEAM[:5]) + tuple(vote(p, "no") for p in TEAM[5:]),
    status="open",
    rationale="It touches every classroom.",
    review_on=date(2027, 2, 1),
)
CONSENSUS = decided(
    "consensus",
    "Consensus",
    anonymous=True,
    votes=(
        vote(None, "support"),
        vote(None, "support"),
        vote(None, "support"),
        vote(None, "live_with"),
        vote(None, "block", blocks=True, note="Lunch is duty-free time."),
    ),
    after_block="fallback",
    fallback_method="majority",
    fallback_name="Majority voting",
    status="deferred",
)
MULTI_VOTE = decided(
    "multi_vote",
    "Multi-voting",
    options=(
        OptionLine("Rubric", chosen=True, voting_round=2),
        OptionLine("Conferences", voting_round=2),
        OptionLine("Portfolios", voting_round=1),
    ),
    votes=(
        VoteLine(ANA, "Rubric", points=2),
        VoteLine(BEN, "Conferences", points=2),
        VoteLine(CARA, "Rubric", points=1),
        VoteLine(CARA, "Conferences", points=1),
        VoteLine(DEV, "Portfolios", points=1),
        VoteLine(ANA, "Rubric", points=2, voting_round=2),
        VoteLine(BEN, "Conferences", points=2, voting_round=2),
        VoteLine(CARA, "Rubric", points=2, voting_round=2),
    ),
    dot_budget=2,
    voting_round=2,
    outcome="The rubric.",
)
COMPROMISE = decided(
    "compromise",
    "Compromise",
    options=(
        OptionLine("Every student weekly", gives="Shorter conferences"),
        OptionLine("A third each week", gives="Struggling writers weekly"),
    ),
    outcome="Every student every two weeks.",
)
ONE_PERSON = decided(
    "one_person",
    "One person decides",
    decider=ANA,
    continuum_point=3,
    continuum_words="My decision: consult",
    votes=(vote(BEN, "consulted"), vote(CARA, "consulted")),
    outcome="Coaching moves to Wednesdays.",
)
UNANIMOUS = decided(
    "unanimous",
    "Unanimous",
    present_count=3,
    votes=(vote(ANA, "yes"), vote(BEN, "no"), vote(CARA, "yes")),
    status="no_decision",
)

SAID = [
    (
        MAJORITY,
        [
            "Method: Majority voting",
            "Continuum point: 4 (Joint decision: co-construct)",
            "Why this method: Clear options, and a divided vote is acceptable.",
            "Needed: Two thirds of the votes cast; quorum 5 present",
            "Present: 8 members",
            "Yes: Ana, Ben, Cara, Dev and Eve",
            "No: Fay, Gil and Hal",
            "Result: Not carried: 5 of 8 votes cast were yes: not the two thirds needed "
            "(5 yes, 3 no).",
            "Status: open, not decided",
            "Rationale: It touches every classroom.",
            "Review on: Monday 1 February 2027",
        ],
    ),
    (
        CONSENSUS,
        [
            "Method: Consensus",
            "Anonymous: who voted how was not recorded",
            "Support: 3 members",
            "Can live with it: 1 member",
            "Blocks: 1 member (Lunch is duty-free time.)",
            "Result: No consensus: 1 member blocks (3 support, 1 can live with it). "
            "Next: the fallback method chosen in advance, Majority voting.",
            "Status: deferred",
        ],
    ),
    (
        MULTI_VOTE,
        [
            "Option 1: Rubric (reached round 2, chosen)",
            "Option 2: Conferences (reached round 2)",
            "Option 3: Portfolios (out after round 1)",
            "Dots each: 2",
            "Result: Round 1: Rubric and Conferences tied at 3 dots each; Portfolios: 1 dot. "
            "Round 2: Rubric: 4 dots; Conferences: 2 dots. Chosen: Rubric.",
            "Outcome: The rubric.",
        ],
    ),
    (
        COMPROMISE,
        [
            "Position 1: Every student weekly — gives: Shorter conferences",
            "Position 2: A third each week — gives: Struggling writers weekly",
            "Result: A middle agreed between 2 positions.",
            "Outcome: Every student every two weeks.",
        ],
    ),
    (
        ONE_PERSON,
        [
            "Continuum point: 3 (My decision: consult)",
            "Decided by: Ana",
            "Consulted: Ben and Cara",
            "Result: Ana decides, after consulting Ben and Cara (My decision: consult).",
            "Outcome: Coaching moves to Wednesdays.",
        ],
    ),
    (
        UNANIMOUS,
        [
            "Method: Unanimous",
            "Present: 3 members",
            "Yes: Ana and Cara",
            "No: Ben",
            "Result: Not unanimous: Ben said no.",
            "Status: no decision",
        ],
    ),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("decision", "facts"), SAID, ids=lambda v: getattr(v, "method", ""))
def test_every_format_says_how_the_decision_was_made_and_counted(
    reader: str, decision: DecisionLine, facts: list[str]
) -> None:
    shown = READERS[reader](with_decision(decision))
    for fact in facts:
        assert fact in shown, fact


@pytest.mark.parametrize("reader", READERS)
def test_an_anonymous_vote_names_no_one(reader: str) -> None:
    """Even when the record in memory still knows who voted, the minutes give counts."""
    named = replace(
        CONSENSUS,
        votes=tuple(replace(v, voter=p) for v, p in zip(CONSENSUS.votes, TEAM[3:], strict=True)),
    )
    shown = READERS[reader](with_decision(named))
    decision_part = shown.split("Which way?", 1)[1].split("Action items", 1)[0]
    assert not [p.name for p in TEAM if re.search(rf"\b{p.name}\b", decision_part)]
    assert "Blocks: 1 member (Lunch is duty-free time.)" in decision_part


def test_the_markdown_lists_the_facts_under_the_question() -> None:
    markdown = minutes_markdown(with_decision(MAJORITY), TZ)
    block = markdown.split("#### Decisions\n\n", 1)[1].split("\n\n", 1)[0]
    assert block == "\n".join(
        [
            "- Which way?",
            "  - **Method:** Majority voting",
            "  - **Continuum point:** 4 (Joint decision: co-construct)",
            "  - **Why this method:** Clear options, and a divided vote is acceptable.",
            "  - **Needed:** Two thirds of the votes cast; quorum 5 present",
            "  - **Present:** 8 members",
            "  - **Yes:** Ana, Ben, Cara, Dev and Eve",
            "  - **No:** Fay, Gil and Hal",
            "  - **Result:** Not carried: 5 of 8 votes cast were yes: not the two thirds "
            "needed (5 yes, 3 no).",
            "  - **Status:** open, not decided",
            "  - **Rationale:** It touches every classroom.",
            "  - **Review on:** Monday 1 February 2027",
        ]
    )


def test_the_text_lines_the_values_up_within_its_width() -> None:
    text = minutes_text(with_decision(MAJORITY), TZ)
    block = text.split("   Decisions:\n", 1)[1].split("   Action items:", 1)[0]
    assert block.splitlines()[:3] == [
        "   • Which way?",
        "     Method:           Majority voting",
        "     Continuum point:  4 (Joint decision: co-construct)",
    ]
    assert "     Result:           Not carried: 5 of 8 votes cast were yes: not the two\n" in block
    assert all(len(line) <= WIDTH for line in block.splitlines())


def test_a_decision_recorded_before_methods_were_counted_reads_as_it_did() -> None:
    old = small_minutes()  # a method, an outcome and a chosen option, nothing more
    markdown = minutes_markdown(old, TZ)
    assert (
        "- Do we approve the budget?\n"
        "  - **Method:** Majority voting\n"
        "  - **Status:** decided\n"
        "  - **Outcome:** Approved.\n"
        "  - **Chosen:** yes\n"
    ) in markdown
    assert (
        "   • Do we approve the budget?\n"
        "     Method:   Majority voting\n"
        "     Status:   decided\n"
        "     Outcome:  Approved.\n"
        "     Chosen:   yes\n"
    ) in minutes_text(old, TZ)


def test_what_follows_a_block_is_said_when_no_one_blocked() -> None:
    reached = replace(CONSENSUS, votes=CONSENSUS.votes[:4], status="decided")
    shown = viewed_markdown(with_decision(reached))
    assert "Result: Consensus: 3 support, 1 can live with it, no one blocks." in shown
    assert "If blocked: the fallback method chosen in advance, Majority voting" in shown


def test_a_secret_ballot_is_counted_from_its_numbers() -> None:
    ballot = replace(MAJORITY, votes=(), ballot=(6, 2, 1), threshold_kind="percent")
    ballot = replace(ballot, threshold_percent=75, quorum=None)
    shown = plain_text(with_decision(ballot))
    assert "Needed: 75% of the votes cast, secret ballot" in shown
    assert (
        "Result: Carried: 6 of 8 votes cast were yes, 75% needed (6 yes, 2 no, 1 abstained)."
        in (shown)
    )
    assert "Yes:" not in shown  # no one is named: a ballot has counts only


NASTY = "[bold]x[/bold] <b>y</b> *z* _w_ `c` &amp; # h"


def nasty_decision(text: str = NASTY) -> DecisionLine:
    """A decision with `text` in every place a person types."""
    return decided(
        "consensus",
        text,
        question=text,
        method_reason=text,
        votes=(vote(Person(text, 20), "block", note=text), vote(ANA, "support")),
        outcome=text,
        rationale=text,
        options=(OptionLine(text, chosen=True),),
    )


@pytest.mark.parametrize("reader", READERS)
def test_user_text_in_a_decision_shows_literally(reader: str) -> None:
    minutes = with_decision(nasty_decision())
    shown = READERS[reader](minutes)
    expected = [
        f"Method: {NASTY}",
        f"Why this method: {NASTY}",
        f"Blocks: {NASTY} ({NASTY})",
        f"Result: No consensus: {NASTY} blocks (1 support, 0 can live with it).",
        f"Outcome: {NASTY}",
        f"Rationale: {NASTY}",
        f"Chosen: {NASTY}",
    ]
    for fact in expected:
        assert fact in shown, fact
    assert "<b>" not in minutes_html(minutes, TZ)  # escaped, shown as text
    assert tags_of(minutes) == tags_of(with_decision(nasty_decision("placeholder")))


@pytest.mark.parametrize(
    ("method", "label"), [("multi_vote", "Option"), ("compromise", "Position")]
)
def test_options_and_positions_show_literally(method: str, label: str) -> None:
    minutes, plain = (
        with_decision(decided(method, "M", options=(OptionLine(text, gives=text),)))
        for text in (NASTY, "placeholder")
    )
    assert tags_of(minutes) == tags_of(plain)  # no tag of the text's own
    for reader in READERS.values():
        assert f"{label} 1: {NASTY} — gives: {NASTY}" in reader(minutes)


def tags_of(minutes: Minutes) -> list[str]:
    _, tags = read_html(MarkdownIt("commonmark").render(minutes_markdown(minutes, TZ)))
    return tags
