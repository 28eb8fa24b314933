"""The decision log: a team's decisions across its meetings, filtered and searched
(the search index finds the text: `facilitator.services.text_filter`).

Plain values the decision-log screen and `facilitator decisions` show;
`facilitator.services.decision_log` reads them. Each entry keeps the decision as the
minutes tell it (`DecisionLine`), so the log's result is counted the same way
(`facilitator.domain.decision_count.count_decision`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from facilitator.domain.decision_count import count_decision
from facilitator.domain.decision_tally import Tally
from facilitator.domain.enums import DecisionStatus
from facilitator.domain.minutes import DecisionLine
from facilitator.domain.text_filter import EVERYTHING, TextFilter

STATUS_WORDS = {
    DecisionStatus.OPEN.value: "open",
    DecisionStatus.DECIDED.value: "decided",
    DecisionStatus.DEFERRED.value: "deferred",
    DecisionStatus.NO_DECISION.value: "no decision",
}
"""A status in a word or two, for a column."""
STILL_TO_DECIDE = frozenset({DecisionStatus.OPEN.value, DecisionStatus.DEFERRED.value})
"""The statuses the "open" filter shows: not decided yet, or put off to later."""


def review_is_due(review_on: date | None, today: date, *, on_agenda: bool = False) -> bool:
    """A decision is due for review once its review date has come (`today` or earlier),
    until it is put on an agenda to be reviewed (carried forward)."""
    return review_on is not None and review_on <= today and not on_agenda


@dataclass(frozen=True)
class LoggedDecision:
    """One decision as the log shows it: the record, and the meeting it was taken in."""

    line: DecisionLine
    """The whole record, as the minutes read it."""
    meeting_id: int
    meeting_title: str
    meeting_date: date
    """The day the meeting was held (planned for, if it has not been)."""
    team_id: int
    team_name: str
    review_meeting: str | None = None
    """The title of the meeting whose agenda holds its review; None if none does."""
    review_due: bool = False
    """Its review date has come and its review is on no agenda yet (`review_is_due`)."""

    @property
    def id(self) -> int:
        return self.line.id

    @property
    def status_label(self) -> str:
        return STATUS_WORDS.get(self.line.status, self.line.status)

    @property
    def method_label(self) -> str:
        """The method's name, or "no method" for a decision recorded without one."""
        return self.line.method_name or "no method"

    @property
    def tally(self) -> Tally | None:
        """The result its method counts from the votes and options (None: nothing to
        count)."""
        return count_decision(self.line)


class DecisionFilter(StrEnum):
    """Which decisions the log shows (by status, or those due for review)."""

    OPEN = "open"
    DECIDED = "decided"
    REVIEW_DUE = "review_due"
    ALL = "all"


@dataclass(frozen=True)
class DecisionLog:
    """A team's (or every active team's) decisions, the newest meeting's first."""

    entries: tuple[LoggedDecision, ...]
    team_name: str | None = None
    """The team's name; None for the log of every team."""

    @property
    def review_due_count(self) -> int:
        return sum(1 for e in self.entries if e.review_due)

    def counts_label(self) -> str:
        """E.g. "12 decisions, 3 open, 1 due for review"."""
        still = sum(1 for e in self.entries if e.line.status in STILL_TO_DECIDE)
        total = len(self.entries)
        noun = "decision" if total == 1 else "decisions"
        return f"{total:,} {noun}, {still:,} open, {self.review_due_count:,} due for review"

    def shown(
        self, view: DecisionFilter, *, method: str | None = None, text: TextFilter = EVERYTHING
    ) -> DecisionLog:
        """The entries `view` shows, of `method` (a DecisionMethod value; None: any)
        and kept by the text filter `text` (the search index found them)."""
        return replace(
            self,
            entries=tuple(
                e
                for e in self.entries
                if _in_view(e, view)
                and (method is None or e.line.method == method)
                and text.keeps(e.id)
            ),
        )

    def get(self, decision_id: int) -> LoggedDecision | None:
        return next((e for e in self.entries if e.id == decision_id), None)


def _in_view(entry: LoggedDecision, view: DecisionFilter) -> bool:
    if view is DecisionFilter.OPEN:
        return entry.line.status in STILL_TO_DECIDE
    if view is DecisionFilter.DECIDED:
        return entry.line.status == DecisionStatus.DECIDED
    if view is DecisionFilter.REVIEW_DUE:
        return entry.review_due
    return True
