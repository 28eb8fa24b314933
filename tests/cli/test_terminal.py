"""The app in a real terminal: it opens, and it ends cleanly when killed or hung up on."""

from __future__ import annotations

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
