"""Measure opening a team's trends against opening the home screen, on one database.

    python benchmarks/trends.py [--runs 10] [--meetings 200] [--respondents 10]
                                [--out benchmarks/results] [--timeout 60] [--strict]

Run it with the project's virtualenv Python. It builds a database (`trends_db.py`: the
demo, and its leadership team with --meetings evaluated and norms-checked meetings),
then runs `probe_trends.py` once unmeasured and --runs times measured, each in its own
pseudo-terminal (`measure.run_probe`). Every run opens the home screen and then the
team's trends in the same process, so each trends figure has its own home figure,
measured a moment before on the same machine load: the home screen is the yardstick.

Writes DIR/trends.json (every run's events) and DIR/trends.md (the table, also
printed). The target (trends within 2x of home) is reported, never asserted: the exit
status is 0 whatever the figures, unless --strict (1 when it is missed or a run failed).
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from measure import ProbeRun, run_probe
from run import PYTHON, REPO, cannot_run, child_env, machine_info, setup

HERE = Path(__file__).resolve().parent
TEAM_ID = 1
TARGET = 2.0
NEEDS = ("home_mount", "home_filled", "trends_key", "trends_loaded", "trends_filled")
MEASURES = (
    ("start_home", "Open the home screen: process start → its lists drawn", None, "home_filled"),
    ("trends_open", "Open the trends: T → list and chart drawn", "trends_key", "trends_filled"),
    ("trends_read", "… of which T → the trends' data handled", "trends_key", "trends_loaded"),
    (
        "home_open",
        "Home screen alone: mounted → lists drawn (information)",
        "home_mount",
        "home_filled",
    ),
)
"""(key, title, start event (None: process start), end event). The target divides the
trends by the first: what `run.py` calls "Home filled", opening the app on its home
screen. The last is the home screen's own share of that, for information."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/trends.py",
        description="Measure opening a team's trends against opening the home screen.",
    )
    parser.add_argument("--runs", type=int, default=10, help="measured runs")
    parser.add_argument("--meetings", type=int, default=200, help="evaluated meetings")
    parser.add_argument("--respondents", type=int, default=10, help="responses per meeting")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="output directory")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a kill")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.meetings < 1 or args.respondents < 1 or args.timeout <= 0:
        parser.error("--runs, --meetings and --respondents must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    problem = cannot_run()
    if problem:
        print(f"trends.py: {problem}", file=sys.stderr)
        return 2
    started_at = datetime.now(UTC)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="facilitator-trends-") as tmp:
        workdir = Path(tmp)
        env = child_env(workdir)
        database = workdir / "trends.db"
        command = [PYTHON, str(HERE / "trends_db.py"), str(database)]
        command += ["--meetings", str(args.meetings), "--respondents", str(args.respondents)]
        built = setup(command, env, database)
        probe = (PYTHON, str(HERE / "probe_trends.py"), str(database), str(TEAM_ID))
        runs = []
        for number in range(args.runs + 1):  # the first is the unmeasured warm-up
            run = _one(probe, env, workdir, args.timeout)
            if number == 0 and not run.ok:
                tail = "\n".join(f"    {line}" for line in run.output_tail)
                raise SystemExit(
                    f"trends.py: the warm-up run {run.error}; its terminal said:\n{tail}"
                )
            if number:
                runs.append(run)
                print(f"  {number:3d}/{args.runs} {describe(run)}", file=sys.stderr)
    rows = [figures(key, runs) for key, *_ in MEASURES]
    ratios = [ratio for run in runs if run.ok and (ratio := pair_ratio(run)) is not None]
    verdict = _verdict(rows, ratios)
    context = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "settings": vars(args) | {"out": str(args.out), "team_id": TEAM_ID},
        "machine": machine_info(load_before),
        "database": built,
    }
    markdown = write_outputs(args.out, rows, ratios, verdict, runs, context)
    print(markdown)
    return 1 if args.strict and (verdict != "PASS" or not all(run.ok for run in runs)) else 0


def _one(probe: Sequence[str], env: dict[str, str], workdir: Path, timeout: float) -> ProbeRun:
    run = run_probe(probe, env=env, cwd=REPO, out_path=workdir / "events.json", timeout=timeout)
    missing = [event for event in NEEDS if event not in run.events]
    if run.ok and missing:
        return dataclasses.replace(run, error=f"recorded no {', '.join(missing)}")
    return run


