"""Large agendas and meetings for the scale regressions of issue 15, defect 1 (tests/*/
test_*_scale.py) and for `benchmarks/lock_hold.py`, and a counter of the SQL statements
a call sends.

The rows go in with a few bulk inserts, so a meeting of a thousand items takes well under
a second to build. Statement counts, not timings, show that a call is linear: a call
whose statements do not grow with the number of items cannot re-read the agenda per item.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, event, update
from sqlmodel import select

from facilitator.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    DecisionStatus,
    MeetingStatus,
    ParkingStatus,
)
from facilitator.domain.planning import MeetingDraft
from facilitator.pack.loader import Pack
from facilitator.services.planning import create_meeting
from facilitator.store.bulk import Values, insert_rows, new_row
from facilitator.store.database import Database
from facilitator.store.engine import BEGIN_OPTION
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    AgendaStep,
    Attendance,
    Decision,
    DecisionOption,
    Meeting,
    Member,
    NextAgendaEntry,
    Note,
    ParkingLotItem,
    Team,
    TimerSegment,
    Vote,
)

TEAM = "Riverside Elementary Leadership Team"
"""The demo team the big meetings belong to."""
PROTOCOL = "Interest-based problem solving"
"""A protocol of the packaged library with steps of its own."""


@dataclass
class Statements:
    """The SQL statements sent while counting: every one, and those of each write
    transaction (from its BEGIN IMMEDIATE to its commit or rollback)."""

    executed: list[str] = field(default_factory=list)
    writes: list[list[str]] = field(default_factory=list)
    writing: bool = False

    def __len__(self) -> int:
        return len(self.executed)


@contextmanager
def counted(db: Database) -> Iterator[Statements]:
    """Count the statements `db` sends inside the block (an executemany is one)."""
    found = Statements()

    pages: list[object] = [None]

    def before(
        _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, *_: Any
    ) -> None:
        # On PostgreSQL an executemany that returns ids is sent as pages of 1,000 rows
        # (SQLAlchemy's "insertmanyvalues"), each page a call here with the same context.
        if context is not None and context is pages[0]:
            return
        pages[0] = context
        found.executed.append(statement)
        if found.writing and not statement.startswith("BEGIN"):
            found.writes[-1].append(statement)

    def began(connection: Connection) -> None:
        # A write transaction is one begun through the write engine (BEGIN IMMEDIATE on
        # SQLite; on PostgreSQL the driver begins it with its first statement).
        if connection.get_execution_options().get(BEGIN_OPTION) == "IMMEDIATE":
            found.writes.append([])
            found.writing = True

    def ended(_conn: Any) -> None:
        found.writing = False

    engine = db.engine
    listeners = (
        ("before_cursor_execute", before),
        ("begin", began),
        ("commit", ended),
        ("rollback", ended),
    )
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield found
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


def big_agenda(items: int, *, title: str = "Long planning meeting") -> str:
    """A Markdown agenda for the demo team with `items` items: members and guests
    presenting, every kind, a protocol on every fifth item and steps written out on every
    seventh."""
    lines = [f"# {title}", f"Team: {TEAM}", "Date: 2026-12-14", "Time: 15:30", "Length: 600 min"]
    lines += ["", "## Agenda"]
    presenters = ("(Daniel Okafor)", "(A Visiting Guest)", "(Aisha Karimi)", "")
    kinds = ("[decision]", "[information]", "", "[discussion]", "")
    for number in range(items):
        who, kind = presenters[number % 4], kinds[number % 5]
        lines.append(f"- 1 min Item {number} - goal: settle point {number} {who} {kind}")
        if number % 5 == 0:
            lines.append(f"  - Process: {PROTOCOL}")
        if number % 7 == 0:
            lines += ["  - Steps:", "    - Look at the data", "    - Watch it (video 0:00-1:30)"]
    return "\n".join(lines) + "\n"


def team_and_members(db: Database) -> tuple[int, list[int]]:
    """The demo team's id and its active members' ids."""
    with db.read() as session:
        team = session.exec(select(Team).where(Team.name == TEAM)).one()
        members = session.exec(
            select(Member.id).where(Member.team_id == team.id, Member.archived_at == None)  # noqa: E711
        ).all()
        assert team.id is not None
        return team.id, [m for m in members if m is not None]


def add_debts(db: Database, *, count: int, from_meeting: int, now: datetime) -> None:
    """`count` open action items, `count` open parking-lot entries and `count` items set
    aside for the next meeting (by meeting `from_meeting`), all of the demo team."""
    team_id, members = team_and_members(db)
    due = date(2026, 12, 20)
    with db.write(now=now) as session:
        rows: list[tuple[type[Any], list[Values]]] = [
            (
                ActionItem,
                [
                    new_row(
                        ActionItem,
                        team_id=team_id,
                        what=f"Follow up on point {n}",
                        owner_member_id=members[n % len(members)],
                        due_date=due,
                    )
                    for n in range(count)
                ],
            ),
            (
                ParkingLotItem,
                [
                    new_row(ParkingLotItem, team_id=team_id, text=f"Parked question {n}")
                    for n in range(count)
                ],
            ),
            (
                NextAgendaEntry,
                [
                    new_row(
                        NextAgendaEntry,
                        team_id=team_id,
                        meeting_id=from_meeting,
                        title=f"Set aside topic {n}",
                    )
                    for n in range(count)
                ],
            ),
        ]
        for table, values in rows:
            insert_rows(session, table, values)


def planned_meeting(db: Database, pack: Pack, *, now: datetime, title: str = "Big one") -> int:
    """A new planned meeting of the demo team, with no agenda yet."""
    team_id, _ = team_and_members(db)
    draft = MeetingDraft(title=title, date="2026-12-14", time="15:30", minutes="600")
    return create_meeting(db, team_id=team_id, draft=draft, pack=pack, now=now, tz=None).id


def held_meeting(db: Database, pack: Pack, *, items: int, now: datetime) -> int:
    """A meeting of the demo team that has been held and is ready to close: `items`
    items, each with three steps, a timed segment, notes, a decided decision with two
    options and votes, a complete action item and a resolved parking-lot entry; everyone
    marked present."""
    meeting_id = planned_meeting(db, pack, now=now, title=f"Held meeting of {items} items")
    team_id, members = team_and_members(db)
    with db.write(now=now) as session:
        item_ids = insert_rows(
            session,
            AgendaItem,
            [
                new_row(AgendaItem, meeting_id=meeting_id, position=n, title=f"Item {n}")
                for n in range(items)
            ],
        )
        _add_item_records(session, (team_id, meeting_id), item_ids, members, now)
        session.execute(
            update(Attendance)
            .where(Attendance.meeting_id == meeting_id)  # type: ignore[arg-type]
            .values(status=AttendanceStatus.PRESENT, confirmed_at=now)
        )
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status = MeetingStatus.RUNNING
        meeting.started_at = now - timedelta(hours=2)
        meeting.ended_at = now
    return meeting_id


def _add_item_records(
    session: Any, ids: tuple[int, int], item_ids: list[int], members: list[int], now: datetime
) -> None:
    team_id, meeting_id = ids
    started = now - timedelta(hours=2)
    steps = [
        new_row(AgendaStep, agenda_item_id=item, position=p, title=f"Step {p}")
        for item in item_ids
        for p in range(3)
    ]
    insert_rows(session, AgendaStep, steps)
    segments = [
        new_row(
            TimerSegment,
            meeting_id=meeting_id,
            agenda_item_id=item,
            started_at=started,
            stopped_at=started + timedelta(seconds=5),
        )
        for item in item_ids
    ]
    insert_rows(session, TimerSegment, segments)
    notes = [
        new_row(Note, meeting_id=meeting_id, agenda_item_id=item, body=f"Notes on item {item}.")
        for item in item_ids
    ]
    insert_rows(session, Note, notes)
    decisions = insert_rows(
        session,
        Decision,
        [
            new_row(
                Decision,
                meeting_id=meeting_id,
                agenda_item_id=item,
                question=f"Which way on {item}?",
                method="majority",
                outcome="The first way.",
                status=DecisionStatus.DECIDED,
                decided_at=now,
            )
            for item in item_ids
        ],
    )
    options = insert_rows(
        session,
        DecisionOption,
        [
            new_row(DecisionOption, decision_id=d, position=p, text=f"Way {p}", chosen=p == 0)
            for d in decisions
            for p in range(2)
        ],
    )
    votes = [
        new_row(Vote, decision_id=d, option_id=options[2 * n], member_id=member)
        for n, d in enumerate(decisions)
        for member in members[:2]
    ]
    insert_rows(session, Vote, votes)
    insert_rows(session, ActionItem, _actions(ids, item_ids, members))
    parked = [
        new_row(
            ParkingLotItem,
            team_id=team_id,
            meeting_id=meeting_id,
            agenda_item_id=item,
            text=f"Question raised in {item}",
            status=ParkingStatus.RESOLVED,
            disposed_at=now,
        )
        for item in item_ids
    ]
    insert_rows(session, ParkingLotItem, parked)


def _actions(ids: tuple[int, int], item_ids: list[int], members: list[int]) -> list[Values]:
    team_id, meeting_id = ids
    return [
        new_row(
            ActionItem,
            team_id=team_id,
            meeting_id=meeting_id,
            agenda_item_id=item,
            what=f"Do the thing agreed in {item}",
            owner_member_id=members[n % len(members)],
            due_date=date(2026, 12, 21),
            status=ActionStatus.OPEN,
        )
        for n, item in enumerate(item_ids)
    ]
