"""What the live-screen probes share: watching frames and keys, sending keys from inside
the app, waiting for the live screen, telling the runner they are ready, writing results.

Times are `time.monotonic()` (CLOCK_MONOTONIC, one clock for the whole machine on
Linux), so the runner can compare them with its own readings.

The watches wrap private Textual methods (`App._display`, a widget's `_on_key`,
`LinuxDriver.write`): they are the one place each thing happens. If Textual renames
them, `require` stops the probe with a sentence saying which.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from probe_events import OUT_ENV_VAR

READY_FD_ENV_VAR = "FACILITATOR_BENCH_READY_FD"
MEETING_ID = 2


class ProbeError(Exception):
    """A probe cannot go on; its message is one sentence for the runner to show."""


def require(owner: object, name: str) -> Any:
    found = getattr(owner, name, None)
    if found is None:
        raise ProbeError(f"this Textual has no {getattr(owner, '__name__', owner)}.{name}")
    return found


def write_result(result: dict[str, Any]) -> None:
    """Write `result` as JSON to the file the runner named (or stdout by hand)."""
    out = os.environ.get(OUT_ENV_VAR)
    text = json.dumps(result)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        print(text)


def signal_ready(note: str = "ready") -> None:
    """Tell the runner (through the pipe it passed) that the probe is ready for input."""
    fd = os.environ.get(READY_FD_ENV_VAR)
    if fd:
        with contextlib.suppress(OSError):
            os.write(int(fd), (note + "\n").encode())


def run_probe_main(main: Callable[[], dict[str, Any]]) -> int:
    """Run `main`, write what it returns; a ProbeError becomes {"error": sentence}."""
    try:
        result = main()
    except ProbeError as error:
        write_result({"error": str(error)})
        print(f"probe: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug or a changed API: the runner shows the sentence
        import traceback

        traceback.print_exc()
        write_result({"error": f"{type(error).__name__}: {error}"})
        return 1
    write_result(result)
    return 0 if "error" not in result else 1


# Frames --------------------------------------------------------------------------------


class OutputCounter:
    """Counts the bytes the app hands to the terminal driver, in the order it writes
    them (the writer thread keeps that order), so a frame's last byte has an offset the
    runner can find in what arrives on the pty."""

    def __init__(self) -> None:
        self.total = 0

    def install(self) -> None:
        from textual.drivers.linux_driver import LinuxDriver

        write = require(LinuxDriver, "write")
        counter = self

        @wraps(write)
        def counted_write(driver: Any, data: str) -> None:
            counter.total += len(data.encode("utf-8", errors="surrogateescape"))
            write(driver, data)

        setattr(LinuxDriver, "write", counted_write)  # noqa: B010


class FrameLog:
    """Every screen update the app displays: (entered, left, bytes written by then).

    `App._display` receives each compositor update of the top screen; with a real driver
    it turns it into escape sequences and queues them for the terminal, headless it
    returns at once (the compositor work is done before it is called).
    """

    def __init__(self, counter: OutputCounter | None = None) -> None:
        self.frames: list[tuple[float, float, int]] = []
        self.counter = counter
        self.waiters: list[tuple[float, asyncio.Future[tuple[float, float, int]]]] = []
        self.listeners: list[Callable[[float, float], None]] = []

    def install(self) -> None:
        from textual.app import App

        display = require(App, "_display")
        log = self

        @wraps(display)
        def watched_display(app: Any, screen: Any, renderable: Any) -> None:
            entered = time.monotonic()
            display(app, screen, renderable)
            if renderable is None or screen is not app.screen:
                return
            left = time.monotonic()
            frame = (entered, left, log.counter.total if log.counter else 0)
            log.frames.append(frame)
            for listener in log.listeners:
                listener(entered, left)
            if log.waiters:
                keep = []
                for after, future in log.waiters:
                    if entered >= after and not future.done():
                        future.set_result(frame)
                    elif not future.done():
                        keep.append((after, future))
                log.waiters = keep

        setattr(App, "_display", watched_display)  # noqa: B010

    def first_after(self, moment: float) -> tuple[float, float, int] | None:
        """The first frame whose display began at or after `moment`."""
        for frame in self.frames:
            if frame[0] >= moment:
                return frame
        return None

    def wait_after(self, moment: float) -> asyncio.Future[tuple[float, float, int]]:
        """A future for the first frame displayed at or after `moment`."""
        future: asyncio.Future[tuple[float, float, int]] = (
            asyncio.get_running_loop().create_future()
        )
        found = self.first_after(moment)
        if found is not None:
            future.set_result(found)
        else:
            self.waiters.append((moment, future))
        return future


class KeyLog:
    """When each printable key finished being handled by a widget of class `cls` (the
    edit is made inside `_on_key`, so the next frame shows it)."""

    def __init__(self) -> None:
        self.keys: list[tuple[float, str]] = []
        self.target: object | None = None
        self.on_key: Callable[[], None] | None = None

    def install(self, cls: type) -> None:
        on_key = require(cls, "_on_key")
        log = self

        @wraps(on_key)
        async def watched_on_key(widget: Any, event: Any) -> None:
            await on_key(widget, event)
            if widget is log.target and event.is_printable:
                log.keys.append((time.monotonic(), event.character or ""))
                if log.on_key is not None:
                    log.on_key()

        setattr(cls, "_on_key", watched_on_key)  # noqa: B010


# Keys ---------------------------------------------------------------------------------


def key_event(key: str) -> Any:
    """The `events.Key` the terminal driver would post for `key` (a character or a key
    name such as "enter", "ctrl+s"), built the way Textual's own pilot builds it."""
    from textual import events
    from textual.keys import (
        REPLACED_KEYS,
        _character_to_key,
        _get_unicode_name_from_key,
    )

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def send_key(app: Any, key: str) -> None:
    """Hand `key` to the app as its driver does (`Driver.send_message`)."""
    event = key_event(key)
    event.set_sender(app)
    app._driver.send_message(event)


