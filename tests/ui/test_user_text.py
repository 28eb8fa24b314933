"""User text is data, never markup: names and titles show exactly as typed, everywhere."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input

from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import ActionItem, Meeting, ParkingLotItem, RoleAssignment
from facilitator.ui.commands import MeetingCommands
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.team_form import TeamFormScreen
from facilitator.ui.widgets.plan_side import RolesList
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle, toast_texts

TRICKY = ["[bold]x[/]", "[/]", "[@click=app.quit]Sam[/]", "[red]Ana[/red] \\[ok]"]


def seed(db: Database, pack: Pack, name: str) -> int:
    """A team, a member and a meeting whose names are all `name`."""
    team_id = create_team(
        db,
        draft=TeamDraft(name=name, purpose=name, members=(MemberDraft(name=name),)),
        pack=pack,
        now=FROZEN_NOW,
    )
    with db.write(now=FROZEN_NOW) as session:
        meeting = Meeting(
            team_id=team_id,
            title=name,
            purpose=name,
            goals=name,
            location=name,
            scheduled_start=FROZEN_NOW + timedelta(days=1),
        )
        session.add(meeting)
        session.flush()
        session.add(
            RoleAssignment(meeting_id=meeting.id or 0, role="custom", label=name, guest_name=name)
        )
        session.add(ActionItem(team_id=team_id, what=name, owner_name=name))
        session.add(ParkingLotItem(team_id=team_id, text=name))
        return meeting.id or 0


@pytest.mark.parametrize("name", TRICKY)
async def test_home_and_meeting_show_names_literally(db: Database, pack: Pack, name: str) -> None:
    meeting_id = seed(db, pack, name)
    app = make_app(db.target, pack)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        home = screen_text(app)
        assert home.count(name) >= 3  # team list, meeting list, action item (and owner)
        await pilot.click("#meetings")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.meeting_id == meeting_id
        text = screen_text(app)
        assert text.count(name) >= 4  # title, team, purpose, goal (and more)
        roles = [str(option.prompt) for option in app.screen.query_one(RolesList).options]
        assert f"{name}: {name} (guest)" in roles  # the custom role and its guest holder
        assert app.return_code is None  # nothing ran app.quit


async def test_clicking_a_name_that_looks_like_a_link_does_nothing(
    db: Database, pack: Pack
) -> None:
    seed(db, pack, "[@click=app.quit]Sam[/]")
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.click("#meetings", offset=(20, 2))
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape")
        await settle(pilot)
        await pilot.click("#teams", offset=(4, 2))
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_palette_shows_meeting_names_literally(db: Database, pack: Pack) -> None:
    seed(db, pack, "[bold]x[/]")
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        provider = MeetingCommands(app.screen)
        hits = [hit async for hit in provider.search("bold")]
        assert hits
        assert str(hits[0].prompt) == "Meeting: open [bold]x[/] ([bold]x[/] · Tue 24 Nov 2026)"
        discovered = [hit async for hit in provider.discover()]
        assert (
            str(discovered[0].prompt) == "Meeting: open [bold]x[/] ([bold]x[/] · Tue 24 Nov 2026)"
        )


async def test_notification_shows_a_new_team_name_literally(db: Database, pack: Pack) -> None:
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, TeamFormScreen)
        app.screen.query_one("#name", Input).value = "[b]Bold[/b] [@click=app.quit]team[/]"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notifications(app) == ["Team [b]Bold[/b] [@click=app.quit]team[/] created."]
        assert toast_texts(app) == ["Team [b]Bold[/b] [@click=app.quit]team[/] created."]
        assert app.return_code is None


async def test_control_characters_in_names_never_reach_the_terminal(
    db: Database, pack: Pack
) -> None:
    seed(db, pack, "Bad\x1b[2Jname")
    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Bad[2Jname" in text
        assert "\x1b" not in text


async def test_a_form_titled_with_user_text_shows_it_literally(db: Database, pack: Pack) -> None:
    """A form's title can be typed text (a custom role's name): it is never markup."""
    from facilitator.ui.modals.form import Field, FormModal

    app = make_app(db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        app.push_screen(FormModal("[b]Greeter[/b] [red]x", [Field("note", "Note")], str))
        await settle(pilot)
        assert "[b]Greeter[/b] [red]x" in screen_text(app)
