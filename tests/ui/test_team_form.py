"""Creating a team from the home screen, and every bad input the form can meet."""

from __future__ import annotations

from sqlmodel import col, select
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static, TextArea

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.tables import Member, Norm, Team
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.modals.confirm import ConfirmModal
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.team_form import TeamFormScreen
from tests.ui.helpers import SIZE, make_app, notifications, settle


async def open_form(pilot: Pilot[int]) -> TeamFormScreen:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TeamFormScreen)
    return screen


def fill(screen: TeamFormScreen, **values: str) -> None:
    for field_id, value in values.items():
        screen.query_one(f"#{field_id}", Input).value = value


def error_of(screen: TeamFormScreen, field: str) -> str:
    error = screen.query_one(f"#error-{field}", Static)
    return str(error.visual) if error.has_class("-shown") else ""


def row_error(screen: TeamFormScreen, index: int) -> str:
    error = screen.query_one(f"#member-{index} .error", Static)
    return str(error.visual) if error.has_class("-shown") else ""


def teams_in(db: Database) -> list[str]:
    with db.read() as session:
        return [team.name for team in session.exec(select(Team))]


async def test_create_a_team_with_members_and_norms(db: Database, pack: Pack) -> None:
    app: FacilitatorApp = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.click("#create-team")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TeamFormScreen)
        assert app.focused is screen.query_one("#name", Input)
        # Type the way a person would: field by field with tab.
        await pilot.press(*"Lincoln Leadership Team", "tab", *"school learning team", "tab")
        await pilot.press(*"Every child reads", "tab")
        await pilot.press(*"Ana Diaz", "tab", *"Principal", "tab", *"ana@lincoln.example.org")
        fill(screen, **{"member-1-name": "Ben Okoro", "member-1-position": "Grade 2 teacher"})
        norms = screen.query_one("#pack-norms", SelectionList)
        assert len(norms.selected) == 7  # the Seven Norms are ticked to start with
        norms.deselect("probing")
        screen.query_one(
            "#custom-norms", TextArea
        ).text = "Phones away\n\nphones away\nStart on time"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert notifications(app) == ["Team Lincoln Leadership Team created."]
    with db.read() as session:
        team = session.exec(select(Team)).one()
        members = session.exec(select(Member).order_by(col(Member.id))).all()
        norms_saved = session.exec(select(Norm).order_by(col(Norm.position))).all()
    assert (team.name, team.purpose) == ("Lincoln Leadership Team", "Every child reads")
    assert team.kind == "school-learning-team"  # typed as a name, stored as the pack's id
    assert [(m.name, m.position, m.email) for m in members] == [
        ("Ana Diaz", "Principal", "ana@lincoln.example.org"),
        ("Ben Okoro", "Grade 2 teacher", None),
    ]
    texts = [norm.text for norm in norms_saved]
    assert "Probing" not in texts
    assert texts[:6] == [
        "Pausing",
        "Paraphrasing",
        "Putting ideas on the table",
        "Paying attention to self and others",
        "Presuming positive presuppositions",
        "Pursuing a balance between advocacy and inquiry",
    ]
    assert texts[6:] == ["Phones away", "Start on time"]


async def test_an_empty_name_is_refused_inline_and_nothing_is_saved(
    db: Database, pack: Pack
) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        fill(screen, name="   ", purpose="Anything")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert error_of(screen, "name") == "Give the team a name."
        assert app.focused is screen.query_one("#name", Input)
    assert teams_in(db) == []


async def test_member_problems_are_shown_on_their_rows(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        fill(
            screen,
            name="Team",
            **{
                "member-0-name": "Ana",
                "member-0-email": "not-an-email",
                "member-1-name": "ana",
                "member-2-position": "Coach",
            },
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert row_error(screen, 0) == "not-an-email does not look like an e-mail address."
        assert row_error(screen, 1) == "ana is already on the team (row 1)."
        assert row_error(screen, 2) == "Give this member a name, or clear the row."
        assert error_of(screen, "name") == ""
        # Fixing the rows clears their messages and saves.
        fill(screen, **{"member-0-email": "", "member-1-name": "Bea", "member-2-name": "Cy"})
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert teams_in(db) == ["Team"]


async def test_a_duplicate_team_name_is_refused(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        fill(screen, name="riverside elementary leadership team")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "There is already a team called" in error_of(screen, "name")
    assert len(teams_in(demo_db)) == 2


async def test_escape_cancels_without_saving(db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 6): escape on a half-filled form threw it away
    without asking. An untouched form closes at once; a filled one asks, enter keeps
    editing, y discards."""
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        screen = await open_form(pilot)
        fill(screen, name="Never saved")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # the default: keep editing
        await settle(pilot)
        assert isinstance(app.screen, TeamFormScreen)
        assert screen.query_one("#name", Input).value == "Never saved"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert teams_in(db) == []


async def test_unticking_a_norm_is_a_change_too(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        assert not screen.has_changes()
        screen.query_one("#pack-norms", SelectionList).deselect(next(iter(pack.norms)))
        assert screen.has_changes()


async def test_ctrl_n_adds_a_member_row_and_focuses_it(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.focused is screen.query_one("#member-3-name", Input)


async def test_keys_typed_straight_after_tab_land_in_the_next_field(
    db: Database, pack: Pack
) -> None:
    """A terminal delivers a fast typist's (or a paste's) keys in one burst: every key is
    queued before any is handled, and tab must still move focus before the next letter."""
    app: FacilitatorApp = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_form(pilot)
        burst = [*"Lincoln", "tab", *"Own", "tab", *"Every child", "tab", *"Ana", "shift+tab", "!"]
        for key in burst:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert screen.query_one("#name", Input).value == "Lincoln"
        assert screen.query_one("#kind", Input).value == "Own"
        assert screen.query_one("#purpose", Input).value == "!"  # selected on focus, replaced
        assert screen.query_one("#member-0-name", Input).value == "Ana"
