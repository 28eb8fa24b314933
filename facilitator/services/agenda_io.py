"""Agendas in and out: a Markdown agenda becomes a planned meeting, and a meeting's agenda
becomes Markdown or plain text (see `domain.agenda_markdown` for the format)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlmodel import Session

from facilitator.domain.agenda_markdown import ParsedAgenda, ParsedItem, ParsedRole, Problem
from facilitator.domain.agenda_markdown import parse_agenda as read_agenda
from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_view import MeetingPlan, Person
from facilitator.domain.planning import (
    AGENDA_ITEMS_MAX,
    AGENDA_STEPS_MAX,
    ItemDraft,
    ItemFields,
    MeetingDraft,
    MeetingFields,
    check_item,
    check_meeting,
)
from facilitator.domain.text import plural
from facilitator.errors import InvalidInput
from facilitator.pack.deciding import method_names
from facilitator.pack.loader import Pack
from facilitator.render.agenda import agenda_markdown, agenda_text
from facilitator.services.agenda_build import (
    NewItem,
    field_values,
    insert_items,
    item_from_fields,
    new_item,
    new_step,
)
from facilitator.services.meetings import meeting_plan
from facilitator.services.planning import new_meeting
from facilitator.store.database import Database
from facilitator.store.repo import meetings, teams
from facilitator.store.tables import RoleAssignment, Team, row_id

AGENDA_MAX_BYTES = 1_000_000
"""The largest Markdown agenda read: 500 items with long goals and steps fit many times
over, and a bigger file is refused before it is parsed."""

AGENDA_FORMATS: dict[str, Callable[[MeetingPlan, tzinfo | None], str]] = {
    "md": agenda_markdown,
    "txt": agenda_text,
}
"""Export formats by name; each renders a MeetingPlan on the wall clock of a time zone."""

# Where check_meeting's fields were written in the file (the length may come from the time).
_FIELD_LINES = {"minutes": ("length", "end"), "time": ("time",), "date": ("date",)}


@dataclass(frozen=True)
class ImportResult:
    """The meeting an import made, and notes worth reading (guest presenters, a date that
    has passed, an agenda that runs over)."""

    meeting_id: int
    notes: tuple[str, ...] = ()
    title: str = ""
    team_name: str = ""


class AgendaTooLarge(InvalidInput):
    """An agenda file too large to import (bytes or items), refused before anything was
    read into the database; one sentence naming the limit and what the file has."""

    exit_code = 1

    def __init__(self, sentence: str) -> None:
        super().__init__({"file": sentence})


class AgendaNotImported(InvalidInput):
    """An agenda file with problems; nothing was saved.

    `sentences` holds every problem, one sentence each, with its line number.
    """

    exit_code = 1

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.sentences = tuple(str(problem) for problem in problems)
        keyed: dict[str, str] = {}
        for problem in problems:
            key = f"line {problem.line}"
            keyed[key if key not in keyed else f"{key} ({len(keyed)})"] = str(problem)
        super().__init__(keyed)


def import_agenda(
    db: Database,
    *,
    text: str,
    pack: Pack,
    now: datetime,
    tz: tzinfo | None,
    team_name: str | None = None,
) -> ImportResult:
    """Save the agenda in `text` as a planned meeting (core roles as the file gives them,
    else open; every active member expected) in one transaction; with any problem, raise
    AgendaNotImported and save nothing (AgendaTooLarge for a file over AGENDA_MAX_BYTES,
    AGENDA_ITEMS_MAX items or AGENDA_STEPS_MAX steps).

    The team is `team_name`, else the file's Team line, else the only active team. A
    presenter or role holder who is not on the team is a guest (said in the notes). The
    file is read, checked and turned into rows before the write begins, so the write lock is held
    for a few statements however long the agenda is.
    """
    today = now.astimezone(tz).date()
    parsed = _within_limits(text, today)
    problems, notes = list(parsed.problems), list[str]()
    fields = _meeting_fields(parsed, today, tz, problems, notes)
    with db.read() as session:
        team = _team(session, parsed, team_name, problems)
        members = _members(session, team)
    roles = [_role_holder(role, members, pack, notes) for role in parsed.roles]
    items = [_item_fields(item, members, pack, problems, notes) for item in parsed.items]
    if problems or fields is None or team is None:
        raise AgendaNotImported(sorted(problems or [_unexpected()], key=lambda p: p.line))
    new = [
        _new_item(item, checked, pack) for item, checked in zip(parsed.items, items, strict=True)
    ]
    _within_step_limit(new)
    with db.write(now=now) as session:
        meeting = new_meeting(session, team=_still_active(session, team), fields=fields, pack=pack)
        insert_items(session, meeting_id=row_id(meeting), new=new)
        _assign_roles(session, row_id(meeting), roles)
    over = sum(item.minutes for item in parsed.items) - fields.planned_minutes
    if over > 0:
        planned = fields.planned_minutes
        notes.append(f"The agenda runs {plural(over, 'minute')} over the planned {planned}.")
    return ImportResult(row_id(meeting), tuple(notes), fields.title, team.name)


def _within_limits(text: str, today: date) -> ParsedAgenda:
    """The agenda read, if it is within AGENDA_MAX_BYTES (checked before reading it)
    and AGENDA_ITEMS_MAX; else AgendaTooLarge."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > AGENDA_MAX_BYTES:
        raise AgendaTooLarge(
            f"The agenda file is {size:,} bytes; an agenda can be at most "
            f"{AGENDA_MAX_BYTES:,} bytes ({AGENDA_MAX_BYTES / 1e6:g} MB). Nothing was imported."
        )
    parsed = read_agenda(text, today=today)
    if len(parsed.items) > AGENDA_ITEMS_MAX:
        raise AgendaTooLarge(
            f"The agenda has {len(parsed.items):,} items; an agenda can have at most "
            f"{AGENDA_ITEMS_MAX}. Split it into several meetings; nothing was imported."
        )
    return parsed


