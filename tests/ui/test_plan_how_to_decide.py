"""Planning how a decision item will be decided: the agenda item form's ctrl+r asks "How
should we decide?" and the method taken fills "How it will be decided"; the agenda table
shows the planned method beside the item's process."""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.advised_form import AdvisedForm
from facilitator.ui.modals.how_to_decide import HowToDecideModal
from facilitator.ui.widgets.agenda_table import AgendaTable
from tests.conftest import FROZEN_NOW
from tests.ui.forms import fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, settle
from tests.ui.live_helpers import HandClock, live_app, live_settle
from tests.ui.test_planning import DECEMBER, open_plan

BUDGET = "Classroom library budget"  # the demo's decision item, no method planned yet


def budget_item(db: Database) -> AgendaItem:
    with db.read() as session:
        return session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == DECEMBER, AgendaItem.title == BUDGET)
        ).one()


def process_cell(table: AgendaTable, item_id: int) -> str:
    return str(table.get_cell(str(item_id), "process"))


async def edit_budget(app: FacilitatorApp, pilot: Pilot[Any], item_id: int) -> AgendaTable:
    """On the December plan: the budget item highlighted and its form open."""
    screen = await open_plan(app, pilot)
    table = screen.query_one(AgendaTable)
    table.move_cursor(row=table.get_row_index(str(item_id)))
    await pilot.press("enter")
    await settle(pilot)
    return table


async def test_ctrl_r_in_the_item_form_fills_the_method_and_saves_it(
    demo_db: Database, pack: Pack
) -> None:
    item_id = budget_item(demo_db).id
    assert item_id is not None
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        table = await edit_budget(app, pilot, item_id)
        assert form_of(pilot).values()["method"] == ""
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, HowToDecideModal)
        # "Has the group split into opposing camps?" → yes: a compromise.
        await pilot.press("down", "down", "down", "right", "ctrl+s")
        await settle(pilot)
        form = form_of(pilot)
        assert isinstance(form, AdvisedForm)
        assert form.values()["method"] == "compromise"
        await submit(pilot)
        assert process_cell(table, item_id) == "Consensus · by Compromise"
    planned = budget_item(demo_db)
    assert (planned.decision_method, planned.continuum_point) == ("compromise", 4)
    assert planned.decision_reason.startswith("Positions are polarised")


async def test_the_planned_reason_reaches_the_live_decision_and_its_minutes(
    demo_db: Database, pack: Pack
) -> None:
    """Regression, found trying the demo: a method planned through "How should we
    decide?" reached the live decision, but its continuum point and reason did not, so
    the minutes said nothing of why that method."""
    with demo_db.write(now=FROZEN_NOW) as session:
        item = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == DECEMBER, AgendaItem.title == BUDGET)
        ).one()
        item.decision_method, item.continuum_point = "majority", 4
        item.decision_reason = "A quick decision is critical."
        first = item.position
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        for _ in range(first):
            await pilot.press("n")
            await live_settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        values = form_of(pilot).values()
        assert (values["method"], values["continuum"]) == ("majority", "4")
        assert values["reason"] == "A quick decision is critical."
        fill(form_of(pilot), method="consensus")  # another method: no reason of its own
        assert (form_of(pilot).values()["continuum"], form_of(pilot).values()["reason"]) == (
            "",
            "",
        )


async def test_an_edit_keeps_the_planned_reason(demo_db: Database, pack: Pack) -> None:
    with demo_db.write(now=FROZEN_NOW) as session:
        item = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == DECEMBER, AgendaItem.title == BUDGET)
        ).one()
        item.decision_method, item.continuum_point = "majority", 4
        item.decision_reason = "A quick decision is critical."
        item_id = item.id
    assert item_id is not None
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await edit_budget(app, pilot, item_id)
        fill(form_of(pilot), goal="Split the budget before orders close")
        await submit(pilot)
    planned = budget_item(demo_db)
    assert (planned.continuum_point, planned.decision_reason) == (
        4,
        "A quick decision is critical.",
    )


async def test_leaving_how_to_decide_keeps_the_method_chosen(demo_db: Database, pack: Pack) -> None:
    item_id = budget_item(demo_db).id
    assert item_id is not None
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await edit_budget(app, pilot, item_id)
        fill(form_of(pilot), method="majority")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert form_of(pilot).values()["method"] == "majority"


async def test_the_agenda_table_shows_the_planned_method(demo_db: Database, pack: Pack) -> None:
    with demo_db.write(now=FROZEN_NOW) as session:
        items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == DECEMBER)).all()
        by_title = {item.title: item for item in items}
        by_title[BUDGET].decision_method = "multi_vote"
        by_title["Peer observations in PLC time"].decision_method = "one_person"
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_plan(app, pilot)
        table = screen.query_one(AgendaTable)
        shown = {title: process_cell(table, item.id or 0) for title, item in by_title.items()}
    assert shown[BUDGET] == "Consensus · by Multi-voting"
    assert shown["Peer observations in PLC time"] == "by One person decides"
    assert shown["Review of action items"] == ""
