"""Opening a meeting from a list that may be old: history, the parking lot, search.

The list was read a while ago and the meeting may have moved on since (started,
closed, reopened), so its status is read again, in a thread worker of the screen
asking, before it is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from facilitator.errors import FacilitatorError

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp
    from facilitator.ui.screens.fresh import FreshScreen


def open_when_read(
    screen: FreshScreen[Any],
    meeting_id: int,
    open_as: Callable[[str], object] | None = None,
) -> None:
    """Read meeting `meeting_id`'s status in a worker of `screen`, then open it as home
    would, or with `open_as(status)`; a failed reading is said in a notification."""
    app = screen.app
    then = open_as or partial(app.open_meeting, meeting_id)
    screen.run_worker(
        partial(_read_then_open, app, meeting_id, then),
        name="open-meeting",
        group="open-meeting",
        exclusive=True,
        thread=True,
    )


def _read_then_open(app: FacilitatorApp, meeting_id: int, then: Callable[[str], object]) -> None:
    try:
        status = app.backend.meeting_status(meeting_id)
    except FacilitatorError as error:
        app.notify(error.sentence, severity="error", markup=False)
        return
    app.call_from_thread(then, status)
