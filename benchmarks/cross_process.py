"""How soon a change made in one process shows on another process's screen, and how long
an autosave of the notes takes to commit, on the database given.

    python -m benchmarks.cross_process [--db PATH_OR_URL] [--writes 200] [--saves 200]
                                       [--viewer run|projector] [--out benchmarks/results]

The second process is a real `facilitator run MEETING_ID` (or `facilitator projector`)
in a pseudo-terminal (`Viewer`). This process is the first: it writes through the
services, as the other window's write thread would. See the README's "Two processes on
one database" for what is measured and how.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reliability.common import REPO, child_env, facilitator
from reliability.terminal import Terminal

if TYPE_CHECKING:
    from facilitator.store.database import Database
    from facilitator.store.target import DatabaseTarget

GOAL_P50_MS, GOAL_P99_MS = 300.0, 1000.0
SEEN_TIMEOUT = 5.0
"""A write not on the other screen after this many seconds counts as never seen
(`--seen-timeout`)."""
EXTENSION_SECONDS = 2 * 60 * 60
"""The current item is extended by this much, so no time-up prompt covers the screen."""
WORDS = ("data", "summary", "staff", "students", "reading", "growth", "plan", "review", "owner")
NOTE_LINES = 300
"""Notes of the size the live benchmarks use for an item (about 18 KB)."""
CTRL_Q = "\x11"


class Viewer:
    """`argv` on a pty; every byte it writes is kept with the monotonic time it arrived."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str]) -> None:
        self.terminal = Terminal(argv, env)
        self.output = bytearray()
        self.chunks: list[tuple[float, int]] = []
        """(arrival, bytes received so far), one per read."""
        self._changed = threading.Condition()
        self._ended = False
        self._thread = threading.Thread(target=self._read, name="viewer-reader", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        master = self.terminal.master
        while True:
            try:
                chunk = os.read(master, 65_536)
            except OSError:  # the child has gone (EIO) or the terminal was closed
                chunk = b""
            arrived = time.monotonic()
            with self._changed:
                if not chunk:
                    self._ended = True
                    self._changed.notify_all()
                    return
                self.output += chunk
                self.chunks.append((arrived, len(self.output)))
                self._changed.notify_all()

    @property
    def received(self) -> int:
        with self._changed:
            return len(self.output)

    def wait_for(self, text: str, *, start: int = 0, timeout: float) -> float | None:
        """The moment `text` (after offset `start`) had fully arrived, waiting up to
        `timeout` s for it; None if it did not come."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        with self._changed:
            while (found := self.output.find(needle, start)) < 0:
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    return None
                self._changed.wait(left)
            # The chunk that brought the text's last byte: the first whose running
            # total reaches it.
            end = found + len(needle)
            return self.chunks[bisect.bisect_left(self.chunks, end, key=lambda c: c[1])][0]

    def stop(self, timeout: float = 15.0) -> int | None:
        """Quit (ctrl+q) and wait; kill the process group if it does not end. Its exit
        code, or None when it had to be killed."""
        process = self.terminal.process
        if process.poll() is None:
            with contextlib.suppress(OSError):
                self.terminal.send(CTRL_Q)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=timeout)
        code = process.poll()
        self.terminal.close()  # kills the group if still running, closes the pty
        self._thread.join(timeout=5)
        return code


@dataclass
class Meeting:
    """The running meeting the writes go to."""

    db: Database
    target: DatabaseTarget
    meeting_id: int
    item_id: int


@dataclass
class Figures:
    """One series of times in milliseconds, with how many were missing."""

    times_ms: list[float] = field(default_factory=list)
    missing: int = 0

    def add(self, seconds: float | None) -> None:
        """One time in seconds, or None for one that never came."""
        if seconds is None:
            self.missing += 1
        else:
            self.times_ms.append(seconds * 1000)

    def summary(self) -> dict[str, Any]:
        return {
            "n": len(self.times_ms),
            "p50_ms": percentile(self.times_ms, 0.50),
            "p99_ms": percentile(self.times_ms, 0.99),
            "max_ms": max(self.times_ms, default=None),
            "missing": self.missing,
            "times_ms": [round(value, 3) for value in self.times_ms],
        }


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The `fraction` quantile by nearest rank (p99 of 200 values is the 198th)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(-int(-fraction * len(ordered) // 1), 1)
    return ordered[min(rank, len(ordered)) - 1]


def open_meeting(value: str | None, workdir: Path) -> Meeting:
    """The database (a fresh SQLite file in `workdir` without `value`), migrated, with
    the demo in it and its next meeting running."""
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.demo import fill_demo
    from facilitator.services.live import adjust_item_time, live_state, start_or_pause
    from facilitator.store.database import Database
    from facilitator.store.prepare import prepare_database
    from facilitator.store.target import resolve_target

    target = resolve_target(value or str(workdir / "demo.db"), {})
    prepare_database(target, create=True)
    db = Database(target)
    now, pack = datetime.now(UTC), load_default_pack()
    demo = fill_demo(db, pack=pack, now=now, tz=None)
    if demo.meeting_id is None:
        raise SystemExit("cross_process: the demo has no next meeting to run")
    state = live_state(db, meeting_id=demo.meeting_id, pack=pack)
    if state.ended:
        raise SystemExit(f"cross_process: meeting {demo.meeting_id} has ended; give an empty db")
    if not state.running:
        start_or_pause(db, meeting_id=demo.meeting_id, now=now)
        state = live_state(db, meeting_id=demo.meeting_id, pack=pack)
    if state.current is None:
        raise SystemExit(f"cross_process: meeting {demo.meeting_id} has no agenda items")
    adjust_item_time(db, item_id=state.current.item_id, seconds=EXTENSION_SECONDS, now=now)
    return Meeting(db, target, demo.meeting_id, state.current.item_id)


def measure_follow(
    meeting: Meeting, viewer: Viewer, writes: int, rng: random.Random, patience: float
) -> dict[str, Any]:
    """`writes` parking-lot entries, each with a text of its own; for each, the time from
    just before the service call (and from its return, the commit done) to the moment
    the text reached the viewer's terminal. The next write waits until this one was
    seen, then a random 0-0.5 s, so writes fall anywhere in the viewer's poll."""
    from facilitator.services.captures import add_parking_lot_item

    from_call, from_commit, write_ms = Figures(), Figures(), Figures()
    run = uuid.uuid4().hex[:3]
    for number in range(writes):
        text = f"Q{run}{number:04d}"  # "Parked: " and this fit the 80x24 panel's width
        mark = viewer.received
        called = time.monotonic()
        add_parking_lot_item(
            meeting.db,
            meeting_id=meeting.meeting_id,
            item_id=meeting.item_id,
            text=text,
            now=datetime.now(UTC),
        )
        committed = time.monotonic()
        seen = viewer.wait_for(text, start=mark, timeout=patience)
        write_ms.add(committed - called)
        from_call.add(None if seen is None else seen - called)
        from_commit.add(None if seen is None else seen - committed)
        time.sleep(rng.uniform(0.0, 0.5))
    return {
        "from_call": from_call.summary(),
        "from_commit": from_commit.summary(),
        "write": write_ms.summary(),
        "seen_timeout_s": patience,
    }


def measure_autosaves(meeting: Meeting, saves: int, rng: random.Random) -> dict[str, Any]:
    """`saves` autosaves of the current item's notes (`services.live.save_note`, as the
    live screen's write thread calls it), one character more each time, each timed from
    the call to its return; a LogPacer checkpoints as the screen's does, timed apart.
    The viewer stays open and follows every save, as the other window would."""
    from facilitator.services.checkpoint import LogPacer, pages_for_note
    from facilitator.services.live import save_note

    body = notes_body(NOTE_LINES)
    commits, checkpoints = Figures(), Figures()
    log = LogPacer(meeting.db)
    for number in range(saves):
        text = body + "x" * number
        now = datetime.now(UTC)
        start = time.perf_counter()
        save_note(
            meeting.db, meeting_id=meeting.meeting_id, item_id=meeting.item_id, body=text, now=now
        )
        commits.add(time.perf_counter() - start)
        start = time.perf_counter()
        if log.wrote(pages_for_note(text)):
            checkpoints.add(time.perf_counter() - start)
        time.sleep(rng.uniform(0.02, 0.12))  # a typist's pause, give or take
    return {
        "note_chars": len(body),
        "commit": commits.summary(),
        "checkpoints": checkpoints.summary(),
    }


def notes_body(lines: int) -> str:
    """`lines` lines of plausible notes."""
    return "\n".join(
        f"- {' '.join(WORDS[(n + k) % len(WORDS)] for k in range(8))}" for n in range(lines)
    )


def viewer_command(meeting: Meeting, kind: str) -> list[str]:
    # The URL, not `display`, which hides a password the viewer needs.
    where = str(meeting.target.path or meeting.target.url)
    return facilitator("--db", where, kind, str(meeting.meeting_id))


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "textual": metadata.version("textual"),
        "sqlalchemy": metadata.version("sqlalchemy"),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "load_average_before": os.getloadavg(),
    }


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Prepare the meeting, start the viewer, measure; the viewer is stopped whatever
    happens."""
    rng = random.Random(args.seed)
    meeting = open_meeting(args.db, workdir)
    result: dict[str, Any] = {
        "database": meeting.target.display,
        "backend": "sqlite" if meeting.target.is_sqlite else "postgresql",
        "viewer": args.viewer,
        "meeting_id": meeting.meeting_id,
        "machine": machine(),
    }
    try:
        viewer = Viewer(viewer_command(meeting, args.viewer), child_env(workdir / "home"))
        try:
            # The panel's title gets its count once the meeting has been read ("Captured"
            # alone is drawn before): a first write must not land in that first reading.
            if viewer.wait_for("Captured (", timeout=args.ready_timeout) is None:
                tail = bytes(viewer.output[-3000:]).decode(errors="replace")
                raise SystemExit(f"cross_process: the viewer showed no meeting:\n{tail}")
            follow = measure_follow(meeting, viewer, args.writes, rng, args.seen_timeout)
            result["follow"] = follow
            result["autosave"] = measure_autosaves(meeting, args.saves, rng)
        finally:
            result["viewer_exit_code"] = viewer.stop()
    finally:
        meeting.db.dispose()
    result["machine"]["load_average_after"] = os.getloadavg()
    return result


def report(result: dict[str, Any]) -> str:
    """The figures as Markdown."""
    follow, autosave = result["follow"], result["autosave"]
    seen, commit = follow["from_call"], follow["from_commit"]
    save, write = autosave["commit"], follow["write"]
    box = result["machine"]
    lines = [
        f"## Two processes on one database: {result['backend']} ({result['database']})",
        "",
        f"Python {box['python']}, Textual {box['textual']}, {box['cpu_count']} CPUs, "
        f"load {load(box['load_average_before'])} → {load(box['load_average_after'])}; "
        f"viewer: facilitator {result['viewer']} {result['meeting_id']} in an 80x24 pty.",
        "",
        "| Measure | n | p50 | p99 | max | Goal | Result |",
        "|---|---|---|---|---|---|---|",
        row("Write → on the other screen", seen, goal(seen)),
        row("Commit returned → on the other screen", commit, "info"),
        row("The write itself (parking-lot entry)", write, "info"),
        row(f"Autosave commit ({autosave['note_chars']:,} characters)", save, "info"),
        row("Checkpoints after autosaves", autosave["checkpoints"], "info"),
        "",
        f"Writes never seen (within {follow['seen_timeout_s']:g} s): {seen['missing']} of "
        f"{seen['n'] + seen['missing']}.",
    ]
    return "\n".join(lines)


def goal(summary: dict[str, Any]) -> str:
    p50, p99 = summary["p50_ms"], summary["p99_ms"]
    if p50 is None or p99 is None:
        return "NO DATA"
    met = p50 <= GOAL_P50_MS and p99 <= GOAL_P99_MS and not summary["missing"]
    return "PASS" if met else "FAIL"


def row(name: str, summary: dict[str, Any], verdict: str) -> str:
    figures = [ms(summary["p50_ms"]), ms(summary["p99_ms"]), ms(summary["max_ms"])]
    aim = (
        f"p50 ≤ {GOAL_P50_MS:g} ms, p99 ≤ {GOAL_P99_MS:g} ms, none unseen"
        if verdict != "info"
        else ""
    )
    return f"| {name} | {summary['n']} | {' | '.join(figures)} | {aim} | {verdict} |"


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f} ms" if value >= 10 else f"{value:.2f} ms"


def load(values: Sequence[float]) -> str:
    return "/".join(f"{value:.2f}" for value in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.cross_process", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--db", help="a SQLite path or postgresql+psycopg:// URL (default: a new demo file)"
    )
    parser.add_argument("--writes", type=int, default=200, help="writes to watch for")
    parser.add_argument("--saves", type=int, default=200, help="autosaves to time")
    parser.add_argument("--viewer", choices=("run", "projector"), default="run")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--ready-timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seen-timeout", type=float, default=SEEN_TIMEOUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cross-process-") as folder:
        result = run(args, Path(folder))
    args.out.mkdir(parents=True, exist_ok=True)
    name = f"cross_process-{result['backend']}-{result['viewer']}"
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    text = report(result)
    (args.out / f"{name}.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
