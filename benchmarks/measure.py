"""Run one probe in a pseudo-terminal and collect its event times and peak memory.

The probe gets a real terminal (the slave side of a pty, 80x24, TERM=xterm-256color) for
stdin, stdout and stderr, so Textual starts its real Linux driver: raw mode, the
alternate screen, escape sequences written in full. A thread reads the master side
all the time; a terminal nobody reads fills up and the app would block on a write.

Times: the runner reads CLOCK_MONOTONIC just before `Popen`, the probe reads the same
system-wide clock at each event, so an event's time counts everything a user waits
for: fork and exec, interpreter start, imports, the app's own work.

Memory: `os.wait4` returns the child's resource usage; `ru_maxrss` is its peak resident
set in KiB. Linux folds the memory map the child was forked with into that figure, so
it is never below the runner's own peak; the runner keeps itself small, and the probe
also reports VmHWM (its own map only) as a cross-check.

Linux only (pty, pidfd, `ru_maxrss` in KiB).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probe_events import OUT_ENV_VAR

COLUMNS, LINES = 80, 24
TAIL_BYTES = 16_384  # enough of the terminal output to show why a probe failed
ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@dataclass(frozen=True)
class ProbeRun:
    """One probe process: when its events happened, its peak memory, how it ended."""

    events: dict[str, float]  # seconds from just before the process was started
    max_rss_kib: int
    vm_hwm_kib: int | None
    exit_code: int | None  # None when it had to be killed
    error: str | None = None  # why this run cannot be used, in one sentence
    output_tail: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def run_probe(
    command: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    out_path: Path,
    timeout: float,
) -> ProbeRun:
    """Run `command` in a fresh pty; kill it after `timeout` seconds."""
    out_path.unlink(missing_ok=True)
    master, slave = _open_terminal()
    reader = TerminalReader(master)
    reader.start()
    try:
        started = time.monotonic()  # the time origin: read just before the process starts
        process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, OUT_ENV_VAR: str(out_path)},
            cwd=cwd,
            # Its own session: a Ctrl-C meant for the runner does not reach the probe.
            start_new_session=True,
        )
    finally:
        # Only the child holds the slave now, so the reader sees EIO once it exits.
        os.close(slave)
    try:
        status, max_rss_kib, timed_out = wait_with_timeout(process, timeout)
        reader.join(timeout=5)
    finally:
        os.close(master)
    return _result(
        out_path,
        started=started,
        status=status,
        max_rss_kib=max_rss_kib,
        timeout=timeout if timed_out else None,
        output_tail=reader.tail_lines(),
    )


def _open_terminal() -> tuple[int, int]:
    master, slave = pty.openpty()
    size = struct.pack("HHHH", LINES, COLUMNS, 0, 0)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
    return master, slave


def wait_with_timeout(process: subprocess.Popen[bytes], timeout: float) -> tuple[int, int, bool]:
    """Reap the child with `wait4` (for its own rusage); SIGKILL it after `timeout` s.

    Returns the wait status, `ru_maxrss` in KiB and whether it was killed. A pidfd
    makes the wait interruptible without polling and the kill safe from pid reuse.
    """
    pidfd = os.pidfd_open(process.pid)
    timed_out = False
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
        timed_out = not ready
    finally:
        if timed_out or not _exited(pidfd):  # timed out, or interrupted (Ctrl-C)
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        os.close(pidfd)
        _, status, usage = os.wait4(process.pid, 0)
        # Tell Popen the child is reaped, so it never waits for it again.
        process.returncode = os.waitstatus_to_exitcode(status)
    return status, usage.ru_maxrss, timed_out


def _exited(pidfd: int) -> bool:
    ready, _, _ = select.select([pidfd], [], [], 0)
    return bool(ready)


def _result(
    out_path: Path,
    *,
    started: float,
    status: int,
    max_rss_kib: int,
    timeout: float | None,
    output_tail: list[str],
) -> ProbeRun:
    report = _read_report(out_path)
    events = {name: moment - started for name, moment in report.get("events", {}).items()}
    exit_code = None if timeout is not None else os.waitstatus_to_exitcode(status)
    error = None
    if timeout is not None:
        error = f"killed after {timeout:g} s without finishing"
    elif exit_code != 0:
        error = f"exited with code {exit_code}"
    elif not report:
        error = "wrote no events"
    return ProbeRun(
        events=events,
        max_rss_kib=max_rss_kib,
        vm_hwm_kib=report.get("vm_hwm_kib"),
        exit_code=exit_code,
        error=error,
        output_tail=output_tail if error else [],
    )


def _read_report(path: Path) -> dict[str, Any]:
    """What the probe wrote (see `probe_events`), or {} if it wrote nothing readable."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return report if isinstance(report, dict) else {}


class TerminalReader(threading.Thread):
    """Reads everything written to the pty's master side, keeping only the tail."""

    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master = master
        self.tail = bytearray()

    def run(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65_536)
            except OSError:  # EIO: the child, the last holder of the slave, has gone
                return
            if not chunk:
                return
            self.tail += chunk
            del self.tail[:-TAIL_BYTES]

    def tail_lines(self, count: int = 8) -> list[str]:
        """The last non-empty lines of plain text, escape sequences removed."""
        text = ANSI_ESCAPE.sub("", self.tail.decode("utf-8", errors="replace"))
        lines = [line.strip() for line in re.split(r"[\r\n]+", text)]
        return [line for line in lines if line][-count:]
