"""Run a simulated two-hour meeting on facilitator's live screen with a clock the probe
moves by hand, and compare every figure shown with the exact figure.

    python benchmarks/probe_live_drift.py DATABASE [--minutes 120] [--seed 11]

DATABASE holds meeting 2 planned, not started (`live_db.py --not-started`). The app runs
headless (`App.run_test`) with a fake clock; the probe presses the screen's own keys
(space: start/pause, n/b: next/previous item, +: extend a minute), waits for each write,
and keeps its own exact account of the meeting in integer microseconds: which item is
current, each item's elapsed time and planned time, when the meeting started.

Between actions the clock jumps forward by a random 0.3-25 s (with odd microseconds),
and the probe checks the screen there and, while the clock runs, 1 ms either side of
the next moment the countdown figure must change: it sets the clock, calls
`LiveScreen.redraw()`, and reads the big figure (`BigClock.figure`) and the meeting
line's "Elapsed h:mm:ss".

Drift of a shown figure = 0 if it is the exact figure for that moment, else how far
(ms) the moment is from the nearest moment at which the shown figure would be exact.
Checking 1 ms from each change means a drift of more than about a millisecond either
way shows. The probe also compares the screen's computed elapsed time of the item
(`state.item_clock(now).elapsed_seconds`, what the figure is rounded from) with the
exact one, to the microsecond.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from probe_live_common import MEETING_ID, ProbeError, run_probe_main, wait_for_live

SECOND = 1_000_000  # microseconds
SEARCH_US = 400_000
"""How far either side of a due change the search for it looks."""
ELAPSED = re.compile(r"Elapsed (\d+(?::\d\d)+)")


def figure_for(remaining_us: int) -> str:
    """The countdown figure, written out from the rule (not the app's code): time left
    rounded up to the second ("12:30"), then overtime rounded down ("+1:05")."""
    if remaining_us > 0:
        return clock(-(-remaining_us // SECOND))
    return "+" + clock(-remaining_us // SECOND)


def clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def seconds_of(text: str) -> int:
    total = 0
    for part in text.split(":"):
        total = total * 60 + int(part)
    return total


def figure_drift_us(shown: str, remaining_us: int) -> int:
    """0 if `shown` is right for `remaining_us`, else the distance (µs) to the nearest
    remaining time at which it would be (the clock runs at one second per second)."""
    if shown.startswith("+"):
        over = seconds_of(shown[1:])
        low, high = -(over + 1) * SECOND, -over * SECOND  # remaining in (low, high]
    else:
        whole = seconds_of(shown)
        low, high = (whole - 1) * SECOND, whole * SECOND
    if remaining_us > high:
        return remaining_us - high
    if remaining_us <= low:
        return low - remaining_us + 1
    return 0


def elapsed_drift_us(shown: str, elapsed_us: int) -> int:
    """The same for the meeting's elapsed time, shown rounded down: [n, n + 1) s."""
    low = seconds_of(shown) * SECOND
    high = low + SECOND
    if elapsed_us < low:
        return low - elapsed_us
    if elapsed_us >= high:
        return elapsed_us - high + 1
    return 0


class FakeClock:
    def __init__(self, origin: datetime) -> None:
        self.origin = origin
        self.offset_us = 0

    def __call__(self) -> datetime:
        return self.origin + timedelta(microseconds=self.offset_us)


@dataclass
class Model:
    """The meeting as it must be: exact, in microseconds since the fake clock's origin."""

    planned_us: list[int]
    item_ids: list[int]
    elapsed_us: list[int] = field(default_factory=list)
    current: int = 0
    open_since: int | None = None
    started_at: int | None = None

    def __post_init__(self) -> None:
        self.elapsed_us = [0] * len(self.planned_us)

    @property
    def running(self) -> bool:
        return self.open_since is not None

    def item_elapsed(self, now: int) -> int:
        extra = now - self.open_since if self.open_since is not None else 0
        return self.elapsed_us[self.current] + extra

    def remaining(self, now: int) -> int:
        return self.planned_us[self.current] - self.item_elapsed(now)

    def start_or_pause(self, now: int) -> None:
        if self.open_since is not None:
            self.elapsed_us[self.current] += now - self.open_since
            self.open_since = None
            return
        if self.started_at is None:
            self.started_at = now
        self.open_since = now

    def move(self, step: int, now: int) -> None:
        if self.open_since is not None:
            self.elapsed_us[self.current] += now - self.open_since
            self.open_since = now
        self.current += step

    def next_change(self, now: int) -> int:
        """Microseconds from `now` to the next change of the figure (clock running)."""
        remaining = self.remaining(now)
        if remaining > 0:
            below = ((remaining - 1) // SECOND) * SECOND
            return remaining - below
        over = -remaining
        return (over // SECOND + 1) * SECOND - over


class DriftProbe:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
        self.checks = 0
        self.figure_drifts: list[int] = []
        self.elapsed_drifts: list[int] = []
        self.internal_drifts: list[int] = []
        self.worst: dict[str, Any] = {}
        self.actions: dict[str, int] = {}
        self.redraw_seconds = 0.0
        self.redraws = 0
        self.changes: list[int] = []
        self.ticks: list[int] = []

    async def run(self) -> None:
        from facilitator.pack.locate import load_default_pack
        from facilitator.store.target import sqlite_target
        from facilitator.ui.app import build_app

        app = build_app(
            sqlite_target(Path(self.args.database)),
            clock=self.clock,
            tz=UTC,
            pack=load_default_pack(),
            open_meeting_id=MEETING_ID,
            live=True,
        )
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await wait_for_live(app)
            state = screen.state
            if state.started_at is not None:
                raise ProbeError("meeting 2 has already started; build it with --not-started")
            model = Model(
                planned_us=[item.planned_seconds * SECOND for item in state.items],
                item_ids=[item.item_id for item in state.items],
            )
            await self.act(pilot, screen, model, "space")
            end = self.args.minutes * 60 * SECOND
            while self.clock.offset_us < end:
                self.clock.offset_us += self.rng.randint(300_000, 25_000_000)
                self.check(screen, model)
                now = self.clock.offset_us
                if model.running:
                    change = now + model.next_change(now)
                    self.changes.append(self.find_change(screen, change, self.figure_shown))
                if model.started_at is not None:
                    since = now - model.started_at
                    tick = model.started_at + (since // SECOND + 1) * SECOND
                    self.ticks.append(self.find_change(screen, tick, self.elapsed_shown))
                self.clock.offset_us = now
                await self.maybe_act(pilot, screen, model)

    async def maybe_act(self, pilot: Any, screen: Any, model: Model) -> None:
        roll = self.rng.random()
        last = len(model.planned_us) - 1
        if roll < 0.12:
            key = "space"
        elif roll < 0.20 and model.current < last:
            key = "n"
        elif roll < 0.24 and model.current > 0:
            key = "b"
        elif roll < 0.27:
            key = "plus"
        else:
            return
        await self.act(pilot, screen, model, key)

    async def act(self, pilot: Any, screen: Any, model: Model, key: str) -> None:
        now = self.clock.offset_us
        await pilot.press(key)
        await screen.writes_done()
        await pilot.pause()
        await screen.writes_done()
        if key == "space":
            model.start_or_pause(now)
        elif key == "n":
            model.move(+1, now)
        elif key == "b":
            model.move(-1, now)
        elif key == "plus":
            model.planned_us[model.current] += 60 * SECOND
        self.actions[key] = self.actions.get(key, 0) + 1
        current = screen.state.current if screen.state else None
        if current is None or current.item_id != model.item_ids[model.current]:
            raise ProbeError(f"after {key!r} the screen is not on the item the model expects")
        self.check(screen, model)

    def figure_shown(self, screen: Any, moment: int) -> str:
        from facilitator.ui.widgets.big_clock import BigClock

        self.clock.offset_us = moment
        screen.redraw()
        self.redraws += 1
        return str(screen.query_one(BigClock).figure)

    def elapsed_shown(self, screen: Any, moment: int) -> str:
        from textual.widgets import Static

        self.clock.offset_us = moment
        screen.redraw()
        self.redraws += 1
        line = str(screen.query_one("#live-meeting", Static).content)
        match = ELAPSED.search(line)
        if match is None:
            raise ProbeError(f"the meeting line shows no elapsed time: {line!r}")
        return match.group(1)

    def find_change(self, screen: Any, due: int, shown: Any) -> int:
        """When (µs, to the microsecond) what `shown` reads changes near `due`, the moment
        it must change, minus `due`: the drift of that change. The exact figures on
        either side are not assumed; a change not within SEARCH_US either way counts
        as SEARCH_US."""
        low, high = due - SEARCH_US, due + SEARCH_US
        before, after = shown(screen, low), shown(screen, high)
        if before == after:
            return SEARCH_US
        while high - low > 1:  # invariant: shown(low) == before != shown(high)
            middle = (low + high) // 2
            if shown(screen, middle) == before:
                low = middle
            else:
                high = middle
        return high - due

    def check(self, screen: Any, model: Model) -> None:
        import time

        from textual.widgets import Static

        from facilitator.ui.widgets.big_clock import BigClock

        now = self.clock.offset_us
        began = time.perf_counter()
        screen.redraw()
        self.redraw_seconds += time.perf_counter() - began
        self.checks += 1
        shown = str(screen.query_one(BigClock).figure)
        remaining = model.remaining(now)
        drift = figure_drift_us(shown, remaining)
        self.figure_drifts.append(drift)
        state = screen.state
        computed = state.item_clock(self.clock()).elapsed_seconds
        internal = abs(round(computed * SECOND) - model.item_elapsed(now))
        self.internal_drifts.append(internal)
        line = str(screen.query_one("#live-meeting", Static).content)
        match = ELAPSED.search(line)
        if match is None or model.started_at is None:
            raise ProbeError(f"the meeting line shows no elapsed time: {line!r}")
        elapsed = now - model.started_at
        elapsed_drift = elapsed_drift_us(match.group(1), elapsed)
        self.elapsed_drifts.append(elapsed_drift)
        if drift > self.worst.get("figure_drift_us", -1):
            self.worst.update(
                figure_drift_us=drift,
                at_seconds=now / SECOND,
                shown=shown,
                expected=figure_for(remaining),
            )

    def result(self) -> dict[str, Any]:
        return {
            "simulated_minutes": self.args.minutes,
            "checks": self.checks,
            "actions": self.actions,
            "max_figure_drift_ms": max(self.figure_drifts, default=0) / 1000,
            "wrong_figures": sum(1 for d in self.figure_drifts if d),
            "max_elapsed_drift_ms": max(self.elapsed_drifts, default=0) / 1000,
            "wrong_elapsed": sum(1 for d in self.elapsed_drifts if d),
            "max_internal_drift_ms": max(self.internal_drifts, default=0) / 1000,
            "figure_changes_timed": len(self.changes),
            "max_figure_change_drift_ms": max(map(abs, self.changes), default=0) / 1000,
            "elapsed_ticks_timed": len(self.ticks),
            "max_elapsed_tick_drift_ms": max(map(abs, self.ticks), default=0) / 1000,
            "redraws": self.redraws + self.checks,
            "worst": self.worst,
            "redraw_ms_mean": 1000 * self.redraw_seconds / max(self.checks, 1),
        }


def main(argv: Sequence[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="probe_live_drift.py")
    parser.add_argument("database")
    parser.add_argument("--minutes", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    probe = DriftProbe(args)
    asyncio.run(probe.run())
    return probe.result()


if __name__ == "__main__":
    sys.exit(run_probe_main(lambda: main(sys.argv[1:])))
