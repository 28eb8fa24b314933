"""The decision screen from the live screen: d captures the decision and its method,
then the screen records it by that method (a roll call, dots, positions, who decides)
and counts it as it is typed; ctrl+s saves; v opens it again."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from textual import events
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, Static

from facilitator.domain.decision_count import count_decision
from facilitator.domain.minutes import DecisionLine
from facilitator.pack.loader import Pack
from facilitator.services.deciding import decision_sheet
from facilitator.store.database import Database
from facilitator.store.tables import Decision
from facilitator.ui.modals.decision_record import DecisionRecord
from facilitator.ui.widgets.dot_grid import DotGrid
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, screen_text
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_settle


async def record(pilot: Pilot[Any], method: str) -> DecisionRecord:
    """d, a question and `method`, ctrl+s: the decision screen that follows."""
    await live_settle(pilot)
    await pilot.press("d")
    await pilot.pause()
    fill(form_of(pilot), question="Move walkthroughs to Tuesdays?", method=method)
    await submit(pilot)
    for _ in range(20):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, DecisionRecord):
            break
    screen = pilot.app.screen
    assert isinstance(screen, DecisionRecord), screen
    return screen


def typed(screen: DecisionRecord, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}", Input).value = value


async def save(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await live_settle(pilot)


def saved(db: Database, pack: Pack) -> DecisionLine:
    with db.read() as session:
        decision_id = session.exec(
            select(Decision.id).where(Decision.meeting_id == DECEMBER).order_by(col(Decision.id))
        ).all()[-1]
    assert decision_id is not None
    return decision_sheet(db, decision_id=decision_id, pack=pack).line


def result(line: DecisionLine) -> str:
    tally = count_decision(line)
    assert tally is not None
    return tally.summary


async def test_a_majority_vote_is_counted_as_the_roll_is_called(
    demo_db: Database, pack: Pack
) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "majority")
        await pilot.press(*"yyyyynnn")
        await pilot.pause()
        typed(screen, quorum="6", outcome="They stay on Mondays")
        await pilot.pause()
        shown = screen_text(app)
        assert "Carried: 5 of 8 votes cast were yes, more than half needed" in shown
        await save(pilot)
        assert not isinstance(app.screen, DecisionRecord)
    line = saved(demo_db, pack)
    assert (
        result(line) == "Carried: 5 of 8 votes cast were yes, more than half needed (5 yes, 3 no)."
    )
    assert (line.quorum, line.outcome, line.status) == (6, "They stay on Mondays", "decided")


async def test_a_quorum_larger_than_the_team_is_refused_beside_it(
    demo_db: Database, pack: Pack
) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "majority")
        typed(screen, quorum="40")
        await save(pilot)
        assert app.screen is screen
        shown = screen.query_one("#error-quorum", Static)
        assert shown.has_class("-shown")
        assert str(shown.render()) == "The quorum cannot be more than the team's 8 members."
    assert saved(demo_db, pack).method == "majority"  # as captured; nothing else saved
    assert saved(demo_db, pack).quorum is None


async def test_a_consensus_with_a_block_keeps_its_reason(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "consensus")
        await pilot.press("s", "s", "l", "b")
        await pilot.press("up")
        await pilot.pause()
        typed(screen, reason="[bold]Grade 2[/bold] loses its slot")
        await pilot.pause()
        assert "No consensus: " in screen_text(app)
        await save(pilot)
    line = saved(demo_db, pack)
    assert result(line).startswith("No consensus: ")
    blocks = [v for v in line.votes if v.choice == "block"]
    assert [v.note for v in blocks] == ["[bold]Grade 2[/bold] loses its slot"]


async def test_a_unanimous_roll_call_with_every_yes(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await record(pilot, "unanimous")
        await pilot.press(*"yyyyyyyy")
        await save(pilot)
    assert result(saved(demo_db, pack)) == "Unanimous: all 8 present agreed."


async def test_a_multi_vote_by_dots_with_a_tie(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "multi_vote")
        screen.query_one("#options").load_text("Reading\nWriting\nMaths")  # type: ignore[attr-defined]
        await pilot.pause()
        grid = screen.query_one(DotGrid)
        grid.focus()
        await pilot.press("right", "1", "down", "right", "1")
        await pilot.press("up", "space")
        await pilot.pause()
        await save(pilot)
    line = saved(demo_db, pack)
    assert line.dot_budget == 1
    assert result(line) == (
        "Reading and Writing tied at 1 dot each; Maths: 0 dots. Chosen: Reading."
    )


async def test_a_compromise_with_what_each_side_gives(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "compromise")
        typed(
            screen,
            **{
                "position-0": "Weekly",
                "gives-0": "No Fridays",
                "position-1": "Monthly",
                "gives-1": "Two a month",
                "outcome": "Fortnightly",
            },
        )
        await save(pilot)
    line = saved(demo_db, pack)
    assert [(o.text, o.gives) for o in line.options] == [
        ("Weekly", "No Fridays"),
        ("Monthly", "Two a month"),
    ]
    assert result(line) == "A middle agreed between 2 positions."


async def test_one_person_decides_after_consulting_two(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "one_person")
        people = screen.sheet.present
        screen.query_one("#decider").value = str(people[0].member_id)  # type: ignore[attr-defined]
        screen.query_one("#continuum").value = "3"  # type: ignore[attr-defined]
        screen.query_one("#roll").focus()
        await pilot.press("down", "c", "down", "space")
        typed(screen, outcome="Tuesdays from January", review="2027-03-01")
        await save(pilot)
    line = saved(demo_db, pack)
    assert result(line) == (
        f"{people[0].name} decides, after consulting {people[1].name} and {people[2].name} "
        "(My decision: consult)."
    )
    assert str(line.review_on) == "2027-03-01"


async def test_v_opens_the_latest_decision_again(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await record(pilot, "unanimous")
        await pilot.press("y", "n")
        await save(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRecord)
        assert "Not unanimous" in screen_text(app)


async def test_a_review_date_that_is_not_a_date_is_refused(demo_db: Database, pack: Pack) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "unanimous")
        typed(screen, review="someday")
        await save(pilot)
        assert app.screen is screen
        assert screen.query_one("#error-review").has_class("-shown")


async def test_a_burst_of_keys_in_the_dot_grid_keeps_its_order(
    demo_db: Database, pack: Pack
) -> None:
    """Regression, found in tmux: "3 ↓ 3" sent together (as a terminal passes quick
    typing) set the first cell twice, the move coming after both digits."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "multi_vote")
        screen.query_one("#options").load_text("Reading\nWriting\nMaths")  # type: ignore[attr-defined]
        await pilot.pause()
        grid = screen.query_one(DotGrid)
        grid.focus()
        await pilot.press("right")
        for key, character in (("3", "3"), ("down", None), ("2", "2")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        member = screen.sheet.present[0].member_id
        assert member is not None
        assert grid.dots[member] == {0: 3, 1: 2}


async def test_a_secret_ballot_is_counted_from_its_counts(demo_db: Database, pack: Pack) -> None:
    """Ticking the secret ballot hides the roll call and asks for the counts; the
    percentage is asked for only when the threshold is one."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await record(pilot, "majority")
        assert not screen.query_one("#ballot").display and not screen.query_one("#percent").display
        screen.query_one("#secret", Checkbox).value = True
        screen.query_one("#threshold", Select).value = "percent"
        await pilot.pause()
        assert screen.query_one("#ballot").display and not screen.query_one("#roll").display
        typed(screen, **{"ballot-yes": "4", "ballot-no": "2", "ballot-abstain": "1"})
        typed(screen, percent="60")
        await pilot.pause()
        assert "Carried: 4 of 6 votes cast were yes, 60% needed" in screen_text(app)
        await save(pilot)
    line = saved(demo_db, pack)
    assert (line.ballot, line.votes, line.threshold_percent) == ((4, 2, 1), (), 60)
