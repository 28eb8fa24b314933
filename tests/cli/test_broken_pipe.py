"""`facilitator list --json | head`: a reader that stops early is not a crash."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.terminal import REPO, facilitator

pytestmark = pytest.mark.slow  # runs the program in another process


@pytest.mark.parametrize("command", [("list", "--json"), ("list",), ("export", "1")])
def test_regression_a_closed_pipe_is_not_a_crash(
    env: dict[str, str], database: str, isolated_dirs: Path, command: tuple[str, ...]
) -> None:
    """Regression (issue 15, found by the dates helper): `facilitator list --json | head`
    ended in a BrokenPipeError, the crash sentence and a crash log. Now it exits as a
    program killed by SIGPIPE would (141), quietly, and logs nothing."""
    process = subprocess.Popen(
        facilitator("--db", str(database), *command),
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141, stderr
    assert stderr == ""
    assert not list(isolated_dirs.rglob("*.log")), "a crash report was written"
