"""Run a short scripted meeting on facilitator's live screen and measure how long the
event loop was ever kept from running.

    python benchmarks/probe_live_stalls.py DATABASE [--cadence-ms 70] [--pace 1.0]

DATABASE holds meeting 2 planned, not started, with notes on its first item
(`live_db.py --not-started`). The app runs through its real entry point (`facilitator
run 2`, the real Linux driver) in the runner's pseudo-terminal, so every frame is
encoded and written as for a user. The probe types from inside the app: each key is
handed over with `Driver.send_message`, as the driver's input thread does, `--cadence-ms`
apart, and the script waits for forms to open and close as a person would (its pauses
between steps are multiplied by `--pace`; the runner's --quick halves them):

  start the meeting (space) · the clock ticks · open the notes (m) and type, with a
  new line now and then · next item (F4) and type there, back (F3) · leave the notes ·
  capture an action item through its form (a; what, owner completed with →, due;
  ctrl+s) · a norms check (h; honoured for the first norm, partly for the second
  with a note; ctrl+s) · pause and resume · the clock ticks.

A monitor task on the same loop sleeps 5 ms again and again and notes how late it
wakes: a lag of L ms means the loop ran something else for about L ms without letting
anything else run (input, timers, frames). Each sample is tagged with the step of the
script it happened in; collector pauses are noted too (see `GcWatch`).

To say what the loop was doing, a sampler thread looks every 4 ms whether the monitor
has been silent for over STALL_SAMPLE_MS and, if so, records the main thread's stack
(`sys._current_frames`). It runs only while the loop is stalled, and takes the GIL for
well under a millisecond each time, but a stall inside one long C call (a collection)
cannot be sampled: the GIL is not released.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from typing import Any

from probe_live_common import (
    MEETING_ID,
    GcWatch,
    HomeWatch,
    ProbeError,
    current_editor,
    live_screen,
    percentile,
    run_probe_main,
    send_key,
    wait_for_live,
    wait_until,
    write_result,
)

MONITOR_SECONDS = 0.005
STALL_SAMPLE_MS = 20.0
REPORTED_STALL_MS = 30.0


class StallSampler(threading.Thread):
    """Samples the main thread's stack while the event loop is stalled."""

    def __init__(self, probe: StallProbe) -> None:
        super().__init__(daemon=True, name="stall-sampler")
        self.probe = probe
        self.main = threading.main_thread().ident
        self.samples: list[tuple[float, float, tuple[str, ...]]] = []  # (at, beat, stack)
        self.running = True

    def run(self) -> None:
        limit = STALL_SAMPLE_MS / 1000
        while self.running:
            time.sleep(0.004)
            beat = self.probe.last_beat
            now = time.monotonic()
            if not self.probe.monitoring or beat is None or now - beat < limit:
                continue
            frame = sys._current_frames().get(self.main or 0)
            if frame is None:
                continue
            stack = tuple(
                f"{shorten(entry.filename)}:{entry.lineno} {entry.name}"
                for entry in traceback.extract_stack(frame)[-14:]
            )
            self.samples.append((now, beat, stack))


def shorten(path: str) -> str:
    for marker in ("site-packages/", "/facilitator/", "/benchmarks/", "/lib/python3"):
        if marker in path:
            return (
                path.split(marker, 1)[1]
                if marker != "/facilitator/"
                else "facilitator/" + path.split(marker, 1)[1]
            )
    return path


NOTES = (
    "Maria: the data summary goes out on Friday.\nTom checks the figures first. "
    "Priya asks for the grade level breakdown.\n"
)


