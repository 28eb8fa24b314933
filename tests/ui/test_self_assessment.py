"""A team's self-assessment from its screen: s chooses the instrument and the day, the
items are drawn from the instrument (levels, the rubric's descriptor of the level being
chosen, a note per item), a digit or an arrow chooses and every answer is saved as it is
given; the same day continues it; c compares the team's assessments side by side; a
school's own periodic instrument drives the screen with no code of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import col, select
from textual.pilot import Pilot
from textual.widgets import DataTable

from facilitator.domain.evaluation_results import Answer
from facilitator.pack.loader import Pack
from facilitator.services.self_assessments import (
    save_self_assessment_answer,
    start_self_assessment,
)
from facilitator.store.database import Database
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse
from facilitator.ui.screens.self_assessment import SelfAssessmentScreen
from facilitator.ui.screens.self_assessment_compare import SelfAssessmentCompareScreen
from facilitator.ui.screens.team import TeamScreen
from facilitator.ui.widgets.self_assessment_items import LevelChoice, NoteField
from tests.conftest import FROZEN_NOW, TZ
from tests.ui.forms import errors, fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle
from tests.ui.test_team_screen import RIVERSIDE, open_team

SLT = "slt-indicators"
COHERENCE = "coherence-progression"


async def take(pilot: Pilot[Any], instrument: str, day: str | None = None) -> None:
    """s on the team screen, the instrument (and the day), Open."""
    await pilot.press("s")
    await settle(pilot)
    form = form_of(pilot)
    fill(form, instrument=instrument, **({"date": day} if day else {}))
    await submit(pilot)
    await settle(pilot)


def said(app: Any) -> str:
    """The screen's words with every run of spaces and line breaks as one space (long
    lines wrap at 80 columns)."""
    return " ".join(screen_text(app).split())


def stored(db: Database) -> list[tuple[str, str | None, str]]:
    """Every self-assessment answer: (item, level, note), in the order saved."""
    with db.read() as session:
        rows = session.exec(
            select(EvaluationAnswer)
            .join(EvaluationResponse, col(EvaluationResponse.id) == EvaluationAnswer.response_id)
            .where(col(EvaluationResponse.meeting_id).is_(None))
            .order_by(col(EvaluationAnswer.id))
        ).all()
    return [(row.item_id, row.level, row.text) for row in rows]


async def test_take_the_indicators_answer_by_answer_and_continue(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot)
        await take(pilot, SLT)
        assert isinstance(app.screen, SelfAssessmentScreen)
        # It starts on the first item's levels, so the first digit answers it.
        assert isinstance(app.focused, LevelChoice)
        assert "0 of 15 items answered" in screen_text(app)
        await pilot.press("4")  # P
        await settle(pilot)
        assert stored(demo_db) == [("improvement-process-sets-goals", "P", "")]
        await pilot.press("right")  # S, saved as soon as it is chosen
        await settle(pilot)
        text = screen_text(app)
        assert "S Sustaining: What we are doing works, we monitor it" in text
        assert "1 of 15 items answered" in text
        await pilot.press("down")
        assert isinstance(app.focused, NoteField)
        await pilot.press(*"[b]Data wall[/b]")
        await pilot.press("escape")  # left before the typing pause: saved all the same
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        assert stored(demo_db) == [("improvement-process-sets-goals", "S", "[b]Data wall[/b]")]

        await take(pilot, SLT)  # the same day: continued, with its answers
        assert "Continuing the one taken that day; its answers are kept." in notifications(app)
        assert app.screen.query_one(LevelChoice).value == "S"
        await pilot.press("down", *" by grade")  # added to the note, not replacing it
        await pilot.press("down", "delete")  # the next item: nothing to take back
        await pilot.press("up", "up", "delete")  # the first item's level taken back
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert stored(demo_db) == [
        ("improvement-process-sets-goals", None, "[b]Data wall[/b] by grade")
    ]
    with demo_db.read() as session:
        assert (
            len(
                session.exec(
                    select(EvaluationResponse).where(col(EvaluationResponse.meeting_id).is_(None))
                ).all()
            )
            == 1
        )


async def test_the_coherence_progression_shows_the_descriptor_being_chosen(
    demo_db: Database, pack: Pack
) -> None:
    item = pack.instruments[COHERENCE].sections[0].items[0]
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot)
        await take(pilot, COHERENCE)
        first = app.screen.query_one(LevelChoice)
        assert "Opportunity:" in screen_text(app)
        await pilot.press("right")  # nothing chosen yet: the first level
        await settle(pilot)
        assert "Emerging: " + " ".join(item.descriptors["emerging"].split())[:50] in said(app)
        await pilot.press("right")
        await settle(pilot)
        shown = said(app)
        assert "Accelerating: " + " ".join(item.descriptors["accelerating"].split())[:50] in shown
        assert "Emerging: " not in shown
        assert first.value == "accelerating"
    assert stored(demo_db) == [(item.id, "accelerating", "")]


async def test_a_day_to_come_is_refused_in_the_form(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot)
        await take(pilot, SLT, "tomorrow")
        assert errors(form_of(pilot))["date"].startswith(
            "A self-assessment is dated today or earlier, not Tue 24 Nov 2026"
        )
        fill(form_of(pilot), date="2026-11-02")
        await submit(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SelfAssessmentScreen)
        assert "Mon 2 Nov 2026" in said(app)


def two_assessments(db: Database, pack: Pack) -> None:
    """The indicators taken on 2 November and today: one item up, one the same."""
    answers = [
        (date(2026, 11, 2), {"goals-focus-on-learning": "B", "identifies-barriers": "P"}),
        (None, {"goals-focus-on-learning": "P", "identifies-barriers": "P"}),
    ]
    for day, levels in answers:
        opened = start_self_assessment(
            db, team_id=RIVERSIDE, instrument_id=SLT, pack=pack, now=FROZEN_NOW, tz=TZ, on=day
        )
        for item, level in levels.items():
            note = "[red]Minutes[/red]" if day else ""
            save_self_assessment_answer(
                db,
                assessment_id=opened.assessment_id,
                item_id=item,
                answer=Answer(level=level, text=note),
                pack=pack,
                now=FROZEN_NOW,
            )


async def test_compare_the_teams_assessments_side_by_side(demo_db: Database, pack: Pack) -> None:
    two_assessments(demo_db, pack)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SelfAssessmentCompareScreen)
        text = screen_text(app)
        assert "Site Leadership Team indicators" in text
        assert "2 Nov 2026" in text and "23 Nov 2026" in text
        assert "Since Mon 2 Nov 2026: 1 up, 1 the same, 13 not answered." in text
        table = screen.query_one(DataTable)
        table.move_cursor(row=2)  # set direction, its first item, the goals
        await settle(pilot)
        text = screen_text(app)
        assert "↑ up 1" in text and "= same" in text
        assert "Change: Beginning → Progressing, up 1 level" in text
        assert "2 Nov 2026: B Beginning — Evidence: [red]Minutes[/red]" in text
        await pilot.press("i")  # the next periodic instrument, not taken yet
        await settle(pilot)
        assert "not taken yet: s takes it" in said(app)
        await pilot.press("s")
        await settle(pilot)
        assert form_of(pilot).values()["instrument"] == screen.instrument_id


OWN_RUBRIC = """
id = "our-rubric"
name = "Our [b]rubric[/b]"
summary = "The school's own look at its teams, now and then."
use = "periodic"
item_note = "Next step"
source = { document = "guidebook", section = "Coherence Progression: From Thinking to Doing" }

