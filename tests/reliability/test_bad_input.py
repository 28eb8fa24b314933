"""Bad input to every command: one sentence on stderr, a non-zero exit, no traceback, and
every file byte-for-byte as it was with nothing new beside it.

The cases and the checks are the reliability probe's (`reliability.cases`,
`reliability.checks`); here each command runs in-process through `facilitator.cli.main`
(the app's `run` replaced by a recorder: opening the app where it should refuse is a
failure), except the cases that need file permissions, which run as a process without
root's power to ignore them, and the 2,000-item agenda, which runs as a process with a
time limit (before issue 15's import fix it takes most of a minute).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import main
from facilitator.ui.app import FacilitatorApp
from reliability.cases import (
    COMMANDS,
    DB_CASES,
    GOOD_AGENDA,
    REFUSE,
    DbCase,
    database_argv,
)
from reliability.checks import Outcome, file_changes, problems, snapshot
from reliability.common import facilitator
from reliability.input_cases import INPUT_CASES, InputCase
from reliability.terminal import drop_root_override

KNOWN: dict[tuple[str, str], str] = {}
"""Cells that fail because of a known defect (none now: issue 15 fixed defects 1 and 3;
put a cell here, with the defect, to mark it xfail until it is fixed)."""
SUBPROCESS_SECONDS = 20.0


def _params(cells: list[tuple[str, str, DbCase | InputCase]]) -> list[Any]:
    """One parameter per cell; a known defect's cells xfail, a process's are slow."""
    marked: list[Any] = []
    for key, command, value in cells:
        reason = KNOWN.get((key, command))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        if value.read_only or getattr(value, "slow_before_fix", False):
            marks.append(pytest.mark.slow)
        marked.append(pytest.param(value, command, id=f"{key}-{command}", marks=marks))
    return marked


DB_CELLS = _params(
    [
        (case.name, command, case)
        for case in DB_CASES
        if not case.heavy
        for command in COMMANDS
        if case.expect(command) is not None
    ]
)
INPUT_CELLS = _params([("input", case.name, case) for case in INPUT_CASES if not case.heavy])


def run_in_process(
    argv: list[str], capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> Outcome:
    """`facilitator ARGV` in this process; the full-screen app is never started."""
    opened: list[bool] = []

    def record_open(self: FacilitatorApp, *args: object, **kwargs: object) -> int:
        opened.append(True)
        return 0

    monkeypatch.setattr(FacilitatorApp, "run", record_open)
    # The app would take this terminal; it is not started, so it needs none.
    monkeypatch.setattr("facilitator.cli_commands.require_terminal", lambda: None)
    capfdbinary.readouterr()
    try:
        code = main(argv)
    except SystemExit as exit:  # argparse's own errors
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capfdbinary.readouterr()
    return Outcome(code, out, err, opened_app=bool(opened))


def run_as_process(argv: list[str], *, read_only: bool) -> Outcome:
    """`facilitator ARGV` as a child process (without root's DAC override)."""
    try:
        done = subprocess.run(
            facilitator(*argv),
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=SUBPROCESS_SECONDS,
            preexec_fn=drop_root_override if read_only else None,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        return Outcome(None, expired.stdout or b"", expired.stderr or b"")
    return Outcome(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize(("case", "command"), DB_CELLS)
def test_every_command_on_a_bad_database(
    case: DbCase,
    command: str,
    demo_seed: Path,
    tmp_path: Path,
    capfdbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expect = case.expect(command)
    assert expect is not None
    work = tmp_path / "work"
    (work / "case").mkdir(parents=True)
    agenda = work / "agenda.md"
    agenda.write_text(GOOD_AGENDA, encoding="utf-8")
    db = case.build(work / "case", demo_seed)
    before = snapshot(work)
    argv = database_argv(command, db, agenda)
    try:
        if case.read_only:
            outcome = run_as_process(argv, read_only=True)
        else:
            outcome = run_in_process(argv, capfdbinary, monkeypatch)
        changes = file_changes(before, snapshot(work))
    finally:
        for folder in (work, *work.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
    found = problems(expect, outcome, changes, str(db.relative_to(work)))
    assert not found, (found, outcome.stderr.decode(errors="replace"))


@pytest.mark.parametrize(("case", "command"), INPUT_CELLS)
def test_import_and_export_refuse_bad_files(
    case: InputCase,
    command: str,
    demo_seed: Path,
    tmp_path: Path,
    capfdbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    (work / "files").mkdir(parents=True)
    db = work / "meetings.db"
    db.write_bytes(demo_seed.read_bytes())
    argv = ["--db", str(db), *case.args(work / "files")]
    before = snapshot(work)
    try:
        if case.read_only or case.slow_before_fix:
            outcome = run_as_process(argv, read_only=case.read_only)
        else:
            outcome = run_in_process(argv, capfdbinary, monkeypatch)
        changes = file_changes(before, snapshot(work))
    finally:
        for folder in (work, *work.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
    found = problems(REFUSE, outcome, changes)
    assert not found, (found, outcome.stderr.decode(errors="replace"))
