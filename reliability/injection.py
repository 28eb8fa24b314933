"""Probe: markup, escape codes, HTML, formulas, 100k-character and right-to-left text
in every field, then every screen and every export.

    python reliability/injection.py [--quick]

For each payload of `injection_data.PAYLOADS`, a database of its own is seeded through
the services (`injection_data.seed`: a team, members, norms, four meetings with every
text field set to the payload). Then:

- the command line (`injection_cli.CLI_CHECKS`): `list`, `list --json`, `import` of an
  agenda and of the JSON minutes, `export` in all seven formats and the agenda in three,
  each through `facilitator.cli.main` in this process; every export is read back by a
  parser facilitator does not write with (`literal`);
- every screen at 80x24, headless (`injection_screens.walk_screens`).

`--quick` leaves the screens out (the command-line checks are what the normal test run
repeats). Each cell of the table is ✓, n/a (a service refused the payload in every
field the output shows, with a sentence), or what went wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.pack.locate import load_default_pack
from facilitator.store.database import Database
from facilitator.store.prepare import prepare_database
from facilitator.store.target import sqlite_target
from reliability.common import ProbeResult, child_env, markdown_table, write_results
from reliability.injection_cli import CLI_CHECKS, WRITES
from reliability.injection_data import PAYLOADS, Seeded, seed
from reliability.injection_screens import walk_screens


def seed_file(path: Path, name: str, number: int, now: datetime) -> Seeded:
    """A database at `path` holding one payload's team and meetings."""
    target = sqlite_target(path)
    prepare_database(target)
    db = Database(target)
    try:
        return seed(db, load_default_pack(), payload=PAYLOADS[name], number=number, now=now, tz=UTC)
    finally:
        db.dispose()


def probe_payload(
    name: str, number: int, root: Path, now: datetime, *, screens: bool
) -> dict[str, Any]:
    folder = root / f"payload{number}"
    folder.mkdir()
    db = folder / "meetings.db"
    seeded = seed_file(db, name, number, now)
    cells: dict[str, list[str] | None] = {}
    for check_name, check in CLI_CHECKS.items():
        work = folder / check_name.replace(" ", "-")
        work.mkdir()
        target = db
        if check_name in WRITES:
            target = work / "copy.db"
            shutil.copyfile(db, target)
        try:
            cells[check_name] = check(target, seeded, work)
        except Exception as error:  # a crash of the check is a finding, not the end
            cells[check_name] = [f"crashed: {type(error).__name__}: {error}"[:120]]
    if screens:
        shown = asyncio.run(walk_screens(db, seeded, name, pack=load_default_pack(), now=now))
        cells.update({f"screen {screen}": found for screen, found in shown.items()})
    return {"refused": seeded.refused, "cells": cells}


def run(quick: bool = False) -> ProbeResult:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="reliability-injection-") as temp:
        root = Path(temp)
        # The commands run in this process: its user directories go into the folder.
        saved = dict(os.environ)
        os.environ.update(
            {
                key: value
                for key, value in child_env(root / "home").items()
                if key.startswith("XDG_")
            }
        )
        try:
            results = {
                name: probe_payload(name, number, root, now, screens=not quick)
                for number, name in enumerate(PAYLOADS)
            }
        finally:
            os.environ.clear()
            os.environ.update(saved)
    return _result(results, quick)


def _result(results: dict[str, dict[str, Any]], quick: bool) -> ProbeResult:
    columns = list(next(iter(results.values()))["cells"])
    rows = [
        [name, *(_mark(entry["cells"].get(c)) for c in columns)] for name, entry in results.items()
    ]
    cells = [cell for entry in results.values() for cell in entry["cells"].values()]
    failed = [cell for cell in cells if cell]
    checked = [cell for cell in cells if cell is not None]
    refusals = [
        [name, ", ".join(sorted(entry["refused"]))]
        for name, entry in results.items()
        if entry["refused"]
    ]
    markdown = "\n\n".join(
        [
            "### Injection: every field through the command line, the exports and the screens",
            markdown_table(["Payload", *columns], rows),
            "✓ literal and clean; n/a: the payload is in no field that output shows; "
            "otherwise what went wrong.",
            "Fields where a service refused the payload with a sentence (a stand-in was used):",
            markdown_table(["Payload", "Refused in"], refusals),
        ]
    )
    return ProbeResult(
        name="injection",
        goal="every screen without a crash, literal; every export literal, no escape byte",
        measured=f"{len(checked) - len(failed)}/{len(checked)} checks clean",
        passed=not failed,
        markdown=markdown,
        data={"quick": quick, "payloads": results},
    )


def _mark(cell: list[str] | None) -> str:
    if cell is None:
        return "n/a"
    return "✓" if not cell else "✗ " + ", ".join(cell)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Hostile text through every screen and export.")
    parser.add_argument("--quick", action="store_true", help="leave the screens out")
    args = parser.parse_args(argv)
    result = run(quick=args.quick)
    print(result.markdown)
    print(f"\nResults: {write_results('injection', result.data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
