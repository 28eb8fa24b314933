"""A child process in a real pseudo-terminal, as a person's terminal runs it.

The ideas of `tests/cli/terminal.py` and `benchmarks/live_pty.py`: an 80x24 pty with
`TERM=xterm-256color` as stdin, stdout and stderr (Textual writes its frames to stderr),
the child in a session of its own so a signal reaches the whole process group, and the
output read as it comes so the app never blocks on a write.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import importlib
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from reliability.common import REPO

ALT_SCREEN = b"\x1b[?1049h"
"""Textual switches to the alternate screen when the app starts."""
_PR_CAPBSET_DROP = 24
_DAC_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def drop_root_override() -> None:
    """In a child about to exec: give up root's power to ignore file permissions, so a
    read-only file or folder is read-only for it too (the probes run as root on CI)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _DAC_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


class Terminal:
    """`argv` running on a fresh pty of `size` (columns, rows); `output` is every byte
    it wrote so far."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        size: tuple[int, int] = (80, 24),
        preexec: Callable[[], None] | None = None,
        cwd: Path = REPO,
    ) -> None:
        self.master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        try:
            self.process = subprocess.Popen(
                list(argv),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)},
                cwd=cwd,
                start_new_session=True,
                preexec_fn=preexec,
            )
        finally:
            os.close(slave)
        self.output = bytearray()
        self.closed = False

    def read_until(self, text: str | bytes, timeout: float = 30.0, start: int = 0) -> bool:
        """Read until `text` appears after offset `start` (True), or the process ends or
        `timeout` seconds pass (False)."""
        needle = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while self.output.find(needle, start) < 0:
            left = deadline - time.monotonic()
            if left <= 0 or not self.read(left):
                return self.output.find(needle, start) >= 0
        return True

    def read(self, timeout: float) -> bool:
        """Read what is there within `timeout` s; False once the terminal is closed."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.master], [], [], max(0.0, min(timeout, 0.2)))
        if not ready:
            return self.process.poll() is None
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += chunk
        return bool(chunk)

    def drain(self, seconds: float) -> None:
        """Keep reading for `seconds` (the app never waits on a full terminal)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.read(deadline - time.monotonic()):
            pass

    def send(self, text: str) -> None:
        os.write(self.master, text.encode())

    def kill(self) -> None:
        """SIGKILL to the whole process group, without warning."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def wait(self, timeout: float = 30.0, *, kill: bool = True) -> int | None:
        """Wait for the process to end, reading its output; its exit code, or None if it
        was still running after `timeout` s (then it is killed, unless `kill` is False)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if not self.read(deadline - time.monotonic()):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        if self.process.poll() is None:
            if kill:
                self.kill()
            return None
        while self.read(0.05):
            pass
        return self.process.returncode

    def screen_text(self) -> str:
        """What the terminal shows now, if `pyte` (a terminal emulator, not a dependency
        of the project) is installed; else the end of the output without escape codes."""
        size = struct.unpack("HHHH", fcntl.ioctl(self.master, termios.TIOCGWINSZ, bytes(8)))
        try:
            pyte = importlib.import_module("pyte")
        except ImportError:
            tail = bytes(self.output[-6000:]).decode("utf-8", "replace")
            return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b.", "", tail)
        screen = pyte.Screen(size[1], size[0])
        stream = pyte.ByteStream(screen)
        stream.feed(bytes(self.output))
        return "\n".join(line.rstrip() for line in screen.display)

    def stacks(self) -> str:
        """The child's Python stacks now, if `py-spy` is on hand (not a dependency)."""
        spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        if not Path(spy).exists() or self.process.poll() is not None:
            return "(no py-spy, or the process has ended)"
        try:
            done = subprocess.run(
                [spy, "dump", "--pid", str(self.process.pid)],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "(py-spy did not answer)"
        return done.stdout + done.stderr

    def close_terminal(self) -> None:
        """Close our side of the terminal (as when its window is closed)."""
        if not self.closed:
            os.close(self.master)
            self.closed = True

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self.close_terminal()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
