"""The yardstick: a bare Textual app that shows one simple screen and exits.

    python benchmarks/probe_yardstick.py [--stay]

It stands for the least a Textual app of this kind can cost on this machine, with this
Python and this Textual: interpreter start, importing Textual, the Linux driver, and
drawing a screen of a header, a few labels and a footer (about what the home screen
shows before its data arrives). The app's times and memory are divided by this one's,
so the ratios say what facilitator adds, and mostly cancel out how fast the machine is.

It records `first_paint` after the refresh that follows the screen's mount, exactly as
the app probe does for the home screen, and then exits (with `--stay` it stays on
screen until it is killed, for `tmux_paint.py`, which watches the terminal instead).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from probe_events import Recorder

if TYPE_CHECKING:
    from textual.app import App


def main() -> int:
    recorder = Recorder()
    code = 1
    try:
        code = build_yardstick(recorder, stay="--stay" in sys.argv[1:]).run() or 0
    finally:
        recorder.write(exit_code=code)
    return code


def build_yardstick(recorder: Recorder, *, stay: bool = False) -> App[int]:
    """The yardstick app; Textual is imported here, after the recorder noted the start."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Label

    class YardstickScreen(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("Teams")
            yield Label("Meetings")
            yield Label("Open action items")
            yield Label("Parking lot")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            recorder.record("first_paint")
            if not stay:
                self.app.exit(0)

    class YardstickApp(App[int]):
        TITLE = "yardstick"

        def on_mount(self) -> None:
            self.push_screen(YardstickScreen())

    return YardstickApp()


if __name__ == "__main__":
    sys.exit(main())
