"""A team's periodic self-assessments: started dated (today on the clock, or a day
given), each answer saved as it is given (level and note), opened again with its
answers, answers that do not fit refused with nothing saved, and the team's assessments
compared side by side. Meeting evaluations are not self-assessments, and the other way
round."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from facilitator.domain.evaluation_results import Answer
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_trends import team_trends
from facilitator.services.self_assessments import (
    read_day,
    save_self_assessment_answer,
    start_self_assessment,
    taken_assessment,
    team_assessments,
)
from facilitator.store.database import Database
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse
from tests.conftest import FROZEN_NOW, TZ

RIVERSIDE = 1
SLT = "slt-indicators"
COHERENCE = "coherence-progression"
TODAY = FROZEN_NOW.date()
NOV_2 = date(2026, 11, 2)


def start(db: Database, pack: Pack, instrument: str = SLT, on: date | None = None) -> int:
    opened = start_self_assessment(
        db, team_id=RIVERSIDE, instrument_id=instrument, pack=pack, now=FROZEN_NOW, tz=TZ, on=on
    )
    assert not opened.continued
    return opened.assessment_id


def answer(db: Database, pack: Pack, assessment: int, item: str, given: Answer | None) -> None:
    save_self_assessment_answer(
        db, assessment_id=assessment, item_id=item, answer=given, pack=pack, now=FROZEN_NOW
    )


def stored_answers(db: Database, assessment: int) -> dict[str, tuple[str | None, str]]:
    with db.read() as session:
        rows = session.exec(
            select(EvaluationAnswer).where(EvaluationAnswer.response_id == assessment)
        ).all()
    return {row.item_id: (row.level, row.text) for row in rows}


def test_a_self_assessment_is_the_teams_dated_today_with_no_meeting_and_no_member(
    demo_db: Database, pack: Pack
) -> None:
    assessment = start(demo_db, pack)

    with demo_db.read() as session:
        row = session.get(EvaluationResponse, assessment)
    assert row is not None
    assert (row.team_id, row.meeting_id, row.evaluation_id, row.respondent_member_id) == (
        RIVERSIDE,
        None,
        None,
        None,
    )
    assert row.submitted_at == datetime(2026, 11, 23, tzinfo=UTC)
    assert taken_assessment(demo_db, assessment_id=assessment, pack=pack).assessment.taken_on == (
        TODAY
    )


def test_the_day_follows_the_wall_clock_of_the_zone(demo_db: Database, pack: Pack) -> None:
    """At 14:00 UTC on 23 November it is already 24 November in Auckland."""
    from zoneinfo import ZoneInfo

    opened = start_self_assessment(
        demo_db,
        team_id=RIVERSIDE,
        instrument_id=SLT,
        pack=pack,
        now=FROZEN_NOW,
        tz=ZoneInfo("Pacific/Auckland"),
    )
    taken = taken_assessment(demo_db, assessment_id=opened.assessment_id, pack=pack)
    assert taken.assessment.taken_on == date(2026, 11, 24)


def test_answers_are_saved_as_given_and_read_back_to_resume(demo_db: Database, pack: Pack) -> None:
    assessment = start(demo_db, pack)
    answer(demo_db, pack, assessment, "goals-focus-on-learning", Answer(level="B"))
    answer(demo_db, pack, assessment, "goals-focus-on-learning", Answer(level="P", text="Plan\x1b"))
    answer(demo_db, pack, assessment, "identifies-barriers", Answer(text="  Survey of staff "))
    answer(demo_db, pack, assessment, "creative-solutions", Answer(level="I"))
    answer(demo_db, pack, assessment, "creative-solutions", None)  # taken back
    answer(demo_db, pack, assessment, "goals-communicated", Answer(level=None, text="   "))

    assert stored_answers(demo_db, assessment) == {
        "goals-focus-on-learning": ("P", "Plan"),
        "identifies-barriers": (None, "Survey of staff"),
    }
    taken = taken_assessment(demo_db, assessment_id=assessment, pack=pack)
    assert taken.team == "Riverside Elementary Leadership Team"
    assert taken.form.id == SLT and taken.instructions
    assert taken.assessment.answers["goals-focus-on-learning"] == Answer(None, "P", "Plan")


def test_starting_again_the_same_day_continues_that_one(demo_db: Database, pack: Pack) -> None:
    assessment = start(demo_db, pack)
    again = start_self_assessment(
        demo_db, team_id=RIVERSIDE, instrument_id=SLT, pack=pack, now=FROZEN_NOW, tz=TZ
    )
    assert (again.assessment_id, again.continued) == (assessment, True)
    other = start(demo_db, pack, COHERENCE)  # another instrument the same day is its own
    assert other != assessment


@pytest.mark.parametrize(
    ("item", "given", "sentence"),
    [
        ("goals-focus-on-learning", Answer(level="X"), "is answered with one of: No conversation"),
        ("goals-focus-on-learning", Answer(score=4), "is answered with one of"),
        ("no-such-item", Answer(level="P"), 'has no item "no-such-item"'),
        ("no-such-item", Answer(text="a note"), 'has no item "no-such-item"'),
    ],
)
def test_an_answer_that_does_not_fit_saves_nothing(
    demo_db: Database, pack: Pack, item: str, given: Answer, sentence: str
) -> None:
    assessment = start(demo_db, pack)
    answer(demo_db, pack, assessment, "goals-focus-on-learning", Answer(level="B", text="kept"))
    commits = demo_db.commits

    with pytest.raises(InvalidInput) as refused:
        answer(demo_db, pack, assessment, item, given)

    assert sentence in refused.value.sentence
    assert stored_answers(demo_db, assessment) == {"goals-focus-on-learning": ("B", "kept")}
    assert demo_db.commits == commits


def test_a_meeting_instrument_an_unknown_one_and_a_day_to_come_are_refused(
    demo_db: Database, pack: Pack
) -> None:
    with pytest.raises(InvalidInput, match="answered after a meeting"):
        start(demo_db, pack, "plus-delta")
    with pytest.raises(NotFoundError, match='no self-assessment "ours".*slt-indicators'):
        start(demo_db, pack, "ours")
    with pytest.raises(InvalidInput, match="dated today or earlier, not Tue 24 Nov 2026"):
        start(demo_db, pack, on=TODAY + timedelta(days=1))
    with pytest.raises(NotFoundError, match="no team 99"):
        start_self_assessment(
            demo_db, team_id=99, instrument_id=SLT, pack=pack, now=FROZEN_NOW, tz=TZ
        )
    with demo_db.read() as session:
        assert (
            session.exec(
                select(EvaluationResponse).where(
                    EvaluationResponse.meeting_id == None  # noqa: E711 - SQL's IS NULL
                )
            ).all()
            == []
        )


def test_a_meeting_evaluation_is_not_a_self_assessment(demo_db: Database, pack: Pack) -> None:
    with demo_db.read() as session:
        meeting_response = session.exec(select(EvaluationResponse.id)).first()
    assert meeting_response is not None  # the demo's November evaluation
    with pytest.raises(NotFoundError, match=f"no self-assessment {meeting_response}"):
        answer(demo_db, pack, meeting_response, "plus", Answer(text="sneaky"))
    assert team_assessments(demo_db, team_id=RIVERSIDE, pack=pack).comparisons == ()


def test_self_assessments_leave_the_meeting_trends_alone(demo_db: Database, pack: Pack) -> None:
    before = team_trends(demo_db, team_id=RIVERSIDE, pack=pack, tz=TZ)
    assessment = start(demo_db, pack)
    answer(demo_db, pack, assessment, "goals-focus-on-learning", Answer(level="P"))
    assert team_trends(demo_db, team_id=RIVERSIDE, pack=pack, tz=TZ) == before


def test_the_teams_assessments_side_by_side(demo_db: Database, pack: Pack) -> None:
    later = start(demo_db, pack)
    earlier = start(demo_db, pack, on=NOV_2)  # typed in afterwards from the paper copy
    answer(demo_db, pack, earlier, "goals-focus-on-learning", Answer(level="B", text="Plan"))
    answer(demo_db, pack, later, "goals-focus-on-learning", Answer(level="S"))
    start(demo_db, pack, COHERENCE)

    found = team_assessments(demo_db, team_id=RIVERSIDE, pack=pack)

    assert found.team == "Riverside Elementary Leadership Team"
    assert [c.form.id for c in found.comparisons] == [COHERENCE, SLT]
    slt = found.comparisons[1]
    assert [a.id for a in slt.assessments] == [earlier, later]
    goals = next(i for i in slt.items if i.item.id == "goals-focus-on-learning")
    assert goals.change == "Beginning → Sustaining, up 2 levels"
    assert slt.summary.startswith("Since Mon 2 Nov 2026: 1 up, 14 not answered")
    only = team_assessments(demo_db, team_id=RIVERSIDE, pack=pack, instrument_id=SLT)
    assert [c.form.id for c in only.comparisons] == [SLT]
    untaken = team_assessments(
        demo_db, team_id=RIVERSIDE, pack=pack, instrument_id="slt-assessing-our-work"
    )
    assert untaken.comparisons[0].summary == "Not taken yet."


@pytest.mark.parametrize(
    ("typed", "day"),
    [("", TODAY), ("today", TODAY), ("2026-11-02", NOV_2), ("2 Nov 2026", NOV_2)],
)
def test_the_day_as_typed(typed: str, day: date) -> None:
    assert read_day(typed, now=FROZEN_NOW, tz=TZ) == day


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("tomorrow", "dated today or earlier, not Tue 24 Nov 2026 (write the year"),
        ("the day before", '"the day before" is not a date; write it like 2026-11-02'),
    ],
)
def test_a_day_not_understood_or_to_come_is_a_sentence(typed: str, sentence: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_day(typed, now=FROZEN_NOW, tz=TZ)
    assert set(refused.value.problems) == {"date"}
    assert sentence in refused.value.sentence
