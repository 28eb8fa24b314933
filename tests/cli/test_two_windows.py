"""Two `facilitator run MEETING_ID` processes on one database, as the recorder's and the
facilitator's windows: what one saves, the other shows without a key pressed there (each
live screen looks at the file's change stamp every half second).

Every text typed is a token of its own, so finding it in the other window's output
stream can only mean that window drew it from the database. Nothing here is timed: the
generous timeouts only stop a broken build from hanging (benchmarks/cross_process.py
measures how soon a change shows)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from tests.cli.terminal import Terminal, facilitator

pytestmark = pytest.mark.slow  # runs the program in two other processes

DECEMBER = 2
"""The demo's next planned meeting."""
FOLLOW_TIMEOUT = 10.0
"""Ample for a change polled every 0.5 s, on a slow shared machine."""
CTRL_S = "\x13"
CTRL_Q = "\x11"


def token(kind: str) -> str:
    """A text found nowhere else in either window's output."""
    return f"{kind}{uuid.uuid4().hex[:10]}"


@pytest.fixture
def windows(env: dict[str, str], database: str) -> Iterator[tuple[Terminal, Terminal]]:
    """The recorder's and the facilitator's windows on meeting 2, both drawn; both
    processes are killed on the way out unless they ended already."""
    command = facilitator("--db", str(database), "run", str(DECEMBER))
    with ExitStack() as stack:
        recorder = stack.enter_context(Terminal(command, env))
        chair = stack.enter_context(Terminal(command, env))
        for window in (recorder, chair):
            assert window.read_until("space starts the meeting"), window.text()
        yield recorder, chair


def capture(window: Terminal, key: str, prompt: str, text: str, count: int) -> None:
    """Open the capture form of `key` in `window`, type `text` in its first field and
    save it (ctrl+s); wait until the window's panel counts `count` captures. (Not for
    the toast saying it was saved: it overlaps the panels, so its words can reach the
    terminal in two pieces.)"""
    start = len(window.output)
    window.send(key)
    assert window.read_until(prompt, start=start), window.text()
    window.send(text)
    window.send(CTRL_S)
    assert window.read_until(f"Captured ({count})", start=start), window.text()


def start_meeting(window: Terminal) -> None:
    """Start the meeting, planned for a week from now: the window asks first."""
    start = len(window.output)
    window.send(" ")
    assert window.read_until("Not now", start=start), window.text()
    window.send("y")
    assert window.read_until("Pause", start=start), window.text()


def test_each_window_shows_what_the_other_saved(windows: tuple[Terminal, Terminal]) -> None:
    recorder, chair = windows

    # The meeting started in one window: the other's clock runs and its key says Pause.
    mark = len(chair.output)
    start_meeting(recorder)
    assert chair.read_until("Pause", FOLLOW_TIMEOUT, mark), chair.screen_text()

    # A parking-lot entry captured by the recorder shows on the facilitator's screen.
    parked = token("Park")
    mark = len(chair.output)
    capture(recorder, "p", "What to set aside", parked, 1)
    assert chair.read_until(parked, FOLLOW_TIMEOUT, mark), chair.screen_text()

    # The other way: an action item and the next item, from the facilitator's window.
    action = token("Act")
    mark = len(recorder.output)
    capture(chair, "a", "What will be done", action, 2)
    assert recorder.read_until(action, FOLLOW_TIMEOUT, mark), recorder.screen_text()

    mark, own = len(recorder.output), len(chair.output)
    chair.send("n")
    assert chair.read_until("Item 2 of 7", start=own), chair.screen_text()
    assert recorder.read_until("Item 2 of 7", FOLLOW_TIMEOUT, mark), recorder.screen_text()

    for window in (recorder, chair):
        window.send(CTRL_Q)
        assert window.wait() == 0, window.text()
