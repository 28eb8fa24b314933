"""Home: teams, upcoming and recent meetings, open action items, the parking lot and
the decisions due for review.

With no teams yet it shows a welcome that offers to create one or load the demo.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Header, OptionList, Static

from facilitator.domain.overview import HomeOverview
from facilitator.domain.text import plural
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import HOME_ACTIONS, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.action_list import ActionList
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.meeting_list import MeetingList
from facilitator.ui.widgets.team_list import ALL_TEAMS, TeamList
from facilitator.ui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from facilitator.services.planning import Saved
    from facilitator.ui.app import FacilitatorApp


WATCH_SECONDS = 2.0
"""How often the home screen looks for changes made by another window."""


class HomeLoaded(Message):
    """The home screen's data was read."""

    def __init__(self, overview: HomeOverview, now: datetime) -> None:
        super().__init__()
        self.overview = overview
        self.now = now


class HomeFailed(Message):
    """Reading the home screen's data failed with a sentence for the user."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class HomeScreen(FreshScreen[None]):
    """The first screen."""

    CSS_PATH = "home.tcss"
    ACTIONS = HOME_ACTIONS
    BINDINGS = bindings(HOME_ACTIONS)
    AUTO_FOCUS = "#meetings"

    app: FacilitatorApp

    def __init__(self) -> None:
        super().__init__()
        self.team_id: int | None = None
        self.overview: HomeOverview | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="dashboard"):
            with Vertical(id="side"):
                yield TeamList(id="teams")
                yield Static(id="purpose")
                yield Static("Loading…", id="parking")
                yield ClampedText(id="reviews")
            with Vertical(id="main"):
                yield MeetingList(id="meetings")
                yield ActionList(id="actions")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Home"
        self.query_one("#teams").border_title = "Teams"
        self.query_one("#meetings").border_title = "Meetings"
        self.query_one("#actions").border_title = "Open action items"
        self.query_one("#reviews").display = False  # until a review is due
        # Paint first, then read: the worker loads the database layer, and starting it
        # now would compete with the first paint for the interpreter.
        self.call_after_refresh(self.reload)
        # Another window (the recorder's, a projector's) may change the same file.
        self.set_interval(WATCH_SECONDS, self.watch_other_windows)

    def watch_other_windows(self) -> None:
        """Read again if the database changed since the last read (this window's own
        saves are signalled; another process's show in the SQLite file).

        Not while another screen covers home (the live screen saves notes every second
        or so); home reads again when it comes back (see `FreshScreen`). (`is_active`,
        not `is_current`: Textual counts the screen just under the top one as current,
        opaque or not.)"""
        if self.is_active and self.overview is not None:
            self.reload_if_changed()

    @work(thread=True, exclusive=True, group="home-load")
    def load(self) -> None:
        """Read the overview for the selected team (all teams when None)."""
        backend = self.app.backend
        try:
            overview = backend.load_home(self.team_id)
        except FacilitatorError as error:
            self.post_message(HomeFailed(error.sentence))
            return
        self.post_message(HomeLoaded(overview, backend.now()))

    async def on_home_loaded(self, message: HomeLoaded) -> None:
        overview = message.overview
        first = self.overview is None
        self.overview = overview
        self.team_id = overview.team_id
        self.app.remember_overview(overview)
        await self._show_welcome(not overview.teams)
        if overview.teams:
            self._show(overview, message.now)
        if first:
            self.call_after_refresh(self.app.warm_up)

    async def _show_welcome(self, show: bool) -> None:
        """Mount the welcome while there are no teams; remove it once there are."""
        self.set_class(show, "-empty")
        welcome = self.query(Welcome)
        if show and not welcome:
            await self.mount(Welcome(), before="#dashboard")
            self.query_one("#create-team", Button).focus()
        elif not show and welcome:
            await welcome.remove()
            self.query_one(MeetingList).focus()

    def on_home_failed(self, message: HomeFailed) -> None:
        self.query_one("#parking", Static).update(lit(message.sentence, "bold"))
        self.app.notify(message.sentence, severity="error", markup=False)

    def _show(self, overview: HomeOverview, now: datetime) -> None:
        tz = self.app.backend.tz
        self.query_one(TeamList).show_teams(overview.teams, overview.team_id)
        show_team = overview.team_id is None and len(overview.teams) > 1
        self.query_one(MeetingList).show_meetings(
            overview.upcoming, overview.recent, now=now, tz=tz, show_team=show_team
        )
        self.query_one(ActionList).show_actions(
            overview.open_actions, today=now.astimezone(tz).date(), show_team=show_team
        )
        overdue = overview.overdue_action_count
        self.query_one("#actions").border_title = (
            f"Open action items · {overview.open_action_count} open"
            + (f" · {overdue} OVERDUE" if overdue else "")
        )
        team = next((t for t in overview.teams if t.id == overview.team_id), None)
        purpose = self.query_one("#purpose", Static)
        purpose.update(
            join(("Purpose: ", "bold"), lit(team.purpose)) if team and team.purpose else ""
        )
        purpose.display = bool(team and team.purpose)
        self.query_one("#parking", Static).update(
            join(("Parking lot: ", "bold"), f"{plural(overview.open_parking_count, 'item')} open")
        )
        self._show_reviews(overview)

    def _show_reviews(self, overview: HomeOverview) -> None:
        """The decisions whose review date has come, counted and the first few named;
        nothing at all while none is due."""
        reviews = self.query_one("#reviews", ClampedText)
        reviews.display = overview.review_due_count > 0
        count = plural(overview.review_due_count, "decision")
        reviews.show(
            [
                (join(("Review due: ", "bold"), count), 2),
                *((lit(f"· {question}", "dim"), 1) for question in overview.review_due),
            ]
        )

    @on(OptionList.OptionHighlighted, "#teams")
    def _team_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id
        team_id = None if option_id in (None, ALL_TEAMS) else int(option_id)
        if team_id != self.team_id and self.overview is not None:
            self.team_id = team_id
            self.reload()

    @on(OptionList.OptionSelected, "#teams")
    def _team_clicked(self) -> None:
        self.action_open_team()

    def action_open_team(self) -> None:
        """Open the highlighted team's own screen (members, norms, purpose)."""
        teams = self.query_one(TeamList)
        if teams.highlighted is None:
            return
        option_id = teams.get_option_at_index(teams.highlighted).id
        if option_id in (None, ALL_TEAMS):
            self.app.notify("Highlight a team first (All teams has no settings).", markup=False)
            return
        from facilitator.ui.screens.team import TeamScreen

        self.app.push_screen(TeamScreen(int(option_id)))

    def action_new_meeting(self) -> None:
        """Plan a new meeting for the selected team (or choose the team)."""
        if self.overview is None:
            return
        if not self.overview.teams:
            self.app.notify("Create a team first (n).", markup=False)
            return
        from facilitator.ui.modals.new_meeting import new_meeting_modal

        modal = new_meeting_modal(self.app.backend, self.overview, self.team_id)
        self.app.push_screen(modal, self._meeting_created)

    def _meeting_created(self, saved: Saved | None) -> None:
        if saved is None:
            return
        for note in saved.notes.values():
            self.app.notify(note, severity="warning", markup=False)
        from facilitator.ui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen(saved.id))

    @on(OptionList.OptionSelected, "#meetings")
    def _meeting_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.open_meeting(int(event.option.id))

    @on(Button.Pressed, "#create-team")
    def _create_pressed(self) -> None:
        self.action_new_team()

    @on(Button.Pressed, "#load-demo")
    def _demo_pressed(self) -> None:
        self.app.action_load_demo()

    def action_open_selected(self) -> None:
        """Open the highlighted meeting."""
        meeting_id = self.query_one(MeetingList).selected_meeting_id()
        if meeting_id is None:
            self.app.notify("There is no meeting to open here yet.", markup=False)
            return
        self.app.open_meeting(meeting_id)

    def action_run_selected(self) -> None:
        """Open the highlighted meeting's live screen."""
        meeting_id = self.query_one(MeetingList).selected_meeting_id()
        if meeting_id is None:
            self.app.notify("There is no meeting to run here yet.", markup=False)
            return
        known = (
            (*self.app.overview.upcoming, *self.app.overview.recent) if self.app.overview else ()
        )
        if any(m.id == meeting_id and m.status == "closed" for m in known):
            self.app.notify("That meeting is closed; its record is read-only.", markup=False)
            return
        self.app.run_meeting(meeting_id)

    def action_evaluate_selected(self) -> None:
        """Evaluate the highlighted meeting (resume, results or set-up)."""
        from facilitator.ui.evaluation_flow import evaluate_meeting

        meeting_id = self.query_one(MeetingList).selected_meeting_id()
        if meeting_id is None:
            self.app.notify("There is no meeting to evaluate here yet.", markup=False)
            return
        known = (
            (*self.app.overview.upcoming, *self.app.overview.recent) if self.app.overview else ()
        )
        if any(m.id == meeting_id and m.status == "planned" for m in known):
            self.app.notify("A meeting is evaluated once it has ended.", markup=False)
            return
        evaluate_meeting(self.app, meeting_id)

    def action_trends(self) -> None:
        """The trends of the highlighted team or meeting's team (see `_trends_team`)."""
        from facilitator.ui.screens.evaluation_trends import show_trends

        team_id = self._trends_team()
        if team_id is None:
            self.app.notify("Highlight a team or a meeting first.", markup=False)
            return
        teams = self.overview.teams if self.overview else ()
        show_trends(self.app, team_id, next((t.name for t in teams if t.id == team_id), None))

    def _trends_team(self) -> int | None:
        """The highlighted team while the teams list has focus; else the highlighted
        meeting's team; else the team chosen, or the only one."""
        teams = self.query_one(TeamList)
        if teams.has_focus and teams.highlighted is not None:
            option_id = teams.get_option_at_index(teams.highlighted).id
            if option_id not in (None, ALL_TEAMS):
                return int(str(option_id))
        meeting_id = self.query_one(MeetingList).selected_meeting_id()
        known = (*self.overview.upcoming, *self.overview.recent) if self.overview else ()
        every = self.overview.teams if self.overview else ()
        only = every[0].id if len(every) == 1 else None
        return next((m.team_id for m in known if m.id == meeting_id), self.team_id or only)

    def action_new_team(self) -> None:
        from facilitator.ui.screens.team_form import TeamFormScreen

        self.app.push_screen(TeamFormScreen(), self._team_created)

    def _team_created(self, team_id: int | None) -> None:
        if team_id is not None:
            self.team_id = team_id
            self.reload()

    def _team_name(self) -> str | None:
        """The chosen team's name (None for all teams)."""
        teams = self.overview.teams if self.overview else ()
        return next((t.name for t in teams if t.id == self.team_id), None)

    def action_action_items(self) -> None:
        from facilitator.ui.screens.action_list import ActionListScreen

        self.app.push_screen(ActionListScreen(self.team_id, self._team_name()))

    def action_decision_log(self) -> None:
        """The chosen team's decisions (every team's with All teams)."""
        from facilitator.ui.screens.decision_log import DecisionLogScreen

        self.app.push_screen(DecisionLogScreen(self.team_id, self._team_name()))

    def action_search_meetings(self) -> None:
        self.app.action_search_meetings()

    def action_history(self) -> None:
        self.app.action_history()

    def action_parking_lot(self) -> None:
        """The chosen team's parking lot (every team's with All teams)."""
        from facilitator.ui.screens.parking_lot import ParkingLotScreen

        self.app.push_screen(ParkingLotScreen(self.team_id, self._team_name()))

    def action_library(self) -> None:
        self.app.action_library()

    def action_all_teams(self) -> None:
        self.team_id = None
        self.reload()

    def action_refresh(self) -> None:
        self.reload()