[scale]
kind = "levels"

[[scale.levels]]
code = "new"
name = "Just started"

[[scale.levels]]
code = "firm"
name = "Firmly in place"

[[sections]]
id = "teams"
title = "Teams"

[[sections.items]]
id = "shared-goals"
text = "Every team shares the school's goals"

[sections.items.descriptors]
new = "Some teams know the goals."
firm = "Every team plans its work from the goals."
"""


async def test_a_schools_own_periodic_instrument_drives_the_screen(
    demo_db: Database, isolated_dirs: Path
) -> None:
    from tests.ui.test_library import app_with_user_content

    app = app_with_user_content(
        demo_db.target, isolated_dirs, {"instruments/our-rubric.toml": OWN_RUBRIC}
    )
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot)
        await take(pilot, "our-rubric")
        text = screen_text(app)
        assert "Our [b]rubric[/b]" in text and "Every team shares the school's goals" in text
        assert "1 Just started" in text and "Next step:" in text
        await pilot.press("2")
        await settle(pilot)
        assert "Firmly in place: Every team plans its work from the goals." in screen_text(app)
        await pilot.press("ctrl+o")  # compared with no code of its own either
        await settle(pilot)
        assert "One self-assessment so far, Mon 23 Nov 2026." in screen_text(app)
    assert stored(demo_db) == [("shared-goals", "firm", "")]
