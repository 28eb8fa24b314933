"""Probe: three processes on one SQLite file.

    python reliability/three_writers.py [--seconds 600] [--quick]

On a demo database with meetings 2 and 3 running, for 10 minutes (`--quick`: 1):

- **Window A** is the real app: `facilitator run 2` in a 120x36 pseudo-terminal, driven
  by keys in turn: `m`, a tagged word typed into the notes, escape; `p`, a tagged
  parking-lot entry, ctrl+s; `a`, a tagged action item, ctrl+s. Each is logged when its
  keys are sent (about one write a second; faster keys are not reliably taken in by a
  loaded machine).
- **Window B** is `python -m reliability.writer`: the same service calls the live
  screen makes (`save_note` with the whole notes, `add_parking_lot_item`,
  `add_action_item`) on meeting 3, at 9 writes a second, each logged after it returned.
- **C** runs `facilitator export` (md, json, csv) and `facilitator list` (and
  `--json`), one process after another, for the whole time.

Then A is quit with ctrl+q and the database read with the standard library: every
logged tag must be in it exactly once (notes: in the item's notes; captures: one row),
nothing tagged may be there that no log has, `PRAGMA integrity_check` must say ok,
and no output or log may hold "database is locked" or any other
DatabaseUnavailableError sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.common import (
    DEMO_MEETING,
    REPO,
    ProbeResult,
    child_env,
    facilitator,
    markdown_table,
    write_results,
)
from reliability.running_demo import build_running_demo
from reliability.terminal import Terminal

OTHER_MEETING = 3
"""The demo's other planned meeting (another team's), run by window B."""
WRITER_RATE = 9.3
KEY_GAP = 0.03
UNAVAILABLE = re.compile(
    r"database is locked|locked|try again in a moment|Could not (read|save|write)"
)
TAG = re.compile(r"\b[AB]-[npa]\d{5}\b")
EXPORTS = (
    ("export", str(DEMO_MEETING), "--format", "md"),
    ("list",),
    ("export", str(OTHER_MEETING), "--format", "json"),
    ("list", "--json"),
    ("export", str(DEMO_MEETING), "--format", "csv"),
)


@dataclass
class Reader:
    """Process C's account: runs, failures, and sentences about an unavailable file."""

    runs: int = 0
    failures: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)


