"""Whether a meeting's evaluation results are a section of its minutes: they are unless
the facilitator leaves them out (`facilitator.services.minutes` reads the flag)."""

from __future__ import annotations

from datetime import datetime

from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import Meeting


def evaluation_in_minutes(db: Database, *, meeting_id: int) -> bool:
    """Whether the minutes of meeting `meeting_id` carry its evaluation results
    (NotFoundError for a meeting that does not exist)."""
    with db.read() as session:
        return fetch(session, Meeting, meeting_id, "meeting").evaluation_in_minutes


def set_evaluation_in_minutes(
    db: Database, *, meeting_id: int, include: bool, now: datetime
) -> None:
    """Put the evaluation results into the minutes of meeting `meeting_id`, or (`include`
    false) leave them out. The results themselves are kept either way. Choosing this does
    not count as correcting the minutes: the evaluation comes after the meeting, and
    whoever sent the minutes before it decides whether to send them again."""
    with db.write(now=now) as session:
        fetch(session, Meeting, meeting_id, "meeting").evaluation_in_minutes = include
