"""Parking-lot entries across three teams' meetings, for the parking-lot list's tests
(services, screen and snapshots).

FROZEN_NOW is Monday 23 November 2026. Riverside's September meeting parked two entries
since dealt with; its October meeting parked two still open (one holding markup, shown
literally); its December meeting, still planned, parked one. The PLC's November meeting
parked one it dropped; an archived team's entry is out of every list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from facilitator.domain.enums import MeetingStatus, ParkingStatus
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Member, ParkingLotItem, Team, row_id
from tests.conftest import FROZEN_NOW

RIVERSIDE = "Riverside Leadership"
PLC = "Oak Grade 3 PLC"
ARCHIVED = "Old committee"
MARKUP = "Benchmark data by [bold]class[/bold]"

MEETINGS = (
    ("september", RIVERSIDE, "September meeting", date(2026, 9, 14), MeetingStatus.CLOSED),
    ("october", RIVERSIDE, "October meeting", date(2026, 10, 12), MeetingStatus.CLOSED),
    ("december", RIVERSIDE, "December meeting", date(2026, 12, 14), MeetingStatus.PLANNED),
    ("plc", PLC, "PLC November", date(2026, 11, 2), MeetingStatus.CLOSED),
    ("old", ARCHIVED, "Old meeting", date(2026, 6, 1), MeetingStatus.CLOSED),
)
ENTRIES = (
    # key, meeting, text, raised by (a member, or a name typed), status, disposition note
    ("spring", "september", "Benchmarks for spring reading", "Ana", "next_agenda",
     "On October's agenda."),
    ("recess", "september", "Recess duty rotation", "A visitor", "resolved",
     "Handed to the staff council."),
    ("markup", "october", MARKUP, "Ben", "open", ""),
    ("library", "october", "Library budget", "", "open", ""),
    ("trip", "december", "Field trip dates", "Ana", "open", ""),
    ("planning", "plc", "Shared planning benchmark", "Dee", "dropped", "Not for this team."),
    ("old", "old", "Old benchmark", "", "open", ""),
)  # fmt: skip
RIVERSIDE_ORDER = ["trip", "library", "markup", "recess", "spring"]
"""Riverside's entries as the list shows them: open first, the newest meeting's first."""


@dataclass(frozen=True)
class ParkingData:
    """The ids the tests refer to."""

    teams: dict[str, int]
    meetings: dict[str, int]
    entries: dict[str, int]


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 15, 30, tzinfo=UTC)


def fill_parking(db: Database) -> ParkingData:
    """Add the teams, meetings and entries the module's docstring tells of."""
    teams: dict[str, int] = {}
    meetings: dict[str, int] = {}
    entries: dict[str, int] = {}
    members: dict[str, int] = {}
    with db.write(now=FROZEN_NOW) as session:
        for name in (RIVERSIDE, PLC, ARCHIVED):
            team = Team(name=name, archived_at=FROZEN_NOW if name == ARCHIVED else None)
            session.add(team)
            session.flush()
            teams[name] = row_id(team)
        for person, team_name in (("Ana", RIVERSIDE), ("Ben", RIVERSIDE), ("Dee", PLC)):
            member = Member(team_id=teams[team_name], name=person)
            session.add(member)
            session.flush()
            members[person] = row_id(member)
        for key, team_name, title, day, meeting_status in MEETINGS:
            held = at(day) if meeting_status != MeetingStatus.PLANNED else None
            meeting = Meeting(
                team_id=teams[team_name],
                title=title,
                scheduled_start=at(day),
                started_at=held,
                status=meeting_status,
            )
            session.add(meeting)
            session.flush()
            meetings[key] = row_id(meeting)
        for key, meeting_key, text, raised_by, status, note in ENTRIES:
            held_in = session.get(Meeting, meetings[meeting_key])
            assert held_in is not None
            entry = ParkingLotItem(
                team_id=held_in.team_id,
                meeting_id=meetings[meeting_key],
                text=text,
                raised_by_member_id=members.get(raised_by),
                raised_by_name=None if raised_by in members else raised_by or None,
                status=ParkingStatus(status),
                disposition_note=note,
            )
            session.add(entry)
            session.flush()
            entries[key] = row_id(entry)
    return ParkingData(teams, meetings, entries)
