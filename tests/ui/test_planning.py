"""Planning a meeting: new meeting from a template, agenda editing, roles, attendance,
carry-forward, and every bad input the forms meet."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem, Attendance, CarryForward, Meeting
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.form import ConfirmModal, FormModal
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.widgets.agenda_table import AgendaTable
from facilitator.ui.widgets.plan_heading import PlanWarnings
from facilitator.ui.widgets.plan_side import AttendanceList, RolesList
from tests.ui.forms import errors, fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, notifications, settle

DECEMBER = 2  # the demo's planned leadership meeting


async def open_plan(
    app: FacilitatorApp, pilot: Pilot[Any], meeting_id: int = DECEMBER
) -> PlanScreen:
    await settle(pilot)
    app.open_meeting(meeting_id)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    return screen


def titles(screen: PlanScreen) -> list[str]:
    assert screen.plan is not None
    return [line.title for line in screen.plan.agenda]


def items_in(db: Database, meeting_id: int) -> list[tuple[int, str, int]]:
    with db.read() as session:
        rows = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))
        return sorted((i.position, i.title, i.planned_minutes) for i in rows)


async def test_plan_a_meeting_from_the_leadership_template(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = form_of(pilot)
        fill(
            form,
            team="1",
            start="template:leadership-team",
            title="January leadership team meeting",
            date="2027-01-11",
            time="3:30 pm",
            minutes="60",
            location="Library",
            purpose="Review mid-year data",
            goals="Agree priorities\nPlan the spring",
        )
        await submit(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        template = pack.agenda_templates["leadership-team"]
        assert titles(screen) == [item.title for item in template.items]
        assert screen.plan is not None and screen.plan.agenda_minutes == 60
        assert screen.query_one(AgendaTable).border_title == "Agenda · 60 of 60 min"
        roles = [(r.role, r.holder) for r in screen.plan.roles]
        assert roles == [
            ("chair", None),
            ("facilitator", None),
            ("recorder", None),
            ("timekeeper", None),
        ]
        warnings = screen.query_one(PlanWarnings).text
        assert "No one holds these roles yet: team leader / chair, facilitator," in warnings
        assert len(screen.plan.attendees) == 8  # every member expected
    with demo_db.read() as session:
        meeting = session.exec(
            select(Meeting).where(Meeting.title == "January leadership team meeting")
        ).one()
        assert (meeting.location, meeting.planned_minutes) == ("Library", 60)
        assert meeting.scheduled_start.hour == 15 and meeting.scheduled_start.minute == 30


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"title": "   "}, "title", "Give the meeting a title."),
        ({"date": "2027-02-30"}, "date", "There is no 30 February 2027."),
        ({"date": "someday"}, "date", '"someday" is not a date'),
        ({"time": "25:00"}, "time", '"25:00" is not a time of day'),
        ({"minutes": "abc"}, "minutes", '"abc" is not a number of minutes'),
        ({"minutes": "0"}, "minutes", "Use at least 5 minutes."),
        ({"minutes": "10000"}, "minutes", "10000 minutes is more than 10 hours"),
    ],
)
async def test_bad_meeting_details_are_refused_inline(
    demo_db: Database, pack: Pack, values: dict[str, str], field: str, message: str
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, **{"team": "1", "title": "A meeting", **values})
        await submit(pilot)
        assert app.screen is form
        assert message in errors(form)[field]
    with demo_db.read() as session:
        assert len(session.exec(select(Meeting)).all()) == 5  # nothing saved


async def test_a_past_date_is_allowed_and_named(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        fill(form_of(pilot), team="1", title="October meeting", date="2026-10-05")
        await submit(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert "That date has passed" in notifications(app)[-1]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"minutes": "abc"}, "minutes", '"abc" is not a number of minutes'),
        ({"minutes": "-5"}, "minutes", "Minutes cannot be negative"),
        ({"minutes": "0"}, "minutes", "Use at least 1 minute."),
        ({"minutes": "10000"}, "minutes", "more than 10 hours"),
        ({"title": ""}, "title", "Give the item a title."),
        ({"presenter": "Ana Nobody"}, "presenter", "Ana Nobody is not on the team"),
    ],
)
async def test_bad_agenda_items_are_refused_inline(
    demo_db: Database, pack: Pack, values: dict[str, str], field: str, message: str
) -> None:
    app = make_app(demo_db.target, pack)
    before = items_in(demo_db, DECEMBER)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_plan(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, **{"title": "Budget review", "minutes": "10", **values})
        await submit(pilot)
        assert app.screen is form
        assert message in errors(form)[field]
    assert items_in(demo_db, DECEMBER) == before


async def test_add_edit_move_duplicate_and_delete_items(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_plan(app, pilot)
        # Add after the first item, with a guest presenter.
        await pilot.press("a")
        await settle(pilot)
        fill(
            form_of(pilot),
            title="Budget review",
            minutes="10",
            presenter="Sam Ortiz",
            guest=True,
            kind="decision",
            goal="Choose two priorities",
        )
        await submit(pilot)
        assert titles(screen)[:3] == [
            "Welcome, purpose and norms",
            "Budget review",
            "Review of action items",
        ]
        assert screen.query_one(AgendaTable).selected_item_id() == screen.plan.agenda[1].id  # type: ignore[union-attr]
        assert "70 of 60 min · 10 min OVER" in str(screen.query_one(AgendaTable).border_title)
        assert "The agenda runs 10 min over" in (screen.query_one(PlanWarnings).text)
        # Move it down twice, then up once.
        await pilot.press("ctrl+down", "ctrl+down")
        await settle(pilot)
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert titles(screen)[1:4] == [
            "Review of action items",
            "Budget review",
            "November walkthrough data",
        ]
        # Edit it back to fit the hour.
        await pilot.press("enter")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, minutes="5")
        await submit(pilot)
        assert screen.plan is not None and screen.plan.agenda[2].minutes == 5
        # Duplicate, then delete the copy (after confirming).
        await pilot.press("d")
        await settle(pilot)
        assert titles(screen).count("Budget review") == 2
        assert screen.query_one(AgendaTable).cursor_row == 3  # on the copy
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")
        await settle(pilot)
        assert titles(screen).count("Budget review") == 1
        # The cursor stays in place: on the item that followed the deleted copy.
        table = screen.query_one(AgendaTable)
        assert table.cursor_row == 3
        assert table.selected_item_id() == screen.plan.agenda[3].id
    assert [title for _, title, _ in items_in(demo_db, DECEMBER)][2] == "Budget review"


async def test_roles_warn_when_one_person_is_chair_and_facilitator(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_plan(app, pilot)
        roles = screen.query_one(RolesList)
        roles.focus()
        roles.highlighted = 1  # facilitator
        await pilot.press("enter")
        await settle(pilot)
        form = form_of(pilot)
        assert pack.roles["facilitator"].focus in str(form.query_one(".form-help", Static).visual)
        fill(form, holder="maria alvarez")
        await submit(pilot)
        assert screen.plan is not None
        assert screen.plan.roles[1].holder is not None
        assert screen.plan.roles[1].holder.name == "Maria Alvarez"
        assert "Maria Alvarez is both chair and facilitator" in (
            screen.query_one(PlanWarnings).text
        )
        # A name that is not on the team is refused unless marked as a guest.
        await pilot.press("enter")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, holder="Pat Visitor")
        await submit(pilot)
        assert "Pat Visitor is not on the team" in errors(form)["holder"]
        fill(form, guest=True)
        await submit(pilot)
        assert not isinstance(app.screen, FormModal)
        assert screen.plan.roles[1].holder is not None and screen.plan.roles[1].holder.is_guest


async def test_save_waits_for_the_keys_typed_before_it(demo_db: Database, pack: Pack) -> None:
    """Keys arrive from the terminal in one burst: ctrl+s must see the name the
    completion (→) filled in, not the letters typed before it."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_plan(app, pilot)
        roles = screen.query_one(RolesList)
        roles.focus()
        roles.highlighted = 3  # timekeeper
        await pilot.press("enter")
        await settle(pilot)
        form_of(pilot).query_one("#field-holder", Input).value = ""
        for key in [*"Pri", "right", "ctrl+s"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
        assert screen.plan is not None and screen.plan.roles[3].holder is not None
        assert screen.plan.roles[3].holder.name == "Priya Raman"


async def test_attendance_ticks_members_and_adds_guests(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        screen = await open_plan(app, pilot)
        attendance = screen.query_one(AttendanceList)
        attendance.focus()
        attendance.highlighted = 1  # Daniel Okafor
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        fill(form_of(pilot), guest="Pat Visitor")
        await submit(pilot)
        assert screen.plan is not None
        names = [a.person.name for a in screen.plan.attendees]
        assert "Daniel Okafor" not in names and "Pat Visitor" in names
    with demo_db.read() as session:
        rows = session.exec(select(Attendance).where(Attendance.meeting_id == DECEMBER)).all()
        assert any(row.guest_name == "Pat Visitor" for row in rows)


async def test_carry_forward_onto_a_new_meeting(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        fill(form_of(pilot), team="1", title="January meeting", date="2027-01-11")
        await submit(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await pilot.press("c")
        await settle(pilot)
        listing = app.screen.query_one("#candidates", SelectionList)
        values = [str(listing.get_option_at_index(i).value) for i in range(listing.option_count)]
        for value in values:
            if value.startswith(("action:", "next:")):
                listing.select(value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)  # the modal closed
        assert screen.plan is not None
        review = screen.plan.agenda[0]
        assert review.title == "Review of action items"
        assert len(review.steps) == 4  # the demo's four open action items
        assert review.carried_from == "action item"
        assert "Mid-year reading benchmark data" in titles(screen)
    with demo_db.read() as session:
        links = session.exec(select(CarryForward)).all()
        assert sum(1 for link in links if link.action_item_id) == 4 + 4  # December's and January's


async def test_carry_forward_names_what_is_already_on_the_agenda(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_plan(app, pilot)  # December already reviews the action items
        await pilot.press("c")
        await settle(pilot)
        listing = app.screen.query_one("#candidates", SelectionList)
        options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        carried = [o for o in options if str(o.value).startswith("action:")]
        assert carried and all(o.disabled for o in carried)
        assert all(str(o.prompt).startswith("on the agenda: ") for o in carried)
        # (The demo's decisions due for review are offered too: tests/ui/test_decision_log.py.)
        fresh = [o for o in options if not o.disabled and not str(o.value).startswith("decision")]
        assert [str(o.prompt).split(" · ")[0] for o in fresh] == ["Mid-year reading benchmark data"]
