"""Golden files: what each export writes for the demo's November meeting, byte for byte."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = "FACILITATOR_REGENERATE_GOLDEN"


def check_golden(name: str, produced: str | bytes) -> None:
    """`produced` must equal tests/render/golden/<name> byte for byte; with
    FACILITATOR_REGENERATE_GOLDEN=1 in the environment the file is rewritten instead."""
    data = produced.encode() if isinstance(produced, str) else produced
    path = GOLDEN / name
    if os.environ.get(REGENERATE) == "1":
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing; run with {REGENERATE}=1 to write it"
    expected = path.read_bytes()
    if data == expected:
        return
    if data.replace(b"\r\n", b"\n") == expected.replace(b"\r\n", b"\n"):
        diff = "Only the line endings differ.\n"
    else:
        lines = difflib.unified_diff(
            expected.decode().splitlines(keepends=True),
            data.decode().splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="produced",
        )
        diff = "".join(repr(line)[1:-1] + "\n" for line in lines)
    raise AssertionError(
        f"{name} differs from its golden file ({REGENERATE}=1 rewrites it):\n{diff}"
    )
