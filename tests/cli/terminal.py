"""Run facilitator in a real pseudo-terminal, the way a person's terminal would: the
reliability probes' `Terminal` (`reliability/terminal.py`), plus what the process tests
do to it (signals, closing the terminal window)."""

from __future__ import annotations

import signal
import socket
import sys

from reliability.common import REPO as REPO
from reliability.terminal import Terminal as ProbeTerminal


class Terminal(ProbeTerminal):
    """A child process on a pty of a given size; `output` accumulates what it wrote."""

    def signal(self, number: signal.Signals) -> None:
        self.process.send_signal(number)

    def hang_up(self) -> None:
        """Close the terminal side, as when the terminal window is closed."""
        self.close_terminal()
        self.process.send_signal(signal.SIGHUP)

    def text(self) -> str:
        return bytes(self.output).decode(errors="replace")


def facilitator(*args: str) -> list[str]:
    """The command line running facilitator with this interpreter."""
    return [sys.executable, "-m", "facilitator.cli", *args]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
