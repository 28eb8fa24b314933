"""What keeps a meeting from closing, read inside `close_meeting`'s write, and from
changing at all (`editable_meeting`: it is closed).

Only the parking lot, the action items and who came can block closing
(`domain.closure.blocking_problems`), so only the columns those rules look at are read:
never the agenda, its steps, notes or decisions, and no ORM objects. Closing a meeting of
a thousand items holds the write lock for a few milliseconds.
"""

from __future__ import annotations

import sqlalchemy as sql
from sqlmodel import Session, select

from facilitator.domain.closure import blocking_problems
from facilitator.domain.enums import MeetingStatus
from facilitator.domain.minutes import ActionLine, ParkingLine
from facilitator.errors import InvalidInput
from facilitator.services.minutes import People
from facilitator.store.bulk import core_table
from facilitator.store.repo.common import fetch
from facilitator.store.tables import ActionItem, Attendance, Meeting, ParkingLotItem, row_id

CLOSED_SENTENCE = "This meeting is closed; reopen it to correct what was recorded."


def editable_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, if what was recorded in it can still change (it is not closed)."""
    meeting = fetch(session, Meeting, meeting_id, "meeting")
    if meeting.status == MeetingStatus.CLOSED:
        raise InvalidInput({"meeting": CLOSED_SENTENCE})
    return meeting


def closing_problems_in(session: Session, meeting: Meeting) -> list[str]:
    """The sentences `domain.closure.closing_problems` gives for the meeting's minutes,
    read with four queries inside an open unit of work. The lines built here carry only
    what the closing rules read (no text)."""
    meeting_id = row_id(meeting)
    people = People(session, meeting.team_id)
    parked = select(ParkingLotItem.id, ParkingLotItem.status, ParkingLotItem.disposed_at).where(
        ParkingLotItem.meeting_id == meeting_id
    )
    parking = [
        ParkingLine(id=key or 0, text="", raised_by=None, status=status, disposed_at=disposed)
        for key, status, disposed in session.exec(parked)
    ]
    action = core_table(ActionItem).c
    owed = sql.select(
        action.id,
        action.owner_member_id,
        action.owner_name,
        action.due_date,
        action.owner_to_be_decided,
    ).where(action.meeting_id == meeting_id)
    actions = [
        ActionLine(
            id=key,
            what="",
            owner=people.person(member_id, name),
            due=due,
            owner_to_be_decided=to_be_decided,
        )
        for key, member_id, name, due, to_be_decided in session.execute(owed)
    ]
    statuses = session.exec(select(Attendance.status).where(Attendance.meeting_id == meeting_id))
    return blocking_problems(parking, actions, list(statuses))
