"""Each method's count and computed outcome: ties, exactly at the threshold, quorum not
met, a single block, an abstention."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.decision_tally import (
    Position,
    Threshold,
    ThresholdKind,
    and_list,
    consensus,
    default_budget,
    dots_problem,
    majority,
    quorum_problem,
    rank_options,
    threshold_problem,
    unanimous,
)

HALF = Threshold()
TWO_THIRDS = Threshold(ThresholdKind.TWO_THIRDS)


def test_and_list() -> None:
    assert and_list([]) == ""
    assert and_list(["Ana"]) == "Ana"
    assert and_list(["Ana", "Bo"]) == "Ana and Bo"
    assert and_list(["Ana", "Bo", "Cy"]) == "Ana, Bo and Cy"


# Majority --------------------------------------------------------------------------------


def test_five_of_eight_is_not_two_thirds() -> None:
    tally = majority(5, 3, 0, threshold=TWO_THIRDS, present=8)
    assert not tally.decided
    assert tally.summary == (
        "Not carried: 5 of 8 votes cast were yes: not the two thirds needed (5 yes, 3 no)."
    )


def test_exactly_two_thirds_carries() -> None:
    tally = majority(6, 3, 0, threshold=TWO_THIRDS, present=9)
    assert tally.decided
    assert tally.summary == "Carried: 6 of 9 votes cast were yes, two thirds needed (6 yes, 3 no)."


def test_exactly_half_is_not_more_than_half() -> None:
    assert not majority(4, 4, 0, threshold=HALF, present=8).decided
    assert majority(5, 4, 0, threshold=HALF, present=9).decided


def test_an_abstention_is_not_a_vote_cast() -> None:
    tally = majority(3, 2, 1, threshold=HALF, present=6)
    assert tally.decided
    assert tally.summary == (
        "Carried: 3 of 5 votes cast were yes, more than half needed (3 yes, 2 no, 1 abstained)."
    )


def test_all_abstaining_carries_nothing() -> None:
    tally = majority(0, 0, 4, threshold=HALF, present=4)
    assert not tally.decided
    assert tally.summary == "Not carried: no votes cast (0 yes, 0 no, 4 abstained)."


def test_without_a_quorum_nothing_carries() -> None:
    tally = majority(5, 0, 0, threshold=HALF, present=5, quorum=6)
    assert not tally.decided
    assert tally.summary == "Not carried: 5 present, fewer than the quorum of 6 (5 yes, 0 no)."
    assert majority(5, 0, 0, threshold=HALF, present=6, quorum=6).decided


def test_a_percentage_is_at_least_that_share() -> None:
    seventy = Threshold(ThresholdKind.PERCENT, 70)
    assert majority(7, 3, 0, threshold=seventy, present=10).decided
    tally = majority(6, 4, 0, threshold=seventy, present=10)
    assert not tally.decided and "not the 70% needed" in tally.summary


def test_one_yes_is_said_in_the_singular() -> None:
    assert "1 of 1 vote cast was yes" in majority(1, 0, 0, threshold=HALF, present=1).summary


@given(
    yes=st.integers(0, 40),
    no=st.integers(0, 40),
    kind=st.sampled_from(ThresholdKind),
    percent=st.integers(1, 100),
)
def test_carried_is_exactly_the_threshold_arithmetic(
    yes: int, no: int, kind: ThresholdKind, percent: int
) -> None:
    threshold = Threshold(kind, percent if kind is ThresholdKind.PERCENT else None)
    cast = yes + no
    share = Fraction(yes, cast) if cast else None
    expected = (
        share is not None
        and {
            ThresholdKind.HALF: share > Fraction(1, 2),
            ThresholdKind.TWO_THIRDS: share >= Fraction(2, 3),
            ThresholdKind.PERCENT: share >= Fraction(percent, 100),
        }[kind]
    )
    assert majority(yes, no, 0, threshold=threshold, present=cast).decided is expected


def test_threshold_and_quorum_problems() -> None:
    assert threshold_problem(0) == "The threshold is a percentage from 1 to 100."
    assert threshold_problem(101) is not None
    assert threshold_problem(None) is not None
    assert threshold_problem(100) is None
    assert quorum_problem(9, 8) == "The quorum cannot be more than the team's 8 members."
    assert quorum_problem(0, 8) == "A quorum is at least 1 member present."
    assert quorum_problem(8, 8) is None
    assert quorum_problem(None, 8) is None


# Unanimous -------------------------------------------------------------------------------


def test_any_no_and_it_is_not_unanimous() -> None:
    tally = unanimous({"Ana": True, "Bo": False, "Cy": True})
    assert not tally.decided and tally.summary == "Not unanimous: Bo said no."


def test_everyone_yes_is_unanimous() -> None:
    tally = unanimous({"Ana": True, "Bo": True})
    assert tally.decided and tally.summary == "Unanimous: all 2 present agreed."


def test_someone_not_asked_yet_is_not_unanimous_yet() -> None:
    tally = unanimous({"Ana": True, "Bo": None})
    assert not tally.decided and tally.summary == "Not unanimous yet: Bo not asked."
    assert not unanimous({}).decided


# Consensus -------------------------------------------------------------------------------


def test_a_single_block_stops_consensus() -> None:
    tally = consensus({"Ana": Position.SUPPORT, "Bo": Position.BLOCK, "Cy": Position.LIVE_WITH})
    assert not tally.decided
    assert tally.summary == "No consensus: Bo blocks (1 support, 1 can live with it)."


def test_living_with_it_is_enough() -> None:
    tally = consensus({"Ana": Position.SUPPORT, "Bo": Position.LIVE_WITH})
    assert tally.decided
    assert tally.summary == "Consensus: 1 support, 1 can live with it, no one blocks."


def test_everyone_present_must_be_heard() -> None:
    tally = consensus({"Ana": Position.SUPPORT, "Bo": None})
    assert not tally.decided
    assert tally.summary == "No consensus yet: Bo not heard (1 support, 0 can live with it)."


def test_two_blocks_are_named() -> None:
    tally = consensus({"Ana": Position.BLOCK, "Bo": Position.BLOCK})
    assert tally.summary.startswith("No consensus: Ana and Bo block")


# Multi-voting ----------------------------------------------------------------------------


def test_the_budget_is_about_a_third_of_the_options() -> None:
    assert [default_budget(n) for n in (1, 2, 3, 6, 9, 10, 12)] == [1, 1, 1, 2, 3, 3, 4]


def test_more_dots_than_the_budget_are_refused() -> None:
    assert dots_problem({"a": 2, "b": 2}, 3) == "That is 4 dots; each member has 3."
    assert dots_problem({"a": -1}, 3) == "Dots are counted from 0 up."
    assert dots_problem({"a": 2, "b": 1}, 3) is None


def test_ranking_keeps_ties_together_and_says_them() -> None:
    ranking = rank_options(
        ["Reading nook", "Graphic novels", "Audiobooks", "Magazines"],
        {
            "Ana": {"Reading nook": 2, "Graphic novels": 1},
            "Bo": {"Graphic novels": 2, "Audiobooks": 1},
            "Cy": {"Reading nook": 1, "Audiobooks": 1, "Unknown": 5},
        },
    )
    assert ranking.places == (
        (3, ("Reading nook", "Graphic novels")),
        (2, ("Audiobooks",)),
        (0, ("Magazines",)),
    )
    assert ranking.top == ("Reading nook", "Graphic novels")
    assert ranking.summary == (
        "Reading nook and Graphic novels tied at 3 dots each; "
        "Audiobooks: 2 dots; Magazines: 0 dots."
    )


def test_a_clear_winner() -> None:
    ranking = rank_options(["A", "B"], {"Ana": {"A": 1}})
    assert ranking.top == ("A",)
    assert ranking.summary == "A: 1 dot; B: 0 dots."
