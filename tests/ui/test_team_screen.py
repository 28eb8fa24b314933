"""A team's own screen: details, members and norms, including developing norms together."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import Member, Norm, Team
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.form import ConfirmModal
from facilitator.ui.modals.norms_wizard import NormsWizard
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.team import TeamScreen
from tests.ui.forms import errors, fill, form_of, submit
from tests.ui.helpers import SIZE, make_app, settle

RIVERSIDE = 1


async def open_team(app: FacilitatorApp, pilot: Pilot[Any], team_id: int = RIVERSIDE) -> TeamScreen:
    """From the home screen: highlight the team in the list, press enter."""
    await settle(pilot)
    teams = app.screen.query_one("#teams", OptionList)
    teams.focus()
    teams.highlighted = next(i for i, o in enumerate(teams.options) if o.id == str(team_id))
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TeamScreen)
    return screen


def norm_texts(db: Database, team_id: int = RIVERSIDE) -> list[str]:
    with db.read() as session:
        rows = session.exec(
            select(Norm)
            .where(Norm.team_id == team_id, col(Norm.retired_at).is_(None))
            .order_by(col(Norm.position))
        )
        return [norm.text for norm in rows]


async def test_edit_the_teams_name_type_and_purpose(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_team(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        fill(
            form_of(pilot),
            name="Riverside Leadership",
            kind="school learning team",
            purpose="Every student writes with confidence.",
        )
        await submit(pilot)
        heading = str(screen.query_one("#team-heading", Static).visual)
        assert heading.startswith("Riverside Leadership · School Learning Team")
        assert "Every student writes with confidence." in heading
    with demo_db.read() as session:
        team = session.get(Team, RIVERSIDE)
        assert team is not None and team.kind == "school-learning-team"


async def test_add_a_member_and_refuse_a_duplicate_name(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_team(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        form = form_of(pilot)
        fill(form, name="maria alvarez", position="Principal")
        await submit(pilot)
        assert errors(form)["name"] == "maria alvarez is already on the team."
        fill(form, name="Noor Haddad", position="Grade 2 teacher", email="noor@example.org")
        await submit(pilot)
        members = screen.query_one("#members", OptionList)
        assert members.border_title == "Members (9)"
    with demo_db.read() as session:
        assert (
            session.exec(select(Member).where(Member.name == "Noor Haddad")).one().email
            == "noor@example.org"
        )


async def test_norms_adopt_write_reorder_and_retire(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_team(app, pilot)
        norms = screen.query_one("#norms", OptionList)
        norms.focus()
        await pilot.press("a")
        await settle(pilot)
        form = form_of(pilot)
        assert "The team has adopted all seven." in str(form.query_one(".form-help", Static).visual)
        fill(form, text="Phones face down")
        await submit(pilot)
        assert norm_texts(demo_db)[-1] == "Phones face down"
        norms.highlighted = norms.option_count - 1
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert norm_texts(demo_db)[-2:] == [
            "Phones face down",
            "What is said here stays here; what is decided here is shared.",
        ]
        norms.highlighted = 0
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")
        await settle(pilot)
        assert norm_texts(demo_db)[0] == "Paraphrasing"  # Pausing retired
        assert norms.border_title == "Norms (9)"


async def test_develop_norms_together(db: Database, pack: Pack) -> None:
    from facilitator.domain.team_draft import TeamDraft
    from facilitator.services.teams import create_team
    from tests.conftest import FROZEN_NOW

    team_id = create_team(db, draft=TeamDraft(name="New PLC"), pack=pack, now=FROZEN_NOW)
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot, team_id)
        await pilot.press("w")
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, NormsWizard)
        assert (
            str(wizard.query_one("#wizard-topic", Static).visual) == pack.norm_prompts["time"].topic
        )
        wizard.query_one("#wizard-answer", TextArea).text = "We start and end on time."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (
            str(wizard.query_one("#wizard-topic", Static).visual)
            == pack.norm_prompts["listening"].topic
        )
        await pilot.press("ctrl+s")  # nothing written: skipped
        await settle(pilot)
        wizard.query_one("#wizard-answer", TextArea).text = "What is said here stays here."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
    with db.read() as session:
        saved = session.exec(
            select(Norm).where(Norm.team_id == team_id).order_by(col(Norm.position))
        ).all()
        assert [(n.text, n.prompt_category) for n in saved] == [
            ("We start and end on time.", "time"),
            ("What is said here stays here.", "confidentiality"),
        ]


async def test_archive_a_team(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await open_team(app, pilot, 2)
        await pilot.press("ctrl+a")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert [o.id for o in home.query_one("#teams", OptionList).options] == ["all", "1"]
