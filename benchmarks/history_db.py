"""Build a database with a long history: the demo teams plus thousands of meetings.

    python benchmarks/history_db.py PATH [--meetings 10000]

The runner calls this in a child process rather than importing it: SQLAlchemy would
raise the runner's own peak memory, and on Linux a child's `ru_maxrss` can never be
lower than the peak of the process that started it (the forked memory map is counted
before `exec` replaces it), so the runner stays small on purpose.

Rows go in through SQLAlchemy core `insert()` executemany, all in one transaction,
with ids chosen here so that agenda, action and parking-lot rows can point at their
meetings without reading anything back. ORM objects would take minutes, not seconds.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from facilitator.cli import main as facilitator_main
from facilitator.domain.enums import ActionStatus, ItemKind, MeetingStatus, ParkingStatus
from facilitator.store.database import Database
from facilitator.store.prepare import prepare_database
from facilitator.store.tables import metadata
from facilitator.store.target import sqlite_target

Values = dict[str, Any]
Tables = Mapping[str, Table]

EXTRA_TEAMS = ("Grade 3 PLC", "Grade 7 Math PLC", "District Learning Team", "Science Department")
MEMBERS_PER_TEAM = 6
HISTORY_YEARS = 6  # meetings run back this far ...
FUTURE_WEEKS = 26  # ... and forward this far from today
AGENDA_TITLES = ("Check-in", "Review of action items", "Student work", "Next steps")
KINDS = (ItemKind.INFORMATION, ItemKind.DISCUSSION, ItemKind.DECISION)


@dataclass(frozen=True)
class Counts:
    """How many rows of each kind were added."""

    teams: int
    meetings: int
    agenda_items: int
    action_items: int
    parking_items: int


def build(path: Path, *, meetings: int, now: datetime) -> Counts:
    """Add the demo teams to `path` (a new file), then `meetings` more meetings."""
    code = facilitator_main(["--db", str(path), "demo", "--no-open"])
    if code != 0:
        raise SystemExit(f"facilitator demo failed with exit code {code}")
    target = sqlite_target(path)
    prepare_database(target)  # already done by demo; cheap, and says what we rely on
    database = Database(target)
    try:
        with database.write(now=now) as session:
            return _fill(session, meetings=meetings, now=now)
    finally:
        database.dispose()


def _fill(session: Session, *, meetings: int, now: datetime) -> Counts:
    tables = metadata.tables
    team_ids = _add_teams(session, tables, now=now)
    members = _members_by_team(session, tables)
    meeting_rows = list(_meetings(session, tables, team_ids, count=meetings, now=now))
    agenda_rows = list(_agenda_items(session, tables, meeting_rows, members, now=now))
    action_rows = list(_action_items(meeting_rows, agenda_rows, members, now=now))
    parking_rows = list(_parking_items(meeting_rows, members, now=now))
    for name, rows in (
        ("meeting", meeting_rows),
        ("agenda_item", agenda_rows),
        ("action_item", action_rows),
        ("parking_lot_item", parking_rows),
    ):
        session.execute(insert(tables[name]), rows)
    return Counts(
        teams=len(team_ids),
        meetings=len(meeting_rows),
        agenda_items=len(agenda_rows),
        action_items=len(action_rows),
        parking_items=len(parking_rows),
    )


def _next_id(session: Session, table: Table) -> int:
    return int(session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _stamped(row: Values, now: datetime) -> Values:
    # Core inserts skip the ORM's before_flush hook that normally fills these NOT NULL columns.
    return {**row, "created_at": now, "updated_at": now}


def _add_teams(session: Session, tables: Tables, *, now: datetime) -> list[int]:
    """Add a few teams with members; return the ids of every team (demo ones included)."""
    team_table: Table = tables["team"]
    first = _next_id(session, team_table)
    teams = [
        _stamped({"id": first + i, "name": name, "kind": None, "purpose": ""}, now)
        for i, name in enumerate(EXTRA_TEAMS)
    ]
    session.execute(insert(team_table), teams)
    members = [
        _stamped({"team_id": team["id"], "name": f"Member {n + 1}", "position": ""}, now)
        for team in teams
        for n in range(MEMBERS_PER_TEAM)
    ]
    session.execute(insert(tables["member"]), members)
    return [int(team_id) for team_id in session.execute(select(team_table.c.id)).scalars()]


def _pick(people: Sequence[int], n: int) -> int | None:
    """The nth member in turn, or nobody for a team without members."""
    return people[n % len(people)] if people else None


def _members_by_team(session: Session, tables: Tables) -> dict[int, list[int]]:
    member_table: Table = tables["member"]
    found: dict[int, list[int]] = {}
    for member_id, team_id in session.execute(select(member_table.c.id, member_table.c.team_id)):
        found.setdefault(int(team_id), []).append(int(member_id))
    return found


def _meetings(
    session: Session, tables: Tables, team_ids: Sequence[int], *, count: int, now: datetime
) -> Iterator[Values]:
    """Meetings spread evenly from HISTORY_YEARS ago to FUTURE_WEEKS ahead, teams in turn."""
    first = _next_id(session, tables["meeting"])
    start = now - timedelta(days=365 * HISTORY_YEARS)
    span = (now + timedelta(weeks=FUTURE_WEEKS)) - start
    step = span / max(count, 1)
    for n in range(count):
        when = (start + step * n).replace(hour=15, minute=30, second=0, microsecond=0)
        past = when < now
        # Most past meetings were closed; every 25th was planned and never run, as in life.
        closed = past and n % 25 != 0
        yield _stamped(
            {
                "id": first + n,
                "team_id": team_ids[n % len(team_ids)],
                "title": f"Meeting {n + 1}",
                "purpose": "Look at student work and agree on next steps.",
                "goals": "",
                "scheduled_start": when,
                "planned_minutes": 60,
                "location": "Library",
                "status": MeetingStatus.CLOSED if closed else MeetingStatus.PLANNED,
                "template_id": None,
                "started_at": when if closed else None,
                "ended_at": when + timedelta(minutes=55) if closed else None,
                "closed_at": when + timedelta(minutes=60) if closed else None,
            },
            now,
        )


def _agenda_items(
    session: Session,
    tables: Tables,
    meetings: Sequence[Values],
    members: dict[int, list[int]],
    *,
    now: datetime,
) -> Iterator[Values]:
    """Three or four items per meeting, presented by the team's members in turn."""
    next_id = _next_id(session, tables["agenda_item"])
    for meeting in meetings:
        people = members.get(meeting["team_id"], [])
        for position in range(3 + meeting["id"] % 2):
            yield _stamped(
                {
                    "id": next_id,
                    "meeting_id": meeting["id"],
                    "position": position,
                    "title": AGENDA_TITLES[position],
                    "goal": "",
                    "presenter_member_id": _pick(people, meeting["id"] + position),
                    "planned_minutes": 15,
                    "extra_seconds": 0,
                    "kind": KINDS[position % len(KINDS)],
                    "facilitator_notes": "",
                },
                now,
            )
            next_id += 1


