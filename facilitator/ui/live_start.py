"""Starting a meeting far from its planned day asks first.

A meeting is dated by the day its clock first starts (`facilitator.domain.meeting_date`),
so a start pressed by mistake on a meeting planned for next month would move it. The
rule is the domain's `start_needs_confirmation`; this asks the question, with "Not now"
as the answer enter and escape give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.meeting_date import start_needs_confirmation, start_question
from facilitator.ui.modals.confirm import ConfirmModal

if TYPE_CHECKING:
    from facilitator.ui.screens.live_base import LiveBase


def start_or_pause_when_agreed(screen: LiveBase) -> None:
    """The live screen's space: start or pause the clock at once, or, for a first start
    more than a day before or after the planned day, once the team agrees (the start is
    then the moment they agree). A pause or a resume never asks."""
    from facilitator.services.live import start_or_pause

    backend, meeting_id, state = screen.app.backend, screen.meeting_id, screen.state

    def start() -> None:
        now = backend.now()
        screen.submit(lambda: start_or_pause(backend.db, meeting_id=meeting_id, now=now))

    now = backend.now()
    if state is None or not start_needs_confirmation(
        state.plan.scheduled_start, state.started_at, now, backend.tz
    ):
        start()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            start()

    question = start_question(state.plan.scheduled_start, now, backend.tz)
    modal = ConfirmModal(question, title="Start the meeting?", yes="Start today", no="Not now")
    screen.app.push_screen(modal, answered)
