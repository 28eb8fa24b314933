"""Run the `facilitator` command in this process (much faster than a child process), for
the commands that do not open the app."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator.cli import main


@dataclass(frozen=True)
class Result:
    """What a command printed and how it ended."""

    code: int
    out: str
    err: str


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Run `facilitator ARGS...` and capture stdout and stderr (an argument error ends
    in SystemExit, as it does for a person: its code is the result's)."""
    capsys.readouterr()  # start clean
    try:
        code = main(list(args))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def listing(folder: Path) -> dict[str, str]:
    """Every entry in `folder` (recursively) with a fingerprint of each file's bytes; the
    test's private home folder is left out."""
    return {
        str(entry.relative_to(folder)): (
            hashlib.sha256(entry.read_bytes()).hexdigest() if entry.is_file() else "folder"
        )
        for entry in sorted(folder.rglob("*"))
        if entry.relative_to(folder).parts[0] != "home"
    }


def assert_one_sentence(result: Result, *fragments: str) -> None:
    """A refusal: non-zero, nothing on stdout, one line on stderr holding `fragments`."""
    assert result.code != 0, result
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0]
