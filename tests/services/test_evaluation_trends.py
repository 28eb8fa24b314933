"""A team's evaluation trends read back: the demo's one evaluated meeting gives one
point per item; a second evaluated meeting gives the change in words."""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_trends import team_trends
from facilitator.store.database import Database
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse, Meeting
from tests.conftest import FROZEN_NOW, TZ

TEAM, NOVEMBER, DECEMBER = 1, 1, 2
TEAM_ASSESSMENT = "effective-team-assessment"


def test_the_demo_gives_one_point_per_item(demo_db: Database, pack: Pack) -> None:
    trends = team_trends(demo_db, team_id=TEAM, pack=pack, tz=TZ)

    assert trends.team == "Riverside Elementary Leadership Team"
    (instrument,) = trends.instruments  # plus/delta is not trended
    assert instrument.form.id == TEAM_ASSESSMENT
    assert len(instrument.trends) == 9
    for trend in instrument.trends:
        (point,) = trend.points
        assert (point.meeting_id, str(point.day)) == (NOVEMBER, "2026-11-09")
        assert point.answered > 0
        assert trend.change.endswith(" (one evaluation so far)")


def test_a_second_evaluated_meeting_gives_the_change(demo_db: Database, pack: Pack) -> None:
    _evaluate_december(demo_db, {"trust-and-conflict-resolution": [5, 6], "leadership": [7]})

    trends = team_trends(demo_db, team_id=TEAM, pack=pack, tz=TZ)

    (instrument,) = trends.instruments
    by_id = {trend.item_id: trend for trend in instrument.trends}
    trust = by_id["trust-and-conflict-resolution"]
    assert [point.meeting_id for point in trust.points] == [NOVEMBER, DECEMBER]
    assert trust.change == "Trust and conflict resolution: 3.7 → 5.5"
    assert by_id["leadership"].change == "Leadership: 4.7 → 7.0"
    assert trust.points[1].answered == 2
    assert len(by_id["goals-and-objectives"].points) == 1  # not rated in December


def test_another_team_has_none(demo_db: Database, pack: Pack) -> None:
    trends = team_trends(demo_db, team_id=2, pack=pack, tz=TZ)

    assert trends.instruments == ()


def test_an_unknown_team(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="There is no team 99"):
        team_trends(demo_db, team_id=99, pack=pack)


def _evaluate_december(db: Database, scores: dict[str, list[int]]) -> None:
    """Rows as an evaluation of the demo's December meeting would leave them: one
    response per rating, each answering one item; the meeting held a week on."""
    with db.write(now=FROZEN_NOW) as session:
        meeting = session.get(Meeting, DECEMBER)
        assert meeting is not None and meeting.team_id == TEAM
        meeting.started_at = FROZEN_NOW + timedelta(days=7)
        for item_id, ratings in scores.items():
            for score in ratings:
                response = EvaluationResponse(
                    team_id=TEAM,
                    meeting_id=DECEMBER,
                    instrument_id=TEAM_ASSESSMENT,
                    submitted_at=FROZEN_NOW,
                )
                session.add(response)
                session.flush()
                assert response.id is not None
                session.add(EvaluationAnswer(response_id=response.id, item_id=item_id, score=score))
