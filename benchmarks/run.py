"""Measure facilitator's start-up and memory against a bare Textual app, the yardstick.

    python benchmarks/run.py [--runs 15] [--out benchmarks/results] [--meetings 10000]
                             [--timeout 30] [--strict]

Run it with the project's virtualenv Python: every probe is started with the same
interpreter. It builds two databases (the demo, and the demo plus --meetings meetings),
warms up, then starts app, yardstick, app, yardstick... each in its own pseudo-terminal,
and writes DIR/startup.json and DIR/startup.md. The Markdown table is also printed.

The targets are checked and reported, never asserted: the exit status is 0 whatever
the figures, unless --strict is given (then 1 when a target is missed or a run failed).
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from measure import COLUMNS, LINES, ProbeRun, run_probe
from report import YARDSTICK, Metric, Sample, all_met, evaluate, write_outputs
from tmux_paint import HOME_TEXT, VISIBLE, TmuxScreen

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
APP_DEMO = "app-demo"
APP_HISTORY = "app-history"
APP_TMUX = "app-demo-tmux"
YARDSTICK_TMUX = "yardstick-tmux"
TMUX_VARIANTS = (APP_TMUX, YARDSTICK_TMUX)
SETUP_TIMEOUT = 180.0


@dataclass(frozen=True)
class Variant:
    """A probe to run: its command and the events a usable run must have recorded."""

    name: str
    command: tuple[str, ...]
    needs: tuple[str, ...]


def metrics(meetings: int) -> list[Metric]:
    """The report's rows. Both time ratios divide by the yardstick's first paint."""
    many = f"{meetings:,} meetings"
    return [
        _metric("first_paint_demo", "First paint, demo database", APP_DEMO, "first_paint", 1.3),
        _metric("first_paint_history", f"First paint, {many}", APP_HISTORY, "first_paint", 1.3),
        _metric("filled_demo", "Home filled, demo database", APP_DEMO, "filled", None),
        _metric("filled_history", f"Home filled, {many}", APP_HISTORY, "filled", 2.5),
        _metric("memory_demo", "Peak memory, demo database", APP_DEMO, "max_rss", 2.5),
        _metric("memory_history", f"Peak memory, {many}", APP_HISTORY, "max_rss", 2.5),
        Metric(
            key="visible_tmux_demo",
            title="First paint visible in tmux, demo database",
            variant=APP_TMUX,
            measure=VISIBLE,
            yardstick_measure=VISIBLE,
            unit="ms",
            target=1.3,
            yardstick_variant=YARDSTICK_TMUX,
        ),
    ]


def _metric(key: str, title: str, variant: str, measure: str, target: float | None) -> Metric:
    # Times compare with the yardstick's one time event; memory with its memory.
    memory = measure == "max_rss"
    return Metric(
        key=key,
        title=title,
        variant=variant,
        measure=measure,
        yardstick_measure="max_rss" if memory else "first_paint",
        unit="MiB" if memory else "ms",
        target=target,
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Measure start-up and peak memory against a bare Textual app.",
    )
    parser.add_argument("--runs", type=int, default=15, help="runs of each app variant")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="output directory")
    parser.add_argument("--meetings", type=int, default=10_000, help="meetings to add")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a kill")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.meetings < 0 or args.timeout <= 0:
        parser.error("--runs must be at least 1, --meetings at least 0, --timeout positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    problem = cannot_run()
    if problem:
        print(f"run.py: {problem}", file=sys.stderr)
        return 2
    started_at = datetime.now(UTC)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
        workdir = Path(tmp)
        env = child_env(workdir)
        databases = prepare_databases(workdir, env, meetings=args.meetings)
        variants = build_variants(databases)
        screen = TmuxScreen(env) if TmuxScreen.available() else None
        if screen is None:
            print("tmux is not installed: no 'visible in tmux' figures.", file=sys.stderr)
        try:
            warm_up(variants, workdir, env, timeout=args.timeout, screen=screen)
            samples = measure_all(
                variants, workdir, env, runs=args.runs, timeout=args.timeout, screen=screen
            )
        finally:
            if screen is not None:
                screen.close()
    rows = [evaluate(metric, samples) for metric in metrics(args.meetings)]
    context = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "settings": settings(args),
        "machine": machine_info(load_before),
        "databases": {name: info for name, (_, info) in databases.items()},
    }
    markdown = write_outputs(args.out, rows, samples, context)
    print(markdown)
    return 1 if args.strict and not all_met(rows, samples) else 0


def cannot_run() -> str | None:
    """Why the runner cannot work here, in one sentence; None when it can."""
    if sys.platform != "linux" or not hasattr(os, "pidfd_open"):
        return "the runner needs Linux (pseudo-terminals, pidfd, ru_maxrss in KiB)."
    if importlib.util.find_spec("facilitator") is None:
        return f"facilitator is not installed for {PYTHON}; use the project's virtualenv."
    return None


def child_env(workdir: Path) -> dict[str, str]:
    """The environment of every child: a plain 80x24 terminal, files kept in `workdir`.

    Textual's own switches (devtools, debug, colour overrides) are dropped so that app
    and yardstick run the same way whatever the shell had set, and the XDG directories
    point into the work directory so no settings, content or crash report of the user's
    changes what is measured. `PYTHONDONTWRITEBYTECODE` goes too: with it (this
    machine's shell sets it) an editable install compiles every module of the app from
    source at every start, which an installed facilitator never does; without it the
    warm-up run leaves the compiled modules for the measured runs.
    """
    dropped = {"NO_COLOR", "FORCE_COLOR", "FACILITATOR_DB", "PYTHONDONTWRITEBYTECODE"}
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in dropped and not key.startswith("TEXTUAL")
    }
    env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS))
    env["LINES"] = str(LINES)
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(workdir / "xdg" / name.lower())
    return env


# Databases ----------------------------------------------------------------------------


def prepare_databases(
    workdir: Path, env: Mapping[str, str], *, meetings: int
) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The demo database and the long-history one, each made by a child process.

    Children, because SQLAlchemy in the runner would raise its peak memory, and every
    probe's `ru_maxrss` starts from the runner's (see `measure`).
    """
    demo = workdir / "demo.db"
    history = workdir / "history.db"
    make_demo = [PYTHON, "-m", "facilitator.cli", "--db", str(demo), "demo", "--no-open"]
    make_history = [PYTHON, str(HERE / "history_db.py"), str(history)]
    make_history += ["--meetings", str(meetings)]
    return {
        "demo": (demo, setup(make_demo, env, demo)),
        "history": (history, setup(make_history, env, history)),
    }


def setup(command: Sequence[str], env: Mapping[str, str], path: Path) -> dict[str, Any]:
    """Run a set-up command; stop the runner with its output if it fails."""
    print(f"Preparing {path.name}...", file=sys.stderr)
    started = time.monotonic()
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=SETUP_TIMEOUT
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return {"seconds": round(seconds, 2), "bytes": path.stat().st_size, "said": done.stdout.strip()}


def build_variants(databases: Mapping[str, tuple[Path, object]]) -> dict[str, Variant]:
    app = (PYTHON, str(HERE / "probe_app.py"))
    return {
        APP_DEMO: Variant(APP_DEMO, (*app, str(databases["demo"][0])), ("first_paint", "filled")),
        APP_HISTORY: Variant(
            APP_HISTORY, (*app, str(databases["history"][0])), ("first_paint", "filled")
        ),
        YARDSTICK: Variant(YARDSTICK, (PYTHON, str(HERE / "probe_yardstick.py")), ("first_paint",)),
        # Watched in tmux until "Open action items" shows (see tmux_paint.py): the command
        # a user types, and the yardstick staying on screen.
        APP_TMUX: Variant(
            APP_TMUX, (*facilitator_command(), "--db", str(databases["demo"][0])), ()
        ),
        YARDSTICK_TMUX: Variant(
            YARDSTICK_TMUX, (PYTHON, str(HERE / "probe_yardstick.py"), "--stay"), ()
        ),
    }


def facilitator_command() -> tuple[str, ...]:
    """The `facilitator` command of this interpreter's environment."""
    script = Path(PYTHON).parent / "facilitator"
    return (str(script),) if script.exists() else (PYTHON, "-m", "facilitator.cli")


# Measuring ----------------------------------------------------------------------------


def schedule(runs: int, *, tmux: bool) -> Iterator[tuple[str, int]]:
    """(variant, pair) in running order: app, yardstick, app, yardstick...

    Each app run is followed by its own yardstick run (same pair number), so a pair sees
    about the same machine load. The two app variants swap places every round, so
    neither always runs right after the other. With `tmux`, each round ends with the
    app and the yardstick watched in tmux.
    """
    for round_ in range(runs):
        first, second = (APP_DEMO, APP_HISTORY) if round_ % 2 == 0 else (APP_HISTORY, APP_DEMO)
        yield first, 2 * round_
        yield YARDSTICK, 2 * round_
        yield second, 2 * round_ + 1
        yield YARDSTICK, 2 * round_ + 1
        if tmux:
            yield APP_TMUX, 2 * round_
            yield YARDSTICK_TMUX, 2 * round_


def measure_one(
    variant: Variant,
    workdir: Path,
    env: Mapping[str, str],
    timeout: float,
    screen: TmuxScreen | None = None,
) -> ProbeRun:
    """Run a probe once; a run missing a needed event counts as failed."""
    if variant.name in TMUX_VARIANTS:
        assert screen is not None
        return screen.measure(variant.command, HOME_TEXT, cwd=REPO, timeout=timeout)
    run = run_probe(
        variant.command, env=env, cwd=REPO, out_path=workdir / "events.json", timeout=timeout
    )
    missing = [event for event in variant.needs if event not in run.events]
    if run.ok and missing:
        return dataclasses.replace(run, error=f"recorded no {', '.join(missing)}")
    return run


def warm_up(
    variants: Mapping[str, Variant],
    workdir: Path,
    env: Mapping[str, str],
    *,
    timeout: float,
    screen: TmuxScreen | None,
) -> None:
    """Run each probe once, unmeasured: compiles bytecode, fills the disk cache.

    A probe that fails here would fail every time, so the runner stops with its output.
    """
    print("Warming up...", file=sys.stderr)
    for variant in variants.values():
        if variant.name in TMUX_VARIANTS and screen is None:
            continue
        run = measure_one(variant, workdir, env, timeout, screen)
        if not run.ok:
            tail = "\n".join(f"    {line}" for line in run.output_tail)
            raise SystemExit(f"run.py: {variant.name} {run.error}; its terminal said:\n{tail}")


def measure_all(
    variants: Mapping[str, Variant],
    workdir: Path,
    env: Mapping[str, str],
    *,
    runs: int,
    timeout: float,
    screen: TmuxScreen | None,
) -> list[Sample]:
    samples: list[Sample] = []
    total = (6 if screen else 4) * runs
    for variant_name, pair in schedule(runs, tmux=screen is not None):
        run = measure_one(variants[variant_name], workdir, env, timeout, screen)
        samples.append(Sample(variant_name, pair, run))
        print(f"  {len(samples):3d}/{total} {variant_name:<14} {describe(run)}", file=sys.stderr)
    return samples


def describe(run: ProbeRun) -> str:
    """One progress line: the run's main figures, or why it failed."""
    if not run.ok:
        return f"FAILED: {run.error}"
    times = ", ".join(
        f"{name} {run.events[name] * 1000:.0f} ms"
        for name in ("first_paint", "filled", VISIBLE)
        if name in run.events
    )
    return f"{times}, {run.max_rss_kib / 1024:.1f} MiB" if run.max_rss_kib else times


# Reporting ----------------------------------------------------------------------------


def settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "runs_per_app_variant": args.runs,
        "yardstick_runs": 2 * args.runs,
        "order": "warm-up, then per round: app, yardstick, other app, yardstick",
        "meetings_added": args.meetings,
        "timeout_seconds": args.timeout,
        "terminal": f"{COLUMNS}x{LINES} pty, TERM=xterm-256color",
        "tmux": "app and yardstick watched in tmux once per round (visible rows)",
    }


def machine_info(load_before: tuple[float, float, float]) -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "python_executable": PYTHON,
        "textual": _version("textual"),
        "facilitator": _version("facilitator"),
        "sqlalchemy": _version("sqlalchemy"),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "platform": platform.platform(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        # Every child's ru_maxrss is at least this (see measure.py); it should stay far
        # below the yardstick's peak.
        "runner_max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "git": _git_describe(),
    }


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _git_describe() -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # the probe running was killed on the way out (see measure)
        print("run.py: interrupted; nothing written.", file=sys.stderr)
        sys.exit(130)
