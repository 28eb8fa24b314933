"""The "How should we decide?" form: answers change with ←→, the recommendation follows,
ctrl+s takes it and ctrl+r the runner-up."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from textual import events
from textual.pilot import Pilot

from facilitator.pack.deciding import decision_questions, decision_rules, method_names
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem, Decision
from facilitator.ui.modals.decision_form import DecisionForm
from facilitator.ui.modals.form import FormModal
from facilitator.ui.modals.how_to_decide import DecisionAnswers, HowToDecideModal
from tests.conftest import FROZEN_NOW
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, screen_text
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_settle


async def ask(db: Database, pack: Pack, keys: list[str]) -> tuple[list[Any], str]:
    taken: list[Any] = []
    names = method_names(pack)
    form = HowToDecideModal(
        decision_questions(pack), decision_rules(pack), names, lambda values: values
    )
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.push_screen(form, taken.append)
        await pilot.pause()
        shown = screen_text(app)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if not taken:
            shown = screen_text(app)
        await pilot.pause()
        for _ in range(20):
            if taken:
                break
            await pilot.pause(0.05)
    return taken, shown


async def test_the_defaults_recommend_consensus(db: Database, pack: Pack) -> None:
    taken, shown = await ask(db, pack, ["ctrl+s"])
    assert "How much is at stake?" in shown
    assert "Recommended: Consensus" in shown
    assert taken == [
        {
            "method": "consensus",
            "continuum": "4",
            "reason": "Carrying it out takes everyone's ownership and cooperation: "
            "consensus builds that buy-in.",
        }
    ]


async def test_polarised_positions_recommend_a_compromise(db: Database, pack: Pack) -> None:
    # down to "Has the group split into opposing camps?", then → to "Yes".
    taken, _ = await ask(db, pack, ["down", "down", "down", "right", "ctrl+s"])
    assert taken[0]["method"] == "compromise"
    assert taken[0]["reason"].startswith("Positions are polarised")


async def test_ctrl_r_takes_the_runner_up(db: Database, pack: Pack) -> None:
    taken, _ = await ask(db, pack, ["ctrl+r"])
    assert taken[0]["method"] == "majority"
    assert taken[0]["reason"].startswith("Nothing here calls for a slower method")


async def test_the_recommendation_follows_each_answer(db: Database, pack: Pack) -> None:
    # importance ← from "some" to "trivial": little at stake, with time: unanimous.
    taken, shown = await ask(db, pack, ["left"])
    assert "Recommended: Unanimous" in shown
    assert "Runner-up (ctrl+r): Consensus" in shown
    assert taken == []


async def test_escape_takes_nothing(db: Database, pack: Pack) -> None:
    taken, _ = await ask(db, pack, ["right", "escape"])
    assert taken == [None]


async def advised_form(pilot: Pilot[Any], *keys: str) -> FormModal[object]:
    """On the live screen: d, then ctrl+r and `keys` in "How should we decide?"; the
    decision form it returns to."""
    await live_settle(pilot)
    await pilot.press("d")
    await pilot.pause()
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HowToDecideModal)
    await pilot.press(*keys)
    for _ in range(20):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, DecisionForm):
            break
    return form_of(pilot)


async def test_ctrl_r_in_the_live_decision_form_fills_the_method(
    demo_db: Database, pack: Pack
) -> None:
    """From the live screen: d, ctrl+r, the group is polarised, take the recommendation:
    the form's method is Compromise, and the decision keeps the continuum point and the
    reason with it."""
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        form = await advised_form(pilot, "down", "down", "down", "right", "ctrl+s")
        assert form.values()["method"] == "compromise"
        fill(form, question="Library budget", outcome="Half now, half in spring")
        await submit(pilot)
        await live_settle(pilot)
        assert "Decision saved." in notifications(app)
    with demo_db.read() as session:
        decision = session.exec(select(Decision).where(Decision.meeting_id == DECEMBER)).one()
    assert (decision.method, decision.continuum_point) == ("compromise", 4)
    assert decision.method_reason.startswith("Positions are polarised")


async def test_a_method_changed_after_the_advice_drops_its_reason(
    demo_db: Database, pack: Pack
) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        form = await advised_form(pilot, "ctrl+s")  # consensus, by default
        assert form.values()["reason"]
        fill(form, method="majority")
        assert (form.values()["continuum"], form.values()["reason"]) == ("", "")


async def test_a_burst_of_keys_moves_before_it_answers(db: Database, pack: Pack) -> None:
    """Regression, found in tmux: ↓↓↓→ sent together (as a terminal passes keys typed
    quickly) changed the first question's answer, the moves coming after the →."""
    names = method_names(pack)
    form = HowToDecideModal(decision_questions(pack), decision_rules(pack), names, dict)
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.push_screen(form)
        await pilot.pause()
        for key in ("down", "down", "down", "right"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        await pilot.pause()
        answers = form.query_one(DecisionAnswers).answers
    assert (answers["importance"], answers["polarised"]) == ("some", "yes")


async def test_a_method_planned_on_the_item_fills_the_live_decision_form(
    demo_db: Database, pack: Pack
) -> None:
    """A decision item planned with a method shows that method live (before the one its
    process would suggest)."""
    with demo_db.write(now=FROZEN_NOW) as session:
        first = session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == DECEMBER)
            .order_by(col(AgendaItem.position))
        ).first()
        assert first is not None
        first.decision_method = "multi_vote"
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert form_of(pilot).values()["method"] == "multi_vote"
