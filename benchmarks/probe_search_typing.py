"""Type a query into the search box, key by key, and time each key to its results.

    python benchmarks/probe_search_typing.py DB [--rounds 5] [--word benchmarking]
                                             [--interval-ms 60]

The app runs headless (`App.run_test`, 80x24) on DB; the probe opens the search screen
as the `/` key does (`action_search_meetings`), then types `--word` one key every
`--interval-ms`, as the terminal driver hands keys over (`Driver.send_message`), and
empties the box between rounds.

It notes when each request is asked (`SearchScreen.ask`: its number and text), when
`SearchScreen.show` puts a request's results on screen, and every frame displayed
(`App._display`, see `probe_live_common.FrameLog`). A key's latency runs from just
before it is handed over to the end of the first frame displayed after the results of
its request, or of a later one, were shown (a request overtaken by the next key is
never shown: the screen drops stale replies). A violation is a shown request older
than one shown before it. Prints one JSON object.
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

from probe_live_common import FrameLog, ProbeError, send_key, wait_until

SIZE = (80, 24)
SETTLE_SECONDS = 1.0


class Watch:
    """Requests asked and shown by the search screen, with their times."""

    def __init__(self) -> None:
        self.asked: list[tuple[float, int, str]] = []
        self.shown: list[tuple[float, int]] = []

    def install(self) -> None:
        from facilitator.ui.screens.search import SearchScreen

        ask, show = SearchScreen.ask, SearchScreen.show
        watch = self

        @wraps(ask)
        def watched_ask(screen: Any, text: str) -> None:
            ask(screen, text)
            watch.asked.append((time.monotonic(), screen.asked, text))

        @wraps(show)
        def watched_show(screen: Any, found: Any) -> None:
            show(screen, found)
            watch.shown.append((time.monotonic(), screen.asked))

        setattr(SearchScreen, "ask", watched_ask)  # noqa: B010
        setattr(SearchScreen, "show", watched_show)  # noqa: B010

    def request_after(self, moment: float, text: str) -> int | None:
        return next((n for at, n, typed in self.asked if at >= moment and typed == text), None)

    def shown_at_least(self, number: int) -> float | None:
        return next((at for at, shown in self.shown if shown >= number), None)

    def violations(self) -> int:
        """Shown requests older than one shown before them."""
        newest = 0
        count = 0
        for _, number in self.shown:
            count += number < newest
            newest = max(newest, number)
        return count


async def type_rounds(app: Any, args: argparse.Namespace, watch: Watch, frames: FrameLog) -> Any:
    from facilitator.ui.screens.search import SearchBox, SearchScreen

    await wait_until(lambda: app.screen is not None, timeout=20, what="the home screen")
    await asyncio.sleep(SETTLE_SECONDS)
    app.action_search_meetings()
    await wait_until(
        lambda: isinstance(app.screen, SearchScreen) and isinstance(app.focused, SearchBox),
        timeout=20,
        what="the search box",
    )
    keys: list[dict[str, Any]] = []
    for round_ in range(args.rounds):
        await asyncio.sleep(SETTLE_SECONDS)
        moment = time.monotonic()
        sent = []
        for char in args.word:
            moment += args.interval_ms / 1000
            await asyncio.sleep(max(moment - time.monotonic(), 0))
            sent.append(time.monotonic())
            send_key(app, char)
        box = app.screen.query_one(SearchBox)
        await wait_until(typed(box, args.word), timeout=30, what="every key typed")
        last = watch.asked[-1][1]
        await wait_until(shown(watch, last), timeout=30, what="the last results")
        await asyncio.wait_for(frames.wait_after(watch.shown_at_least(last) or 0.0), timeout=10)
        keys.extend(key_times(round_, sent, args.word, watch, frames))
        box.value = ""
    return {"keys": keys, "violations": watch.violations(), "shown": len(watch.shown)}


def typed(box: Any, word: str) -> Callable[[], bool]:
    return lambda: bool(box.value == word)


def shown(watch: Watch, number: int) -> Callable[[], bool]:
    return lambda: watch.shown_at_least(number) is not None


def key_times(
    round_: int, sent: list[float], word: str, watch: Watch, frames: FrameLog
) -> list[dict[str, Any]]:
    found = []
    for index, at in enumerate(sent):
        number = watch.request_after(at, word[: index + 1])
        shown = watch.shown_at_least(number) if number is not None else None
        frame = frames.first_after(shown) if shown is not None else None
        own = number is not None and any(n == number for _, n in watch.shown)
        found.append(
            {
                "round": round_,
                "key": index + 1,
                "request": number,
                "own_results_shown": own,
                "ms": None if frame is None else (frame[1] - at) * 1000,
            }
        )
    return found


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from facilitator.store.target import sqlite_target
    from facilitator.ui.app import build_app

    watch = Watch()
    watch.install()
    frames = FrameLog()
    frames.install()
    app = build_app(sqlite_target(args.db))
    async with app.run_test(size=SIZE) as pilot:
        result = await type_rounds(app, args, watch, frames)
        await pilot.pause()
    return {"word": args.word, "interval_ms": args.interval_ms, **result}


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="probe_search_typing.py")
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--word", default="benchmarking")
    parser.add_argument("--interval-ms", type=float, default=60.0)
    args = parser.parse_args(argv)
    try:
        result = asyncio.run(run(args))
    except ProbeError as error:
        result = {"error": str(error)}
    print(json.dumps(result))
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
