"""Taking a team's self-assessment from the app: choose the periodic instrument and
the day (today unless another is given), then its screen; a day the team already took
that instrument continues that one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from facilitator.domain.evaluation_results import Form
from facilitator.domain.text import day_label, local
from facilitator.errors import InvalidInput
from facilitator.services.self_assessments import (
    EXAMPLE,
    Opened,
    periodic_forms,
    read_day,
    start_self_assessment,
    team_assessments,
)
from facilitator.ui.modals.form import Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp


def take_self_assessment(
    app: FacilitatorApp, team_id: int, instrument_id: str | None = None
) -> None:
    """The form (instrument, day), then the self-assessment's screen."""
    backend = app.backend
    forms = periodic_forms(backend.pack)
    if not forms:
        app.notify("The content pack has no periodic self-assessment.", markup=False)
        return
    chosen = instrument_id if instrument_id in {f.id for f in forms} else forms[0].id
    today = local(backend.now(), backend.tz).date()

    def save(values: Values) -> Opened:
        if not values["instrument"]:
            raise InvalidInput({"instrument": "Choose the self-assessment to take."})
        day = read_day(str(values["date"]), now=backend.now(), tz=backend.tz)
        return start_self_assessment(
            backend.db,
            team_id=team_id,
            instrument_id=str(values["instrument"]),
            pack=backend.pack,
            now=backend.now(),
            tz=backend.tz,
            on=day,
        )

    intro = _taken_so_far(app, team_id)
    fields = _fields(forms, chosen, today)
    form = FormModal("Team self-assessment", fields, save, save_label="Open", intro=intro)
    app.push_screen(form, lambda result: _opened(app, result))


def _fields(forms: Sequence[Form], chosen: str, today: date) -> list[Field]:
    return [
        Field(
            "instrument",
            "Self-assessment",
            chosen,
            kind="select",
            options=tuple((form.name, form.id) for form in forms),
        ),
        Field(
            "date",
            "Taken on",
            today.isoformat(),
            help=f"Today, or the day the team took it ({EXAMPLE}). A day it was already "
            "taken on opens that one again, to continue or correct it.",
        ),
    ]


def _opened(app: FacilitatorApp, result: object) -> None:
    from facilitator.ui.screens.self_assessment import SelfAssessmentScreen

    if isinstance(result, Opened):
        app.push_screen(SelfAssessmentScreen(result.assessment_id))
        if result.continued:
            app.notify("Continuing the one taken that day; its answers are kept.", markup=False)


def _taken_so_far(app: FacilitatorApp, team_id: int) -> str:
    """ "Taken so far: Site Leadership Team indicators on Mon 7 Sep 2026 and …" """
    backend = app.backend
    found = team_assessments(backend.db, team_id=team_id, pack=backend.pack)
    taken = [
        f"{c.form.name} on " + ", ".join(day_label(day) for day in c.dates)
        for c in found.comparisons
    ]
    if not taken:
        return "The team takes it together; each answer is saved as it is given."
    return "Taken so far: " + "; ".join(taken) + "."
