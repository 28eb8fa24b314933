"""How long the big operations hold the SQLite write lock, against the ~100 ms goal
(issue 15, defect 1: a 500-item agenda import held it for seconds, so another window got
"database is locked").

    .venv/bin/python benchmarks/lock_hold.py [--runs 5] [--out benchmarks/results]

Every `Database.write` block is timed (wall clock and this thread's CPU time) from entry
to the end of its commit; the lock itself is taken at the block's first statement
(BEGIN IMMEDIATE), so the figure is an upper bound of the hold. Each operation runs
`--runs` times, each on a fresh copy of a database built once, and the longest block of
each run counts. See benchmarks/README.md ("Write-lock hold").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.scale builds the data

from facilitator.domain.planning import MeetingDraft  # noqa: E402
from facilitator.pack.loader import Pack  # noqa: E402
from facilitator.pack.locate import load_default_pack  # noqa: E402
from facilitator.services.agenda_io import import_agenda  # noqa: E402
from facilitator.services.carry_forward import (  # noqa: E402
    accept_carry_forward,
    carry_forward_candidates,
)
from facilitator.services.closure import close_meeting  # noqa: E402
from facilitator.services.demo import fill_demo  # noqa: E402
from facilitator.services.minutes_export import export_minutes  # noqa: E402
from facilitator.services.minutes_io import import_minutes  # noqa: E402
from facilitator.services.planning import create_meeting  # noqa: E402
from facilitator.store.database import Database  # noqa: E402
from facilitator.store.prepare import prepare_database  # noqa: E402
from facilitator.store.target import sqlite_target  # noqa: E402
from tests.scale import (  # noqa: E402
    add_debts,
    big_agenda,
    held_meeting,
    planned_meeting,
    team_and_members,
)

GOAL_MS = 100.0
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
EARLIER = 1  # the demo's first meeting: it sets the extra items aside


@dataclass
class Block:
    """One write block: wall-clock and CPU milliseconds."""

    wall_ms: float
    cpu_ms: float


@dataclass
class Row:
    """One operation's figures over its runs."""

    name: str
    longest_wall_ms: list[float]
    cpu_ms: list[float]
    blocks: int
    whole_ms: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.longest_wall_ms)


Setup = Callable[[Database, Pack], dict[str, Any]]
Operation = Callable[[Database, Pack, dict[str, Any]], object]