# Waiting ------------------------------------------------------------------------------


async def wait_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll `condition` every 10 ms; ProbeError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise ProbeError(f"gave up waiting for {what} after {timeout:g} s")
        await asyncio.sleep(0.01)


def live_screen(app: Any) -> Any:
    """The app's LiveScreen once it is on the stack, else None."""
    from facilitator.ui.screens.live import LiveScreen

    for screen in app.screen_stack:
        if isinstance(screen, LiveScreen):
            return screen
    return None


async def wait_for_live(app: Any, *, timeout: float = 20.0) -> Any:
    """The live screen once it has shown the meeting (its first LiveLoaded handled)."""

    def loaded() -> bool:
        screen = live_screen(app)
        return screen is not None and screen.state is not None

    await wait_until(loaded, timeout=timeout, what="the live screen to load the meeting")
    screen = live_screen(app)
    await screen.writes_done()
    return screen


def current_editor(screen: Any) -> Any:
    """The notes editor once it holds the current item's notes (before issue 15 the
    screen had one editor per item, `#notes-ID`; kept so older versions can be measured)."""
    current = screen.state.current if screen.state is not None else None
    if current is None:
        return None
    notes = getattr(screen, "notes", None)
    if notes is not None and hasattr(notes, "editor"):
        return notes.editor(current.item_id)
    found = screen.query(f"#notes-{current.item_id}")
    return found.first() if found else None


class GcWatch:
    """The collector's pauses: (start, milliseconds, generation) for every generation-2
    collection and any other one of a millisecond or more. A full collection walks
    every object the process holds, so in a big app it is the likeliest long pause."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []
        self.collections = [0, 0, 0]
        self._started = 0.0

    def install(self) -> None:
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.monotonic()
            return
        generation = info.get("generation", 0)
        self.collections[generation] += 1
        took = (time.monotonic() - self._started) * 1000
        if generation == 2 or took >= 1.0:
            self.pauses.append((self._started, took, generation))

    def between(self, start: float, end: float) -> list[tuple[float, float, int]]:
        return [pause for pause in self.pauses if start <= pause[0] <= end]

    def summary(self, start: float, end: float) -> dict[str, Any]:
        """What the collector did between two moments, and how many objects it tracks."""
        within = self.between(start, end)
        full = [took for _, took, generation in within if generation == 2]
        return {
            "full_collections": len(full),
            "full_ms": [round(took, 1) for took in full],
            "full": [[began, took] for began, took, generation in within if generation == 2],
            "longest_ms": round(max((took for _, took, _ in within), default=0.0), 1),
            "tracked_objects": len(gc.get_objects()),
        }


class HomeWatch:
    """When the home screen (still on the stack under the live screen) took in a fresh
    read of the database, and how long handling it held the event loop."""

    def __init__(self) -> None:
        self.reloads: list[tuple[float, float]] = []  # (start, ms)

    def install(self) -> None:
        from facilitator.ui.screens.home import HomeScreen

        handler = require(HomeScreen, "on_home_loaded")
        watch = self

        @wraps(handler)
        async def timed(screen: Any, message: Any) -> None:
            began = time.monotonic()
            await handler(screen, message)
            watch.reloads.append((began, (time.monotonic() - began) * 1000))

        setattr(HomeScreen, "on_home_loaded", timed)  # noqa: B010

    def summary(self, start: float, end: float) -> dict[str, Any]:
        within = [ms for began, ms in self.reloads if start <= began <= end]
        return {"count": len(within), "ms": [round(ms, 1) for ms in within]}


def percentile(values: list[float], fraction: float) -> float | None:
    """The `fraction` quantile (nearest rank, so p99 of 100 values is the 99th)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(int(-(-fraction * len(ordered) // 1)), 1)  # ceil, at least 1
    return ordered[min(rank, len(ordered)) - 1]
