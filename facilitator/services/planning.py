"""Planning a meeting: create it (blank, from a template or as a copy), edit its details,
roles and attendance. Agenda items are in `services.agenda`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlmodel import Session, select

from facilitator.domain.clean import clean_line
from facilitator.domain.enums import AttendanceStatus, MeetingStatus
from facilitator.domain.planning import CORE_ROLES, MeetingDraft, MeetingFields, check_meeting
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.pack.schema import AgendaTemplate
from facilitator.services.agenda_build import NewItem, agenda_copy, insert_items, template_items
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.repo.common import fetch
from facilitator.store.tables import Attendance, Meeting, Member, RoleAssignment, Team, row_id


@dataclass(frozen=True)
class Saved:
    """A saved form: the row's id and notes worth showing (e.g. a date in the past)."""

    id: int
    notes: dict[str, str]


def create_meeting(
    db: Database,
    *,
    team_id: int,
    draft: MeetingDraft,
    pack: Pack,
    now: datetime,
    tz: tzinfo | None,
    template_id: str | None = None,
    copy_of: int | None = None,
) -> Saved:
    """A planned meeting with the core roles (open), every active member expected, and
    the agenda of a content-pack template or of an earlier meeting of the team."""
    checked = check_meeting(draft, today=now.astimezone(tz).date(), tz=tz)
    if template_id is not None and template_id not in pack.agenda_templates:
        checked.problems["template"] = f"There is no agenda template called {template_id}."
    if checked.value is None or checked.problems:
        raise InvalidInput(checked.problems)
    copied: list[NewItem] = []
    if copy_of and template_id is None:  # read before the write: it adds it in two statements
        with db.read() as session:
            copied = agenda_copy(session, source_id=copy_of)
    with db.write(now=now) as session:
        team = _active_team(session, team_id)
        earlier = _earlier_meeting(session, copy_of, row_id(team)) if copy_of else None
        template = pack.agenda_templates.get(template_id) if template_id else None
        meeting = new_meeting(
            session, team=team, fields=checked.value, pack=pack, template=template, earlier=earlier
        )
        insert_items(session, meeting_id=row_id(meeting), new=copied)
        return Saved(id=row_id(meeting), notes=checked.notes)


def new_meeting(
    session: Session,
    *,
    team: Team,
    fields: MeetingFields,
    pack: Pack,
    template: AgendaTemplate | None = None,
    earlier: Meeting | None = None,
) -> Meeting:
    """Add a planned meeting inside an open unit of work (see `create_meeting`): the
    core roles (their holders from `earlier`), every active member expected, and the
    template's agenda. `earlier`'s agenda is the caller's to add (`agenda_copy`)."""
    meeting = Meeting(
        team_id=row_id(team),
        title=fields.title,
        scheduled_start=fields.start,
        template_id=template.id if template else None,
        status=MeetingStatus.PLANNED,
    )
    _apply(meeting, fields)
    if template is not None and not fields.goals:
        meeting.goals = "\n".join(template.goals)
    session.add(meeting)
    session.flush()
    meeting_id = row_id(meeting)
    _add_roles(session, meeting_id, earlier)
    for member in teams.members_of(session, team_id=row_id(team)):
        session.add(Attendance(meeting_id=meeting_id, member_id=row_id(member)))
    if template is not None:
        insert_items(session, meeting_id=meeting_id, new=template_items(template, pack))
    return meeting


def update_meeting(
    db: Database, *, meeting_id: int, draft: MeetingDraft, now: datetime, tz: tzinfo | None
) -> Saved:
    """Save the meeting's details (title, date, time, length, place, purpose, goals)."""
    checked = check_meeting(draft, today=now.astimezone(tz).date(), tz=tz)
    if checked.value is None:
        raise InvalidInput(checked.problems)
    with db.write(now=now) as session:
        meeting = _meeting(session, meeting_id)
        _apply(meeting, checked.value)
        return Saved(id=meeting_id, notes=checked.notes)


def assign_role(
    db: Database, *, role_id: int, holder: str, as_guest: bool = False, now: datetime
) -> None:
    """Give a role to a team member (by name) or a guest; an empty name leaves it open."""
    name = " ".join(clean_line(holder).split())
    with db.write(now=now) as session:
        role = fetch(session, RoleAssignment, role_id, "role")
        meeting = _meeting(session, role.meeting_id)
        role.member_id, role.guest_name = None, None
        if not name:
            return
        member = teams.member_named(session, team_id=meeting.team_id, name=name)
        if member is not None:
            role.member_id = row_id(member)
        elif as_guest:
            role.guest_name = name
        else:
            raise InvalidInput(
                {"holder": f"{name} is not on the team; choose a member, or mark them as a guest."}
            )


