"""A recorded decision counted by its method, as the minutes, the log and the decision
screen say it."""

from __future__ import annotations

from facilitator.domain.decision_count import count_decision, threshold_words, vote_groups
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine, OptionLine, VoteLine

ANA, BEN, CAL = Person("Ana", 1), Person("Ben", 2), Person("Cal", 3)


def line(method: str | None, **fields: object) -> DecisionLine:
    base: dict[str, object] = {
        "id": 1,
        "question": "Q",
        "method": method,
        "method_name": None,
        "outcome": "",
        "status": "open",
    }
    return DecisionLine(**(base | fields))  # type: ignore[arg-type]


def vote(voter: Person | None, choice: str, note: str = "") -> VoteLine:
    return VoteLine(voter=voter, option=None, choice=choice, note=note)


def test_no_method_or_nothing_recorded_counts_nothing() -> None:
    assert count_decision(line(None)) is None
    assert count_decision(line("majority")) is None
    assert count_decision(line("consensus")) is None


def test_a_majority_exactly_at_two_thirds_is_carried() -> None:
    votes = (vote(ANA, "yes"), vote(BEN, "yes"), vote(CAL, "no"))
    tally = count_decision(line("majority", votes=votes, threshold_kind="two_thirds"))
    assert tally is not None and tally.decided
    assert tally.summary == "Carried: 2 of 3 votes cast were yes, two thirds needed (2 yes, 1 no)."


def test_a_quorum_not_met_is_not_carried_whatever_the_count() -> None:
    tally = count_decision(line("majority", ballot=(3, 0, 0), quorum=5, present_count=4))
    assert tally is not None and not tally.decided
    assert tally.summary == "Not carried: 4 present, fewer than the quorum of 5 (3 yes, 0 no)."


def test_an_abstention_is_not_a_vote_cast() -> None:
    votes = (vote(ANA, "yes"), vote(BEN, "abstain"))
    tally = count_decision(line("majority", votes=votes))
    assert tally is not None and tally.decided
    assert (
        tally.summary
        == "Carried: 1 of 1 vote cast was yes, more than half needed (1 yes, 0 no, 1 abstained)."
    )
    assert vote_groups(line("majority", votes=votes)) == [("Yes", "Ana"), ("Abstained", "Ben")]


def test_a_single_block_stops_consensus_and_says_what_follows() -> None:
    votes = (vote(ANA, "support"), vote(BEN, "block", "Too soon"))
    tally = count_decision(line("consensus", votes=votes, after_block="discuss"))
    assert tally is not None and not tally.decided
    assert (
        tally.summary
        == "No consensus: Ben blocks (1 support, 0 can live with it). Next: more discussion."
    )
    assert vote_groups(line("consensus", votes=votes))[-1] == ("Blocks", "Ben (Too soon)")


def test_anonymous_votes_are_counted_never_named() -> None:
    votes = (vote(None, "yes"), vote(None, "no"))
    tally = count_decision(line("unanimous", votes=votes, anonymous=True))
    assert tally is not None and tally.summary == "Not unanimous: 1 member said no."
    assert vote_groups(line("unanimous", votes=votes, anonymous=True)) == [
        ("Yes", "1 member"),
        ("No", "1 member"),
    ]


def test_a_word_this_version_does_not_know_is_read_leniently() -> None:
    """An old or hand-edited database with an unknown threshold or after-block word
    still gives minutes (it stopped every export before)."""
    votes = (vote(ANA, "yes"), vote(BEN, "no"), vote(CAL, "yes"))
    tally = count_decision(line("majority", votes=votes, threshold_kind="most"))
    assert tally is not None and tally.summary.startswith("Carried: 2 of 3")
    blocked = (vote(ANA, "block"),)
    tally = count_decision(line("consensus", votes=blocked, after_block="someday"))
    assert (
        tally is not None
        and tally.summary == "No consensus: Ana blocks (0 support, 0 can live with it)."
    )


def test_a_compromise_is_decided_once_a_middle_is_agreed() -> None:
    sides = (OptionLine("Weekly"), OptionLine("Monthly"))
    assert count_decision(line("compromise", options=sides)).summary == (  # type: ignore[union-attr]
        "No middle agreed yet between 2 positions."
    )
    agreed = count_decision(line("compromise", options=sides, outcome="Fortnightly"))
    assert agreed is not None and agreed.decided


def test_threshold_words_for_a_secret_ballot_with_a_quorum() -> None:
    decided = line(
        "majority", ballot=(1, 0, 0), threshold_kind="percent", threshold_percent=60, quorum=4
    )
    assert threshold_words(decided) == "60% of the votes cast, secret ballot; quorum 4 present"
    assert threshold_words(line("consensus")) == ""
