"""What the evaluation service tests share: December (the demo's planned leadership
meeting) ended an hour after it started, and moments around then."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import col, select

from facilitator.domain.enums import AttendanceStatus
from facilitator.store.database import Database
from facilitator.store.tables import Attendance, Meeting
from tests.conftest import FROZEN_NOW

DECEMBER = 2
ETA = "effective-team-assessment"
T0 = FROZEN_NOW + timedelta(days=7, hours=3)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def end_december(db: Database) -> Database:
    """December, ended, with three members marked present and the rest absent."""
    with db.write(now=at(0)) as session:
        meeting = session.get(Meeting, DECEMBER)
        assert meeting is not None
        meeting.started_at, meeting.ended_at = at(-60), at(0)
        rows = session.exec(
            select(Attendance)
            .where(Attendance.meeting_id == DECEMBER, col(Attendance.member_id).is_not(None))
            .order_by(col(Attendance.member_id))
        ).all()
        for index, row in enumerate(rows):
            row.status = AttendanceStatus.PRESENT if index < 3 else AttendanceStatus.ABSENT
    return db
