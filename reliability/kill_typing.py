"""Probe: kill -9 while typing notes, then start again.

    python reliability/kill_typing.py [--trials 100] [--quick]

Each trial, on its own copy of a demo database whose December meeting (2) is running
(every item extended by two hours, so no time-up prompt comes in the way):

1. `facilitator --db COPY run 2` in an 80x24 pseudo-terminal; once the live screen
   shows, `n` pressed 0, 1 or 2 times (trial number mod 3) so trials stop on different
   items, then `m` and a 30-character note typed 60 ms a key.
2. SIGKILL to the process group, at a delay after the last key spread evenly over the
   trials from 0 to 2 s.
3. The file read with the standard library's sqlite3: `PRAGMA integrity_check`, the note
   stored on that item against what was typed (characters lost; a stored text that is
   not the start of the typed one is "garbled"), and the age of the oldest lost key at
   the kill (goal: nothing older than 1 s lost; the editor saves after 0.3 s of quiet
   and at most 0.6 s after the first unsaved key).
4. `run 2` again in a new pty: the live screen shows the same item ("Item K of"), the
   clock still running ("Pause") and the stored note; ctrl+q ends it with exit code 0.

Two trials run at a time. `--quick` runs 10.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.common import (
    DEMO_MEETING,
    ProbeResult,
    child_env,
    facilitator,
    markdown_table,
    write_results,
)
from reliability.running_demo import build_running_demo
from reliability.terminal import Terminal

KEY_GAP = 0.06
LONGEST_DELAY = 2.0
OLDEST_LOSS_ALLOWED = 1.0
WORKERS = 2
WORDS = ("budget", "data", "walkthrough", "staff", "survey", "reading", "plan", "review")


@dataclass
class Trial:
    """One trial's figures."""

    number: int
    delay: float
    item: int
    typed: str
    stored: str = ""
    lost: int = 0
    garbled: bool = False
    oldest_lost_age: float | None = None
    integrity: str = ""
    restarted: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def intact(self) -> bool:
        return self.integrity == "ok" and self.restarted and not self.garbled

    @property
    def ok(self) -> bool:
        late = self.oldest_lost_age is not None and self.oldest_lost_age > OLDEST_LOSS_ALLOWED
        return self.intact and not late and not self.problems


def note_text(number: int, length: int = 30) -> str:
    """A note of `length` characters that says which trial typed it."""
    words = [f"t{number:03d}"]
    index = number
    while len(" ".join(words)) < length:
        words.append(WORDS[index % len(WORDS)])
        index += 3
    return " ".join(words)[:length]


def run_trial(number: int, delay: float, template: Path, root: Path) -> Trial:
    began = time.monotonic()
    folder = root / f"trial{number:03d}"
    env = child_env(folder / "home")
    path = folder / "meetings.db"
    shutil.copyfile(template, path)
    trial = Trial(number=number, delay=round(delay, 3), item=number % 3, typed=note_text(number))
    argv = facilitator("--db", str(path), "run", str(DEMO_MEETING))
    with Terminal(argv, env) as terminal:
        writes = _type_and_kill(terminal, trial)
    if writes:
        _inspect(path, trial, writes)
        _restart(argv, env, trial)
    trial.seconds = round(time.monotonic() - began, 1)
    shutil.rmtree(folder, ignore_errors=True)
    return trial


def _type_and_kill(terminal: Terminal, trial: Trial) -> list[float]:
    """Type the note; kill -9 `trial.delay` s after the last key. The moments of the
    writes, with the kill's last ([] if the screen never came)."""
    if not terminal.read_until("Pause", timeout=90):
        trial.problems.append("the live screen did not show")
        return []
    for step in range(trial.item):
        terminal.send("n")
        if not terminal.read_until(f"Item {step + 2} of", timeout=30):
            trial.problems.append(f"n did not move to item {step + 2}")
            return []
    terminal.send("m")
    terminal.drain(0.3)
    writes = []
    due = time.monotonic()
    for char in trial.typed:
        terminal.drain(max(0.0, due - time.monotonic()))
        writes.append(time.monotonic())
        terminal.send(char)
        due += KEY_GAP
    terminal.drain(max(0.0, writes[-1] + trial.delay - time.monotonic()))
    writes.append(time.monotonic())
    terminal.kill()
    return writes


def _inspect(path: Path, trial: Trial, writes: list[float]) -> None:
    """Integrity and the stored note, read as the next start would read the file."""
    killed_at = writes[-1]
    connection = sqlite3.connect(path)
    try:
        trial.integrity = str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        row = connection.execute(
            "SELECT (SELECT body FROM note WHERE note.agenda_item_id = agenda_item.id) "
            "FROM agenda_item WHERE meeting_id = ? ORDER BY position LIMIT 1 OFFSET ?",
            (DEMO_MEETING, trial.item),
        ).fetchone()
        current = connection.execute(
            "SELECT agenda_item.position FROM meeting JOIN agenda_item "
            "ON meeting.current_item_id = agenda_item.id WHERE meeting.id = ?",
            (DEMO_MEETING,),
        ).fetchone()
    except sqlite3.DatabaseError as error:
        trial.integrity = f"unreadable: {error}"
        return
    finally:
        connection.close()
    trial.stored = str(row[0]) if row and row[0] is not None else ""
    if current is None or current[0] != trial.item:
        trial.problems.append(f"current item stored as {current}, not position {trial.item}")
    if not trial.typed.startswith(trial.stored):
        trial.garbled = True
        return
    trial.lost = len(trial.typed) - len(trial.stored)
    if trial.lost:
        trial.oldest_lost_age = round(killed_at - writes[len(trial.stored)], 3)


