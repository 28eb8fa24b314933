"""Who is who when minutes come in from a file: the team by its name, each person named
in the minutes by their name among the team's members, each norm by its text; whatever
the team lacks is added to it.

Names and norms match in any case and whatever the spacing ("maria  ALVAREZ" is Maria
Alvarez). A person the file calls a guest (no member id) stays a guest, even with a
member's name; a voter or a decider must be a member (the tables say so), so one
without a match is added to the team.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass

from sqlmodel import Session, col, select

from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine, Minutes, VoteLine
from facilitator.domain.text import plural
from facilitator.pack.loader import Pack
from facilitator.store.bulk import insert_rows, new_row
from facilitator.store.repo import teams
from facilitator.store.tables import Member, Norm, Team, row_id

MEMBERS_ONLY: tuple[type, ...] = (VoteLine, DecisionLine)
"""Parts whose person the tables keep only as a member (a vote, a decider)."""


def match_key(text: str) -> str:
    """How names and norms are compared: one line, any case."""
    return one_line(text).casefold()


def find_or_add_team(session: Session, minutes: Minutes, notes: list[str]) -> Team:
    """The active team with the minutes' team name, else a new team like the file's."""
    wanted = match_key(minutes.team_name)
    found = next((t for t in teams.active_teams(session) if match_key(t.name) == wanted), None)
    if found is not None:
        return found
    notes.append(f"Created the team {one_line(minutes.team_name)}.")
    return teams.add_team(
        session, name=minutes.team_name, purpose=minutes.team_purpose, kind=minutes.team_kind
    )


class Roster:
    """The team's members by name, adding those the minutes name and the team lacks.

    Members are made when the roster is built, for everyone `wanted` (`people_to_add`):
    recipients first (with their e-mail addresses, in the file's order, so the minutes'
    To: line keeps its order), then everyone else in the order the file names them.
    Archived members match too (old minutes keep their people), after active ones of the
    same name.
    """

    def __init__(
        self, session: Session, *, team: Team, minutes: Minutes, wanted: Sequence[str]
    ) -> None:
        self.session = session
        self.team_id = row_id(team)
        self.added: list[str] = []
        self._ids: dict[str, int] = {}
        everyone = teams.members_of(session, team_id=self.team_id, archived=True)
        for member in sorted(everyone, key=lambda m: m.archived_at is not None):
            self._ids.setdefault(match_key(member.name), row_id(member))
        self._emails = {match_key(r.name): r.email for r in minutes.recipients}
        self._add(wanted)

    def _add(self, names: Sequence[str]) -> None:
        """Add the people the team lacks, in one statement."""
        missing: dict[str, str] = {}
        for name in names:
            key = match_key(name)
            if key not in self._ids:
                missing.setdefault(key, name)
        rows = [
            new_row(Member, team_id=self.team_id, name=name, email=self._emails.get(key) or None)
            for key, name in missing.items()
        ]
        ids = insert_rows(self.session, Member, rows)
        for (key, name), member_id in zip(missing.items(), ids, strict=True):
            self._ids[key] = member_id
            self.added.append(one_line(name))

    def member(self, name: str) -> int:
        """The id of the team's member called `name`, added to the team if there is none."""
        key = match_key(name)
        if key not in self._ids:
            self._add([name])
        return self._ids[key]

    def member_of(self, person: Person | None) -> int | None:
        """A member's id for a part only members take (None for no one)."""
        return None if person is None else self.member(person.name)

    def holder(self, person: Person | None) -> tuple[int | None, str | None]:
        """(member id, guest name) for a part a member or a guest can take."""
        if person is None:
            return None, None
        if person.member_id is None:
            return None, person.name
        return self.member(person.name), None

    def note(self, team_name: str) -> list[str]:
        """The sentence saying who was added to the team, if anyone was."""
        if not self.added:
            return []
        people = plural(len(self.added), "person", "people")
        return [f"Added {people} to {one_line(team_name)}: {', '.join(self.added)}."]


def people_to_add(minutes: Minutes) -> list[str]:
    """Everyone the team must have as a member for these minutes (`Roster`'s `wanted`),
    in the order they would be added. It walks the whole record, so call it before the
    write begins."""
    named = [
        person.name
        for person, part in named_people(minutes)
        if person.member_id is not None or isinstance(part, MEMBERS_ONLY)
    ]
    return [*(recipient.name for recipient in minutes.recipients), *named]


def named_people(value: object, part: object = None) -> Iterator[tuple[Person, object]]:
    """Every person in a minutes value, in file order, with the part that names them."""
    if isinstance(value, Person):
        yield value, part
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from named_people(getattr(value, field.name), value)
    elif isinstance(value, tuple):
        for item in value:
            yield from named_people(item, part)


def norm_ids(
    session: Session, *, team: Team, minutes: Minutes, pack: Pack, notes: list[str]
) -> dict[str, int]:
    """The team's norm for each norm text in the minutes (by `match_key`), the missing
    ones added after the team's own (with the pack's practice when it is a pack norm)."""
    rows = session.exec(
        select(Norm).where(Norm.team_id == row_id(team)).order_by(col(Norm.position), col(Norm.id))
    ).all()
    ids: dict[str, int] = {}
    for norm in sorted(rows, key=lambda n: n.retired_at is not None):
        ids.setdefault(match_key(norm.text), row_id(norm))
    rated = [r.norm for check in minutes.norms_checks for r in check.ratings]
    missing: dict[str, str] = {}
    for text in (*minutes.norms, *rated):
        if match_key(text) not in ids:
            missing.setdefault(match_key(text), text)
    first = max((n.position for n in rows), default=-1) + 1
    pack_norms = {match_key(entry.name): (key, entry) for key, entry in pack.norms.items()}
    new = []
    for position, (key, text) in enumerate(missing.items(), start=first):
        pack_id, entry = pack_norms.get(key, (None, None))
        detail = entry.practice if entry else ""
        new.append(
            new_row(
                Norm,
                team_id=row_id(team),
                text=text,
                position=position,
                detail=detail,
                pack_norm_id=pack_id,
            )
        )
    ids |= dict(zip(missing, insert_rows(session, Norm, new), strict=True))
    added = [f'"{one_line(text)}"' for text in missing.values()]
    if added:
        listed = ", ".join(added)
        notes.append(f"Added {plural(len(added), 'norm')} to {one_line(team.name)}: {listed}.")
    return ids
