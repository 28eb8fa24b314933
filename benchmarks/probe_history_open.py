"""Open the history screen again and again, and time each opening to its first rows.

    python benchmarks/probe_history_open.py DB [--rounds 20]

The app runs headless (`App.run_test`, 80x24) on DB. Each round opens the history
screen as the `h` key does (`action_history`) and times it from just before the action
to the end of the first frame displayed after the screen handled its first page
(`HistoryScreen.on_history_loaded`); then escape returns home and the probe waits for
the screen to be gone. Prints one JSON object: the times in ms and the count of rows
the first page showed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any

from probe_live_common import FrameLog, ProbeError, wait_until

SIZE = (80, 24)
SETTLE_SECONDS = 1.0
PAUSE_SECONDS = 0.2


class Loads:
    """When the history screen handled each first page, and how many rows it had."""

    def __init__(self) -> None:
        self.loaded: list[tuple[float, int]] = []

    def install(self) -> None:
        from facilitator.ui.screens.history import HistoryScreen

        handle = HistoryScreen.on_history_loaded
        loads = self

        @wraps(handle)
        def watched(screen: Any, message: Any) -> None:
            handle(screen, message)
            if message.first:
                loads.loaded.append((time.monotonic(), len(message.page.rows)))

        setattr(HistoryScreen, "on_history_loaded", watched)  # noqa: B010


async def open_rounds(app: Any, rounds: int, loads: Loads, frames: FrameLog) -> dict[str, Any]:
    from facilitator.ui.screens.history import HistoryScreen
    from facilitator.ui.screens.home import HomeScreen

    await wait_until(lambda: isinstance(app.screen, HomeScreen), timeout=20, what="home")
    await asyncio.sleep(SETTLE_SECONDS)
    times: list[float] = []
    rows = 0
    for _ in range(rounds):
        before = len(loads.loaded)
        started = time.monotonic()
        app.action_history()
        await wait_until(loaded_after(loads, before), timeout=30, what="the first page")
        loaded_at, rows = loads.loaded[-1]
        frame = await asyncio.wait_for(frames.wait_after(loaded_at), timeout=10)
        times.append((frame[1] - started) * 1000)
        screen = app.screen
        if not isinstance(screen, HistoryScreen):
            raise ProbeError("the history screen did not open")
        screen.dismiss()
        await wait_until(lambda: isinstance(app.screen, HomeScreen), timeout=20, what="home")
        await asyncio.sleep(PAUSE_SECONDS)
    return {"ms": times, "rows": rows}


def loaded_after(loads: Loads, count: int) -> Callable[[], bool]:
    return lambda: len(loads.loaded) > count


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from facilitator.store.target import sqlite_target
    from facilitator.ui.app import build_app

    loads = Loads()
    loads.install()
    frames = FrameLog()
    frames.install()
    app = build_app(sqlite_target(args.db))
    async with app.run_test(size=SIZE) as pilot:
        result = await open_rounds(app, args.rounds, loads, frames)
        await pilot.pause()
    return result


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="probe_history_open.py")
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    try:
        result = asyncio.run(run(args))
    except ProbeError as error:
        result = {"error": str(error)}
    print(json.dumps(result))
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