def add_custom_role(
    db: Database, *, meeting_id: int, label: str, now: datetime, pack: Pack | None = None
) -> int:
    """A role of the team's own, e.g. "Norms monitor"."""
    name = " ".join(clean_line(label).split())
    if not name:
        raise InvalidInput({"label": "Give the role a name."})
    with db.write(now=now) as session:
        _meeting(session, meeting_id)
        existing = meetings.roles_of(session, meeting_id=meeting_id)
        taken = {role.label.casefold() for role, _ in existing} | {
            role.role.casefold() for role, _ in existing
        }
        if pack is not None:
            taken |= {entry.name.casefold() for entry in pack.roles.values()}
        if name.casefold() in taken:
            raise InvalidInput({"label": f"The meeting already has a {name} role."})
        role = RoleAssignment(
            meeting_id=meeting_id, role="custom", label=name, position=len(existing)
        )
        session.add(role)
        session.flush()
        return row_id(role)


def remove_custom_role(db: Database, *, role_id: int, now: datetime) -> None:
    """Remove a role of the team's own (the core roles stay; leave them open instead)."""
    with db.write(now=now) as session:
        role = fetch(session, RoleAssignment, role_id, "role")
        if role.role != "custom":
            raise InvalidInput(
                {"role": "The four core roles stay on every plan; leave it open instead."}
            )
        session.delete(role)


def set_expected(
    db: Database, *, meeting_id: int, member_id: int, expected: bool, now: datetime
) -> None:
    """Expect a team member at the meeting, or not."""
    with db.write(now=now) as session:
        meeting = _meeting(session, meeting_id)
        member = fetch(session, Member, member_id, "member")
        if member.team_id != meeting.team_id:
            raise NotFoundError(f"{member.name} is not on this meeting's team.")
        statement = select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.member_id == member_id
        )
        row = session.exec(statement).first()
        if expected and row is None:
            session.add(Attendance(meeting_id=meeting_id, member_id=member_id))
        elif not expected and row is not None:
            session.delete(row)


def add_guest(db: Database, *, meeting_id: int, name: str, now: datetime) -> int:
    """Expect a guest (someone not on the team)."""
    guest = " ".join(clean_line(name).split())
    if not guest:
        raise InvalidInput({"guest": "Give the guest's name."})
    with db.write(now=now) as session:
        meeting = _meeting(session, meeting_id)
        if teams.member_named(session, team_id=meeting.team_id, name=guest) is not None:
            raise InvalidInput({"guest": f"{guest} is on the team; tick them in the list instead."})
        row = Attendance(meeting_id=meeting_id, guest_name=guest, status=AttendanceStatus.EXPECTED)
        session.add(row)
        session.flush()
        return row_id(row)


def remove_attendee(db: Database, *, attendee_id: int, now: datetime) -> None:
    """Take someone off the attendance list."""
    with db.write(now=now) as session:
        session.delete(fetch(session, Attendance, attendee_id, "attendee"))


# ---------------------------------------------------------------------------------------


def _apply(meeting: Meeting, fields: MeetingFields) -> None:
    meeting.title = fields.title
    meeting.scheduled_start = fields.start
    meeting.planned_minutes = fields.planned_minutes
    meeting.location = fields.location
    meeting.purpose = fields.purpose
    meeting.goals = fields.goals


def _add_roles(session: Session, meeting_id: int, earlier: Meeting | None) -> None:
    """The core roles, holders copied from `earlier` where it had them."""
    previous: dict[str, RoleAssignment] = {}
    if earlier is not None:
        previous = {r.role: r for r, _ in meetings.roles_of(session, meeting_id=row_id(earlier))}
    active = (
        {row_id(m) for m in teams.members_of(session, team_id=earlier.team_id)}
        if earlier
        else set()
    )
    for position, role_id in enumerate(CORE_ROLES):
        before = previous.get(role_id)
        if before is not None and before.member_id is not None and before.member_id not in active:
            before = None  # they have left the team: the role starts open
        session.add(
            RoleAssignment(
                meeting_id=meeting_id,
                role=role_id,
                position=position,
                member_id=before.member_id if before else None,
                guest_name=before.guest_name if before else None,
            )
        )


def _active_team(session: Session, team_id: int) -> Team:
    team = session.get(Team, team_id)
    if team is None or team.archived_at is not None:
        raise NotFoundError(f"There is no active team {team_id}.")
    return team


def _earlier_meeting(session: Session, meeting_id: int, team_id: int) -> Meeting:
    earlier = session.get(Meeting, meeting_id)
    if earlier is None or earlier.team_id != team_id:
        raise InvalidInput({"copy": "That meeting is not one of this team's."})
    return earlier


def _meeting(session: Session, meeting_id: int) -> Meeting:
    return fetch(session, Meeting, meeting_id, "meeting")
