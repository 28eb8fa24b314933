"""Pass the laptop from the minutes screen: E sets up the evaluation (plus/delta and the
Effective Team Assessment), three members answer in turn on a clean form, each answer
saved as it is given; anonymous responses keep no member; escape leaves and the round
resumes; ctrl+f finishes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import col, select
from textual.pilot import Pilot
from textual.widgets import OptionList

from facilitator.domain.enums import AttendanceStatus
from facilitator.pack.loader import Pack
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.store.database import Database
from facilitator.store.tables import Attendance, EvaluationResponse, Meeting, ParkingLotItem
from facilitator.ui.modals.evaluation_results import EvaluationResults
from facilitator.ui.screens.evaluation_round import EvaluationRoundScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.widgets.evaluation_items import CommentItem, RatedItem
from tests.conftest import FROZEN_NOW
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle

DECEMBER = 2
ETA = "effective-team-assessment"


def end_december(db: Database) -> None:
    """December ended, three members marked present."""
    with db.write(now=FROZEN_NOW) as session:
        meeting = session.get(Meeting, DECEMBER)
        assert meeting is not None
        meeting.started_at, meeting.ended_at = FROZEN_NOW, FROZEN_NOW
        rows = session.exec(
            select(Attendance)
            .where(Attendance.meeting_id == DECEMBER, col(Attendance.member_id).is_not(None))
            .order_by(col(Attendance.member_id))
        ).all()
        for index, row in enumerate(rows):
            row.status = AttendanceStatus.PRESENT if index < 3 else AttendanceStatus.ABSENT


async def evaluate_from_minutes(pilot: Pilot[Any]) -> None:
    """The December minutes, then E."""
    await settle(pilot)
    pilot.app.push_screen(MinutesScreen(DECEMBER))
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)


async def answer_turn(pilot: Pilot[Any], score: int, delta: str) -> str:
    """Enter on the next member, a delta and every team item rated `score`; the screen
    as the member saw it first; ctrl+n."""
    await pilot.press("enter")
    await settle(pilot)
    # Regression (found in tmux): the turn began on its scrolling box, not a question.
    assert isinstance(pilot.app.focused, (RatedItem, CommentItem))
    seen = screen_text(pilot.app)
    screen = pilot.app.screen
    comments = list(screen.query(CommentItem))
    comments[1].value = delta  # plus, delta: the delta
    for rated in screen.query(RatedItem):
        rated.focus()
        await pilot.press(str(score))  # a digit chooses that rating
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    return seen


async def test_a_round_of_three_from_the_minutes_screen(demo_db: Database, pack: Pack) -> None:
    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await evaluate_from_minutes(pilot)
        form = form_of(pilot)
        assert form.values()["use-plus-delta"] is True
        fill(form, **{f"use-{ETA}": True})
        await submit(pilot)
        await settle(pilot)
        assert isinstance(app.screen, EvaluationRoundScreen)
        assert "0 of 3 have answered · anonymous" in screen_text(app)

        await answer_turn(pilot, 3, "Start on time")
        # Leaving and coming back resumes the round where it stopped.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(app.screen, EvaluationRoundScreen)
        assert "1 of 3 has answered" in screen_text(app)
        second = await answer_turn(pilot, 5, "[bold]Fewer[/bold] reports")
        assert "Start on time" not in second  # nothing of earlier answers shows
        await answer_turn(pilot, 6, "More data")
        assert "3 of 3 have answered" in screen_text(app)
        assert app.screen.query_one("#waiting", OptionList).display is False
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, EvaluationResults)
        await pilot.press("p")  # the highlighted delta to the team's parking lot
        await settle(pilot)
        assert "On the team's parking lot." in notifications(app)
        await pilot.press("g")  # no later meeting is planned: set aside for the next one
        await settle(pilot)
        assert any("Set aside for the team's next meeting" in n for n in notifications(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press("E")  # evaluated: E shows the results again
        await settle(pilot)
        assert isinstance(app.screen, EvaluationResults)

    with demo_db.read() as session:
        stored = session.exec(
            select(EvaluationResponse).where(EvaluationResponse.meeting_id == DECEMBER)
        ).all()
    assert len(stored) == 6 and {r.respondent_member_id for r in stored} == {None}
    results = meeting_evaluation(demo_db, meeting_id=DECEMBER, pack=pack).results
    team = next(r for r in results if r.form.id == ETA)
    assert all((i.median, i.answered) == (5, 3) for i in team.items)
    plus_delta = next(r for r in results if r.form.id == "plus-delta")
    deltas = sorted(c.text for c in plus_delta.comments)
    assert deltas == ["More data", "Start on time", "[bold]Fewer[/bold] reports"]
    with demo_db.read() as session:
        parked = session.exec(select(ParkingLotItem.text, ParkingLotItem.meeting_id)).all()
    assert [(text, meeting) for text, meeting in parked if text in deltas] != []
    assert all(meeting is None for text, meeting in parked if text in deltas)


async def test_a_turn_left_midway_resumes_with_its_answers(demo_db: Database, pack: Pack) -> None:
    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await evaluate_from_minutes(pilot)
        await submit(pilot)  # plus/delta only
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        comments = list(app.screen.query(CommentItem))
        comments[0].focus()
        await pilot.press(*"Kept to time")
        await pilot.press("escape")  # left before the typing pause: saved all the same
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(app.screen, EvaluationRoundScreen)
        assert [c.value for c in app.screen.query(CommentItem)] == ["Kept to time", ""]
        assert "Maria Alvarez's turn" in screen_text(app)


OWN_INSTRUMENT = """
id = "our-check"
name = "Our [b]check[/b]"
summary = "The school's own three questions after a meeting."
use = "meeting"
source = { document = "guidebook", section = "Meetings That Work" }

