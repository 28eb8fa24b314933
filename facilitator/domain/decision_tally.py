"""Counting a decision by its method. Whether a vote carried, consensus was reached or
the group was unanimous is computed here from what was recorded, never typed, and said
in words for the screen and the minutes ("5 of 8 votes cast were yes: not the two
thirds needed")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain.text import plural


def and_list(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class Tally:
    """The computed outcome of a count."""

    decided: bool
    """Carried, consensus reached, unanimous."""
    summary: str
    """The count and what it means, in words."""


# Majority vote -------------------------------------------------------------------------


class ThresholdKind(StrEnum):
    """How many of the votes cast must be yes."""

    HALF = "half"  # more than half
    TWO_THIRDS = "two_thirds"  # at least two thirds
    PERCENT = "percent"  # at least this percentage


@dataclass(frozen=True)
class Threshold:
    kind: ThresholdKind = ThresholdKind.HALF
    percent: int | None = None
    """For PERCENT: 1 to 100."""

    def met(self, yes: int, cast: int) -> bool:
        if cast == 0:
            return False
        if self.kind is ThresholdKind.HALF:
            return yes * 2 > cast
        if self.kind is ThresholdKind.TWO_THIRDS:
            return yes * 3 >= cast * 2
        return yes * 100 >= (self.percent or 0) * cast

    @property
    def words(self) -> str:
        if self.kind is ThresholdKind.HALF:
            return "more than half"
        if self.kind is ThresholdKind.TWO_THIRDS:
            return "two thirds"
        return f"{self.percent}%"


def threshold_problem(percent: int | None) -> str | None:
    """A sentence when a percentage threshold is not a whole number from 1 to 100."""
    if percent is None or not 1 <= percent <= 100:
        return "The threshold is a percentage from 1 to 100."
    return None


def quorum_problem(quorum: int | None, members: int) -> str | None:
    """A sentence when the quorum is below 1 or more than the team has members."""
    if quorum is None:
        return None
    if quorum < 1:
        return "A quorum is at least 1 member present."
    if quorum > members:
        return f"The quorum cannot be more than the team's {plural(members, 'member')}."
    return None


def majority(
    yes: int,
    no: int,
    abstain: int,
    *,
    threshold: Threshold,
    present: int,
    quorum: int | None = None,
) -> Tally:
    """Carried or not: yes against the votes cast (abstentions are not votes cast)."""
    cast = yes + no
    counts = f"{yes} yes, {no} no" + (f", {abstain} abstained" if abstain else "")
    if quorum is not None and present < quorum:
        return Tally(
            False, f"Not carried: {present} present, fewer than the quorum of {quorum} ({counts})."
        )
    if cast == 0:
        return Tally(False, f"Not carried: no votes cast ({counts}).")
    share = f"{yes} of {plural(cast, 'vote')} cast {'was' if yes == 1 else 'were'} yes"
    if threshold.met(yes, cast):
        return Tally(True, f"Carried: {share}, {threshold.words} needed ({counts}).")
    return Tally(False, f"Not carried: {share}: not the {threshold.words} needed ({counts}).")


# Unanimous -----------------------------------------------------------------------------


def unanimous(roll_call: Mapping[str, bool | None], *, anonymous: bool = False) -> Tally:
    """Name -> agrees (True), objects (False) or not asked yet (None). Anonymous votes
    are counted, not named."""
    objecting = [name for name, agrees in roll_call.items() if agrees is False]
    waiting = [name for name, agrees in roll_call.items() if agrees is None]
    if not roll_call:
        return Tally(False, "Not unanimous: no one has answered.")
    if objecting:
        return Tally(False, f"Not unanimous: {who(objecting, anonymous)} said no.")
    if waiting:
        return Tally(False, f"Not unanimous yet: {who(waiting, anonymous)} not asked.")
    return Tally(True, f"Unanimous: all {len(roll_call)} present agreed.")


def who(names: Sequence[str], anonymous: bool) -> str:
    """The names in a list, or how many they are when the vote was anonymous."""
    return plural(len(names), "member") if anonymous else and_list(names)


# Consensus -----------------------------------------------------------------------------


class Position(StrEnum):
    """Where a member stands on a proposal."""

    SUPPORT = "support"
    LIVE_WITH = "live_with"
    BLOCK = "block"


def consensus(positions: Mapping[str, Position | None], *, anonymous: bool = False) -> Tally:
    """Reached when everyone present has a position and no one blocks."""
    blocking = [name for name, where in positions.items() if where is Position.BLOCK]
    silent = [name for name, where in positions.items() if where is None]
    support = sum(1 for where in positions.values() if where is Position.SUPPORT)
    live = sum(1 for where in positions.values() if where is Position.LIVE_WITH)
    counts = f"{support} support, {live} can live with it"
    if blocking:
        verb = "blocks" if len(blocking) == 1 else "block"
        return Tally(False, f"No consensus: {who(blocking, anonymous)} {verb} ({counts}).")
    if silent or not positions:
        return Tally(
            False, f"No consensus yet: {who(silent, anonymous) or 'no one'} not heard ({counts})."
        )
    return Tally(True, f"Consensus: {counts}, no one blocks.")


# Multi-voting --------------------------------------------------------------------------


def default_budget(options: int) -> int:
    """Dots per member: about a third of the options, at least one."""
    return max(1, round(options / 3))


def dots_problem(dots: Mapping[str, int], budget: int) -> str | None:
    """A sentence when one member's dots go negative or over the budget."""
    if any(count < 0 for count in dots.values()):
        return "Dots are counted from 0 up."
    spent = sum(dots.values())
    if spent > budget:
        return f"That is {plural(spent, 'dot')}; each member has {budget}."
    return None


@dataclass(frozen=True)
class Ranking:
    """Options in order of dots, ties kept together."""

    places: tuple[tuple[int, tuple[str, ...]], ...]
    """(dots, options with that many) from the most dots down."""

    @property
    def top(self) -> tuple[str, ...]:
        return self.places[0][1] if self.places else ()

    @property
    def summary(self) -> str:
        return "; ".join(_place(dots, options) for dots, options in self.places) + "."


def _place(dots: int, options: tuple[str, ...]) -> str:
    count = plural(dots, "dot")
    if len(options) == 1:
        return f"{options[0]}: {count}"
    return f"{and_list(options)} tied at {count} each"


def rank_options(options: Sequence[str], dots: Mapping[str, Mapping[str, int]]) -> Ranking:
    """Options ranked by their dots over all members (member -> option -> dots)."""
    totals = dict.fromkeys(options, 0)
    for member_dots in dots.values():
        for option, count in member_dots.items():
            if option in totals:
                totals[option] += count
    by_count: dict[int, list[str]] = {}
    for option in options:
        by_count.setdefault(totals[option], []).append(option)
    places = tuple((count, tuple(by_count[count])) for count in sorted(by_count, reverse=True))
    return Ranking(places)