def _restart(argv: list[str], env: dict[str, str], trial: Trial) -> None:
    """The meeting comes back on the same item with the stored note; ctrl+q ends it."""
    with Terminal(argv, env) as terminal:
        shown = terminal.read_until(f"Item {trial.item + 1} of", timeout=90)
        shown = shown and terminal.read_until("Pause", timeout=30)
        tail = trial.stored[-15:] if len(trial.stored) > 1 else ""
        if shown and tail and not terminal.read_until(tail, timeout=10):
            trial.problems.append("the stored note was not shown after the restart")
        if not shown:
            trial.problems.append(f"restart did not show item {trial.item + 1} running")
            return
        terminal.drain(0.3)
        terminal.send("\x11")  # ctrl+q
        code = terminal.wait(30)
    trial.restarted = code == 0
    if code != 0:
        trial.problems.append(f"restart exited with {code}")


def run(quick: bool = False, trials: int | None = None) -> ProbeResult:
    count = trials or (10 if quick else 100)
    delays = [LONGEST_DELAY * n / max(count - 1, 1) for n in range(count)]
    with tempfile.TemporaryDirectory(prefix="reliability-kill-") as temp:
        root = Path(temp)
        template = root / "template.db"
        build_running_demo(template)
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            futures = [
                pool.submit(run_trial, number, delay, template, root)
                for number, delay in enumerate(delays)
            ]
            results = [future.result() for future in futures]
    return _result(results, quick)


BUCKET_HEADERS = (
    "Kill after last key",
    "Trials",
    "Intact",
    "Trials losing keys",
    "Most lost",
    "Keys lost in all",
)
TRIAL_HEADERS = ("Trial", "Delay", "Item", "Lost", "Oldest lost", "Integrity", "Restart", "Result")


def _buckets(trials: list[Trial]) -> list[list[object]]:
    """The trials grouped by kill delay, half a second each (2.0 s in the last)."""
    rows: list[list[object]] = []
    for low in (0.0, 0.5, 1.0, 1.5):
        inside = [t for t in trials if low <= t.delay < low + 0.5 or (low == 1.5 and t.delay == 2)]
        if inside:
            lost = [t.lost for t in inside]
            label = f"{low:.1f}–{low + 0.5:.1f} s"
            intact = sum(t.intact for t in inside)
            rows.append(
                [label, len(inside), intact, sum(1 for n in lost if n), max(lost), sum(lost)]
            )
    return rows


def _row(t: Trial) -> list[object]:
    age = "" if t.oldest_lost_age is None else f"{t.oldest_lost_age:.3f}"
    result = "; ".join(t.problems) or ("ok" if t.ok else "late loss")
    restart = "yes" if t.restarted else "no"
    return [
        t.number,
        f"{t.delay:.3f}",
        t.item + 1,
        f"{t.lost}/{len(t.typed)}",
        age,
        t.integrity,
        restart,
        result,
    ]


def _result(trials: list[Trial], quick: bool) -> ProbeResult:
    intact = sum(trial.intact for trial in trials)
    good = sum(trial.ok for trial in trials)
    ages = [t.oldest_lost_age for t in trials if t.oldest_lost_age is not None]
    oldest = max(ages) if ages else 0.0
    parts = [
        "### kill -9 while typing",
        f"{len(trials)} trials; {intact} intact (integrity ok, same item after restart, "
        f"note a prefix of what was typed); oldest key lost {oldest:.3f} s before the kill "
        f"(goal ≤ {OLDEST_LOSS_ALLOWED} s).",
        markdown_table(BUCKET_HEADERS, _buckets(trials)),
        "Every trial (delay: kill after the last key, s; lost: characters; oldest lost: "
        "how long before the kill the first lost key was typed, s):",
        markdown_table(TRIAL_HEADERS, [_row(t) for t in trials]),
    ]
    return ProbeResult(
        name="kill -9 while typing",
        goal="100/100 intact, nothing older than 1 s lost",
        measured=f"{intact}/{len(trials)} intact; oldest lost {oldest:.2f} s; "
        f"{good}/{len(trials)} meet both",
        passed=good == len(trials),
        markdown="\n\n".join(parts),
        data={"quick": quick, "trials": [asdict(t) for t in trials]},
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kill -9 while typing notes, then restart.")
    parser.add_argument("--quick", action="store_true", help="10 trials instead of 100")
    parser.add_argument("--trials", type=int, help="how many trials (default 100)")
    args = parser.parse_args(argv)
    result = run(quick=args.quick, trials=args.trials)
    print(result.markdown)
    print(f"\nResults: {write_results('kill_typing', result.data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
