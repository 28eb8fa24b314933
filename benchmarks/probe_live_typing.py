"""Type into facilitator's notes editor, or into a bare Textual Input (the yardstick), and
note when each key was handled and when each frame was displayed.

    python benchmarks/probe_live_typing.py {facilitator,yardstick} {headless,pty}
        [--db PATH] [--keys 120] [--interval-ms 60] [--jitter-ms 25] [--seed 7]

facilitator: the live screen of meeting 2 of `--db` (see `live_db.py`), the notes editor
of the current item focused and its cursor at the end of the notes.
yardstick: a bare Textual app whose one screen holds a bare, focused `Input`.

headless: the app runs under `App.run_test` (Textual's headless driver) and this probe
types itself: each key goes in through `Driver.send_message`, as the real driver hands
keys over, on a typing schedule (`typing_plan`). Latency = from just before the key is
handed over to the end of the first screen update displayed after the key was handled
(`App._display`; headless, the compositor has done its work by then but nothing is
encoded or written).

pty: the app runs with Textual's real Linux driver in the runner's pseudo-terminal (for
facilitator through the real entry point, `facilitator run 2`). Once the editor is
focused the probe tells the runner through the pipe named by FACILITATOR_BENCH_READY_FD;
the runner writes the keys' bytes to the terminal on the same schedule and notes when
each byte of output arrives. The probe notes when each key was handled, each frame's
display and the count of bytes written to the terminal by the end of it, and exits once
every key has been handled. The runner pairs them up (see `live.py`).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from probe_live_common import (
    MEETING_ID,
    FrameLog,
    GcWatch,
    HomeWatch,
    KeyLog,
    OutputCounter,
    ProbeError,
    current_editor,
    live_screen,
    run_probe_main,
    send_key,
    signal_ready,
    wait_for_live,
    wait_until,
    write_result,
)

SETTLE_SECONDS = 1.0
"""Quiet time after the editor is ready, before the first key."""
TAIL_SECONDS = 0.5
"""After the last key: time for its frame (and a save) before exiting."""
SIZE = (80, 24)
TEXT = "the team agreed to share the data summary with staff by friday and to review it "


def typing_plan(
    keys: int, *, interval_ms: float, jitter_ms: float, seed: int
) -> list[tuple[str, float]]:
    """(character, seconds since the previous key) for `keys` keys: a typist's letters
    and spaces, `interval_ms` apart on average, give or take up to `jitter_ms`."""
    import random

    rng = random.Random(seed)
    plan = []
    for number in range(keys):
        gap = max(interval_ms + rng.uniform(-jitter_ms, jitter_ms), 5.0) / 1000
        plan.append((TEXT[number % len(TEXT)], gap))
    return plan


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="probe_live_typing.py")
    parser.add_argument("app", choices=("facilitator", "yardstick"))
    parser.add_argument("mode", choices=("headless", "pty"))
    parser.add_argument("--db", help="the database (facilitator only)")
    parser.add_argument("--keys", type=int, default=120)
    parser.add_argument("--interval-ms", type=float, default=60.0)
    parser.add_argument("--jitter-ms", type=float, default=25.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.app == "facilitator" and not args.db:
        parser.error("facilitator needs --db")
    return args


class Probe:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.counter = OutputCounter() if args.mode == "pty" else None
        self.frames = FrameLog(self.counter)
        self.keys = KeyLog()
        self.gc = GcWatch()
        self.home = HomeWatch() if args.app == "facilitator" else None
        self.sent: list[float] = []
        self.ready_at: float | None = None
        self.info: dict[str, Any] = {}
        self.error: str | None = None
        self.task: asyncio.Task[None] | None = None

    def install(self) -> None:
        from textual.widgets import Input, TextArea

        if self.counter is not None:
            self.counter.install()
        self.frames.install()
        self.gc.install()
        if self.home is not None:
            self.home.install()
        self.keys.install(TextArea if self.args.app == "facilitator" else Input)

    # The app ------------------------------------------------------------------------

    def build_app(self) -> Any:
        if self.args.app == "yardstick":
            return build_yardstick(self)
        from facilitator.store.target import sqlite_target
        from facilitator.ui.app import build_app

        # As `facilitator run` builds it: the system clock, the local timezone, the
        # content pack loaded on first use.
        return build_app(sqlite_target(Path(self.args.db)), open_meeting_id=MEETING_ID, live=True)

    async def prepare(self, app: Any) -> None:
        """Focus the widget to type into; for facilitator, the cursor at the notes' end."""
        if self.args.app == "yardstick":
            from textual.widgets import Input

            await wait_until(lambda: bool(app.query(Input)), timeout=10, what="the Input")
            target = app.query_one(Input)
            target.focus()
        else:
            screen = await wait_for_live(app)
            await wait_until(
                lambda: current_editor(screen) is not None, timeout=10, what="the notes editor"
            )
            target = current_editor(screen)
            screen.action_notes()
            target.move_cursor(target.document.end)
            self.info["note_lines"] = target.document.line_count
            self.info["note_chars"] = len(target.text)
        await wait_until(lambda: app.focused is target, timeout=10, what="the focus")
        self.keys.target = target
        await asyncio.sleep(SETTLE_SECONDS)
        self.ready_at = time.monotonic()

    # Headless: the probe types --------------------------------------------------------

    async def type_keys(self, app: Any) -> None:
        plan = typing_plan(
            self.args.keys,
            interval_ms=self.args.interval_ms,
            jitter_ms=self.args.jitter_ms,
            seed=self.args.seed,
        )
        moment = time.monotonic()
        for char, gap in plan:
            moment += gap
            delay = moment - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self.sent.append(time.monotonic())
            send_key(app, char)
        await self.wait_for_last_key()

    async def wait_for_last_key(self) -> None:
        count = self.args.keys
        limit = 30 + count * self.args.interval_ms / 1000 * 3
        await wait_until(
            lambda: len(self.keys.keys) >= count, timeout=limit, what=f"{count} keys to be handled"
        )
        await asyncio.wait_for(self.frames.wait_after(self.keys.keys[-1][0]), timeout=10)
        await asyncio.sleep(TAIL_SECONDS)

    async def finish(self, app: Any) -> None:
        """Save what is unsaved and wait for the write thread before the app exits, then
        write the result already, in case the exit itself hangs (see README: a save
        still queued when the live screen unmounts blocks its event loop)."""
        self.info["gc"] = self.gc.summary(self.ready_at or 0.0, time.monotonic())
        if self.home is not None:
            self.info["home_reloads"] = self.home.summary(self.ready_at or 0.0, time.monotonic())
        screen = live_screen(app) if self.args.app == "facilitator" else None
        if screen is not None:
            editor = current_editor(screen)
            if editor is not None:
                editor.flush()
            await asyncio.wait_for(screen.writes_done(), timeout=10)
        write_result({**self.result(0), "exit": "pending"})

    async def run_headless(self) -> None:
        app = self.build_app()
        async with app.run_test(size=SIZE) as pilot:
            await self.prepare(app)
            await self.type_keys(app)
            await self.finish(app)
            await pilot.pause()

    # Pty: the runner types ------------------------------------------------------------

    def start_in(self, app: Any) -> None:
        """Called from the app's mount: run `drive` alongside it."""
        self.task = asyncio.get_running_loop().create_task(self.drive(app))

    async def drive(self, app: Any) -> None:
        try:
            await self.prepare(app)
            signal_ready()
            await self.wait_for_last_key()
            await self.finish(app)
        except ProbeError as error:
            self.error = str(error)
        except Exception as error:  # reported, not swallowed
            self.error = f"{type(error).__name__}: {error}"
        app.exit(0 if self.error is None else 1)

    def run_pty(self) -> int:
        if self.args.app == "yardstick":
            return int(self.build_app().run() or 0)
        from facilitator.cli import main as facilitator_main
        from facilitator.ui.app import FacilitatorApp

        on_mount = FacilitatorApp.on_mount
        probe = self

        def on_mount_then_drive(app: FacilitatorApp) -> None:
            on_mount(app)
            probe.start_in(app)

        setattr(FacilitatorApp, "on_mount", on_mount_then_drive)  # noqa: B010
        return facilitator_main(["--db", self.args.db, "run", str(MEETING_ID)])

    # Result -------------------------------------------------------------------------

    def result(self, exit_code: int) -> dict[str, Any]:
        start = (self.ready_at or 0.0) - SETTLE_SECONDS
        result: dict[str, Any] = {
            "app": self.args.app,
            "mode": self.args.mode,
            "exit_code": exit_code,
            "ready_at": self.ready_at,
            "keys": self.keys.keys,
            "frames": [frame for frame in self.frames.frames if frame[0] >= start],
            "sent": self.sent,
            "total_bytes": self.counter.total if self.counter else None,
            **self.info,
        }
        if self.error:
            result["error"] = self.error
        elif exit_code != 0:
            result["error"] = f"the app exited with code {exit_code}"
        elif self.ready_at is None:
            result["error"] = "the probe never got ready to type"
        return result


def build_yardstick(probe: Probe) -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class TypingYardstick(App[int]):
        def compose(self) -> ComposeResult:
            yield Input()

        def on_mount(self) -> None:
            if probe.args.mode == "pty":
                probe.start_in(self)

    return TypingYardstick()


def main(argv: Sequence[str]) -> dict[str, Any]:
    args = parse_args(argv)
    probe = Probe(args)
    probe.install()
    if args.mode == "headless":
        try:
            asyncio.run(probe.run_headless())
        except ProbeError as error:
            probe.error = str(error)
        return probe.result(0)
    code = probe.run_pty()
    return probe.result(code)


if __name__ == "__main__":
    sys.exit(run_probe_main(lambda: main(sys.argv[1:])))
