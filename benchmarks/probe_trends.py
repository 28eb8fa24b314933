"""Open the home screen the way a user does, then a team's trends with T, and note when
each was drawn with its data.

    python benchmarks/probe_trends.py DATABASE TEAM_ID

The app runs through the real entry point, `facilitator.cli.main(["--db", DATABASE])`,
in the pseudo-terminal the runner gives it. Events (seconds from process start, see
`measure`):

- `home_mount`: the home screen is mounted (the app asked for it).
- `home_loaded`, `home_filled`: its first data handled, and the first frame written to
  the terminal after that (the lists drawn).
- Then the probe waits until the app's warm-up has finished (it loads the database
  layer and the content pack, as it does for anyone who looks at home for a moment)
  and the screen has been still for QUIET_SECONDS; it highlights team TEAM_ID in the
  teams list, waits again, and types T as the terminal driver would.
- `trends_key`: T handed to the app; `trends_mount`: the trends screen mounted;
  `read_start`, `read_end`: the worker's reading of the trends (`team_trends`).
- `trends_loaded`, `trends_filled`: the trends screen's data handled, and the first
  frame after that (the list and the chart drawn: plotext builds the chart in that
  frame).
- `trends_settled`: the last frame before the screen stayed still; the probe exits.

Opening the home screen is `home_filled - home_mount`; opening the trends,
`trends_filled - trends_key`. Each module is instrumented the moment the app imports it
(`probe_app.after_import`), so the probe changes nothing the app loads or when.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import wraps
from typing import TYPE_CHECKING, Any

from probe_app import after_import
from probe_events import Recorder
from probe_live_common import send_key

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

QUIET_SECONDS = 0.25


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: python benchmarks/probe_trends.py DATABASE TEAM_ID", file=sys.stderr)
        return 2
    recorder = Recorder()
    watch = TrendsWatch(recorder, team_id=int(argv[1]))
    after_import("facilitator.ui.screens.home", lambda module: watch.instrument_home())
    after_import("facilitator.ui.screens.evaluation_trends", lambda m: watch.instrument_trends())
    after_import("facilitator.services.evaluation_trends", lambda m: watch.instrument_read())
    after_import("facilitator.ui.backend", lambda module: watch.instrument_warm_up())
    after_import("textual.app", lambda module: watch.instrument_frames())
    from facilitator.cli import main as facilitator_main

    code = 1
    try:
        code = facilitator_main(["--db", argv[0]])
    finally:
        recorder.write(exit_code=code)
    return code


class TrendsWatch:
    """Home filled, then T, then the trends filled; each step once the last is still."""

    def __init__(self, recorder: Recorder, *, team_id: int) -> None:
        self.recorder = recorder
        self.team_id = team_id
        self.app: App[Any] | None = None
        self.timer: Timer | None = None
        self.waiting_for: str | None = None  # the event the next frame completes
        self.step = "home"
        self.warmed = False

    # What the app does ------------------------------------------------------------

    def loaded(self, app: App[Any], event: str, filled: str) -> None:
        """A screen's data was handled: the next frame shows it."""
        if event in self.recorder.events:
            return  # home reads again when the team is highlighted; the first counts
        self.app = app
        self.recorder.record(event)
        self.waiting_for = filled
        self.timer = app.set_timer(QUIET_SECONDS, self.still)

    def frame(self) -> None:
        """A frame was written to the terminal."""
        if self.waiting_for is not None:
            self.recorder.record(self.waiting_for)
            self.waiting_for = None
        if self.step == "trends":
            self.recorder.record_latest("trends_settled")
        if self.timer is not None:
            self.timer.reset()

    def still(self) -> None:
        """The screen has not changed for QUIET_SECONDS: take the next step."""
        assert self.app is not None
        if self.step == "home" and self.warmed:
            self.step = "select"
            self.highlight_team()
        elif self.step == "select":
            self.step = "trends"
            self.recorder.record("trends_key")
            send_key(self.app, "T")
            self.timer = None
            return
        elif self.step == "trends" and "trends_filled" in self.recorder.events:
            self.app.exit(0)
            return
        self.timer = self.app.set_timer(QUIET_SECONDS, self.still)

    def highlight_team(self) -> None:
        from facilitator.ui.widgets.team_list import TeamList

        assert self.app is not None
        teams = self.app.screen.query_one(TeamList)
        teams.focus()
        ids = [teams.get_option_at_index(index).id for index in range(teams.option_count)]
        teams.highlighted = ids.index(str(self.team_id))

    def fail(self, app: App[Any], sentence: str) -> None:
        print(f"probe_trends: {sentence}", file=sys.stderr)
        app.exit(1)

    # Instruments ------------------------------------------------------------------

    def instrument_home(self) -> None:
        from facilitator.ui.screens.home import HomeFailed, HomeLoaded, HomeScreen

        on_mount, on_loaded = HomeScreen.on_mount, HomeScreen.on_home_loaded
        on_failed = HomeScreen.on_home_failed

        @wraps(on_mount)
        def timed_on_mount(screen: HomeScreen) -> None:
            self.recorder.record("home_mount")
            on_mount(screen)

        @wraps(on_loaded)
        async def timed_on_loaded(screen: HomeScreen, message: HomeLoaded) -> None:
            await on_loaded(screen, message)
            self.loaded(screen.app, "home_loaded", "home_filled")

        @wraps(on_failed)
        def timed_on_failed(screen: HomeScreen, message: HomeFailed) -> None:
            on_failed(screen, message)
            self.fail(screen.app, message.sentence)

        # Textual looks handlers up by name on the class each time a message arrives.
        setattr(HomeScreen, "on_mount", timed_on_mount)  # noqa: B010
        setattr(HomeScreen, "on_home_loaded", timed_on_loaded)  # noqa: B010
        setattr(HomeScreen, "on_home_failed", timed_on_failed)  # noqa: B010

    def instrument_trends(self) -> None:
        from facilitator.ui.screens.evaluation_trends import (
            TrendsFailed,
            TrendsLoaded,
            TrendsScreen,
        )

        on_mount = TrendsScreen.on_mount
        on_loaded, on_failed = TrendsScreen.on_trends_loaded, TrendsScreen.on_trends_failed

        @wraps(on_mount)
        def timed_on_mount(screen: TrendsScreen) -> None:
            self.recorder.record("trends_mount")
            on_mount(screen)

        @wraps(on_loaded)
        def timed_on_loaded(screen: TrendsScreen, message: TrendsLoaded) -> None:
            on_loaded(screen, message)
            self.loaded(screen.app, "trends_loaded", "trends_filled")

        @wraps(on_failed)
        def timed_on_failed(screen: TrendsScreen, message: TrendsFailed) -> None:
            on_failed(screen, message)
            self.fail(screen.app, message.sentence)

        setattr(TrendsScreen, "on_mount", timed_on_mount)  # noqa: B010
        setattr(TrendsScreen, "on_trends_loaded", timed_on_loaded)  # noqa: B010
        setattr(TrendsScreen, "on_trends_failed", timed_on_failed)  # noqa: B010

    def instrument_read(self) -> None:
        """Note when the worker's reading starts and ends (`read_start`, `read_end`)."""
        from facilitator.services import evaluation_trends

        team_trends = evaluation_trends.team_trends

        @wraps(team_trends)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.recorder.record("read_start")
            try:
                return team_trends(*args, **kwargs)
            finally:
                self.recorder.record("read_end")

        setattr(evaluation_trends, "team_trends", timed)  # noqa: B010

    def instrument_warm_up(self) -> None:
        from facilitator.ui.backend import Backend

        warm_up = Backend.warm_up

        @wraps(warm_up)
        def watched_warm_up(backend: Backend) -> None:
            warm_up(backend)
            self.recorder.record("warmed_up")
            self.warmed = True

        setattr(Backend, "warm_up", watched_warm_up)  # noqa: B010

    def instrument_frames(self) -> None:
        """Every frame the app writes passes `App._display` (see `probe_app`)."""
        from textual.app import App

        display = getattr(App, "_display", None)
        if display is None:
            raise RuntimeError("this Textual has no App._display; update the probe")

        @wraps(display)
        def watched_display(app: App[Any], screen: Any, renderable: Any) -> None:
            display(app, screen, renderable)
            if renderable is not None:
                self.frame()

        setattr(App, "_display", watched_display)  # noqa: B010


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
