"""A team's ratings across its meetings: for each item of a rating instrument, the
mean it was given at each evaluated meeting, oldest first, and the change since the
previous evaluation in words ("Trust and conflict resolution: 4.1 → 5.3"). Its norms
checks are trended beside them (`facilitator.domain.norms_trends`).

Only rating instruments are trended: a text instrument (plus/delta) has no figure to
follow and a levels one no mean. The results come in as counted for each meeting
(`facilitator.domain.evaluation_results.count_results`), or as each item's mean and
count alone (`MeetingMeans`: a long history is counted in the database), so this
module only arranges them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from facilitator.domain.evaluation_results import Form, InstrumentResult

if TYPE_CHECKING:
    # Only named in an annotation: norms_trends takes ARROW from here.
    from facilitator.domain.norms_trends import NormTrend

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
class MeetingMeans:
    """One evaluated meeting's rated items: each one's mean and how many rated it."""

    meeting_id: int
    day: date
    title: str
    means: Mapping[tuple[str, str], tuple[float, int]]
    """(mean, how many rated it) by (instrument id, item id); an item nobody rated is
    not there."""


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
        # An item written as a sentence loses its full stop before the colon.
        text = self.text.rstrip().removesuffix(".") or self.text
        if len(self.points) == 1:
            return f"{text}: {self.points[0].mean:.1f} (one evaluation so far)"
        before, latest = self.points[-2], self.points[-1]
        return f"{text}: {before.mean:.1f}{ARROW}{latest.mean:.1f}"


@dataclass(frozen=True)
class InstrumentTrends:
    """A rating instrument's items, each trended, in the instrument's order."""

    form: Form
    trends: tuple[Trend, ...]


@dataclass(frozen=True)
class TeamTrends:
    """A team's rating instruments, each item trended over its evaluated meetings, and
    its norms, each trended over the meetings whose norms checks read it."""

    team: str
    instruments: tuple[InstrumentTrends, ...]
    norms: tuple[NormTrend, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to trend: no rated evaluation and no norms check."""
        return not self.instruments and not self.norms

    @property
    def meetings(self) -> int:
        """How many meetings the trends run over (rated or norms-checked)."""
        rated = {
            point.meeting_id
            for instrument in self.instruments
            for trend in instrument.trends
            for point in trend.points
        }
        return len(rated | {point.meeting_id for norm in self.norms for point in norm.points})


def trends_of(
    forms: Sequence[Form], meetings: Sequence[MeetingResults]
) -> tuple[InstrumentTrends, ...]:
    """Each rating form of `forms` (in that order) with its items' trends over
    `meetings` (given oldest first). A meeting counts for an item where someone rated
    it; an item nobody rated is left out, and a form with no rated item."""
    return trends_of_means(forms, [means_of(meeting) for meeting in meetings])


def means_of(meeting: MeetingResults) -> MeetingMeans:
    """The figures of `meeting`'s results that a trend follows."""
    means = {
        (result.form.id, item.item.id): (item.mean, item.answered)
        for result in meeting.results
        for item in result.items
        if item.mean is not None
    }
    return MeetingMeans(meeting.meeting_id, meeting.day, meeting.title, means)


def trends_of_means(
    forms: Sequence[Form], meetings: Sequence[MeetingMeans]
) -> tuple[InstrumentTrends, ...]:
    """As `trends_of`, from each meeting's means alone (what a team's whole history
    comes to once counted)."""
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


def _trend(form: Form, item_id: str, text: str, meetings: Sequence[MeetingMeans]) -> Trend | None:
    key = (form.id, item_id)
    points = tuple(
        TrendPoint(meeting.meeting_id, meeting.day, meeting.title, *meeting.means[key])
        for meeting in meetings
        if key in meeting.means
    )
    return Trend(form.name, item_id, text, points) if points else None
