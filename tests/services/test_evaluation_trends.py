"""A team's trends read back: each rated item and each norm over the meetings that
rated or checked it (each point what the meeting's results show), the change since
the previous one in words, retired norms kept, in as many statements for three
meetings as for none; and the demo's history."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.domain.team_draft import TeamDraft
from facilitator.errors import NotFoundError
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.evaluation_trends import team_trends
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.quick_read import _SQLAlchemyReader, _SQLiteReader
from tests.conftest import FROZEN_NOW, TZ
from tests.scale import counted
from tests.trends_data import GOALS, LISTEN, ON_TIME, PHONES, TEAM, TRUST, fill_trends

DEMO_TEAM, NOVEMBER = 1, 1


def test_ratings_over_the_meetings_that_rated_them(db: Database, pack: Pack) -> None:
    data = fill_trends(db, pack)

    trends = team_trends(db, team_id=data.team_id, pack=pack, tz=TZ)

    assert trends.team == TEAM
    (instrument,) = trends.instruments  # plus/delta is not trended
    assert instrument.form.id == "effective-team-assessment"
    by_id = {trend.item_id: trend for trend in instrument.trends}
    assert set(by_id) == {TRUST, GOALS}  # nobody rated the other seven
    trust, goals = by_id[TRUST], by_id[GOALS]
    months = data.meetings
    assert [p.meeting_id for p in trust.points] == [
        months["September"],
        months["October"],
        months["November"],
    ]
    assert [(str(p.day), p.mean, p.answered) for p in trust.points] == [
        ("2026-09-07", 3.5, 2),
        ("2026-10-05", 5.5, 2),
        ("2026-11-02", 6.0, 1),
    ]
    assert trust.change == "Trust and conflict resolution: 5.5 → 6.0"
    # Not rated in October: November is compared with September.
    assert [p.meeting_id for p in goals.points] == [months["September"], months["November"]]
    assert goals.change == "Goals and objectives: 5.0 → 4.5"


def test_norms_over_the_meetings_that_checked_them(db: Database, pack: Pack) -> None:
    data = fill_trends(db, pack)

    norms = team_trends(db, team_id=data.team_id, pack=pack, tz=TZ).norms

    assert [norm.text for norm in norms] == [LISTEN, ON_TIME, PHONES]  # the team's order
    listen, on_time, phones = norms
    assert listen.norm_id == data.norms[LISTEN]
    # September: partly and not (two checks); October: honoured and partly; November.
    assert [(str(p.day), p.percent, p.readings) for p in listen.points] == [
        ("2026-09-07", 25.0, 2),
        ("2026-10-05", 75.0, 2),
        ("2026-11-02", 100.0, 1),
    ]
    assert listen.points[0].tally == "0 honoured, 1 partly, 1 not"
    assert listen.change == "Listen to understand: 75% → 100% honoured"
    assert on_time.change == "Start and end on time: 100% honoured (one meeting so far)"
    assert phones.retired and not listen.retired
    assert phones.change == "Phones away (retired): 0% honoured (one meeting so far)"


def test_the_statements_do_not_grow_with_the_meetings(
    db: Database, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression guard for the Speed section of issue 17: the trends of 200 meetings
    must not read anything per meeting, nor go through the ORM (its first use in a
    session cost as much again as the reading)."""
    data = fill_trends(db, pack)
    empty = create_team(db, draft=TeamDraft(name="New team"), pack=pack, now=FROZEN_NOW)
    sent: list[str] = []
    for kind in (_SQLiteReader, _SQLAlchemyReader):  # a file, or a server
        monkeypatch.setattr(kind, "rows", _counting(kind.rows, sent))
    with counted(db) as orm:
        nothing = team_trends(db, team_id=empty, pack=pack, tz=TZ)
        none = len(sent)
        team_trends(db, team_id=data.team_id, pack=pack, tz=TZ)

    rated = sum(1 for entry in pack.instruments.values() if form_of(entry).kind == "rating")
    assert nothing.empty and nothing.team == "New team"
    # The team, its meetings, its norms and their readings; each rating instrument's means.
    assert len(sent) - none == none == 4 + rated
    assert len(orm) == 0


def test_each_point_is_what_the_meetings_results_show(demo_db: Database, pack: Pack) -> None:
    """The trends count in the database what the results count in Python: each point's
    mean and count are those of the meeting's results (the demo's history, whatever it
    holds, and the team of known figures)."""
    data = fill_trends(demo_db, pack)
    for team_id in (DEMO_TEAM, data.team_id):
        trends = team_trends(demo_db, team_id=team_id, pack=pack, tz=TZ)
        points = {
            (point.meeting_id, instrument.form.id, trend.item_id): (point.mean, point.answered)
            for instrument in trends.instruments
            for trend in instrument.trends
            for point in trend.points
        }
        shown = {}
        for meeting_id in {key[0] for key in points}:
            evaluation = meeting_evaluation(demo_db, meeting_id=meeting_id, pack=pack, tz=TZ)
            for result in evaluation.results:
                for item in result.items:
                    if result.form.kind == "rating" and item.mean is not None:
                        key = (meeting_id, result.form.id, item.item.id)
                        shown[key] = (item.mean, item.answered)
        assert points.keys() == shown.keys()
        for key, (mean, answered) in points.items():
            assert mean == pytest.approx(shown[key][0]) and answered == shown[key][1], key


def test_the_demo_ends_on_november(demo_db: Database, pack: Pack) -> None:
    """The demo's history may grow; its latest evaluated and checked meeting is
    November's (meeting 1), where "Pausing" was read partly (50%)."""
    trends = team_trends(demo_db, team_id=DEMO_TEAM, pack=pack, tz=TZ)

    assert trends.team == "Riverside Elementary Leadership Team"
    assert "effective-team-assessment" in [i.form.id for i in trends.instruments]
    for instrument in trends.instruments:
        for trend in instrument.trends:
            assert trend.points[-1].meeting_id == NOVEMBER
    pausing = trends.norms[0]
    assert pausing.text == "Pausing"
    assert (pausing.points[-1].meeting_id, pausing.points[-1].percent) == (NOVEMBER, 50.0)
    assert pausing.change.startswith("Pausing: ")
    assert "50% honoured" in pausing.change


def test_an_unknown_team(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="There is no team 99"):
        team_trends(demo_db, team_id=99, pack=pack)


def _counting(rows: Any, sent: list[str]) -> Any:
    def counting(reader: Any, sql: str, params: Any = None) -> list[Any]:
        sent.append(sql)
        return list(rows(reader, sql, params))

    return counting
