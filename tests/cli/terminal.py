"""Run facilitator in a real pseudo-terminal, the way a person's terminal would."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[2]


class Terminal:
    """A child process on a pty of a given size; `output` accumulates what it wrote."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        size: tuple[int, int] = (80, 24),
    ) -> None:
        self.master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)},
            cwd=REPO,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.closed = False

    def read_until(self, text: str, timeout: float = 20.0) -> bool:
        """Read output until `text` appears (True) or `timeout` seconds pass (False)."""
        deadline = time.monotonic() + timeout
        needle = text.encode()
        while needle not in self.output:
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                return needle in self.output
        return True

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], min(timeout, 0.5))
        if not ready:
            return self.process.poll() is None
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += chunk
        return bool(chunk)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def signal(self, number: signal.Signals) -> None:
        self.process.send_signal(number)

    def hang_up(self) -> None:
        """Close the terminal side, as when the terminal window is closed."""
        os.close(self.master)
        self.closed = True
        self.process.send_signal(signal.SIGHUP)

    def wait(self, timeout: float = 20.0) -> int:
        """Wait for the process to end, reading its last output; return its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if self.closed:
                self.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            else:
                self._read(deadline - time.monotonic())
        code = self.process.wait(timeout=1)
        while not self.closed and self._read(0.1):
            pass
        return code

    def text(self) -> str:
        return self.output.decode(errors="replace")

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        if not self.closed:
            os.close(self.master)


def facilitator(*args: str) -> list[str]:
    """The command line running facilitator with this interpreter."""
    return [sys.executable, "-m", "facilitator.cli", *args]
