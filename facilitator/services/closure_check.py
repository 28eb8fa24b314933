"""What keeps a meeting from closing, read inside `close_meeting`'s write.

Only the parking lot, the action items and who came can block closing
(`domain.closure.blocking_problems`), so only they are read: never the agenda, its
steps, notes or decisions. Closing a meeting of a thousand items holds the write lock
no longer than closing one of ten.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from facilitator.domain.closure import blocking_problems
from facilitator.services.minutes import People, action_line, parking_lines
from facilitator.store.tables import ActionItem, Attendance, Meeting, row_id


def closing_problems_in(session: Session, meeting: Meeting) -> list[str]:
    """The sentences `domain.closure.closing_problems` would give for the meeting's
    minutes, read with four queries inside an open unit of work."""
    meeting_id = row_id(meeting)
    people = People(session, meeting.team_id)
    actions = session.exec(
        select(ActionItem).where(ActionItem.meeting_id == meeting_id).order_by(col(ActionItem.id))
    )
    attendance = session.exec(select(Attendance.status).where(Attendance.meeting_id == meeting_id))
    return blocking_problems(
        parking_lines(session, meeting_id, people),
        [action_line(action, people) for action in actions],
        list(attendance),
    )