def run_exports(db: Path, env: dict[str, str], stop: threading.Event, reader: Reader) -> None:
    """Export and list, one process after another, until `stop` is set."""
    while not stop.is_set():
        args = EXPORTS[reader.runs % len(EXPORTS)]
        try:
            done = subprocess.run(
                facilitator("--db", str(db), *args),
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired:
            reader.failures.append(f"{' '.join(args)}: still running after 120 s")
            continue
        reader.runs += 1
        if done.returncode != 0:
            reader.failures.append(f"{' '.join(args)}: exit {done.returncode}: {done.stderr[:100]}")
        if UNAVAILABLE.search(done.stderr):
            reader.unavailable.append(done.stderr.strip()[:160])


def drive_window(terminal: Terminal, seconds: float, log: Path) -> str:
    """Window A: notes, parking lot and action items by keys until `seconds` pass, each
    appended to `log` as its keys are sent; what went wrong on the way ("" if nothing)."""
    if not terminal.read_until("Pause", timeout=120):
        return "the live screen did not show"
    with log.open("a", encoding="utf-8") as out:
        return _drive(terminal, seconds, out)


def _drive(terminal: Terminal, seconds: float, out: TextIO) -> str:
    began = time.monotonic()
    number = 0
    while time.monotonic() - began < seconds:
        kind = "npa"[number % 3]
        tag = f"A-{kind}{number:05d}"
        if kind == "n":
            terminal.send("m")
            terminal.drain(0.2)
            _type(terminal, f" {tag}")
            terminal.drain(0.5)  # the editor saves after 0.4 s of quiet
            terminal.send("\x1b")  # escape leaves the notes
        else:
            start = len(terminal.output)
            terminal.send(kind)
            label = "What to set aside" if kind == "p" else "What will be done"
            if not terminal.read_until(label, timeout=20, start=start):
                return f"the {'parking-lot' if kind == 'p' else 'action'} form did not open"
            _type(terminal, f"{tag} {'parked' if kind == 'p' else 'follow up'}")
            terminal.send("\x13")  # ctrl+s
        entry = {"tag": tag, "kind": kind, "ok": True, "at": round(time.monotonic() - began, 2)}
        out.write(json.dumps(entry) + "\n")
        out.flush()
        terminal.drain(0.6)
        number += 1
    return ""


def _type(terminal: Terminal, text: str) -> None:
    for char in text:
        terminal.send(char)
        terminal.drain(KEY_GAP)


TAGGED_TEXT = (
    "SELECT text FROM parking_lot_item WHERE meeting_id IN (?, ?) "
    "UNION ALL SELECT what FROM action_item WHERE meeting_id IN (?, ?) "
    "UNION ALL SELECT body FROM note WHERE meeting_id IN (?, ?)"
)
"""Every text the writers tag: parking-lot entries, action items, notes."""


def tags_in_file(db: Path) -> tuple[str, dict[str, int]]:
    """The integrity check, and how many times each tag is in the file."""
    connection = sqlite3.connect(db)
    try:
        integrity = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        texts = [
            row[0] for row in connection.execute(TAGGED_TEXT, (DEMO_MEETING, OTHER_MEETING) * 3)
        ]
    finally:
        connection.close()
    found: dict[str, int] = {}
    for tag in (tag for text in texts for tag in TAG.findall(text)):
        found[tag] = found.get(tag, 0) + 1
    return integrity, found


def compare(db: Path, logs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each logged write against the file: lost, duplicated, unlogged; integrity."""
    integrity, found = tags_in_file(db)
    written = [entry for entry in logs if entry["ok"]]
    logged = {entry["tag"] for entry in logs}
    return {
        "integrity": integrity,
        "written": len(written),
        "lost": [e["tag"] for e in written if found.get(e["tag"], 0) == 0],
        "duplicated": [e["tag"] for e in written if found.get(e["tag"], 0) > 1],
        "unlogged": sorted(tag for tag in found if tag not in logged),
        "failed_writes": [e for e in logs if not e["ok"]],
    }


def run(quick: bool = False, seconds: float | None = None) -> ProbeResult:
    duration = seconds or (60.0 if quick else 600.0)
    with tempfile.TemporaryDirectory(prefix="reliability-three-") as temp:
        data = _session(Path(temp), duration)
    return _result({"quick": quick, **data})


def _session(root: Path, duration: float) -> dict[str, Any]:
    """A, B and C on one file for `duration` seconds; their accounts and the file's."""
    env = child_env(root / "home")
    db = root / "meetings.db"
    build_running_demo(db, meetings=(DEMO_MEETING, OTHER_MEETING))
    a_log, b_log, b_said = root / "writer-a.jsonl", root / "writer-b.jsonl", root / "b.out"
    reader, stop = Reader(), threading.Event()
    exporter = threading.Thread(target=run_exports, args=(db, env, stop, reader))
    with b_said.open("wb") as b_out:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reliability.writer",
                str(db),
                str(OTHER_MEETING),
                "--seconds",
                str(duration),
                "--rate",
                str(WRITER_RATE),
                "--log",
                str(b_log),
            ],
            env=env,
            cwd=REPO,
            stdout=b_out,
            stderr=subprocess.STDOUT,
        )
        exporter.start()
        began = time.monotonic()
        window = _window_a(db, env, duration, a_log)
        writer.wait(timeout=duration + 120)
        stop.set()
        exporter.join(timeout=300)
    a_entries, b_entries = _entries(a_log), _entries(b_log)
    said = b_said.read_text(encoding="utf-8", errors="replace")
    outcome = compare(db, a_entries + b_entries)
    return {
        "seconds": round(time.monotonic() - began, 1),
        "writing_seconds": duration,
        "window_a": {
            "writes": len(a_entries),
            "exit": window["exit"],
            "problem": window["problem"],
            "diagnosis": window["diagnosis"],
        },
        "window_b": {"writes": len(b_entries), "exit": writer.returncode, "said": said[-2000:]},
        "reader_c": {"runs": reader.runs, "failures": reader.failures},
        "unavailable": _unavailable(str(window["output"]), outcome["failed_writes"], said, reader),
        **outcome,
    }