def _within_step_limit(new: Sequence[NewItem]) -> None:
    steps = sum(len(item.steps) for item in new)
    if steps > AGENDA_STEPS_MAX:
        raise AgendaTooLarge(
            f"The agenda has {steps:,} steps, written out or from its protocols; an agenda can "
            f"have at most {AGENDA_STEPS_MAX:,}. Nothing was imported."
        )


def export_agenda(db: Database, *, meeting_id: int, fmt: str, pack: Pack, tz: tzinfo | None) -> str:
    """A meeting's agenda in `fmt` ("md" or "txt", see AGENDA_FORMATS); NotFoundError
    for an unknown meeting."""
    render = AGENDA_FORMATS.get(fmt)
    if render is None:
        names = " or ".join(AGENDA_FORMATS)
        raise InvalidInput({"format": f"There is no agenda format {fmt}; use {names}."})
    return render(meeting_plan(db, meeting_id=meeting_id, pack=pack), tz)


def _meeting_fields(
    parsed: ParsedAgenda,
    today: date,
    tz: tzinfo | None,
    problems: list[Problem],
    notes: list[str],
) -> MeetingFields | None:
    """The meeting checked by the planning rules (None when the parser found it lacking)."""
    if not parsed.title or parsed.date is None or parsed.time is None:
        return None  # the parser has said what is missing
    draft = MeetingDraft(
        title=parsed.title,
        date=parsed.date.isoformat(),
        time=f"{parsed.time:%H:%M}",
        minutes=str(parsed.planned_minutes),
        location=parsed.location,
        purpose=parsed.purpose,
        goals="\n".join(parsed.goals),
    )
    checked = check_meeting(draft, today=today, tz=tz)
    for name, message in checked.problems.items():
        problems.append(Problem(_line_of(parsed, name), message))
    notes += [str(Problem(_line_of(parsed, name), note)) for name, note in checked.notes.items()]
    return checked.value


def _line_of(parsed: ParsedAgenda, field: str) -> int:
    for name in _FIELD_LINES.get(field, (field,)):
        if name in parsed.field_lines:
            return parsed.field_lines[name]
    return 0


def _team(
    session: Session, parsed: ParsedAgenda, team_name: str | None, problems: list[Problem]
) -> Team | None:
    """The named team (argument, else the Team line), else the only active team."""
    active = teams.active_teams(session)
    names = ", ".join(team.name for team in active)
    wanted, line = one_line(team_name or ""), 0
    if not wanted:
        wanted, line = parsed.team, parsed.field_lines.get("team", 0)
    if wanted:
        found = next((t for t in active if one_line(t.name).casefold() == wanted.casefold()), None)
        if found is None:
            hint = f"name one of: {names}." if active else "create it in the app first."
            problems.append(Problem(line, f'There is no team called "{wanted}"; {hint}'))
        return found
    if len(active) == 1:
        return active[0]
    if not active:
        problems.append(Problem(0, "There are no teams yet; create the team in the app first."))
    else:
        problems.append(
            Problem(0, f'Say which team the meeting is for with a "Team:" line: one of {names}.')
        )
    return None


def _members(session: Session, team: Team | None) -> list[Person]:
    if team is None:
        return []
    return [Person(m.name, row_id(m)) for m in teams.members_of(session, team_id=row_id(team))]