def _action_items(
    meetings: Sequence[Values],
    agenda: Sequence[Values],
    members: dict[int, list[int]],
    *,
    now: datetime,
) -> Iterator[Values]:
    """One action item for every other meeting; those of closed meetings are mostly done."""
    first_item = {row["meeting_id"]: row["id"] for row in agenda if row["position"] == 0}
    for meeting in meetings[::2]:
        people = members.get(meeting["team_id"], [])
        closed = meeting["status"] == MeetingStatus.CLOSED
        done = closed and meeting["id"] % 10 != 0  # a few old ones are still open
        due: date = (meeting["scheduled_start"] + timedelta(days=14)).date()
        yield _stamped(
            {
                "team_id": meeting["team_id"],
                "meeting_id": meeting["id"],
                "agenda_item_id": first_item.get(meeting["id"]),
                "what": f"Share the notes from {meeting['title']}",
                "owner_member_id": _pick(people, meeting["id"]),
                "owner_to_be_decided": False,
                "due_date": due,
                "status": ActionStatus.DONE if done else ActionStatus.OPEN,
                "done_at": meeting["closed_at"] if done else None,
            },
            now,
        )


def _parking_items(
    meetings: Sequence[Values], members: dict[int, list[int]], *, now: datetime
) -> Iterator[Values]:
    """A parking-lot item for every fifth meeting; most have been dealt with."""
    for meeting in meetings[::5]:
        people = members.get(meeting["team_id"], [])
        resolved = meeting["status"] == MeetingStatus.CLOSED and meeting["id"] % 3 != 0
        yield _stamped(
            {
                "team_id": meeting["team_id"],
                "meeting_id": meeting["id"],
                "text": f"Question raised in {meeting['title']}",
                "raised_by_member_id": _pick(people, 0),
                "status": ParkingStatus.RESOLVED if resolved else ParkingStatus.OPEN,
                "disposition_note": "",
                "disposed_at": meeting["closed_at"] if resolved else None,
            },
            now,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build a database with the demo teams and thousands of meetings."
    )
    parser.add_argument("path", type=Path, help="a database file that does not exist yet")
    parser.add_argument("--meetings", type=int, default=10_000)
    args = parser.parse_args(argv)
    if args.path.exists():
        parser.error(f"{args.path} exists; give a new file")
    counts = build(args.path, meetings=args.meetings, now=datetime.now(UTC))
    print(
        f"Added {counts.meetings} meetings, {counts.agenda_items} agenda items, "
        f"{counts.action_items} action items and {counts.parking_items} parking-lot items "
        f"over {counts.teams} teams to {args.path}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