def _window_a(db: Path, env: dict[str, str], duration: float, log: Path) -> dict[str, object]:
    """Window A driven for `duration` s, then quit with ctrl+q (which flushes the notes)."""
    argv = facilitator("--db", str(db), "run", str(DEMO_MEETING))
    with Terminal(argv, env, size=(120, 36)) as window:
        problem = drive_window(window, duration, log)
        diagnosis = _diagnosis(window, problem) if problem else {}
        window.drain(1.0)
        window.send("\x11")  # ctrl+q
        code = window.wait(60, kill=False)
        if code is None:
            diagnosis.update(_diagnosis(window, "still running 60 s after ctrl+q"))
        output = window.output.decode(errors="replace")
    return {"problem": problem, "exit": code, "output": output, "diagnosis": diagnosis}


def _diagnosis(window: Terminal, why: str) -> dict[str, str]:
    """What window A shows and where its threads are, when something went wrong."""
    return {f"{why}: screen": window.screen_text(), f"{why}: stacks": window.stacks()}


def _unavailable(
    a_output: str, failed: list[dict[str, Any]], b_said: str, reader: Reader
) -> list[str]:
    """Every "database is locked" or other unavailable sentence, by who met it."""
    found = [f"A: {match.group(0)}" for match in UNAVAILABLE.finditer(a_output)]
    found += [f"B: {e['said'][:120]}" for e in failed if UNAVAILABLE.search(e.get("said", ""))]
    found += [f"B: {line}" for line in b_said.splitlines() if UNAVAILABLE.search(line)]
    return found + [f"C: {said}" for said in reader.unavailable]


def _entries(log: Path) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _problems(data: dict[str, Any]) -> list[str]:
    """What went wrong besides the file's account: exits, the window, the reader."""
    problems = [data["window_a"]["problem"]] if data["window_a"]["problem"] else []
    for window in ("a", "b"):
        if data[f"window_{window}"]["exit"] != 0:
            problems.append(
                f"window {window.upper()} exited with {data[f'window_{window}']['exit']}"
            )
    failures: list[str] = data["reader_c"]["failures"]
    return problems + failures[:5]


def _result(data: dict[str, Any]) -> ProbeResult:
    rate = data["written"] / data["writing_seconds"]
    problems = _problems(data)
    a, b = data["window_a"]["writes"], data["window_b"]["writes"]
    rows = [
        ["Seconds writing (whole run)", f"{data['writing_seconds']:.0f} ({data['seconds']:.0f})"],
        ["Writes logged (A by keys / B by services)", f"{a} / {b}"],
        ["Writes per second, all", f"{rate:.1f}"],
        ["Export and list runs (C)", data["reader_c"]["runs"]],
        ['"database is locked" or other unavailable sentences', len(data["unavailable"])],
        ["Writes that failed", len(data["failed_writes"])],
        ["Lost", len(data["lost"])],
        ["Duplicated", len(data["duplicated"])],
        ["In the file, in no log", len(data["unlogged"])],
        ["Integrity check", data["integrity"]],
        ["Other problems", "; ".join(problems) or "none"],
    ]
    counted = ("unavailable", "lost", "duplicated", "unlogged", "failed_writes")
    bad = any(data[key] for key in counted) or problems or data["integrity"] != "ok"
    parts = ["### Three processes on one SQLite file", markdown_table(["Measure", "Value"], rows)]
    if data["lost"] or data["duplicated"]:
        parts.append(
            f"Lost or duplicated, first few: {', '.join((data['lost'] + data['duplicated'])[:8])}"
        )
    if data["unavailable"]:
        parts.append(f"Unavailable, first few: {'; '.join(data['unavailable'][:5])}")
    return ProbeResult(
        name="three processes on one file",
        goal='0 "database is locked", 0 lost or duplicated writes, ~10 writes/s',
        measured=f"{len(data['unavailable'])} unavailable, {len(data['lost'])} lost, "
        f"{len(data['duplicated'])} duplicated, {rate:.1f} writes/s "
        f"for {data['writing_seconds']:.0f} s",
        passed=not bad,
        markdown="\n\n".join(parts),
        data=data,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Two writers and a reader on one file.")
    parser.add_argument("--quick", action="store_true", help="one minute instead of ten")
    parser.add_argument("--seconds", type=float, help="how long (default 600)")
    args = parser.parse_args(argv)
    result = run(quick=args.quick, seconds=args.seconds)
    print(result.markdown)
    print(f"\nResults: {write_results('three_writers', result.data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
