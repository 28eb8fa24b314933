"""Build a database with a long history: the demo teams plus thousands of meetings.

    python benchmarks/history_db.py PATH [--meetings 10000] [--seed 19]

Closed meetings hold what a long history holds: notes (one per agenda item, 5 to 8
bullet lines each), decisions with their options, take-aways, time-outs and evaluation
comments (see `history_records.py`), in words drawn with a Zipf-like spread
(`history_text.py`; one note of about five years ago mentions "xylophone"). The text
is seeded: the same seed and meeting count give the same words.

The search index (migration 0011's FTS5 tables) is rebuilt once after the rows are in
and merged into one segment per table (as migration 0013 merges it), its insert
triggers off meanwhile and then restored: the same index entries as the triggers make,
about five times faster (`--triggers` lets them fire row by row).

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
import random
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from history_insert import index_rebuilt_after, insert_rows
from history_records import Records, closed_meetings
from history_text import RARE_WORD, RARE_YEARS_AGO, Vocabulary
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
SEED = 19


@dataclass(frozen=True)
class Counts:
    """How many rows of each kind were added."""

    teams: int
    meetings: int
    agenda_items: int
    action_items: int
    parking_items: int
    notes: int = 0
    note_lines: int = 0
    decisions: int = 0
    decision_options: int = 0
    takeaways: int = 0
    time_outs: int = 0
    evaluation_comments: int = 0
    rare_word_meeting: int | None = None
    """The meeting whose note holds `history_text.RARE_WORD`."""


def build(
    path: Path, *, meetings: int, now: datetime, seed: int = SEED, triggers: bool = False
) -> Counts:
    """Add the demo teams to `path` (a new file), then `meetings` more meetings; the
    search index is rebuilt once at the end, or kept up row by row with `triggers`."""
    code = facilitator_main(["--db", str(path), "demo", "--no-open"])
    if code != 0:
        raise SystemExit(f"facilitator demo failed with exit code {code}")
    target = sqlite_target(path)
    prepare_database(target)  # already done by demo; cheap, and says what we rely on
    database = Database(target)
    try:
        with database.write(now=now) as session:
            if triggers:
                return _fill(session, meetings=meetings, now=now, rng=random.Random(seed))
            with index_rebuilt_after(session):
                return _fill(session, meetings=meetings, now=now, rng=random.Random(seed))
    finally:
        database.dispose()


def _fill(session: Session, *, meetings: int, now: datetime, rng: random.Random) -> Counts:
    tables = metadata.tables
    words = Vocabulary(rng)
    team_ids = _add_teams(session, tables, now=now)
    members = _members_by_team(session, tables)
    meeting_rows = list(_meetings(session, tables, team_ids, words, count=meetings, now=now))
    agenda_rows = list(_agenda_items(session, tables, meeting_rows, members, words, now=now))
    action_rows = list(_action_items(meeting_rows, agenda_rows, members, words, now=now))
    parking_rows = list(_parking_items(meeting_rows, members, words, now=now))
    added = _closed_records(
        session, tables, meeting_rows, agenda_rows, Records(words, members, now)
    )
    for name, rows in (
        ("meeting", meeting_rows),
        ("agenda_item", agenda_rows),
        ("action_item", action_rows),
        ("parking_lot_item", parking_rows),
        *added.items(),
    ):
        insert_rows(session, tables[name], rows)
    return Counts(
        teams=len(team_ids),
        meetings=len(meeting_rows),
        agenda_items=len(agenda_rows),
        action_items=len(action_rows),
        parking_items=len(parking_rows),
        notes=len(added["note"]),
        note_lines=sum(row["body"].count("\n") + 1 for row in added["note"]),
        decisions=len(added["decision"]),
        decision_options=len(added["decision_option"]),
        takeaways=len(added["takeaway"]),
        time_outs=len(added["time_out"]),
        evaluation_comments=len(added["evaluation_answer"]),
        rare_word_meeting=_rare_meeting(added["note"]),
    )


def _closed_records(
    session: Session,
    tables: Tables,
    meetings: Sequence[Values],
    agenda: Sequence[Values],
    records: Records,
) -> dict[str, list[Values]]:
    """The rows of the closed meetings' notes, decisions, take-aways, time-outs and
    evaluations, by table, in an order that inserts parents first."""
    closed = closed_meetings(meetings)
    rare = _meeting_near(closed, records.now - timedelta(days=365 * RARE_YEARS_AGO))
    decisions, options = records.decisions(agenda, closed, _next_id(session, tables["decision"]))
    evaluations, responses, answers = records.evaluations(
        closed, _next_id(session, tables["evaluation"])
    )
    return {
        "note": records.notes(agenda, closed, rare),
        "decision": decisions,
        "decision_option": options,
        "takeaway": records.takeaways(closed),
        "time_out": records.time_outs(agenda, closed),
        "evaluation": evaluations,
        "evaluation_response": responses,
        "evaluation_answer": answers,
    }


def _meeting_near(closed: Mapping[int, Values], moment: datetime) -> int:
    """The closed meeting held closest to `moment` (-1 when there is none)."""
    return min(
        closed,
        key=lambda meeting_id: abs(closed[meeting_id]["scheduled_start"] - moment),
        default=-1,
    )


def _rare_meeting(notes: Sequence[Values]) -> int | None:
    return next((row["meeting_id"] for row in notes if RARE_WORD in row["body"]), None)


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
    session: Session,
    tables: Tables,
    team_ids: Sequence[int],
    words: Vocabulary,
    *,
    count: int,
    now: datetime,
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
                "title": words.title(),
                "purpose": words.sentence(6, 14),
                "goals": "\n".join(words.sentence(4, 9) for _ in range(2)),
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
    words: Vocabulary,
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
                    "title": f"{AGENDA_TITLES[position]}: {' '.join(words.draw(2))}",
                    "goal": words.sentence(4, 10),
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
    words: Vocabulary,
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
                "what": words.sentence(4, 10),
                "owner_member_id": _pick(people, meeting["id"]),
                "owner_to_be_decided": False,
                "due_date": due,
                "status": ActionStatus.DONE if done else ActionStatus.OPEN,
                "done_at": meeting["closed_at"] if done else None,
            },
            now,
        )


def _parking_items(
    meetings: Sequence[Values],
    members: dict[int, list[int]],
    words: Vocabulary,
    *,
    now: datetime,
) -> Iterator[Values]:
    """A parking-lot item for every fifth meeting; most have been dealt with."""
    for meeting in meetings[::5]:
        people = members.get(meeting["team_id"], [])
        resolved = meeting["status"] == MeetingStatus.CLOSED and meeting["id"] % 3 != 0
        yield _stamped(
            {
                "team_id": meeting["team_id"],
                "meeting_id": meeting["id"],
                "text": words.sentence(4, 12),
                "raised_by_member_id": _pick(people, 0),
                "status": ParkingStatus.RESOLVED if resolved else ParkingStatus.OPEN,
                "disposition_note": words.sentence(3, 8) if resolved else "",
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
    parser.add_argument("--seed", type=int, default=SEED, help="the text's random seed")
    parser.add_argument(
        "--triggers",
        action="store_true",
        help="index row by row through the search triggers (slower) instead of one rebuild",
    )
    args = parser.parse_args(argv)
    if args.path.exists():
        parser.error(f"{args.path} exists; give a new file")
    started = time.monotonic()
    counts = build(
        args.path,
        meetings=args.meetings,
        now=datetime.now(UTC),
        seed=args.seed,
        triggers=args.triggers,
    )
    seconds = time.monotonic() - started
    print(
        f"Added {counts.meetings} meetings, {counts.agenda_items} agenda items, "
        f"{counts.action_items} action items and {counts.parking_items} parking-lot items "
        f"over {counts.teams} teams to {args.path}."
    )
    print(
        f"Closed meetings hold {counts.notes} notes ({counts.note_lines} lines), "
        f"{counts.decisions} decisions ({counts.decision_options} options), "
        f"{counts.takeaways} take-aways, {counts.time_outs} time-outs and "
        f"{counts.evaluation_comments} evaluation comments; the note of meeting "
        f"{counts.rare_word_meeting} mentions the rare word. Built in {seconds:.1f} s, "
        f"{args.path.stat().st_size / 2**20:.1f} MiB."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
