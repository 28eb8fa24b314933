"""`facilitator run MEETING_ID` in a real terminal, killed mid-meeting and run again:
the item, the clock and the notes saved before the kill all come back."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from facilitator.pack.locate import load_default_pack
from facilitator.services.live import live_state
from facilitator.store.database import Database
from facilitator.store.target import sqlite_target
from tests.cli.terminal import Terminal, facilitator

pytestmark = pytest.mark.slow  # runs the program in another process

DECEMBER = 2


def demo_database(env: dict[str, str], path: Path) -> None:
    done = subprocess.run(
        facilitator("--db", str(path), "demo", "--no-open"),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_killed_meeting_comes_back_as_it_was(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    demo_database(env, path)
    with Terminal(facilitator("--db", str(path), "run", str(DECEMBER)), env) as terminal:
        assert terminal.read_until("space starts the meeting"), terminal.text()
        terminal.send(" ")  # start the meeting, planned for a week from now: it asks
        assert terminal.read_until("Not now"), terminal.text()
        terminal.send("y")
        assert terminal.read_until("Pause"), terminal.text()
        terminal.send("n")
        assert terminal.read_until("Review of action items"), terminal.text()
        terminal.send("m")
        terminal.send("Two items done, one stuck")
        # The notes say when they were saved; wait for that, then kill without warning.
        assert terminal.read_until("saved "), terminal.text()
        os.killpg(terminal.process.pid, signal.SIGKILL)
        terminal.process.wait(timeout=10)

    database = Database(sqlite_target(path))
    try:
        state = live_state(database, meeting_id=DECEMBER, pack=load_default_pack())
    finally:
        database.dispose()
    assert state.status == "running"
    assert state.current_index == 1
    assert state.running  # the clock kept running while the app was gone
    assert state.items[1].note == "Two items done, one stuck"
    assert state.items[0].segments and state.items[0].segments[0].stopped_at is not None

    with Terminal(facilitator("--db", str(path), "run", str(DECEMBER)), env) as terminal:
        assert terminal.read_until("Two items done, one stuck"), terminal.text()
        assert "Review of action items" in terminal.text()
        # The key bar may paint a frame after the notes (it now holds one more key).
        assert terminal.read_until("Pause"), terminal.text()
        terminal.send("\x11")  # ctrl+q
        assert terminal.wait() == 0


def test_running_a_closed_or_unknown_meeting_says_why(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    demo_database(env, path)
    for meeting, sentence in (("1", "closed"), ("99", "There is no meeting 99.")):
        done = subprocess.run(
            facilitator("--db", str(path), "run", meeting),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode != 0
        assert sentence in done.stderr
        assert "Traceback" not in done.stderr
