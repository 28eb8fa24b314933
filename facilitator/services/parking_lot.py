"""The parking-lot list: every entry of a team (or of every active team) across its
meetings, read without the ORM like the home screen (see `quick_read`)."""

from __future__ import annotations

from datetime import tzinfo

from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.parking_lot import ParkedEntry, ParkingLot
from facilitator.errors import NotFoundError
from facilitator.store.parking_queries import parking_entries, team_name
from facilitator.store.quick_read import Row, reader, to_datetime
from facilitator.store.target import DatabaseTarget


def parking_lot(target: DatabaseTarget, *, team_id: int | None, tz: tzinfo | None) -> ParkingLot:
    """Every parking-lot entry of team `team_id` (None: of every team not archived), open
    ones first, then the newest meeting's first; a meeting's date is the day it was held
    (planned for, if not) on the wall clock of `tz` (None: the machine's). NotFoundError
    if there is no team `team_id`."""
    with reader(target) as read:
        name = None
        if team_id is not None:
            name = team_name(read, team_id=team_id)
            if name is None:
                raise NotFoundError(f"There is no team {team_id}.")
        rows = parking_entries(read, team_id=team_id)
    return ParkingLot(tuple(_entry(row, tz) for row in rows), team_name=name)


def _entry(row: Row, tz: tzinfo | None) -> ParkedEntry:
    scheduled = to_datetime(row[7])
    day = None
    if scheduled is not None:
        day = meeting_day(MeetingTimes(scheduled, to_datetime(row[8])), tz)
    return ParkedEntry(
        id=int(row[0]),
        text=str(row[1]),
        raised_by=str(row[2] or ""),
        status=str(row[3]),
        disposition_note=str(row[4] or ""),
        meeting_id=None if row[5] is None else int(row[5]),
        meeting_title=None if row[6] is None else str(row[6]),
        meeting_date=day,
        team_name=str(row[9]),
    )