class StallProbe:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.gc = GcWatch()
        self.home = HomeWatch()
        self.phase = "setup"
        self.samples: list[tuple[float, float, str]] = []
        self.phases: list[tuple[str, float]] = []
        self.error: str | None = None
        self.monitoring = False
        self.last_beat: float | None = None
        self.sampler = StallSampler(self)
        self.tasks: list[asyncio.Task[None]] = []

    # Monitor ------------------------------------------------------------------------

    async def monitor(self) -> None:
        self.sampler.start()
        while self.monitoring:
            began = time.monotonic()
            self.last_beat = began
            await asyncio.sleep(MONITOR_SECONDS)
            lag = time.monotonic() - began - MONITOR_SECONDS
            self.samples.append((began, max(lag, 0.0) * 1000, self.phase))
        self.sampler.running = False

    def stall_stacks(self, began: float, lag_ms: float) -> list[dict[str, Any]]:
        """The stacks sampled during the stall that began at `began`, most frequent
        first, each with how many samples (4 ms apart) it got."""
        ended = began + lag_ms / 1000 + MONITOR_SECONDS
        found = Counter(
            stack
            for at, beat, stack in self.sampler.samples
            if beat == began and at <= ended + 0.01
        )
        return [{"samples": count, "stack": list(stack)} for stack, count in found.most_common(3)]

    def enter(self, phase: str) -> None:
        self.phase = phase
        self.phases.append((phase, time.monotonic()))

    # Script -------------------------------------------------------------------------

    async def press(self, app: Any, *keys: str) -> None:
        for key in keys:
            send_key(app, key)
            await asyncio.sleep(self.args.cadence_ms / 1000)

    async def type(self, app: Any, text: str) -> None:
        for char in text:
            await self.press(app, "enter" if char == "\n" else char)

    async def pause(self, seconds: float) -> None:
        await asyncio.sleep(seconds * self.args.pace)

    async def settle(self, app: Any, seconds: float) -> None:
        screen = live_screen(app)
        if screen is not None:
            await asyncio.wait_for(screen.writes_done(), timeout=10)
        await asyncio.sleep(seconds)

    async def form(self, app: Any, key: str, title: str) -> Any:
        from facilitator.ui.modals.form import FormModal

        await self.press(app, key)
        await wait_until(
            lambda: isinstance(app.screen, FormModal), timeout=10, what=f"the {title} form"
        )
        await self.pause(0.3)  # a person reads the form before typing
        return app.screen

    async def close_form(self, app: Any, form: Any, title: str) -> None:
        await self.press(app, "ctrl+s")
        await wait_until(
            lambda: form not in app.screen_stack, timeout=10, what=f"the {title} form to save"
        )

    async def script(self, app: Any) -> None:
        screen = await wait_for_live(app)
        if screen.state.started_at is not None:
            raise ProbeError("meeting 2 has already started; build it with --not-started")
        await self.pause(0.5)
        self.monitoring = True
        monitor = asyncio.get_running_loop().create_task(self.monitor())
        self.tasks.append(monitor)
        self.enter("start")
        await self.press(app, "space")
        await self.settle(app, 0.2 * self.args.pace)
        if not screen.state.running:
            raise ProbeError("space did not start the meeting's clock")
        self.enter("ticks")
        await self.pause(2.0)
        self.enter("notes")
        await self.press(app, "m")
        await wait_until(
            lambda: app.focused is current_editor(screen), timeout=5, what="the notes to focus"
        )
        editor = app.focused
        editor.move_cursor(editor.document.end)
        await self.type(app, NOTES)
        await self.pause(1.0)  # autosave
        self.enter("next item")
        await self.press(app, "f4")
        await self.settle(app, 0.3 * self.args.pace)
        self.enter("notes")
        await self.type(app, "Next item: first thoughts.")
        self.enter("previous item")
        await self.press(app, "f3")
        await self.settle(app, 0.3 * self.args.pace)
        self.enter("notes")
        await self.type(app, " Back again.")
        await self.press(app, "escape")
        await self.settle(app, 1.0 * self.args.pace)
        self.enter("action item form")
        form = await self.form(app, "a", "action item")
        await self.type(app, "Send the data summary to staff")
        await self.press(app, "tab")
        await self.type(app, "Mar")
        await self.press(app, "right", "tab")
        await self.type(app, "tomorrow")
        await self.close_form(app, form, "action item")
        await self.settle(app, 1.0 * self.args.pace)
        self.enter("norms check form")
        form = await self.form(app, "h", "norms check")
        await self.press(app, "h", "down")
        await self.pause(0.3)
        await self.press(app, "p", "tab")
        await self.type(app, "we paused well")
        await self.close_form(app, form, "norms check")
        await self.settle(app, 1.0 * self.args.pace)
        self.enter("pause and resume")
        await self.press(app, "space")
        await self.settle(app, 1.0 * self.args.pace)
        await self.press(app, "space")
        await self.settle(app, 0.2 * self.args.pace)
        self.enter("ticks")
        await self.pause(2.0)
        self.enter("end")
        await self.settle(app, 0.0 * self.args.pace)
        self.monitoring = False
        await monitor  # its last sample is taken before the probe does its own work

    async def drive(self, app: Any) -> None:
        try:
            await self.script(app)
            write_result({**self.result(0), "exit": "pending"})
        except ProbeError as error:
            self.error = str(error)
        except Exception as error:  # reported, not swallowed
            self.error = f"{type(error).__name__}: {error}"
        self.monitoring = False
        app.exit(0 if self.error is None else 1)

    def run(self) -> int:
        from facilitator.cli import main as facilitator_main
        from facilitator.ui.app import FacilitatorApp

        on_mount = FacilitatorApp.on_mount
        probe = self

        def on_mount_then_drive(app: FacilitatorApp) -> None:
            on_mount(app)
            probe.tasks.append(asyncio.get_running_loop().create_task(probe.drive(app)))

        setattr(FacilitatorApp, "on_mount", on_mount_then_drive)  # noqa: B010
        self.gc.install()
        self.home.install()
        return facilitator_main(["--db", self.args.database, "run", str(MEETING_ID)])

    # Result -------------------------------------------------------------------------

    def result(self, exit_code: int) -> dict[str, Any]:
        lags = [lag for _, lag, _ in self.samples]
        by_phase: dict[str, float] = {}
        for _, lag, phase in self.samples:
            by_phase[phase] = max(by_phase.get(phase, 0.0), lag)
        worst = sorted(self.samples, key=lambda sample: sample[1], reverse=True)[:8]
        start = self.samples[0][0] if self.samples else 0.0
        end = self.samples[-1][0] if self.samples else 0.0
        full = [(b, b + took / 1000) for b, took, gen in self.gc.pauses if gen == 2]
        clean = [
            (lag, phase)
            for began, lag, phase in self.samples
            if not any(b <= began + lag / 1000 + MONITOR_SECONDS and e >= began for b, e in full)
        ]
        clean_worst = max(clean, default=(None, None))
        result: dict[str, Any] = {
            "exit_code": exit_code,
            "samples": len(lags),
            "max_without_gc_ms": clean_worst[0],
            "max_without_gc_phase": clean_worst[1],
            "max_ms": max(lags, default=None),
            "p99_ms": percentile(lags, 0.99),
            "p50_ms": percentile(lags, 0.50),
            "max_by_phase_ms": by_phase,
            "worst": [
                {
                    "at_s": round(began - start, 3),
                    "lag_ms": round(lag, 2),
                    "phase": phase,
                    "gc_ms": [
                        round(took, 1)
                        for _, took, _ in self.gc.between(began - 0.001, began + lag / 1000 + 0.006)
                    ],
                    "stacks": self.stall_stacks(began, lag) if lag >= REPORTED_STALL_MS else [],
                }
                for began, lag, phase in worst
            ],
            "gc": self.gc.summary(start, end),
            "home_reloads": self.home.summary(start, end),
            "seconds": round(end - start, 2),
        }
        if self.error:
            result["error"] = self.error
        elif exit_code != 0:
            result["error"] = f"the app exited with code {exit_code}"
        elif not lags:
            result["error"] = "the monitor took no samples"
        return result


def main(argv: Sequence[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="probe_live_stalls.py")
    parser.add_argument("database")
    parser.add_argument("--cadence-ms", type=float, default=70.0)
    parser.add_argument("--pace", type=float, default=1.0, help="scales the pauses")
    args = parser.parse_args(argv)
    probe = StallProbe(args)
    code = probe.run()
    return probe.result(code)


if __name__ == "__main__":
    sys.exit(run_probe_main(lambda: main(sys.argv[1:])))
