"""A meeting's plan at a glance: purpose, goals, roles, agenda with times, norms."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitator.domain.meeting_view import MeetingPlan
from facilitator.domain.text import clock_label, day_label, local
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import MEETING_ACTIONS, bindings
from facilitator.ui.literal import cell, join, lit
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp


class MeetingLoaded(Message):
    """A meeting's overview was read."""

    def __init__(self, overview: MeetingPlan) -> None:
        super().__init__()
        self.overview = overview


class MeetingFailed(Message):
    """The meeting could not be read; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class MeetingScreen(Screen[None]):
    """Read-only view of one meeting's plan."""

    CSS_PATH = "meeting.tcss"
    ACTIONS = MEETING_ACTIONS
    BINDINGS = bindings(MEETING_ACTIONS)
    AUTO_FOCUS = "#agenda"

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="body"):
            yield Static("Loading…", id="heading")
            yield Static(id="team-purpose")
            yield Static(id="purpose")
            yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
            yield Static(id="agenda-total")
            yield Static(id="roles")
            yield Static(id="norms")
            yield Static(id="attendees")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Meeting"
        table = self.query_one("#agenda", DataTable)
        table.border_title = "Agenda"
        for label in ("Start", "Min", "Item", "Kind", "Presenter", "Process"):
            table.add_column(label, key=label.lower())
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            overview = self.app.backend.meeting_plan(self.meeting_id)
        except FacilitatorError as error:
            self.post_message(MeetingFailed(error.sentence))
            return
        self.post_message(MeetingLoaded(overview))

    def on_meeting_failed(self, message: MeetingFailed) -> None:
        self.query_one("#heading", Static).update(lit(message.sentence, "bold"))

    def on_meeting_loaded(self, message: MeetingLoaded) -> None:
        view = message.overview
        tz = self.app.backend.tz
        start = local(view.scheduled_start, tz)
        end = start + timedelta(minutes=view.planned_minutes)
        when = f"{day_label(start.date())}, {clock_label(start)}–{clock_label(end)}"
        place = f" · {view.location}" if view.location else ""
        self.query_one("#heading", Static).update(
            join(
                lit(view.title, "bold"),
                "\n",
                lit(f"{view.team_name} · {when}{place} · {view.status}", "dim"),
            )
        )
        self._section("#team-purpose", "Team purpose: ", view.team_purpose)
        purpose = view.purpose + "".join(f"\n  • {goal}" for goal in view.goals)
        self._section("#purpose", "Purpose: ", purpose)
        roles = " · ".join(
            f"{r.label}: {r.holder.name if r.holder else '(open)'}" for r in view.roles
        )
        self._section("#roles", "Roles: ", roles)
        self._agenda(view)
        self._section("#norms", "Norms: ", "".join(f"\n  • {n}" for n in view.norms))
        names = ", ".join(attendee.person.name for attendee in view.attendees)
        self._section("#attendees", "Expected: ", names)

    def _section(self, selector: str, label: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(join((label, "bold"), lit(text)))
        widget.display = bool(text.strip())

    def _agenda(self, view: MeetingPlan) -> None:
        table = self.query_one("#agenda", DataTable)
        table.clear()
        tz = self.app.backend.tz
        for line in view.agenda:
            table.add_row(
                cell(clock_label(local(line.starts_at, tz))),
                cell(str(line.minutes).rjust(3)),
                cell(line.title, "bold"),
                cell(line.kind),
                cell(line.presenter.name if line.presenter else ""),
                cell(line.process or ""),
                key=str(line.position),
            )
        total = view.agenda_minutes
        over = total - view.planned_minutes
        note = f", {over} min over" if over > 0 else ""
        self.query_one("#agenda-total", Static).update(
            f"{len(view.agenda)} items, {total} of {view.planned_minutes} planned minutes{note}"
        )

    def action_back(self) -> None:
        self.dismiss()