[scale]
kind = "rating"
min = 1
max = 5

[[sections]]
id = "ours"
title = "Ours"

[[sections.items]]
id = "clear-outcomes"
text = "We left with clear outcomes"
low = "Unclear"
high = "Clear"
"""


async def test_a_schools_own_instrument_drives_the_round(
    demo_db: Database, pack: Pack, isolated_dirs: Path
) -> None:
    """An instrument in the user's content directory is offered and drawn, and its
    answers are counted, with no code of its own."""
    from facilitator.pack.locate import load_default_pack
    from tests.ui.test_library import app_with_user_content

    end_december(demo_db)
    app = app_with_user_content(
        demo_db.target, isolated_dirs, {"instruments/our-check.toml": OWN_INSTRUMENT}
    )
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await evaluate_from_minutes(pilot)
        fill(form_of(pilot), **{"use-our-check": True, "use-plus-delta": False})
        await submit(pilot)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Our [b]check[/b]" in screen_text(app)
        assert "1: Unclear  5: Clear" in screen_text(app)
        rated = app.screen.query_one(RatedItem)
        rated.focus()
        await pilot.press("4", "ctrl+n")
        await settle(pilot)
    results = meeting_evaluation(demo_db, meeting_id=DECEMBER, pack=load_default_pack()).results
    assert [(r.form.name, r.items[0].median) for r in results] == [("Our [b]check[/b]", 4)]


async def test_closure_offers_the_evaluation(demo_db: Database, pack: Pack) -> None:
    """E on the closure screen sets up an evaluation of the meeting just ended."""
    from tests.ui.live_helpers import HandClock, live_app, live_settle

    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("space")
        await live_settle(pilot)
        await pilot.press("x", "y")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert form_of(pilot).form_title == "Evaluate this meeting"


async def test_home_evaluates_the_highlighted_meeting(demo_db: Database, pack: Pack) -> None:
    """E on home: the November meeting (evaluated) shows its results; December, still
    to come, is not evaluated yet and says so."""
    from facilitator.ui.widgets.meeting_list import MeetingList

    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(MeetingList)
        listed.focus()
        for meeting_id, expect in ((DECEMBER, None), (1, EvaluationResults)):
            listed.highlighted = next(
                i
                for i in range(listed.option_count)
                if listed.get_option_at_index(i).id == str(meeting_id)
            )
            await pilot.press("E")
            await settle(pilot)
            if expect is None:
                assert "A meeting is evaluated once it has ended." in notifications(app)
            else:
                assert isinstance(app.screen, expect)


async def test_a_turn_refused_is_said_not_a_traceback(demo_db: Database, pack: Pack) -> None:
    """A member whose turn another window has already recorded: enter says so in a
    sentence and the form does not open."""
    from facilitator.services.evaluations import end_turn, unfinished_evaluation

    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await evaluate_from_minutes(pilot)
        await submit(pilot)
        await settle(pilot)
        evaluation = unfinished_evaluation(demo_db, meeting_id=DECEMBER)
        assert evaluation is not None
        first = int(app.screen.query_one("#waiting", OptionList).options[0].id or 0)
        end_turn(demo_db, evaluation_id=evaluation, member_id=first, skipped=True, now=FROZEN_NOW)
        await pilot.press("enter")
        await settle(pilot)
        assert "That member has had their turn." in screen_text(app)
        assert not app.screen.query(CommentItem)


async def test_a_digit_answers_and_moves_on_to_the_next_question(
    demo_db: Database, pack: Pack
) -> None:
    """Found in tmux: after a digit the member had to press tab before the next one."""
    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await evaluate_from_minutes(pilot)
        fill(form_of(pilot), **{f"use-{ETA}": True})
        await submit(pilot)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first, second, third = list(app.screen.query(RatedItem))[:3]
        assert app.focused is first
        await pilot.press("5", "6", "2")
        await settle(pilot)
        assert [item.pressed_index for item in (first, second, third)] == [4, 5, 1]
