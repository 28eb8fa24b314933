"""The "How should we decide?" form: answers change with ←→, the recommendation follows,
ctrl+s takes it and ctrl+r the runner-up."""

from __future__ import annotations

from typing import Any

from facilitator.pack.deciding import decision_questions, decision_rules
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.modals.how_to_decide import HowToDecideModal
from tests.ui.helpers import SIZE, make_app, screen_text


async def ask(db: Database, pack: Pack, keys: list[str]) -> tuple[list[Any], str]:
    taken: list[Any] = []
    names = {entry.method.value: entry.name for entry in pack.decision_methods.values()}
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
