"""A team's ratings across its meetings: for each item of a rating instrument, the
mean it was given at each evaluated meeting, oldest first, and the change since the
previous evaluation in words ("Trust and conflict resolution: 4.1 → 5.3").

Only rating instruments are trended: a text instrument (plus/delta) has no figure to
follow and a levels one no mean. The results come in as counted for each meeting
(`facilitator.domain.evaluation_results.count_results`), so this module only arranges
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from facilitator.domain.evaluation_results import Form, InstrumentResult, ItemResult

ARROW = " → "
"""Between the previous evaluation's mean and the latest's."""


@dataclass(frozen=True)
class MeetingResults:
    """One evaluated meeting's results, instrument by instrument."""

    meeting_id: int
    day: date
    title: str
    results: Sequence[InstrumentResult]


@dataclass(frozen=True)
class TrendPoint:
    """An item's mean at one meeting."""

    meeting_id: int
    day: date
    title: str
    mean: float
    answered: int


@dataclass(frozen=True)
class Trend:
    """One rating item across the meetings that rated it, oldest first."""

    instrument: str
    """The instrument's name."""
    item_id: str
    text: str
    points: tuple[TrendPoint, ...]

    @property
    def change(self) -> str:
        """ "Trust and conflict resolution: 4.1 → 5.3" (the previous evaluation's mean,
        then the latest's); with one point, "…: 4.1 (one evaluation so far)"."""
        if len(self.points) == 1:
            return f"{self.text}: {self.points[0].mean:.1f} (one evaluation so far)"
        before, latest = self.points[-2], self.points[-1]
        return f"{self.text}: {before.mean:.1f}{ARROW}{latest.mean:.1f}"


@dataclass(frozen=True)
class InstrumentTrends:
    """A rating instrument's items, each trended, in the instrument's order."""

    form: Form
    trends: tuple[Trend, ...]


@dataclass(frozen=True)
class TeamTrends:
    """A team's rating instruments, each item trended over its evaluated meetings."""

    team: str
    instruments: tuple[InstrumentTrends, ...]


def trends_of(
    forms: Sequence[Form], meetings: Sequence[MeetingResults]
) -> tuple[InstrumentTrends, ...]:
    """Each rating form of `forms` (in that order) with its items' trends over
    `meetings` (given oldest first). A meeting counts for an item where someone rated
    it; an item nobody rated is left out, and a form with no rated item."""
    found = []
    for form in forms:
        if form.kind != "rating":
            continue
        trends = tuple(
            trend
            for section in form.sections
            for item in section.items
            if (trend := _trend(form, item.id, item.text, meetings)) is not None
        )
        if trends:
            found.append(InstrumentTrends(form, trends))
    return tuple(found)


def _trend(form: Form, item_id: str, text: str, meetings: Sequence[MeetingResults]) -> Trend | None:
    points = tuple(
        TrendPoint(meeting.meeting_id, meeting.day, meeting.title, figures.mean, figures.answered)
        for meeting in meetings
        if (figures := _figures(meeting, form.id, item_id)) is not None and figures.mean is not None
    )
    return Trend(form.name, item_id, text, points) if points else None


def _figures(meeting: MeetingResults, form_id: str, item_id: str) -> ItemResult | None:
    for result in meeting.results:
        if result.form.id == form_id:
            return next((item for item in result.items if item.item.id == item_id), None)
    return None
