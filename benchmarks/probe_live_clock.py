"""Run facilitator's live screen on a running meeting for a while, with the event loop
stalled on purpose, and note every countdown figure it displays.

    python benchmarks/probe_live_clock.py DATABASE [--seconds 25] [--stall-every 5]
                                                   [--stall-ms 300]

The app runs through its real entry point (`facilitator run 2`, the system clock, the
real Linux driver) in the runner's pseudo-terminal; the runner keeps both cores busy
meanwhile (see `live.py`). Once the meeting is shown, a callback on the event loop
sleeps `--stall-ms` about every `--stall-every` seconds. Stalls exactly 5 s apart would
all fall at the same point of the countdown's second (it changes once a second), so
either every stall or none would hold back a figure; instead stall k starts LEADS[k]
seconds before a moment the figure is due to change (cycling through LEADS), so the
run shows stalls that hold a change back by most of their length, by part of it, and
not at all.

Recorded: each change of `BigClock.figure` (a `watch_figure` watcher: the moment and
the new figure), every frame displayed (with the count of bytes written to the
terminal by its end, so the runner can tell when it arrived), the stalls, and the
stored clock of the current item (planned seconds and segments as POSIX timestamps)
from which the runner computes what the figure should have been at each moment.
`wall_minus_monotonic` converts the monotonic times to the wall clock the app reads.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Sequence
from typing import Any

from probe_live_common import (
    MEETING_ID,
    FrameLog,
    GcWatch,
    OutputCounter,
    ProbeError,
    run_probe_main,
    signal_ready,
    wait_for_live,
    write_result,
)

LEADS = (0.02, 0.45, 0.12, 0.7, 0.22)
"""Seconds from the start of stall k to the next due figure change (k cycling)."""


def wall_minus_monotonic(samples: int = 21) -> float:
    """time.time() - time.monotonic(), the median of a few close readings."""
    offsets = []
    for _ in range(samples):
        before = time.monotonic()
        wall = time.time()
        after = time.monotonic()
        offsets.append(wall - (before + after) / 2)
    return statistics.median(offsets)


class ClockProbe:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.counter = OutputCounter()
        self.frames = FrameLog(self.counter)
        self.gc = GcWatch()
        self.figures: list[tuple[float, str]] = []
        self.stalls: list[tuple[float, float]] = []
        self.planned_stalls: list[tuple[float, float]] = []
        self.started: float | None = None
        self.ended: float | None = None
        self.item: dict[str, Any] = {}
        self.error: str | None = None
        self.task: asyncio.Task[None] | None = None

    def install(self) -> None:
        from facilitator.ui.widgets.big_clock import BigClock

        self.counter.install()
        self.frames.install()
        self.gc.install()
        before = BigClock.__dict__.get("watch_figure")
        probe = self

        def watch_figure(clock: Any, *args: Any) -> None:
            if before is not None:
                before(clock, *args)
            probe.figures.append((time.monotonic(), str(clock.figure)))

        setattr(BigClock, "watch_figure", watch_figure)  # noqa: B010

    def schedule_stalls(self, current: Any) -> None:
        """Stall k near `started` + (k + 0.5) x stall_every, LEADS[k] before a due change.

        While the item runs, time left = planned - closed segments - (t - open start), a
        whole number of seconds (a change) whenever t = open start + planned - closed
        - n: the changes fall at one fixed fraction of the wall-clock second."""
        loop = asyncio.get_running_loop()
        offset = wall_minus_monotonic()
        closed = sum(
            (s.stopped_at - s.started_at).total_seconds() for s in current.segments if s.stopped_at
        )
        opened = next(s.started_at.timestamp() for s in current.segments if s.stopped_at is None)
        phase = (opened + current.planned_seconds - closed) % 1.0
        count = int(self.args.seconds // self.args.stall_every)
        for number in range(count):
            # mid-window: 2.5 s, 7.5 s, ... so the last one ends before the run does
            nominal = (self.started or 0.0) + offset + self.args.stall_every * (number + 0.5)
            lead = LEADS[number % len(LEADS)]
            # the first moment from nominal - 0.5 s on at which a change is `lead` away
            start = nominal - 0.5 + ((phase - lead - (nominal - 0.5)) % 1.0)
            monotonic_start = start - offset
            self.planned_stalls.append((monotonic_start, lead))
            loop.call_at(monotonic_start - time.monotonic() + loop.time(), self.stall)

    def stall(self) -> None:
        began = time.monotonic()
        time.sleep(self.args.stall_ms / 1000)
        self.stalls.append((began, time.monotonic()))

    async def drive(self, app: Any) -> None:
        try:
            screen = await wait_for_live(app)
            state = screen.state
            current = state.current if state else None
            if current is None or not current.running:
                raise ProbeError("the meeting's clock is not running (see live_db.py)")
            self.item = {
                "item_id": current.item_id,
                "planned_seconds": current.planned_seconds,
                "segments": [
                    [s.started_at.timestamp(), s.stopped_at.timestamp() if s.stopped_at else None]
                    for s in current.segments
                ],
            }
            signal_ready()
            self.started = time.monotonic()
            self.schedule_stalls(current)
            await asyncio.sleep(self.args.seconds)
            self.ended = time.monotonic()
            if (
                screen.state is None
                or screen.state.current is None
                or (screen.state.current.item_id != current.item_id)
            ):
                raise ProbeError("the current item changed during the measurement")
            write_result({**self.result(0), "exit": "pending"})
        except ProbeError as error:
            self.error = str(error)
        except Exception as error:  # reported, not swallowed
            self.error = f"{type(error).__name__}: {error}"
        app.exit(0 if self.error is None else 1)

    def run(self) -> int:
        from facilitator.cli import main as facilitator_main
        from facilitator.ui.app import FacilitatorApp

        on_mount = FacilitatorApp.on_mount
        probe = self

        def on_mount_then_drive(app: FacilitatorApp) -> None:
            on_mount(app)
            probe.task = asyncio.get_running_loop().create_task(probe.drive(app))

        setattr(FacilitatorApp, "on_mount", on_mount_then_drive)  # noqa: B010
        return facilitator_main(["--db", self.args.database, "run", str(MEETING_ID)])

    def result(self, exit_code: int) -> dict[str, Any]:
        result: dict[str, Any] = {
            "exit_code": exit_code,
            "started": self.started,
            "ended": self.ended,
            "wall_minus_monotonic": wall_minus_monotonic(),
            "item": self.item,
            "figures": self.figures,
            "frames": self.frames.frames,
            "stalls": self.stalls,
            "planned_stalls": self.planned_stalls,
            "total_bytes": self.counter.total,
            "gc": self.gc.summary(self.started or 0.0, self.ended or time.monotonic()),
            "settings": vars(self.args),
        }
        if self.error:
            result["error"] = self.error
        elif exit_code != 0:
            result["error"] = f"the app exited with code {exit_code}"
        elif self.started is None:
            result["error"] = "the measurement never started"
        return result


def main(argv: Sequence[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="probe_live_clock.py")
    parser.add_argument("database")
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--stall-every", type=float, default=5.0)
    parser.add_argument("--stall-ms", type=float, default=300.0)
    args = parser.parse_args(argv)
    probe = ClockProbe(args)
    probe.install()
    code = probe.run()
    return probe.result(code)


if __name__ == "__main__":
    sys.exit(run_probe_main(lambda: main(sys.argv[1:])))
