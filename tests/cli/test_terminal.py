"""The app in a real terminal: it opens, and it ends cleanly when killed or hung up on."""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.cli.terminal import Terminal, facilitator

pytestmark = pytest.mark.slow

LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"


def test_demo_opens_the_app_on_the_demo_meeting(env: dict[str, str], tmp_path: Path) -> None:
    with Terminal(facilitator("--db", str(tmp_path / "d.db"), "demo"), env) as terminal:
        assert terminal.read_until("December leadership team meeting"), terminal.text()
        # The first agenda item (its title is cut with "…" in the 80-column agenda).
        assert terminal.read_until("Welcome, purpose")
        terminal.send("\x11")  # ctrl+q
        assert terminal.wait() == 0
        assert LEAVE_ALTERNATE_SCREEN in terminal.text()


def test_sigterm_ends_the_app_cleanly(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Terminal(facilitator("--db", str(db)), env) as terminal:
        assert terminal.read_until("Welcome to facilitator"), terminal.text()
        terminal.signal(signal.SIGTERM)
        assert terminal.wait() == 0
        tail = terminal.text().rsplit("Welcome to facilitator", 1)[-1]
        assert LEAVE_ALTERNATE_SCREEN in tail  # the terminal was restored
        assert "Traceback" not in terminal.text()
    assert not (tmp_path / "home" / "state" / "facilitator" / "log").exists()


def test_sighup_ends_the_app(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Terminal(facilitator("--db", str(db)), env) as terminal:
        assert terminal.read_until("Welcome to facilitator"), terminal.text()
        terminal.hang_up()
        terminal.wait(timeout=20)
    assert not (tmp_path / "home" / "state" / "facilitator" / "log").exists()


# Makes the terminal it runs on its controlling terminal (it is a session leader: the
# test's Terminal starts a new session), then becomes the command that follows.
WITH_CONTROLLING_TERMINAL = """
import fcntl, os, sys, termios
fcntl.ioctl(0, termios.TIOCSCTTY, 0)
os.execv(sys.argv[1], sys.argv[1:])
"""


def test_closing_the_terminal_window_ends_the_app(
    env: dict[str, str], demo_template: Path, tmp_path: Path
) -> None:
    """Regression (found by issue 15's benchmarks): when its terminal window closed, the
    app could stay running for ever. The kernel sends SIGHUP and then SIGCONT to a
    terminal's processes when it hangs up; Textual's driver took the SIGCONT as coming
    back from ctrl+z and started a second output thread, which died writing to the gone
    terminal, and the app's shutdown then waited for ever on that thread's full queue
    (5 of 15 `tmux kill-server`s in one benchmark run left a process behind). Here the
    kernel sends the signals itself (the app's terminal is its controlling terminal), at
    the first paint, while the app is still busy starting, as in the benchmark; without
    the fix about one window in three stays, so six are closed."""
    for trial in range(6):
        db = tmp_path / f"t{trial}.db"
        shutil.copyfile(demo_template, db)
        argv = [sys.executable, "-c", WITH_CONTROLLING_TERMINAL, *facilitator("--db", str(db))]
        with Terminal(argv, env) as terminal:
            assert terminal.read_until("Open action items"), terminal.text()
            terminal.close_terminal()
            code = terminal.wait(timeout=20)
        assert code is not None, f"window {trial + 1}: still running after its terminal closed"


CRASHING = """
import sys
from facilitator.ui.backend import Backend

def explode(self, team_id):
    raise RuntimeError("minutes text that must stay private")

Backend.load_home = explode
from facilitator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_crash_shows_one_sentence_and_logs_the_details(
    env: dict[str, str], tmp_path: Path
) -> None:
    argv = [sys.executable, "-c", CRASHING, "--db", str(tmp_path / "c.db")]
    with Terminal(argv, env) as terminal:
        code = terminal.wait(timeout=30)
        shown = terminal.text()
    assert code == 70
    assert "facilitator stopped because of an unexpected error (RuntimeError)" in shown
    assert "minutes text that must stay private" not in shown
    assert "Traceback" not in shown
    logs = list((tmp_path / "home" / "state" / "facilitator" / "log").glob("crash-*.log"))
    assert len(logs) == 1
    assert logs[0].stat().st_mode & 0o777 == 0o600
    assert str(logs[0]) in shown.replace("\r\n", "").replace("\n", "")
    details = logs[0].read_text()
    assert "RuntimeError: minutes text that must stay private" in details
    assert "Traceback" in details
