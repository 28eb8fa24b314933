"""Reading meetings: the list for `facilitator list` and one meeting's plan."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime

from sqlmodel import Session

from facilitator.domain.meeting_view import (
    AgendaLine,
    Attendee,
    MeetingPlan,
    Person,
    RoleLine,
    StepLine,
    goal_lines,
    start_times,
)
from facilitator.domain.overview import MeetingSummary
from facilitator.errors import NotFoundError
from facilitator.pack.deciding import method_names
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.tables import (
    AgendaItem,
    Attendance,
    Meeting,
    Member,
    RoleAssignment,
    Team,
    row_id,
)


def list_meetings(db: Database) -> list[MeetingSummary]:
    """Every meeting with its team's name, by date: when it was held, else planned."""
    with db.read() as session:
        return [
            meeting_summary(m, name, held_at) for m, name, held_at in meetings.all_meetings(session)
        ]


def stream_meetings(db: Database) -> Generator[MeetingSummary]:
    """Every meeting as `list_meetings` gives them, read in batches in one transaction:
    however many there are, a batch at a time is in memory (`facilitator list --json`)."""
    with db.read() as session:
        for row in meetings.summary_rows(session):
            yield MeetingSummary(*row)


def latest_meetings(db: Database, *, limit: int) -> tuple[list[MeetingSummary], int]:
    """The latest `limit` meetings (by when held, else planned), oldest first as
    `list_meetings` orders them, and how many meetings there are in all."""
    with db.read() as session:
        shown = [MeetingSummary(*row) for row in meetings.summary_rows(session, latest=limit)]
        return shown, meetings.count_meetings(session)


def meeting_summary(meeting: Meeting, team_name: str, held_at: datetime | None) -> MeetingSummary:
    """A meeting row as a plain value (`held_at` as `meetings.held_at_column` reads it)."""
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
        held_at=held_at,
        minutes_corrected_at=meeting.minutes_corrected_at,
    )


def meeting_status(db: Database, *, meeting_id: int) -> str:
    """The meeting's status (planned, running, ended, closed); NotFoundError if none."""
    with db.read() as session:
        meeting = meetings.get_meeting(session, meeting_id=meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting {meeting_id}.")
        return meeting.status


def meeting_plan(db: Database, *, meeting_id: int, pack: Pack) -> MeetingPlan:
    """A meeting's plan with names resolved; raises NotFoundError for an unknown id."""
    with db.read() as session:
        return read_plan(session, meeting_id=meeting_id, pack=pack)


def read_plan(session: Session, *, meeting_id: int, pack: Pack) -> MeetingPlan:
    """The plan, read within an open session (services that just wrote reuse it)."""
    meeting = meetings.get_meeting(session, meeting_id=meeting_id)
    if meeting is None:
        raise NotFoundError(f"There is no meeting {meeting_id}.")
    team = session.get(Team, meeting.team_id)
    assert team is not None, "a meeting always belongs to a team"
    # Archived members keep their names in the meetings they took part in.
    everyone = teams.members_of(session, team_id=row_id(team), archived=True)
    members = {row_id(m): m for m in everyone}
    items = meetings.agenda_of(session, meeting_id=meeting_id)
    steps = _steps_by_item(session, items)
    sources = meetings.carry_forward_labels(session, item_ids=[row_id(i) for i in items])
    starts = start_times(meeting.scheduled_start, [item.planned_minutes for item in items])
    return MeetingPlan(
        id=meeting_id,
        team_id=row_id(team),
        team_name=team.name,
        team_purpose=team.purpose,
        title=meeting.title,
        purpose=meeting.purpose,
        goals=goal_lines(meeting.goals),
        scheduled_start=meeting.scheduled_start,
        planned_minutes=meeting.planned_minutes,
        location=meeting.location,
        status=meeting.status,
        roles=tuple(
            _role_line(role, member, pack)
            for role, member in meetings.roles_of(session, meeting_id=meeting_id)
        ),
        attendees=tuple(
            _attendee(row, member)
            for row, member in meetings.attendance_of(session, meeting_id=meeting_id)
        ),
        agenda=tuple(
            _agenda_line(
                item, start, members, steps.get(row_id(item), ()), sources.get(row_id(item)), pack
            )
            for item, start in zip(items, starts, strict=True)
        ),
        norms=tuple(norm.text for norm in teams.norms_of(session, team_id=row_id(team))),
        members=tuple(
            Person(name=m.name, member_id=row_id(m)) for m in everyone if m.archived_at is None
        ),
        held_at=meetings.held_at_of(session, meeting_id=meeting_id),
    )


def process_name(process_id: str | None, pack: Pack) -> str | None:
    """The protocol's name from the content pack (its id if the pack no longer has it)."""
    if process_id is None:
        return None
    protocol = pack.protocols.get(process_id)
    return protocol.name if protocol else process_id


def method_name(method: str | None, pack: Pack) -> str | None:
    """A decision method's name from the content pack (its value if the pack lacks it)."""
    if method is None:
        return None
    return method_names(pack).get(method, method)


def _steps_by_item(session: Session, items: list[AgendaItem]) -> dict[int, tuple[StepLine, ...]]:
    grouped: dict[int, list[StepLine]] = {}
    for step in meetings.steps_of(session, item_ids=[row_id(i) for i in items]):
        grouped.setdefault(step.agenda_item_id, []).append(
            StepLine(
                id=row_id(step),
                title=step.title,
                detail=step.detail,
                planned_minutes=step.planned_minutes,
                media_ranges=step.media_ranges,
            )
        )
    return {item_id: tuple(lines) for item_id, lines in grouped.items()}


def _role_line(role: RoleAssignment, member: Member | None, pack: Pack) -> RoleLine:
    entry = pack.roles.get(role.role)
    label = role.label or (entry.name if entry else role.role)
    holder = _person(member, role.guest_name)
    return RoleLine(
        id=row_id(role),
        role=role.role,
        label=label,
        holder=holder,
        focus=entry.focus if entry else "",
    )


def _attendee(row: Attendance, member: Member | None) -> Attendee:
    person = _person(member, row.guest_name) or Person(name="Guest")
    return Attendee(id=row_id(row), person=person, status=row.status)


def _person(member: Member | None, guest_name: str | None) -> Person | None:
    """The member, else the guest named, else no one."""
    if member is not None:
        return Person(name=member.name, member_id=row_id(member))
    return Person(name=guest_name) if guest_name else None


def _agenda_line(
    item: AgendaItem,
    start: datetime,
    members: dict[int, Member],
    steps: tuple[StepLine, ...],
    carried_from: str | None,
    pack: Pack,
) -> AgendaLine:
    presenter = _person(members.get(item.presenter_member_id or -1), item.presenter_name)
    return AgendaLine(
        id=row_id(item),
        position=item.position,
        starts_at=start,
        title=item.title,
        goal=item.goal,
        presenter=presenter,
        minutes=item.planned_minutes,
        kind=item.kind,
        process_id=item.process_id,
        process=process_name(item.process_id, pack),
        notes=item.facilitator_notes,
        steps=steps,
        carried_from=carried_from,
        decision_method=item.decision_method,
        decision_method_name=method_name(item.decision_method, pack),
        continuum_point=item.continuum_point,
        decision_reason=item.decision_reason,
    )
