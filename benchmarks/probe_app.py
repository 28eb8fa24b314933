"""Start facilitator the way a user does and note when the home screen paints and fills.

    python benchmarks/probe_app.py DATABASE

The app runs through the real entry point, `facilitator.cli.main(["--db", DATABASE])`,
so the measured path is the one a user runs: argument parsing, preparing the database,
building the app, Textual's Linux driver. The only change is that `HomeScreen` is
instrumented first. Events (seconds from process start, see `measure`):

- `first_paint`: the home screen's mount asks for a callback after the next refresh,
  before the screen's own `on_mount` runs; it runs once the screen, still waiting for
  its data, has been drawn, ahead of the work the screen asks for after that paint.
- `home_loaded`: the first `HomeLoaded` (the worker's data) has been handled.
- `filled`: the first frame written to the terminal after that, i.e. the lists filled.
- `settled`: the last frame before the screen stayed still for QUIET_SECONDS (later
  frames add scrollbars and the like).
- `warmed_up`: the app's warm-up after the first fill (it loads the ORM and the content
  pack in a thread) has finished; the app exits once it is settled and warmed up, so the
  peak memory includes everything a session loads in its first seconds.

`filled` watches frames rather than using `call_after_refresh` after `HomeLoaded`:
that callback runs as soon as the screen itself is idle, which is before the lists'
own repaint requests reach it, so it fired before the data was drawn (and exiting
there meant the data was never drawn at all).

A `HomeFailed` message ends the probe at once with exit code 1 instead of leaving the
runner to wait for its timeout.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any

from probe_events import Recorder

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from facilitator.ui.screens.home import HomeFailed, HomeLoaded, HomeScreen

QUIET_SECONDS = 0.25


def main(argv: Sequence[str]) -> int:
    recorder = Recorder()
    if len(argv) != 1:
        print("usage: python benchmarks/probe_app.py DATABASE", file=sys.stderr)
        return 2
    watch = FilledWatch(recorder)
    # Each module is instrumented the moment the app imports it: importing them here
    # would load Textual before the app's own start-up code runs (which, for one,
    # keeps the garbage collector off until the first paint; see cli_commands.open_app).
    after_import("facilitator.ui.screens.home", lambda home: instrument_home(recorder, watch))
    after_import("textual.app", lambda app: watch_frames(watch))
    after_import("facilitator.ui.backend", lambda backend: watch_warm_up(watch))
    # Imported only now, as a user's `facilitator` command imports it first thing.
    from facilitator.cli import main as facilitator_main

    code = 1
    try:
        code = facilitator_main(["--db", argv[0]])
    finally:
        recorder.write(exit_code=code)
    return code


def after_import(name: str, hook: Callable[[ModuleType], object]) -> None:
    """Call `hook(module)` right after module `name` is first imported (by the app)."""

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(
            self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
        ) -> ModuleSpec | None:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            loader = spec.loader if spec is not None else None
            if loader is None:
                return spec
            exec_module = loader.exec_module

            def exec_then_hook(module: ModuleType) -> None:
                exec_module(module)
                hook(module)

            loader.exec_module = exec_then_hook  # type: ignore[method-assign]
            return spec

    if name in sys.modules:
        hook(sys.modules[name])
    else:
        sys.meta_path.insert(0, Finder())


class FilledWatch:
    """From the first `HomeLoaded` on: note the frames drawn, exit once they stop."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.screen: HomeScreen | None = None
        self.timer: Timer | None = None
        self.warmed = False

    def start(self, screen: HomeScreen) -> None:
        """The data has been handed to the widgets; wait for it to be drawn."""
        if self.screen is not None:
            return  # the screen loads again on resume or refresh; the first load counts
        self.recorder.record("home_loaded")
        self.screen = screen
        self.timer = screen.set_timer(QUIET_SECONDS, self.finish)

    def frame(self) -> None:
        """A frame was written to the terminal."""
        if self.timer is None:
            return
        self.recorder.record("filled")
        self.recorder.record_latest("settled")
        self.timer.reset()

    def finish(self) -> None:
        """Exit once the screen is still, but not before the warm-up is done: the
        database layer it loads belongs in the peak memory of a session."""
        if self.screen is None:
            return
        if not self.warmed:
            self.timer = self.screen.set_timer(QUIET_SECONDS, self.finish)
            return
        self.screen.app.exit(0)

    def warm(self) -> None:
        """The app's warm-up (database layer and content pack loaded) has finished."""
        self.recorder.record("warmed_up")
        self.warmed = True

    def fail(self, screen: HomeScreen, sentence: str) -> None:
        print(f"home screen failed: {sentence}", file=sys.stderr)
        self.recorder.record("home_failed")
        screen.app.exit(1)


def instrument_home(recorder: Recorder, watch: FilledWatch) -> None:
    """Wrap the home screen's handlers to record `first_paint` and start `watch`.

    Called once the app has imported the home screen (see `after_import`). Nothing here
    loads SQLModel or SQLAlchemy: the app defers those to the screen's worker thread,
    and so must this probe.
    """
    from facilitator.ui.screens.home import HomeScreen

    on_mount = HomeScreen.on_mount
    on_home_loaded = HomeScreen.on_home_loaded
    on_home_failed = HomeScreen.on_home_failed

    @wraps(on_mount)
    def timed_on_mount(self: HomeScreen) -> None:
        # Asked for before the screen's own mount asks for its after-paint work
        # (starting the data worker), so it runs first after the same refresh: the
        # moment of the paint, not of the paint plus that work.
        self.call_after_refresh(recorder.record, "first_paint")
        on_mount(self)

    @wraps(on_home_loaded)
    async def timed_on_home_loaded(self: HomeScreen, message: HomeLoaded) -> None:
        await on_home_loaded(self, message)
        watch.start(self)

    @wraps(on_home_failed)
    def timed_on_home_failed(self: HomeScreen, message: HomeFailed) -> None:
        on_home_failed(self, message)
        watch.fail(self, message.sentence)

    # Textual looks handlers up by name on the class each time a message arrives, and
    # `wraps` keeps their signatures, from which it decides to pass the message or not.
    setattr(HomeScreen, "on_mount", timed_on_mount)  # noqa: B010
    setattr(HomeScreen, "on_home_loaded", timed_on_home_loaded)  # noqa: B010
    setattr(HomeScreen, "on_home_failed", timed_on_home_failed)  # noqa: B010


def watch_warm_up(watch: FilledWatch) -> None:
    """Tell `watch` when the app's warm-up (run once the home screen is filled) ends."""
    from facilitator.ui.backend import Backend

    warm_up = Backend.warm_up

    @wraps(warm_up)
    def watched_warm_up(self: Backend) -> None:
        warm_up(self)
        watch.warm()

    setattr(Backend, "warm_up", watched_warm_up)  # noqa: B010


def watch_frames(watch: FilledWatch) -> None:
    """Tell `watch` about every frame the app writes to the terminal.

    `App._display` is private, but it is the one place every screen update passes on
    its way to the driver; a benchmark that must see the data drawn has to look there.
    """
    from textual.app import App

    display = getattr(App, "_display", None)
    if display is None:
        raise RuntimeError("this Textual has no App._display; update benchmarks/probe_app.py")

    @wraps(display)
    def watched_display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None:  # None means there was nothing to draw
            watch.frame()

    setattr(App, "_display", watched_display)  # noqa: B010


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