def span(run: ProbeRun, key: str) -> float | None:
    """Milliseconds of measure `key` in `run` (None when the run failed)."""
    if not run.ok:
        return None
    _, _, start, end = next(measure for measure in MEASURES if measure[0] == key)
    begin = run.events[start] if start is not None else 0.0
    return (run.events[end] - begin) * 1000


def pair_ratio(run: ProbeRun, home_key: str = "start_home") -> float | None:
    """This run's trends ÷ its home opening."""
    home, trends = span(run, home_key), span(run, "trends_open")
    return trends / home if home and trends is not None else None


def figures(key: str, runs: Sequence[ProbeRun]) -> dict[str, Any]:
    values = [value for run in runs if (value := span(run, key)) is not None]
    title = next(measure[1] for measure in MEASURES if measure[0] == key)
    if not values:
        return {"key": key, "title": title, "n": 0}
    summary = {"median": statistics.median(values), "min": min(values), "max": max(values)}
    return {"key": key, "title": title, "n": len(values), **summary}


def _verdict(rows: Sequence[dict[str, Any]], ratios: Sequence[float]) -> str:
    home, trends = rows[0], rows[1]
    if not ratios or not home.get("n") or not trends.get("n"):
        return "NO DATA"
    return "PASS" if trends["median"] / home["median"] <= TARGET else "FAIL"


def describe(run: ProbeRun) -> str:
    if not run.ok:
        return f"FAILED: {run.error}"
    start, alone = span(run, "start_home"), span(run, "home_open")
    return f"home {start:.0f} ms ({alone:.0f} ms mounted), trends {span(run, 'trends_open'):.0f} ms"


def write_outputs(
    out: Path,
    rows: Sequence[dict[str, Any]],
    ratios: Sequence[float],
    verdict: str,
    runs: Sequence[ProbeRun],
    context: dict[str, Any],
) -> str:
    out.mkdir(parents=True, exist_ok=True)
    machine = context["machine"]
    before, after = machine["load_average_before"][0], machine["load_average_after"][0]
    lines = [
        f"Trends benchmark, {context['database']['said']}",
        f"Python {machine['python']}, Textual {machine['textual']}, "
        f"{machine['cpus_usable']} CPUs, load {before:.1f} → {after:.1f}",
        "",
        "| Measure | median ms (min–max) | n |",
        "|---|---|---|",
    ]
    for row in rows:
        figures_ = (
            f"{row['median']:.0f} ({row['min']:.0f}–{row['max']:.0f})" if row["n"] else "NO DATA"
        )
        lines.append(f"| {row['title']} | {figures_} | {row['n']} |")
    if verdict != "NO DATA":
        ratio = rows[1]["median"] / rows[0]["median"]
        alone = rows[1]["median"] / rows[3]["median"]
        screen_ratios = [r for run in runs if run.ok and (r := pair_ratio(run, "home_open"))]
        lines += [
            "",
            f"Trends ÷ opening the home screen: {ratio:.2f}x (ratio of medians; pair ratios "
            f"{min(ratios):.2f}–{max(ratios):.2f}x), target ≤ {TARGET:g}x: {verdict}",
            f"Trends ÷ the home screen alone: {alone:.2f}x (pair ratios "
            f"{min(screen_ratios):.2f}–{max(screen_ratios):.2f}x), for information",
        ]
    failed = [run.error for run in runs if not run.ok]
    if failed:
        lines += ["", f"Failed runs ({len(failed)}): " + "; ".join(str(e) for e in failed)]
    markdown = "\n".join(lines) + "\n"
    (out / "trends.md").write_text(markdown, encoding="utf-8")
    document = context | {
        "rows": rows,
        "pair_ratios": list(ratios),
        "verdict": verdict,
        "runs": [
            {"events_ms": {k: v * 1000 for k, v in run.events.items()}, "error": run.error}
            | {"max_rss_kib": run.max_rss_kib, "exit_code": run.exit_code}
            for run in runs
        ],
    }
    (out / "trends.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    return markdown


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("trends.py: interrupted; nothing written.", file=sys.stderr)
        sys.exit(130)
