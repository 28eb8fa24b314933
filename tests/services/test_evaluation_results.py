"""A meeting's evaluation read back for its results: each instrument it was evaluated
with, counted over the saved responses, names kept only where given."""

from __future__ import annotations

import pytest

from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.store.database import Database

NOVEMBER, DECEMBER = 1, 2


def test_the_demo_meeting_has_plus_delta_and_the_team_assessment(
    demo_db: Database, pack: Pack
) -> None:
    evaluation = meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack)
    assert evaluation.title == "November leadership team meeting"
    assert str(evaluation.held_on) == "2026-11-09"  # two weeks before the frozen clock
    ids = [result.form.id for result in evaluation.results]
    assert set(ids) == {"plus-delta", "effective-team-assessment"}
    team = next(r for r in evaluation.results if r.form.id == "effective-team-assessment")
    assert team.responses > 0 and all(item.answered == team.responses for item in team.items)
    assert team.extremes.startswith("Lowest: ")
    plus_delta = next(r for r in evaluation.results if r.form.id == "plus-delta")
    assert plus_delta.comments and any(c.respondent is None for c in plus_delta.comments)


def test_a_meeting_not_evaluated_has_no_results(demo_db: Database, pack: Pack) -> None:
    assert meeting_evaluation(demo_db, meeting_id=DECEMBER, pack=pack).results == ()


def test_a_meeting_that_does_not_exist_is_said(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting 99"):
        meeting_evaluation(demo_db, meeting_id=99, pack=pack)


def test_home_says_which_closed_meetings_are_not_evaluated_yet(demo_db: Database) -> None:
    from datetime import timedelta

    from facilitator.services.home import load_home
    from facilitator.store.tables import Meeting
    from facilitator.ui.widgets.meeting_list import status_label
    from tests.conftest import FROZEN_NOW, TZ

    with demo_db.write(now=FROZEN_NOW) as session:
        december = session.get(Meeting, DECEMBER)
        assert december is not None
        december.status, december.closed_at = "closed", FROZEN_NOW
        december.started_at = FROZEN_NOW - timedelta(hours=1)
    overview = load_home(demo_db.target, team_id=None, now=FROZEN_NOW, tz=TZ)
    by_id = {m.id: m for m in overview.recent}
    assert (by_id[NOVEMBER].evaluated, by_id[DECEMBER].evaluated) == (True, False)
    assert status_label(by_id[DECEMBER], FROZEN_NOW)[0].endswith(", not evaluated yet")
    assert "not evaluated" not in status_label(by_id[NOVEMBER], FROZEN_NOW)[0]
