"""What a probe records: the monotonic time of named events, written as JSON at exit.

CLOCK_MONOTONIC is one clock for the whole machine on Linux, so a time read here can be
subtracted from the time the runner read just before starting this process. The file
is written once, when the probe ends, so that recording costs nothing on the measured
path; it goes to the path named by OUT_ENV_VAR.

Standard library only: a probe imports this before anything it measures.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

OUT_ENV_VAR = "FACILITATOR_BENCH_OUT"


class Recorder:
    """Collects event times; the first time an event is recorded is the one kept."""

    def __init__(self) -> None:
        self.events: dict[str, float] = {"script_start": time.monotonic()}

    def record(self, name: str) -> None:
        """Note that `name` happened now (later calls for the same name are ignored)."""
        self.events.setdefault(name, time.monotonic())

    def record_latest(self, name: str) -> None:
        """Note that `name` happened now, replacing any earlier time."""
        self.events[name] = time.monotonic()

    def write(self, *, exit_code: int) -> None:
        """Write the events, the exit code and this process's peak memory to the out file."""
        out = os.environ.get(OUT_ENV_VAR)
        if not out:
            return  # run by hand: nothing to report to
        report = {"events": self.events, "exit_code": exit_code, "vm_hwm_kib": _vm_hwm_kib()}
        Path(out).write_text(json.dumps(report), encoding="utf-8")


def _vm_hwm_kib() -> int | None:
    """This program's own peak resident memory (VmHWM), a cross-check on `ru_maxrss`.

    Unlike `ru_maxrss`, VmHWM belongs to the memory map that `exec` created, so it
    never includes the memory of the process that started this one.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None
