"""A team's evaluation trends, as `facilitator trends` prints them and the trends screen
charts them: each rating item of the content pack's instruments over every meeting of
the team that was evaluated (see `facilitator.domain.evaluation_trends`), and each of
the team's norms over every meeting that had a norms check
(`facilitator.domain.norms_trends`).

Read in plain SQL (`facilitator.store.trends_queries`), in as many queries however
many meetings there are: the team, its meetings that were evaluated or had a norms
check with the moment each was held, for each rating instrument its items' means and
counts per meeting (counted by the database as the meeting's results count them: a
trend's point is the mean the meeting's results show), the team's norms and the norms
checks' readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from facilitator.domain.evaluation_trends import MeetingMeans, TeamTrends, trends_of_means
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.norms_trends import MeetingReadings, TeamNorm, norms_trends
from facilitator.errors import NotFoundError
from facilitator.pack.evaluation import form_of
from facilitator.store import trends_queries as queries
from facilitator.store.quick_read import Reader, Row, reader, to_datetime

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.store.database import Database

Means = dict[int, dict[tuple[str, str], tuple[float, int]]]
"""(mean, how many rated it) by meeting id, then by (instrument id, item id)."""
Readings = dict[int, dict[int, list[str]]]
"""Norms-check readings by meeting id, then by norm id."""


def team_trends(db: Database, *, team_id: int, pack: Pack, tz: tzinfo | None = None) -> TeamTrends:
    """Team `team_id`'s trends over its evaluated and norms-checked meetings, oldest
    first (a meeting is dated by the day it was held on the wall clock of `tz`; None:
    the machine's). NotFoundError if there is no team `team_id`."""
    forms = {instrument_id: form_of(entry) for instrument_id, entry in pack.instruments.items()}
    rated = [instrument_id for instrument_id, form in forms.items() if form.kind == "rating"]
    with reader(db.target) as read:
        history = _history(read, team_id, rated)
    # (id, day, title): how MeetingMeans and MeetingReadings begin.
    dated = [(row[0], _day(row, tz), row[1]) for row in history.meetings]
    means, readings = history.means, history.readings
    return TeamTrends(
        history.name,
        trends_of_means(
            list(forms.values()),
            [MeetingMeans(*meeting, means[meeting[0]]) for meeting in dated if meeting[0] in means],
        ),
        norms_trends(
            history.norms,
            [MeetingReadings(*m, readings[m[0]]) for m in dated if m[0] in readings],
        ),
    )


@dataclass(frozen=True)
class _History:
    """What the trends are made of, as read."""

    name: str
    meetings: list[Row]
    means: Means
    norms: list[TeamNorm]
    readings: Readings


def _history(read: Reader, team_id: int, rated: list[str]) -> _History:
    name = queries.team_name(read, team_id=team_id)
    if name is None:
        raise NotFoundError(f"There is no team {team_id}.")
    means: Means = {}
    for instrument_id in rated:
        for meeting_id, item_id, mean, answered in queries.item_means(
            read, team_id=team_id, instrument=instrument_id
        ):
            found = means.setdefault(meeting_id, {})
            found[instrument_id, item_id] = (float(mean), int(answered))
    norms = [
        TeamNorm(norm_id, text, retired_at is not None)
        for norm_id, text, retired_at in queries.team_norms(read, team_id=team_id)
    ]
    readings: Readings = {}
    for meeting_id, norm_id, reading in queries.norm_readings(read, team_id=team_id):
        readings.setdefault(meeting_id, {}).setdefault(norm_id, []).append(reading)
    return _History(name, queries.trended_meetings(read, team_id=team_id), means, norms, readings)


def _day(row: Row, tz: tzinfo | None) -> date:
    """The day meeting row (id, title, scheduled_start, held_at) was held or is planned."""
    scheduled = to_datetime(row[2])
    assert scheduled is not None, "scheduled_start is NOT NULL"
    return meeting_day(MeetingTimes(scheduled, to_datetime(row[3])), tz)
