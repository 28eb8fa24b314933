"""Minutes in from a file: a JSON export (see `facilitator.render.minutes_json` and
MINUTES_JSON.md beside it) becomes a meeting again, in this database, with its whole
record.

The team is found by name or made; people and norms are matched by name and text or
added to the team (see `facilitator.services.minutes_people`); then the meeting and
everything recorded in it are written as new rows (`facilitator.services.minutes_restore`)
with their times and status as the file has them: closed minutes stay closed, sent
minutes stay sent. All of it is one transaction: a file with a problem saves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from facilitator.domain.minutes import Minutes
from facilitator.domain.planning import AGENDA_ITEMS_MAX
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.render.minutes_json import UnreadableMinutes, minutes_from_json
from facilitator.services.minutes_people import (
    Roster,
    find_or_add_team,
    norm_ids,
    people_to_add,
)
from facilitator.services.minutes_restore import Restorer
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Team, row_id

MINUTES_MAX_BYTES = 5_000_000
"""The largest minutes file read: a long meeting's notes fit many times over (a file of
10 MB of notes held the write lock for about 110 ms here)."""
MINUTES_RECORDS_MAX = 5_000
"""The most rows one minutes file may become: 350 items, each with steps, notes, a
decision with options and votes, an action and a parking-lot entry, fit. Writing 5,000
rows holds the write lock for about 50 ms (benchmarks/lock_hold.py)."""


@dataclass(frozen=True)
class ImportedMinutes:
    """The meeting an import made, and sentences worth reading (a team, people or norms
    added, a meeting that was already there)."""

    meeting_id: int
    title: str
    team_name: str
    notes: tuple[str, ...] = ()


class MinutesNotImported(InvalidInput):
    """A minutes file that cannot be read; nothing was saved. `path` says where in the
    file the problem is ("meeting.items[2].actions[0].due"), empty for the whole file."""

    exit_code = 1

    def __init__(self, problem: UnreadableMinutes) -> None:
        super().__init__({problem.path or "file": problem.sentence})
        self.path = problem.path


def import_minutes(db: Database, *, text: str, pack: Pack, now: datetime) -> ImportedMinutes:
    """Save the meeting in the minutes file `text` (JSON) in one transaction and say what
    was made; raise MinutesNotImported, saving nothing, if the file cannot be read or is
    too large (see `check_size`)."""
    return save_minutes(db, minutes=read_minutes(text), pack=pack, now=now)


def read_minutes(text: str) -> Minutes:
    """The minutes in the file `text` (JSON); MinutesNotImported if it cannot be read or
    is too large. Needs no database: the command line reads the file before it opens one."""
    try:
        minutes = minutes_from_json(_within_size(text))
        check_size(minutes)
        return minutes
    except UnreadableMinutes as problem:
        raise MinutesNotImported(problem) from None


def save_minutes(db: Database, *, minutes: Minutes, pack: Pack, now: datetime) -> ImportedMinutes:
    """Save `minutes` (from `read_minutes`) as a meeting, in one transaction."""
    team_notes: list[str] = []
    norm_notes: list[str] = []
    wanted = people_to_add(minutes)
    with db.write(now=now) as session:
        team = find_or_add_team(session, minutes, team_notes)
        twice = _already_there(session, team, minutes)
        roster = Roster(session, team=team, minutes=minutes, wanted=wanted)
        norms = norm_ids(session, team=team, minutes=minutes, pack=pack, notes=norm_notes)
        meeting_id = Restorer(
            session, minutes=minutes, team_id=row_id(team), roster=roster, norms=norms, pack=pack
        ).write()
        notes = [*team_notes, *roster.note(team.name), *norm_notes]
        if twice:
            notes.append(
                f'{team.name} already had a meeting called "{minutes.title}" at that time; '
                "this is a second copy of it."
            )
        return ImportedMinutes(meeting_id, minutes.title, team.name, tuple(notes))


def _within_size(text: str) -> str:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MINUTES_MAX_BYTES:
        raise UnreadableMinutes(
            f"The minutes file is {size:,} bytes; a minutes file can be at most "
            f"{MINUTES_MAX_BYTES:,} bytes ({MINUTES_MAX_BYTES / 1e6:g} MB)."
        )
    return text


def check_size(minutes: Minutes) -> None:
    """Refuse minutes of more than AGENDA_ITEMS_MAX items or MINUTES_RECORDS_MAX records
    (UnreadableMinutes): one import is one write, and it must stay short."""
    items = len(minutes.items)
    if items > AGENDA_ITEMS_MAX:
        raise UnreadableMinutes(
            f"The minutes have {items:,} agenda items; minutes can have at most "
            f"{AGENDA_ITEMS_MAX}.",
            "meeting.items",
        )
    records = _records(minutes)
    if records > MINUTES_RECORDS_MAX:
        raise UnreadableMinutes(
            f"The minutes hold {records:,} records (steps, notes, decisions, votes, action "
            f"items and the like); minutes can hold at most {MINUTES_RECORDS_MAX:,}."
        )


def _records(m: Minutes) -> int:
    """How many rows the minutes would be written as."""
    parts: tuple[tuple[object, ...], ...] = (
        m.items,
        *(item.steps for item in m.items),
        *(item.segments for item in m.items),
        m.decisions,
        *(d.options for d in m.decisions),
        *(d.votes for d in m.decisions),
        m.actions,
        m.parking,
        m.next_agenda,
        m.takeaways,
        m.communication,
        m.norms_checks,
        *(check.ratings for check in m.norms_checks),
        m.process_checks,
        m.time_outs,
        m.turns,
        m.roles,
        m.attendees,
    )
    return sum(len(part) for part in parts) + len(m.items) + 1  # notes, the meeting


def _already_there(session: Session, team: Team, minutes: Minutes) -> bool:
    """Whether the team has a meeting of this title at this time (an import done twice)."""
    statement = select(Meeting.id).where(
        Meeting.team_id == row_id(team),
        Meeting.title == minutes.title,
        Meeting.scheduled_start == minutes.scheduled_start,
    )
    return session.exec(statement).first() is not None
