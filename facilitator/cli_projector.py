"""`facilitator projector MEETING_ID`: the read-only view of a meeting for the room."""

from __future__ import annotations

from facilitator.cli_commands import open_app
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget


def show_projector(target: DatabaseTarget, *, meeting_id: int, create: bool = False) -> int:
    """Open the projector view of a meeting, whatever its status (a planned one is
    waited for, a closed one says it has ended); an unknown meeting is refused first."""
    from facilitator.services.meetings import meeting_status
    from facilitator.store.database import Database

    prepare_database(target, create=create)
    database = Database(target)
    try:
        meeting_status(database, meeting_id=meeting_id)  # NotFoundError if there is none
    finally:
        database.dispose()
    return open_app(target, meeting_id=meeting_id, projector=True, create=False)
