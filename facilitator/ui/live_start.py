"""Starting a meeting far from its planned day asks first.

A meeting is dated by the day its clock first starts (`facilitator.domain.meeting_date`),
so a start pressed by mistake on a meeting planned for next month would move it. The
rule is the domain's `start_needs_confirmation`; this asks the question, with "not now"
as the answer enter and escape give.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from facilitator.domain.meeting_date import start_needs_confirmation, start_question
from facilitator.ui.modals.confirm import ConfirmModal

if TYPE_CHECKING:
    from facilitator.services.live import LiveState
    from facilitator.ui.app import FacilitatorApp


def start_when_agreed(
    app: FacilitatorApp, state: LiveState | None, start: Callable[[datetime], None]
) -> None:
    """Start or pause the clock with `start(now)` at once, or, for a first start more
    than a day before or after the planned day, once the team agrees (`now` is then the
    moment they agree). A pause or a resume never asks."""
    backend = app.backend
    now = backend.now()
    if state is None or not start_needs_confirmation(
        state.plan.scheduled_start, state.started_at, now, backend.tz
    ):
        start(now)
        return

    def answered(yes: bool | None) -> None:
        if yes:
            start(backend.now())

    question = start_question(state.plan.scheduled_start, now, backend.tz)
    modal = ConfirmModal(question, title="Start the meeting?", yes="Start today", no="Not now")
    app.push_screen(modal, answered)
