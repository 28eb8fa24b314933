"""Run the reliability probes and print one table (Markdown), then each probe's own.

    python reliability/run.py [--only NAME] [--quick]

NAME is one of: bad_input, injection, kill_typing, three_writers. Each probe writes its
JSON to reliability/results/NAME.json; this writes summary.json and summary.md there.
The exit status is 0 whatever the figures (the probes report, they do not gate);
`--strict` makes it 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability import bad_input, injection, kill_typing, three_writers
from reliability.common import RESULTS, ProbeResult, load_average, markdown_table, write_results

PROBES: dict[str, Callable[[bool], ProbeResult]] = {
    "bad_input": lambda quick: bad_input.run(quick=quick),
    "injection": lambda quick: injection.run(quick=quick),
    "kill_typing": lambda quick: kill_typing.run(quick=quick),
    "three_writers": lambda quick: three_writers.run(quick=quick),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the reliability probes.")
    parser.add_argument("--only", choices=sorted(PROBES), action="append", help="run only NAME")
    parser.add_argument(
        "--quick", action="store_true", help="10 kill trials, 1 minute of writers, no screens"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    names = args.only or list(PROBES)
    load_before = load_average()
    results = []
    for name in names:
        began = time.monotonic()
        print(f"Running {name}…", file=sys.stderr, flush=True)
        result = PROBES[name](args.quick)
        seconds = time.monotonic() - began
        write_results(name, {**result.data, "seconds_taken": round(seconds, 1)})
        results.append((result, seconds))
    header = (
        f"Reliability probes{' (--quick)' if args.quick else ''} on {platform.node()}: "
        f"Python {platform.python_version()}, load average {load_before} → {load_average()}"
    )
    table = markdown_table(
        ["Probe", "Goal", "Measured", "Result", "Minutes"],
        [[*result.summary_row(), f"{seconds / 60:.1f}"] for result, seconds in results],
    )
    report = "\n\n".join([f"## {header}", table, *(result.markdown for result, _ in results)])
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary.md").write_text(report + "\n", encoding="utf-8")
    write_results(
        "summary",
        {"header": header, "probes": [r.summary_row() + [round(s, 1)] for r, s in results]},
    )
    return 1 if args.strict and not all(result.passed for result, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
