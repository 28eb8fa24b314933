"""The facilitator enters the room's answers: chosen in the set-up, digits mark the
tally of each rated item, comments are typed and added with enter and taken back with
delete, each saved as it is given; escape leaves and the marks come back on resume;
ctrl+f finishes and the results count the room's answers. A team's usual instruments
are ticked the next time."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from facilitator.pack.loader import Pack
from facilitator.services.evaluation_minutes import evaluation_in_minutes
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.store.database import Database
from facilitator.ui.modals.evaluation_results import EvaluationResults
from facilitator.ui.screens.evaluation_room import EvaluationRoomScreen
from facilitator.ui.screens.evaluation_trends import TrendsScreen
from facilitator.ui.widgets.evaluation_tally import RoomComments, TallyItem
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, screen_text, settle
from tests.ui.test_evaluation_round import DECEMBER, ETA, end_december, evaluate_from_minutes


async def room_setup(pilot: Pilot[Any], **extra: bool) -> None:
    await evaluate_from_minutes(pilot)
    fill(form_of(pilot), mode="room", **{f"use-{ETA}": True}, **extra)
    await submit(pilot)
    await settle(pilot)


async def say(pilot: Pilot[Any], box: RoomComments, words: str) -> None:
    box.query_one(Input).focus()
    await pilot.press(*words, "enter")
    await settle(pilot)


async def test_the_room_answers_are_tallied_saved_and_resumed(
    demo_db: Database, pack: Pack
) -> None:
    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await room_setup(pilot, default=True)
        assert isinstance(app.screen, EvaluationRoomScreen)
        first = app.screen.query("TallyItem, RoomComments Input").first()
        assert app.focused is first  # the first question (the Team Assessment's first)
        plus, delta = app.screen.query(RoomComments)
        await say(pilot, plus, "We kept to time")
        await say(pilot, delta, "[b]Shorter[/b] reports")
        await say(pilot, delta, "Typo")
        listed = delta.query_one(OptionList)
        listed.focus()
        listed.highlighted = 1  # "Typo", the second
        await pilot.press("delete")
        await settle(pilot)
        goals = app.screen.query(TallyItem).first()
        goals.focus()
        await pilot.press("5", "5", "4", "6", "minus")  # the 6 taken back
        await pilot.press("right", "minus")  # no 7 to take back: it says so
        await settle(pilot)
        assert +goals.counts == {"5": 2, "4": 1}
        assert "There is nothing there to take back." in screen_text(app)
        text = screen_text(app)
        assert "[7]" in text and "3 answered" in text  # the cursor and the count in words
        assert "So far: 3 marks and 2 comments" in text
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("E")  # resumes with what the room said so far
        await settle(pilot)
        assert isinstance(app.screen, EvaluationRoomScreen)
        goals = app.screen.query(TallyItem).first()
        assert (goals.counts["5"], goals.counts["4"]) == (2, 1)
        assert "So far: 3 marks and 2 comments" in screen_text(app)
        delta = app.screen.query(RoomComments).last()
        delta.query_one(OptionList).focus()  # scrolled into view
        await settle(pilot)
        assert "[b]Shorter[/b] reports" in screen_text(app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, EvaluationResults)
        assert "In the minutes: yes" in screen_text(app)
        await pilot.press("pagedown")  # the results scroll while the deltas keep focus
        await settle(pilot)
        assert app.screen.query_one(VerticalScroll).scroll_y > 0
        await pilot.press("m")  # the facilitator leaves the results out of the minutes
        await settle(pilot)
        assert "In the minutes: no" in screen_text(app)
        assert evaluation_in_minutes(demo_db, meeting_id=DECEMBER) is False
        await pilot.press("t")  # the team's trends, with December's room answers in them
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert "Latest 2026-11-23: 4.7 (3 answered)" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EvaluationResults)

    results = {
        r.form.id: r for r in meeting_evaluation(demo_db, meeting_id=DECEMBER, pack=pack).results
    }
    first = results[ETA].items[0]
    assert (first.answered, first.skipped, first.median) == (3, 0, 5)
    assert sorted(c.text for c in results["plus-delta"].comments) == [
        "We kept to time",
        "[b]Shorter[/b] reports",
    ]


async def test_the_teams_usual_instruments_are_ticked_next_time(
    demo_db: Database, pack: Pack
) -> None:
    end_december(demo_db)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await room_setup(pilot, default=True)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("n")  # the results: set up another evaluation
        await settle(pilot)
        values = form_of(pilot).values()
        assert values[f"use-{ETA}"] is True and values["use-plus-delta"] is True
        assert values["use-norms-inventory"] is False
