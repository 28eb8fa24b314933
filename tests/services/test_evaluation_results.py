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
