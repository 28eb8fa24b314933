"""Run a live-screen probe in a pseudo-terminal, optionally type into it, and note when
every byte of its output arrives.

Like `measure.run_probe` (80x24, TERM=xterm-256color, a thread draining the terminal,
SIGKILL through a pidfd after a timeout, `wait4`), plus what the live benchmarks need:

- The terminal's output post-processing is off (`OPOST` cleared on the slave, which
  Textual never sets itself), so the bytes that arrive are exactly the bytes the app
  wrote: no "\\n" turned into "\\r\\n". The probe counts the bytes it hands to the
  driver, so a frame's last byte has an offset the runner can look for here.
- A pipe, named to the probe by FACILITATOR_BENCH_READY_FD, on which it says "ready".
- Keys: once the probe is ready, each key's bytes are written to the terminal on a
  schedule of (character, seconds since the previous key); `writes` has the
  monotonic time just before each write.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import TerminalReader, _open_terminal, wait_with_timeout
from probe_events import OUT_ENV_VAR
from probe_live_common import READY_FD_ENV_VAR


@dataclass
class PtyRun:
    """One probe run: what it reported and what the terminal saw."""

    result: dict[str, Any]
    chunks: list[tuple[float, int]]  # (arrival, bytes received so far)
    writes: list[float] = field(default_factory=list)
    exit_code: int | None = None
    error: str | None = None
    output_tail: list[str] = field(default_factory=list)

    @property
    def received(self) -> int:
        return self.chunks[-1][1] if self.chunks else 0

    def arrival_of(self, offset: int, start: int = 0) -> tuple[float | None, int]:
        """When the byte at `offset` (counted from 1) had arrived, and the index to
        start the next search from (offsets asked for in order make this linear)."""
        for index in range(start, len(self.chunks)):
            if self.chunks[index][1] >= offset:
                return self.chunks[index][0], index
        return None, len(self.chunks)


class ChunkReader(TerminalReader):
    """A TerminalReader that also notes when each chunk arrived."""

    def __init__(self, master: int) -> None:
        super().__init__(master)
        self.chunks: list[tuple[float, int]] = []
        self.total = 0

    def run(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65_536)
            except OSError:
                return
            if not chunk:
                return
            arrived = time.monotonic()
            self.total += len(chunk)
            self.chunks.append((arrived, self.total))
            self.tail += chunk
            del self.tail[:-16_384]


def run_in_pty(
    command: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    out_path: Path,
    timeout: float,
    keys: Sequence[tuple[str, float]] = (),
    ready_timeout: float = 60.0,
) -> PtyRun:
    """Run `command` in a fresh pty; type `keys` once it says it is ready (if any)."""
    out_path.unlink(missing_ok=True)
    master, slave = _open_terminal()
    attributes = termios.tcgetattr(slave)
    attributes[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attributes)
    ready_read, ready_write = os.pipe()
    reader = ChunkReader(master)
    reader.start()
    started = time.monotonic()
    try:
        process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, OUT_ENV_VAR: str(out_path), READY_FD_ENV_VAR: str(ready_write)},
            cwd=cwd,
            pass_fds=(ready_write,),
            start_new_session=True,
        )
    finally:
        os.close(slave)
        os.close(ready_write)
    writes: list[float] = []
    problem = None
    try:
        if keys:
            problem = _wait_ready(ready_read, process, ready_timeout)
            if problem is None:
                writes = _type(master, keys)
        remaining = max(timeout - (time.monotonic() - started), 1.0)
        status, _, timed_out = wait_with_timeout(process, remaining)
        reader.join(timeout=5)
    finally:
        with contextlib.suppress(OSError):
            os.close(ready_read)
        os.close(master)
    result = _read(out_path)
    exit_code = None if timed_out else os.waitstatus_to_exitcode(status)
    if problem is None:
        if result.get("error"):
            problem = str(result["error"])
        elif timed_out and result.get("exit") == "pending":
            problem = None  # measured, then hung on the way out: see the README
            result["hung_on_exit"] = True
        elif timed_out:
            problem = f"killed after {timeout:g} s without finishing"
        elif not result:
            problem = f"wrote no result (exit code {exit_code})"
        elif exit_code != 0:
            problem = f"exited with code {exit_code}"
    return PtyRun(
        result=result,
        chunks=reader.chunks,
        writes=writes,
        exit_code=exit_code,
        error=problem,
        output_tail=reader.tail_lines() if problem else [],
    )


def _wait_ready(ready: int, process: subprocess.Popen[bytes], timeout: float) -> str | None:
    deadline = time.monotonic() + timeout
    pidfd = os.pidfd_open(process.pid)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return f"not ready to type after {timeout:g} s"
            readable, _, _ = select.select([ready, pidfd], [], [], left)
            if ready in readable:
                line = os.read(ready, 100)
                if line.startswith(b"ready"):
                    return None
                if not line:
                    return "closed its ready pipe without saying it was ready"
            elif pidfd in readable:
                return "ended before it was ready to type"
    finally:
        os.close(pidfd)


def _type(master: int, keys: Sequence[tuple[str, float]]) -> list[float]:
    writes = []
    moment = time.monotonic()
    for char, gap in keys:
        moment += gap
        delay = moment - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        writes.append(time.monotonic())
        os.write(master, char.encode("utf-8"))
    return writes


def _read(path: Path) -> dict[str, Any]:
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return result if isinstance(result, dict) else {}


def run_plain(
    command: Sequence[str], *, env: Mapping[str, str], cwd: Path, out_path: Path, timeout: float
) -> PtyRun:
    """Run a probe that needs no terminal (headless ones); same result shape."""
    out_path.unlink(missing_ok=True)
    try:
        done = subprocess.run(
            list(command),
            env={**env, OUT_ENV_VAR: str(out_path)},
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        result = _read(out_path)
        if result.get("exit") == "pending" and not result.get("error"):
            result["hung_on_exit"] = True
            return PtyRun(result=result, chunks=[])
        said = expired.stderr or b""
        text = said.decode(errors="replace") if isinstance(said, bytes) else str(said)
        return PtyRun(
            result=result,
            chunks=[],
            error=f"killed after {timeout:g} s without finishing",
            output_tail=text.strip().splitlines()[-8:],
        )
    result = _read(out_path)
    problem = None
    if result.get("error"):
        problem = str(result["error"])
    elif not result:
        problem = f"wrote no result (exit code {done.returncode})"
    elif done.returncode != 0:
        problem = f"exited with code {done.returncode}"
    tail = (done.stderr or done.stdout).strip().splitlines()[-8:] if problem else []
    return PtyRun(
        result=result, chunks=[], exit_code=done.returncode, error=problem, output_tail=tail
    )