@contextmanager
def timed_writes(blocks: list[Block]) -> Iterator[None]:
    """Record every `Database.write` block while inside."""
    original = Database.write

    @contextmanager
    def write(self: Database, *, now: datetime) -> Iterator[Any]:
        wall, cpu = time.perf_counter(), time.thread_time()
        with original(self, now=now) as session:
            yield session
        blocks.append(Block((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    Database.write = write  # type: ignore[method-assign]
    try:
        yield
    finally:
        Database.write = original  # type: ignore[method-assign]


def scenarios() -> list[tuple[str, Setup, Operation]]:
    """(name, what the database holds before, the operation measured)."""
    return [
        ("Import a Markdown agenda of 500 items", _nothing, _import_agenda),
        ("Carry forward 1,002 things (334 of each kind)", _debts(334), _carry),
        ("Carry forward 3,000 things (1,000 of each kind)", _debts(1_000), _carry),
        ("Close a meeting of 1,000 items", _held(1_000), _close),
        ("Copy an agenda of 1,000 items into a new meeting", _held(1_000), _copy),
        ("Import JSON minutes of 380 items (4,953 rows)", _minutes_file, _import_minutes),
    ]


def _nothing(_db: Database, _pack: Pack) -> dict[str, Any]:
    return {"text": big_agenda(500)}


def _import_agenda(db: Database, pack: Pack, data: dict[str, Any]) -> object:
    return import_agenda(db, text=data["text"], pack=pack, now=NOW, tz=UTC)


def _debts(count: int) -> Setup:
    def setup(db: Database, pack: Pack) -> dict[str, Any]:
        add_debts(db, count=count, from_meeting=EARLIER, now=NOW)
        meeting_id = planned_meeting(db, pack, now=NOW)
        picks = [(c.kind, c.id) for c in carry_forward_candidates(db, meeting_id=meeting_id)]
        return {"meeting_id": meeting_id, "picks": picks}

    return setup


def _carry(db: Database, _pack: Pack, data: dict[str, Any]) -> object:
    return accept_carry_forward(db, meeting_id=data["meeting_id"], picks=data["picks"], now=NOW)


def _held(items: int) -> Setup:
    def setup(db: Database, pack: Pack) -> dict[str, Any]:
        return {"meeting_id": held_meeting(db, pack, items=items, now=NOW)}

    return setup


def _close(db: Database, pack: Pack, data: dict[str, Any]) -> object:
    close_meeting(db, meeting_id=data["meeting_id"], now=NOW)
    return None


def _copy(db: Database, pack: Pack, data: dict[str, Any]) -> object:
    team_id, _ = team_and_members(db)
    draft = MeetingDraft(title="Copied", date="2026-12-21", time="15:30", minutes="600")
    return create_meeting(
        db, team_id=team_id, draft=draft, pack=pack, now=NOW, tz=UTC, copy_of=data["meeting_id"]
    )


def _minutes_file(db: Database, pack: Pack) -> dict[str, Any]:
    meeting_id = held_meeting(db, pack, items=380, now=NOW)  # just under 5,000 records
    data = export_minutes(db, meeting_id=meeting_id, fmt="json", pack=pack, tz=UTC, now=NOW)
    return {"text": data.decode()}


def _import_minutes(db: Database, pack: Pack, data: dict[str, Any]) -> object:
    return import_minutes(db, text=data["text"], pack=pack, now=NOW)


def measure(
    name: str, setup: Setup, operation: Operation, *, runs: int, workdir: Path, pack: Pack
) -> Row:
    """Build the database once, then run the operation `runs` times on fresh copies."""
    template = workdir / "template.db"
    prepare_database(sqlite_target(template))
    db = Database(sqlite_target(template))
    fill_demo(db, pack=pack, now=NOW, tz=UTC)
    data = setup(db, pack)
    db.dispose()  # the last connection folds the write-ahead log into the file
    row = Row(name, [], [], 0, [])
    for run in range(runs):
        path = workdir / f"run{run}.db"
        shutil.copyfile(template, path)
        copy = Database(sqlite_target(path))
        blocks: list[Block] = []
        with timed_writes(blocks):
            start = time.perf_counter()
            operation(copy, pack, data)
            row.whole_ms.append((time.perf_counter() - start) * 1000)
        copy.dispose()
        longest = max(blocks, key=lambda block: block.wall_ms)
        row.longest_wall_ms.append(longest.wall_ms)
        row.cpu_ms.append(longest.cpu_ms)
        row.blocks = len(blocks)
    template.unlink()
    return row


def table(rows: list[Row], load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    before, after = (", ".join(f"{x:.2f}" for x in pair) for pair in load)
    lines = [
        f"Write-lock hold, goal {GOAL_MS:.0f} ms ({platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load {before} -> {after})",
        "",
        "| Operation | Writes | Longest hold: median (min–max) | CPU in it | Whole call | Result |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        low, high = min(row.longest_wall_ms), max(row.longest_wall_ms)
        result = "PASS" if row.median <= GOAL_MS else "FAIL"
        lines.append(
            f"| {row.name} | {row.blocks} | {row.median:.1f} ms ({low:.1f}–{high:.1f}) | "
            f"{statistics.median(row.cpu_ms):.1f} ms | "
            f"{statistics.median(row.whole_ms):.0f} ms | {result} |"
        )
    lines += [
        "",
        "Longest hold: the longest `Database.write` block of a run, entry to commit, wall "
        "clock. CPU in it: this thread's CPU time in that block (the rest is waiting: disk, "
        "or other processes on a busy machine). Whole call: the operation, reads included.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each operation")
    parser.add_argument("--out", type=Path, default=None, help="also write lock_hold.json/.md")
    args = parser.parse_args(argv)
    pack = load_default_pack()
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="lock-hold-") as folder:
        os.environ["XDG_DATA_HOME"] = folder  # nothing touches the user's own files
        for name, setup, operation in scenarios():
            rows.append(
                measure(name, setup, operation, runs=args.runs, workdir=Path(folder), pack=pack)
            )
            print(f"measured: {name}", file=sys.stderr)
    report = table(rows, (load_before, os.getloadavg()))
    print(report)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "lock_hold.md").write_text(report + "\n", encoding="utf-8")
        figures = {"goal_ms": GOAL_MS, "rows": [asdict(row) for row in rows]}
        (args.out / "lock_hold.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