def _item_fields(
    item: ParsedItem,
    members: Sequence[Person],
    pack: Pack,
    problems: list[Problem],
    notes: list[str],
) -> ItemFields | None:
    process_id = _protocol_id(item.process, pack)
    if item.process and process_id is None:
        message = f'"{item.process}" is not a protocol in the library, so the item has none.'
        notes.append(str(Problem(item.line, message)))
    method = _method_value(item, pack, problems)
    draft = ItemDraft(
        title=item.title,
        minutes=str(item.minutes),
        goal=item.goal,
        presenter=item.presenter,
        presenter_is_guest=True,
        kind=item.kind,
        process_id=process_id,
        decision_method=method,
    )
    checked = check_item(draft, members=members, processes=tuple(pack.protocols))
    problems += [Problem(item.line, message) for message in checked.problems.values()]
    if checked.value is not None and checked.value.presenter_name:
        guest = f"{checked.value.presenter_name} is not on the team, so they present as a guest."
        notes.append(str(Problem(item.line, guest)))
    return checked.value


def _role_holder(
    role: ParsedRole, members: Sequence[Person], pack: Pack, notes: list[str]
) -> RoleAssignment:
    """The role as a row to save (no meeting yet): held by the team member of that name
    (any case and spacing), else by a guest, which the notes say."""
    name = one_line(role.holder)
    row = RoleAssignment(meeting_id=0, role=role.role, label=role.label)
    if not name:
        return row
    entry = pack.roles.get(role.role)
    label = role.label or (entry.name if entry else role.role)
    wanted = name.casefold()
    member = next((m for m in members if one_line(m.name).casefold() == wanted), None)
    if member is not None and not role.guest:
        row.member_id = member.member_id
        return row
    row.guest_name = name
    why = "as the file says" if member is not None else "not on the team"
    notes.append(str(Problem(role.line, f"{name} holds the {label} role as a guest ({why}).")))
    return row


def _assign_roles(session: Session, meeting_id: int, roles: Sequence[RoleAssignment]) -> None:
    """Give the new meeting's core roles their holders and add the team's own roles."""
    existing = {row.role: row for row, _ in meetings.roles_of(session, meeting_id=meeting_id)}
    for position, role in enumerate(roles, start=len(existing)):
        core = existing.get(role.role) if role.role != "custom" else None
        if core is not None:
            core.member_id, core.guest_name = role.member_id, role.guest_name
            session.add(core)
        else:
            role.meeting_id, role.position = meeting_id, position
            session.add(role)


def _protocol_id(name: str, pack: Pack) -> str | None:
    """The pack's protocol named `name` (by id or by name, in any case)."""
    wanted = one_line(name).casefold()
    if not wanted:
        return None
    return next(
        (
            key
            for key, protocol in pack.protocols.items()
            if wanted in (key.casefold(), one_line(protocol.name).casefold())
        ),
        None,
    )


def _method_value(item: ParsedItem, pack: Pack, problems: list[Problem]) -> str:
    """The decision method written under `item` (by name or value, in any case), as the
    value it is saved as; "" when none is written, or a problem when it is not one."""
    wanted = one_line(item.method).casefold()
    if not wanted:
        return ""
    names = method_names(pack)
    for value, name in names.items():
        if wanted in (value.casefold(), one_line(name).casefold()):
            return value
    *others, last = names.values()
    choices = f"{', '.join(others)} or {last}"
    problems.append(
        Problem(
            item.method_line or item.line,
            f'"{item.method}" is not a way of deciding this app knows; use {choices}.',
        )
    )
    return ""


def _new_item(item: ParsedItem, fields: ItemFields | None, pack: Pack) -> NewItem:
    """The item's row; steps written in the file replace its protocol's own steps."""
    assert fields is not None, "an item that failed its check is a problem above"
    if not item.steps:
        return item_from_fields(fields, pack)
    steps = [
        new_step(position=position, title=step.title, media_ranges=step.media_ranges)
        for position, step in enumerate(item.steps)
    ]
    return NewItem(new_item(**field_values(fields)), steps)


def _still_active(session: Session, team: Team) -> Team:
    """The team read before the write, read again inside it: archived since, nothing is
    saved. (Presenters matched before the write stay linked even if archived since, as
    on any earlier agenda.)"""
    current = session.get(Team, row_id(team))
    if current is None or current.archived_at is not None:
        raise AgendaNotImported([Problem(0, f'The team "{team.name}" was archived just now.')])
    return current


def _unexpected() -> Problem:
    return Problem(0, "The agenda could not be read; check it against the format in the README.")
