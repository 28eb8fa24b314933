"""The evaluation results as a section of the minutes: there by default once a meeting
has been evaluated, counted as the results screen counts them, and left out of every
format when the facilitator says so (the results themselves are kept)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_json import minutes_json
from facilitator.render.minutes_mail import minutes_email
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import minutes_text
from facilitator.services.evaluation_minutes import (
    evaluation_in_minutes,
    set_evaluation_in_minutes,
)
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ

NOVEMBER, DECEMBER = 1, 2
COMMENT = "Sam's exemplars helped."
LATER = FROZEN_NOW + timedelta(minutes=5)


def every_format(db: Database, pack: Pack) -> dict[str, str]:
    """The November minutes in each document format, as text."""
    minutes = meeting_minutes(db, meeting_id=NOVEMBER, pack=pack)
    return {
        "md": minutes_markdown(minutes, TZ),
        "html": minutes_html(minutes, TZ),
        "txt": minutes_text(minutes, TZ),
        "eml": minutes_email(minutes, TZ).decode(),
        "json": minutes_json(minutes, exported_at=FROZEN_NOW),
    }


def test_the_minutes_carry_the_results_as_counted_for_the_results_screen(
    demo_db: Database, pack: Pack
) -> None:
    minutes = meeting_minutes(demo_db, meeting_id=NOVEMBER, pack=pack)
    evaluation = meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack)

    assert evaluation_in_minutes(demo_db, meeting_id=NOVEMBER)
    assert [result.form.id for result in minutes.evaluation] == [
        "effective-team-assessment",
        "plus-delta",
    ]
    assert minutes.evaluation == evaluation.results
    plus_delta = minutes.evaluation[1]
    assert any(c.text == COMMENT and c.respondent is None for c in plus_delta.comments)


def test_a_meeting_not_evaluated_has_no_results_in_its_minutes(
    demo_db: Database, pack: Pack
) -> None:
    assert evaluation_in_minutes(demo_db, meeting_id=DECEMBER)
    assert meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack).evaluation == ()


def test_leaving_the_results_out_removes_the_section_from_every_format(
    demo_db: Database, pack: Pack
) -> None:
    before = every_format(demo_db, pack)
    assert all(COMMENT in text for text in before.values())
    assert "EVALUATION" in before["txt"] and "EVALUATION" in before["eml"]

    set_evaluation_in_minutes(demo_db, meeting_id=NOVEMBER, include=False, now=LATER)
    after = every_format(demo_db, pack)

    assert not evaluation_in_minutes(demo_db, meeting_id=NOVEMBER)
    assert "## Evaluation" not in after["md"]
    assert "<h2>Evaluation</h2>" not in after["html"] and "Evaluation</h2>" not in after["eml"]
    assert "EVALUATION" not in after["txt"] and "EVALUATION" not in after["eml"]
    assert json.loads(after["json"])["meeting"]["evaluation"] == []
    assert not any(COMMENT in text for text in after.values())


def test_leaving_them_out_changes_nothing_else_and_keeps_the_results(
    demo_db: Database, pack: Pack
) -> None:
    """Not a correction of the minutes: no correction date, the sent date stands."""
    before = meeting_minutes(demo_db, meeting_id=NOVEMBER, pack=pack)

    set_evaluation_in_minutes(demo_db, meeting_id=NOVEMBER, include=False, now=LATER)

    assert meeting_minutes(demo_db, meeting_id=NOVEMBER, pack=pack) == replace(
        before, evaluation=()
    )
    assert meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack).results


def test_putting_them_back_brings_the_section_back(demo_db: Database, pack: Pack) -> None:
    before = every_format(demo_db, pack)
    set_evaluation_in_minutes(demo_db, meeting_id=NOVEMBER, include=False, now=LATER)

    set_evaluation_in_minutes(demo_db, meeting_id=NOVEMBER, include=True, now=LATER)

    assert evaluation_in_minutes(demo_db, meeting_id=NOVEMBER)
    assert every_format(demo_db, pack) == before


def test_a_meeting_that_does_not_exist_is_said(demo_db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting 99"):
        set_evaluation_in_minutes(demo_db, meeting_id=99, include=False, now=LATER)
    with pytest.raises(NotFoundError, match="There is no meeting 99"):
        evaluation_in_minutes(demo_db, meeting_id=99)
