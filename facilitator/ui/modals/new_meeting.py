"""Plan a new meeting: which team, where to start (template, earlier meeting, blank),
and the details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.text import short_day_label
from facilitator.errors import InvalidInput
from facilitator.ui import plan_forms
from facilitator.ui.modals.form import Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.domain.overview import HomeOverview
    from facilitator.services.planning import Saved
    from facilitator.ui.backend import Backend

BLANK = "blank"


def new_meeting_modal(
    backend: Backend, overview: HomeOverview, team_id: int | None
) -> FormModal[Saved]:
    """The form; its result is the saved meeting (its id and any notes)."""
    pack = backend.pack
    today = backend.now().astimezone(backend.tz).date()
    teams = tuple((team.name, str(team.id)) for team in overview.teams)
    chosen = str(team_id) if team_id is not None else (teams[0][1] if len(teams) == 1 else "")
    starts: list[tuple[str, str]] = [("A blank agenda", BLANK)]
    starts += [
        (f"Template: {t.name}", f"template:{tid}") for tid, t in pack.agenda_templates.items()
    ]
    for meeting in (*overview.recent, *overview.upcoming):
        day = short_day_label(meeting_day(meeting, backend.tz), today)
        starts.append(
            (f"Copy of {meeting.title} ({day}, {meeting.team_name})", f"copy:{meeting.id}")
        )

    def save(values: Values) -> Saved:
        from facilitator.services.planning import create_meeting

        if not values["team"]:
            raise InvalidInput({"team": "Choose the team the meeting is for."})
        start = str(values["start"]) or BLANK
        template = start.removeprefix("template:") if start.startswith("template:") else None
        copy_of = int(start.removeprefix("copy:")) if start.startswith("copy:") else None
        saved = create_meeting(
            backend.db,
            team_id=int(str(values["team"])),
            draft=plan_forms.meeting_draft(values),
            pack=pack,
            now=backend.now(),
            tz=backend.tz,
            template_id=template,
            copy_of=copy_of,
        )
        return saved

    fields = [
        Field("team", "Team", chosen, kind="select", options=teams),
        Field(
            "start",
            "Start from",
            BLANK,
            kind="select",
            options=tuple(starts),
            help="A template brings its items, processes and steps; a copy brings an "
            "earlier meeting's agenda and role holders.",
        ),
        *plan_forms.meeting_fields(None, backend, today),
    ]
    return FormModal("Plan a new meeting", fields, save, save_label="Create")
