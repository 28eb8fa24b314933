"""First paint as a person sees it: start a program in tmux and poll the screen until a
text is visible on it.

    python benchmarks/tmux_paint.py [--runs 10] [--text "Open action items"] -- COMMAND...

The harness's own first paint (`probe_app.py`) is the moment Textual has drawn the
screen inside the process. What a person sees comes later: the frame still has to be
encoded, written, and read and drawn by the terminal. This measure times that whole
path in a real terminal emulator, tmux (80x24), from just before the program is started
to the first moment tmux's copy of the screen shows `text`.

How: one private tmux server (its own socket, no configuration file) runs for the whole
measurement, with a control-mode client attached to an idle session. Each run starts
the command in a new session (`new-session -d`, the time origin read just before), and
the control client asks `capture-pane -p` again and again (each answer takes well
under a millisecond: no process is started per look) until the text is on screen; then
the session is killed. A run that shows no text within the timeout is a failed run.

`run.py` uses `measure_visible` for the "visible in tmux" rows (the app's home screen
and the yardstick, both waiting for "Open action items", which each shows at first
paint: a box title on home, a label in the yardstick). Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from measure import COLUMNS, LINES, ProbeRun

VISIBLE = "visible"
"""The event a run records: seconds until the text was on tmux's screen."""
HOME_TEXT = "Open action items"


class TmuxScreen:
    """A private tmux server with a control-mode client to ask it things."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.socket = f"facilitator-bench-{os.getpid()}"
        self.env = dict(env)
        self.runs = 0
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24")
        # What a terminal in tmux usually says it is (the default, "screen", has 8 colours).
        self._tmux("set-option", "-g", "default-terminal", "screen-256color")
        self.control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "idle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=self.env,
            text=True,
            bufsize=1,
        )
        self.ask("refresh-client -C 80,24")

    @staticmethod
    def available() -> bool:
        return shutil.which("tmux") is not None

    def _tmux(self, *arguments: str) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, *arguments], env=self.env, check=True, capture_output=True
        )

    def ask(self, command: str) -> list[str]:
        """Run a tmux command through the control client; the lines of its answer."""
        assert self.control.stdin is not None and self.control.stdout is not None
        self.control.stdin.write(command + "\n")
        answer: list[str] = []
        inside = False
        for line in self.control.stdout:
            line = line.rstrip("\n")
            if line.startswith("%begin"):
                inside = True
            elif line.startswith(("%end", "%error")):
                if inside:
                    return answer
            elif inside:
                answer.append(line)
        raise RuntimeError("the tmux control client went away")

    def measure(self, command: Sequence[str], text: str, *, cwd: Path, timeout: float) -> ProbeRun:
        """Start `command` in a new 80x24 session; seconds until `text` is visible."""
        self.runs += 1
        session = f"run{self.runs}"
        shell = f"cd {shlex.quote(str(cwd))} && exec {shlex.join(command)}"
        started = time.monotonic()
        self._tmux("new-session", "-d", "-s", session, "-x", str(COLUMNS), "-y", str(LINES), shell)
        try:
            while time.monotonic() - started < timeout:
                screen = self.ask(f"capture-pane -p -t {session}")
                if any(text in line for line in screen):
                    seen = time.monotonic() - started
                    return ProbeRun({VISIBLE: seen}, max_rss_kib=0, vm_hwm_kib=None, exit_code=0)
            tail = [line for line in self.ask(f"capture-pane -p -t {session}") if line.strip()]
            return ProbeRun(
                {}, 0, None, None, error=f'showed no "{text}" in {timeout:g} s', output_tail=tail
            )
        finally:
            self.ask(f"kill-session -t {session}")

    def close(self) -> None:
        self.ask("kill-server")
        self.control.wait(timeout=10)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/tmux_paint.py")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--text", default=HOME_TEXT)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args(argv)
    if not TmuxScreen.available():
        print("tmux_paint.py: tmux is not installed.", file=sys.stderr)
        return 2
    screen = TmuxScreen(os.environ)
    try:
        times = []
        for _ in range(args.runs):
            run = screen.measure(args.command, args.text, cwd=Path.cwd(), timeout=args.timeout)
            if run.ok:
                times.append(run.events[VISIBLE] * 1000)
                print(f"{times[-1]:.0f} ms")
            else:
                print(f"failed: {run.error}")
    finally:
        screen.close()
    if times:
        print(f"median {statistics.median(times):.0f} ms over {len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
