"""Judging one command run on bad input: the sentence, the exit, the files.

Shared by the probe and the normal test run (see `cases`).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reliability.cases import CREATE, READ, REFUSE

Snapshot = dict[str, str]
"""Relative path -> a digest of its bytes ("dir" for a folder)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CRASH_WORDS = "unexpected error"
LOCKED_WORDS = ("database is locked", "could not be read or written just now")


@dataclass(frozen=True)
class Outcome:
    """What a command did: its exit code (None if it had to be killed), its output, and
    whether the full-screen app opened."""

    code: int | None
    stdout: bytes
    stderr: bytes
    opened_app: bool = False
    seconds: float = 0.0


def snapshot(root: Path) -> Snapshot:
    """Every file and folder under `root` with a digest of its bytes."""
    found: Snapshot = {}
    for folder, folders, files in os.walk(root):
        base = Path(folder)
        for name in folders:
            found[str((base / name).relative_to(root))] = "dir"
        for name in files:
            path = base / name
            digest = hashlib.blake2b(digest_size=16)
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            found[str(path.relative_to(root))] = digest.hexdigest()
    return found


def file_changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What changed between two snapshots, one phrase per path."""
    changes = [f"new {path}" for path in sorted(set(after) - set(before))]
    changes += [f"removed {path}" for path in sorted(set(before) - set(after))]
    changes += [
        f"changed {path}"
        for path in sorted(set(before) & set(after))
        if before[path] != after[path]
    ]
    return changes


def problems(
    expect: str, outcome: Outcome, changes: list[str], db_name: str | None = None
) -> list[str]:
    """Everything wrong with `outcome` for a command that must `expect`; empty if fine.

    `db_name` is the database's file name, which a `CREATE` may add or change."""
    found = _always(outcome, app_allowed=expect == CREATE)
    refused = outcome.code not in (0, None)
    if expect == CREATE and not refused:
        allowed = {f"new {db_name}", f"changed {db_name}"}
        found += [change for change in changes if change not in allowed]
        return found
    if expect == READ and outcome.code == 0 and not outcome.opened_app:
        return found + changes
    if expect not in (REFUSE, READ, CREATE):
        raise ValueError(f"unknown expectation {expect!r}")
    if outcome.code == 0:
        found.append("exit 0")
    if not refused_with_words(outcome):
        found.append("no sentence on stderr")
    return found + changes


def _always(outcome: Outcome, *, app_allowed: bool) -> list[str]:
    found = []
    both = (outcome.stdout + outcome.stderr).decode("utf-8", "replace")
    if outcome.code is None:
        found.append("did not end (killed)")
    if outcome.opened_app and not app_allowed:
        found.append("opened the app")
    if "Traceback" in both:
        found.append("traceback")
    if CRASH_WORDS in both or outcome.code == 70:
        found.append("crashed")
    if any(words in both.lower() for words in LOCKED_WORDS):
        found.append("database locked")
    if not outcome.opened_app and _CONTROL.search(both.replace("\r\n", "\n")):
        found.append("control character in output")
    return found


def refused_with_words(outcome: Outcome) -> bool:
    """A sentence explains the refusal: on stderr, every line from facilitator (for
    `db check`, its report on stdout counts)."""
    lines = [line for line in outcome.stderr.decode("utf-8", "replace").splitlines() if line]
    if lines:
        return all(line.startswith("facilitator") for line in lines)
    return b"Integrity check:" in outcome.stdout


def first_line(outcome: Outcome) -> str:
    """The first line the command wrote on stderr (for the table)."""
    text = (
        outcome.stderr.decode("utf-8", "replace").strip()
        or outcome.stdout.decode("utf-8", "replace").strip()
    )
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= 110 else line[:107] + "…"
