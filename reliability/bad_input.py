"""Probe: bad input to every command, each run as a real process.

    python reliability/bad_input.py [--quick]

Every database case (`cases.DB_CASES`) is given as `--db` to every command, and every
input case (`cases.INPUT_CASES`) to `import` or `export -o` with the demo as `--db`,
each in a fresh folder. `run` and the bare app run in a pseudo-terminal; if the app
opens where it should refuse, that is a failure (it is killed). The check
(`checks.problems`): a sentence on stderr, a non-zero exit, no traceback or crash, no
control character in the output, and every file under the case's folder byte-for-byte
as it was with nothing new beside it. `--quick` leaves out the 60 MB files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.cases import (
    APP_COMMANDS,
    COMMANDS,
    CREATE,
    DB_CASES,
    GOOD_AGENDA,
    REFUSE,
    DbCase,
    database_argv,
)
from reliability.checks import Outcome, file_changes, first_line, problems, snapshot
from reliability.common import (
    REPO,
    ProbeResult,
    child_env,
    facilitator,
    make_demo,
    markdown_table,
    write_results,
)
from reliability.input_cases import INPUT_CASES, InputCase
from reliability.terminal import ALT_SCREEN, Terminal, drop_root_override

TIMEOUT = 120.0
WORKERS = 2
"""Commands run two at a time (the machine has two cores, shared)."""
_T = TypeVar("_T")


def run_plain(argv: Sequence[str], env: dict[str, str], *, read_only: bool) -> Outcome:
    """A command that prints and ends, with its output captured."""
    began = time.monotonic()
    try:
        done = subprocess.run(
            facilitator(*argv),
            env=env,
            cwd=REPO,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT,
            preexec_fn=drop_root_override if read_only else None,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        return Outcome(None, expired.stdout or b"", expired.stderr or b"", seconds=TIMEOUT)
    return Outcome(done.returncode, done.stdout, done.stderr, seconds=time.monotonic() - began)


def run_app(argv: Sequence[str], env: dict[str, str], *, read_only: bool, expect: str) -> Outcome:
    """`run` or the bare app in a pty: it must end with a sentence, or (where it may
    create a database) open, and then quit on ctrl+q."""
    began = time.monotonic()
    preexec = drop_root_override if read_only else None
    with Terminal(facilitator(*argv), env, preexec=preexec) as terminal:
        opened = terminal.read_until(ALT_SCREEN, timeout=60)
        if opened and expect == CREATE:
            terminal.drain(3.0)
            terminal.send("\x11")  # ctrl+q
            code = terminal.wait(30)
        elif opened:
            terminal.kill()
            code = terminal.process.returncode
        else:
            code = terminal.wait(30)
        output = bytes(terminal.output)
    return Outcome(code, b"", output, opened_app=opened, seconds=time.monotonic() - began)


def database_cell(
    case: DbCase, command: str, demo: Path, env: dict[str, str], *, work: Path
) -> dict[str, Any] | None:
    expect = case.expect(command)
    if expect is None:
        return None
    folder = work / "case"
    folder.mkdir(parents=True)
    agenda = work / "agenda.md"
    agenda.write_text(GOOD_AGENDA, encoding="utf-8")
    db = case.build(folder, demo)
    before = snapshot(work)
    argv = database_argv(command, db, agenda)
    if command in APP_COMMANDS:
        outcome = run_app(argv, env, read_only=case.read_only, expect=expect)
    else:
        outcome = run_plain(argv, env, read_only=case.read_only)
    changes = file_changes(before, snapshot(work))
    found = problems(expect, outcome, changes, str(db.relative_to(work)))
    return _row(expect, outcome, found)


def input_cell(case: InputCase, demo: Path, env: dict[str, str], *, work: Path) -> dict[str, Any]:
    folder = work / "files"
    folder.mkdir(parents=True)
    db = work / "meetings.db"
    shutil.copyfile(demo, db)
    args = case.args(folder)
    before = snapshot(work)
    outcome = run_plain(["--db", str(db), *args], env, read_only=case.read_only)
    found = problems(REFUSE, outcome, file_changes(before, snapshot(work)))
    return _row(REFUSE, outcome, found)


def _row(expect: str, outcome: Outcome, found: list[str]) -> dict[str, Any]:
    return {
        "expect": expect,
        "exit": outcome.code,
        "opened_app": outcome.opened_app,
        "seconds": round(outcome.seconds, 2),
        "said": first_line(outcome),
        "problems": found,
    }


def _unlock(root: Path) -> None:
    """Give write permission back under `root` so it can be removed."""
    for folder, _, _ in os.walk(root):
        os.chmod(folder, 0o755)


def run(quick: bool = False) -> ProbeResult:
    """Every case through every command, two at a time; the table and the data."""
    with tempfile.TemporaryDirectory(prefix="reliability-bad-input-") as temp:
        root = Path(temp)
        env = child_env(root / "home")
        demo = root / "demo.db"
        make_demo(demo, env)
        db_cases = [case for case in DB_CASES if not (quick and case.heavy)]
        input_cases = [case for case in INPUT_CASES if not (quick and case.heavy)]
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            db_cells = {
                (case.name, command): pool.submit(
                    _unlocked, root / f"db{number}-{step}", database_cell, case, command, demo, env
                )
                for number, case in enumerate(db_cases)
                for step, command in enumerate(COMMANDS)
            }
            input_cells = {
                case.name: pool.submit(_unlocked, root / f"in{number}", input_cell, case, demo, env)
                for number, case in enumerate(input_cases)
            }
            by_db: dict[str, dict[str, Any]] = {
                case.name: {"about": case.about, "defect": case.defect, "commands": {}}
                for case in db_cases
            }
            for (name, command), future in db_cells.items():
                cell = future.result()
                if cell is not None:
                    by_db[name]["commands"][command] = cell
            by_input = {
                case.name: {"about": case.about, **input_cells[case.name].result()}
                for case in input_cases
            }
        _unlock(root)
    return _result(by_db, by_input, quick)


def _unlocked(work: Path, cell: Callable[..., _T], *args: Any) -> _T:
    """`cell(*args, work=work)`, then write permission given back under `work`."""
    try:
        return cell(*args, work=work)
    finally:
        _unlock(work)


def _result(
    by_db: dict[str, dict[str, Any]], by_input: dict[str, dict[str, Any]], quick: bool
) -> ProbeResult:
    cells = [cell for case in by_db.values() for cell in case["commands"].values()]
    cells += list(by_input.values())
    failed = [cell for cell in cells if cell["problems"]]
    headers = ["--db case", *COMMANDS]
    rows = [
        [name, *(_mark(case["commands"].get(command)) for command in COMMANDS)]
        for name, case in by_db.items()
    ]
    input_rows = [
        [name, case["about"], case["exit"], case["seconds"], _mark(case), case["said"]]
        for name, case in by_input.items()
    ]
    markdown = "\n\n".join(
        [
            "### Bad input: every command on each --db case",
            markdown_table(headers, rows),
            "✓ as it should; — not run (see README); otherwise what went wrong.",
            "### Bad input: files for import and export -o (demo database as --db)",
            markdown_table(["Input", "What", "Exit", "s", "Result", "First line said"], input_rows),
        ]
    )
    return ProbeResult(
        name="bad input",
        goal="a sentence, non-zero exit, files unchanged, every case × command",
        measured=f"{len(cells) - len(failed)}/{len(cells)} runs as they should",
        passed=not failed,
        markdown=markdown,
        data={"quick": quick, "database_cases": by_db, "input_cases": by_input},
    )


def _mark(cell: dict[str, Any] | None) -> str:
    if cell is None:
        return "—"
    return "✓" if not cell["problems"] else "✗ " + ", ".join(cell["problems"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 60 MB files")
    args = parser.parse_args(argv)
    result = run(quick=args.quick)
    print(result.markdown)
    print(f"\nResults: {write_results('bad_input', result.data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
