"""Measure facilitator's live meeting screen: typing latency against a bare Textual Input,
the countdown's accuracy under load, clock drift, event-loop stalls, autosave commits.

    python benchmarks/live.py [--runs 2] [--quick] [--out benchmarks/results]
                              [--keys 100] [--meetings 10000] [--timeout 120] [--strict]

Run it with the project's virtualenv Python: every probe is started with the same
interpreter. It builds its databases (`live_db.py`) in a temporary directory, then runs:

1. Typing: `probe_live_typing.py` types into the notes editor (300 and 1,000 lines of
   notes; 300 lines with 10,000 more meetings in the database; 300 lines with 1,000-line
   notes on every other item) and into the yardstick's bare Input, headless and in a
   real pseudo-terminal, --runs rounds, interleaved.
2. Countdown error: `probe_live_clock.py` for ~25 s with 300 ms stalls every 5 s while
   two busy loops keep both cores busy.
3. Drift: `probe_live_drift.py`, a simulated two-hour meeting on a fake clock.
4. Stalls: `probe_live_stalls.py`, a scripted meeting with a loop-lag monitor.
5. Autosave: `probe_live_autosave.py`, `save_note` commits of 300- and 1,000-line notes.

It writes DIR/live.json and DIR/live.md and prints the Markdown. Targets are checked and
reported, never asserted: the exit status is 0 whatever the figures, unless --strict is
given (then 1 when a target is missed or a probe failed). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from live_pty import PtyRun, run_in_pty, run_plain
from live_report import (
    BIG_NOTES,
    HISTORY,
    MODES,
    NOTES_300,
    NOTES_1000,
    OTHER_NOTE_LINES,
    VARIANTS,
    YARDSTICK,
    Failure,
    Report,
    Settings,
    TypingRun,
    clock_figures,
    typing_run,
)
from probe_live_typing import typing_plan
from run import cannot_run, child_env, machine_info

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
SETUP_TIMEOUT = 300.0


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, Settings]:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/live.py",
        description="Measure the live meeting screen: typing, countdown, drift, stalls, saves.",
    )
    parser.add_argument("--runs", type=int, help="typing rounds (default 2; --quick 1)")
    parser.add_argument("--quick", action="store_true", help="a shorter run (about 1.5 min)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="output directory")
    parser.add_argument("--keys", type=int, help="keys typed per typing run (100; quick 40)")
    parser.add_argument("--meetings", type=int, help="meetings added (10000; quick 2000)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a kill")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    quick = args.quick
    settings = Settings(
        runs=args.runs if args.runs is not None else (1 if quick else 2),
        keys=args.keys if args.keys is not None else (40 if quick else 100),
        interval_ms=60.0,
        jitter_ms=25.0,
        meetings=args.meetings if args.meetings is not None else (2_000 if quick else 10_000),
        clock_seconds=12.0 if quick else 25.0,
        stall_every=5.0,
        stall_ms=300.0,
        busy_loops=2,
        drift_minutes=30.0 if quick else 120.0,
        saves=60 if quick else 200,
        timeout=args.timeout,
        headless_variants=(YARDSTICK, NOTES_300, NOTES_1000) if quick else VARIANTS,
        quick=quick,
    )
    if settings.runs < 1 or settings.keys < 10 or settings.meetings < 0 or args.timeout <= 0:
        parser.error("--runs must be at least 1, --keys at least 10, --meetings at least 0")
    return args, settings


def main(argv: Sequence[str] | None = None) -> int:
    args, settings = parse_args(argv)
    problem = cannot_run()
    if problem:
        print(f"live.py: {problem.replace('the runner', 'live.py')}", file=sys.stderr)
        return 2
    started_at = datetime.now(UTC)
    began = time.monotonic()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="facilitator-live-bench-") as tmp:
        bench = Bench(Path(tmp), settings)
        databases = bench.stage("databases", bench.prepare_databases)
        bench.stage("warm_up", bench.warm_up)
        typing = bench.stage("typing", bench.measure_typing)
        clock = bench.stage("countdown", bench.measure_clock)
        drift = bench.stage("drift", bench.measure_drift)
        stalls = bench.stage("stalls", bench.measure_stalls)
        autosave = bench.stage("autosave", bench.measure_autosave)
    context = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - began, 1),
        "settings": settings.__dict__,
        "machine": machine_info(load_before),
        "databases": databases,
        "stage_seconds": bench.stage_seconds,
    }
    report = Report(settings, typing, clock, drift, stalls, autosave, bench.failures)
    markdown = report.write(args.out, context)
    print(markdown)
    return 1 if args.strict and not report.all_met() else 0


# Running the probes --------------------------------------------------------------------


class Bench:
    def __init__(self, workdir: Path, settings: Settings) -> None:
        self.workdir = workdir
        self.settings = settings
        self.env = child_env(workdir)
        # The probes count the bytes they write as UTF-8; make sure that is what goes out.
        self.env.update(PYTHONIOENCODING="utf-8", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.databases: dict[str, Path] = {}
        self.failures: list[Failure] = []
        self.copies = 0
        self.stage_seconds: dict[str, float] = {}

    def stage(self, name: str, work: Callable[[], Any]) -> Any:
        began = time.monotonic()
        try:
            return work()
        finally:
            self.stage_seconds[name] = round(time.monotonic() - began, 1)

    def say(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    # Databases ---------------------------------------------------------------------

    def prepare_databases(self) -> dict[str, Any]:
        """Every database, built by one child process; each probe run gets a copy."""
        recipes: dict[str, dict[str, Any]] = {
            NOTES_300: {"notes": 300},
            NOTES_1000: {"notes": 1000},
            HISTORY: {"notes": 300, "history": self.settings.meetings},
            BIG_NOTES: {"notes": 300, "other_notes": OTHER_NOTE_LINES},
            "planned": {"notes": 0, "started": False},
            "planned-notes": {"notes": 300, "started": False},
        }
        specs = []
        for name, recipe in recipes.items():
            self.databases[name] = self.workdir / f"{name}.db"
            specs.append({"path": str(self.databases[name]), **recipe})
        spec_path = self.workdir / "databases.json"
        spec_path.write_text(json.dumps(specs), encoding="utf-8")
        self.say(
            f"Preparing {len(specs)} databases ({self.settings.meetings:,} meetings in one)..."
        )
        command = [PYTHON, str(HERE / "live_db.py"), "--batch", str(spec_path)]
        try:
            done = subprocess.run(
                command,
                env=self.env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=SETUP_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise SystemExit(
                f"live.py: building the databases took over {SETUP_TIMEOUT:g} s"
            ) from None
        if done.returncode != 0:
            raise SystemExit(
                f"live.py: {' '.join(command)} failed:\n{done.stdout}{done.stderr}".rstrip()
            )
        built = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        by_path = {info.get("path"): info for info in built}
        return {name: by_path.get(str(path), {}) for name, path in self.databases.items()}

    def copy(self, name: str) -> Path:
        """A fresh copy of database `name` (a run writes to its database)."""
        self.copies += 1
        target = self.workdir / f"run-{self.copies}.db"
        shutil.copyfile(self.databases[name], target)
        return target

    def out(self) -> Path:
        return self.workdir / "probe.json"

    def discard(self, path: Path) -> None:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)

    def failed(self, what: str, run: PtyRun) -> None:
        self.failures.append(Failure(what, run.error or "failed", run.output_tail))
        self.say(f"  {what}: FAILED: {run.error}")

    # Typing ------------------------------------------------------------------------

    def typing_command(
        self, variant: str, mode: str, database: Path | None, keys: int
    ) -> list[str]:
        app = YARDSTICK if variant == YARDSTICK else "facilitator"
        command = [PYTHON, str(HERE / "probe_live_typing.py"), app, mode, "--keys", str(keys)]
        command += ["--interval-ms", str(self.settings.interval_ms)]
        command += ["--jitter-ms", str(self.settings.jitter_ms)]
        if database is not None:
            command += ["--db", str(database)]
        return command

    def type_once(self, variant: str, mode: str, keys: int) -> TypingRun:
        database = None if variant == YARDSTICK else self.copy(variant)
        command = self.typing_command(variant, mode, database, keys)
        plan = typing_plan(
            keys, interval_ms=self.settings.interval_ms, jitter_ms=self.settings.jitter_ms, seed=7
        )
        # start-up and the typing itself, with room to spare; never past --timeout
        timeout = min(self.settings.timeout, 60 + 2 * keys * self.settings.interval_ms / 1000)
        try:
            if mode == "pty":
                run = run_in_pty(
                    command, env=self.env, cwd=REPO, out_path=self.out(), timeout=timeout, keys=plan
                )
            else:
                run = run_plain(
                    command, env=self.env, cwd=REPO, out_path=self.out(), timeout=timeout
                )
        finally:
            if database is not None:
                self.discard(database)
        return typing_run(variant, mode, run, plan)

    def warm_up(self) -> None:
        """One short, unmeasured run of each probe kind: compiles bytecode, fills the
        disk cache. A probe that fails here would fail every time: stop with its output."""
        self.say("Warming up...")
        probes = (
            ((NOTES_300, "pty"),)
            if self.settings.quick
            else ((NOTES_300, "pty"), (YARDSTICK, "pty"))
        )
        for variant, mode in probes:
            result = self.type_once(variant, mode, keys=10)
            if result.error:
                tail = "\n".join(f"    {line}" for line in result.tail)
                raise SystemExit(
                    f"live.py: the {variant} typing probe ({mode}) {result.error}; "
                    f"its terminal said:\n{tail}"
                )

    def measure_typing(self) -> list[TypingRun]:
        runs: list[TypingRun] = []
        schedule = list(self.typing_schedule())
        for number, (round_, mode, variant) in enumerate(schedule, start=1):
            result = self.type_once(variant, mode, self.settings.keys)
            result.round = round_
            runs.append(result)
            label = f"typing {mode} {variant}"
            if result.error:
                self.failures.append(
                    Failure(f"{label} (round {round_ + 1})", result.error, result.tail)
                )
            self.say(f"  {number:3d}/{len(schedule)} {label:<36} {result.describe()}")
        return runs

    def typing_schedule(self) -> Iterator[tuple[int, str, str]]:
        """(round, mode, variant): per round, headless then pty; the variants' order
        turns each round so none always runs first or right after the same one."""
        for round_ in range(self.settings.runs):
            for mode in MODES:
                variants = self.settings.headless_variants if mode == "headless" else VARIANTS
                shift = round_ % len(variants)
                for variant in (*variants[shift:], *variants[:shift]):
                    yield round_, mode, variant

    # Countdown ---------------------------------------------------------------------

    def measure_clock(self) -> dict[str, Any] | None:
        settings = self.settings
        self.say(
            f"Countdown: {settings.clock_seconds:g} s, {settings.stall_ms:g} ms stalls every "
            f"{settings.stall_every:g} s, {settings.busy_loops} busy loops..."
        )
        database = self.copy(NOTES_300)
        command = [PYTHON, str(HERE / "probe_live_clock.py"), str(database)]
        command += ["--seconds", str(settings.clock_seconds)]
        command += [
            "--stall-every",
            str(settings.stall_every),
            "--stall-ms",
            str(settings.stall_ms),
        ]
        with busy_loops(settings.busy_loops) as busy:
            run = run_in_pty(
                command, env=self.env, cwd=REPO, out_path=self.out(), timeout=settings.timeout
            )
            busy_cpu = busy.cpu_seconds()
        self.discard(database)
        if run.error:
            self.failed("countdown", run)
            return None
        figures = clock_figures(run)
        if "error" in figures:
            self.failures.append(Failure("countdown", figures["error"]))
            self.say(f"  countdown: FAILED: {figures['error']}")
            return None
        figures["busy_loop_cpu_seconds"] = busy_cpu
        self.say(
            f"  {figures['changes']} figures, error max {figures['error_max_ms']:.1f} ms, "
            f"late max {figures['late_max_ms']:.0f} ms"
        )
        return figures

    # Drift -------------------------------------------------------------------------

    def measure_drift(self) -> dict[str, Any] | None:
        self.say(f"Drift: a simulated {self.settings.drift_minutes:g}-minute meeting...")
        database = self.copy("planned")
        command = [PYTHON, str(HERE / "probe_live_drift.py"), str(database)]
        command += ["--minutes", str(self.settings.drift_minutes)]
        run = run_plain(
            command, env=self.env, cwd=REPO, out_path=self.out(), timeout=self.settings.timeout
        )
        self.discard(database)
        if run.error:
            self.failed("drift", run)
            return None
        result = run.result
        self.say(
            f"  {result['figure_changes_timed']} figure changes timed, max drift "
            f"{result['max_figure_change_drift_ms']:.3f} ms"
        )
        return result

    # Stalls ------------------------------------------------------------------------

    def measure_stalls(self) -> dict[str, Any] | None:
        self.say("Stalls: a scripted meeting...")
        database = self.copy("planned-notes")
        command = [PYTHON, str(HERE / "probe_live_stalls.py"), str(database)]
        command += ["--pace", "0.5" if self.settings.quick else "1.0"]
        run = run_in_pty(
            command, env=self.env, cwd=REPO, out_path=self.out(), timeout=self.settings.timeout
        )
        self.discard(database)
        if run.error:
            self.failed("stalls", run)
            return None
        result = run.result
        self.say(f"  max loop lag {result['max_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms")
        return result

    # Autosave ----------------------------------------------------------------------

    def measure_autosave(self) -> dict[str, Any] | None:
        self.say("Autosave: save_note commits...")
        database = self.copy(NOTES_300)
        command = [PYTHON, str(HERE / "probe_live_autosave.py"), str(database)]
        command += ["--saves", str(self.settings.saves), "--lines", "300", "1000"]
        run = run_plain(
            command, env=self.env, cwd=REPO, out_path=self.out(), timeout=self.settings.timeout
        )
        self.discard(database)
        if run.error:
            self.failed("autosave", run)
            return None
        sizes: dict[str, Any] = run.result.get("sizes", {})
        for lines, figures in sizes.items():
            self.say(
                f"  {lines} lines: p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms"
            )
        return sizes


BUSY_LOOP = """
import os
parent = os.getppid()
while os.getppid() == parent:  # ends by itself should the runner die
    for _ in range(1_000_000):
        pass
"""


class busy_loops:
    """`count` processes spinning on a core each, for the duration of a `with` block.
    Only these children are ever signalled, each by its own pid."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> busy_loops:
        for _ in range(self.count):
            self.processes.append(
                subprocess.Popen(
                    [PYTHON, "-c", BUSY_LOOP],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        return self

    def cpu_seconds(self) -> list[float | None]:
        """CPU time each loop has had so far (shows they really ran)."""
        seconds: list[float | None] = []
        for process in self.processes:
            try:
                fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks = int(fields[11]) + int(fields[12])
                seconds.append(round(ticks / os.sysconf("SC_CLK_TCK"), 2))
            except (OSError, ValueError, IndexError):
                seconds.append(None)
        return seconds

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("live.py: interrupted; nothing written.", file=sys.stderr)
        sys.exit(130)
