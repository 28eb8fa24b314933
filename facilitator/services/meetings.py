"""Reading meetings: the list for `facilitator list` and one meeting's overview."""

from __future__ import annotations

from datetime import datetime

from facilitator.domain.meeting_view import (
    AgendaLine,
    MeetingOverview,
    RoleLine,
    goal_lines,
    start_times,
)
from facilitator.domain.overview import MeetingSummary
from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.tables import AgendaItem, Meeting, Member, RoleAssignment, Team, row_id


def list_meetings(db: Database) -> list[MeetingSummary]:
    """Every meeting, by date, with its team's name."""
    with db.read() as session:
        return [meeting_summary(m, name) for m, name in meetings.all_meetings(session)]


def meeting_summary(meeting: Meeting, team_name: str) -> MeetingSummary:
    """A meeting row as a plain value."""
    return MeetingSummary(
        id=row_id(meeting),
        team_id=meeting.team_id,
        team_name=team_name,
        title=meeting.title,
        scheduled_start=meeting.scheduled_start,
        planned_minutes=meeting.planned_minutes,
        location=meeting.location,
        status=meeting.status,
        closed_at=meeting.closed_at,
        minutes_sent_at=meeting.minutes_sent_at,
    )


def meeting_overview(db: Database, *, meeting_id: int, pack: Pack) -> MeetingOverview:
    """A meeting's plan with names resolved; raises NotFoundError for an unknown id."""
    with db.read() as session:
        meeting = meetings.get_meeting(session, meeting_id=meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting {meeting_id}.")
        team = session.get(Team, meeting.team_id)
        assert team is not None
        # Archived members keep their names in the meetings they took part in.
        members = {
            row_id(m): m for m in teams.members_of(session, team_id=row_id(team), archived=True)
        }
        items = meetings.agenda_of(session, meeting_id=meeting_id)
        steps: dict[int, list[str]] = {}
        for step in meetings.steps_of(session, item_ids=[row_id(i) for i in items]):
            steps.setdefault(step.agenda_item_id, []).append(step.title)
        roles = meetings.roles_of(session, meeting_id=meeting_id)
        attendance = meetings.attendance_of(session, meeting_id=meeting_id)
        norms = teams.norms_of(session, team_id=row_id(team))
    starts = start_times(meeting.scheduled_start, [item.planned_minutes for item in items])
    return MeetingOverview(
        id=meeting_id,
        team_name=team.name,
        team_purpose=team.purpose,
        title=meeting.title,
        purpose=meeting.purpose,
        goals=goal_lines(meeting.goals),
        scheduled_start=meeting.scheduled_start,
        planned_minutes=meeting.planned_minutes,
        location=meeting.location,
        status=meeting.status,
        roles=tuple(_role_line(role, member, pack) for role, member in roles),
        attendees=tuple(
            member.name if member else (row.guest_name or "Guest") for row, member in attendance
        ),
        agenda=tuple(
            _agenda_line(item, start, members, steps.get(row_id(item), []), pack)
            for item, start in zip(items, starts, strict=True)
        ),
        norms=tuple(norm.text for norm in norms),
    )


def process_name(process_id: str | None, pack: Pack) -> str | None:
    """The protocol's name from the content pack (its id if the pack no longer has it)."""
    if process_id is None:
        return None
    protocol = pack.protocols.get(process_id)
    return protocol.name if protocol else process_id


def _role_line(role: RoleAssignment, member: Member | None, pack: Pack) -> RoleLine:
    entry = pack.roles.get(role.role)
    name = role.label or (entry.name if entry else role.role)
    return RoleLine(role=name, holder=member.name if member else role.guest_name)


def _agenda_line(
    item: AgendaItem,
    start: datetime,
    members: dict[int, Member],
    steps: list[str],
    pack: Pack,
) -> AgendaLine:
    presenter = members.get(item.presenter_member_id or -1)
    return AgendaLine(
        position=item.position,
        starts_at=start,
        title=item.title,
        goal=item.goal,
        presenter=presenter.name if presenter else item.presenter_name,
        minutes=item.planned_minutes,
        kind=item.kind,
        process=process_name(item.process_id, pack),
        steps=tuple(steps),
    )
