"""Turn probe runs into figures (medians, ranges, ratios, targets) and write them out.

Every app run is paired with the yardstick run started right after it, so a pair saw
about the same machine load. The headline ratio is the ratio of the two medians; the
min-max of the per-pair ratios shows how far one noisy pair can stray from it.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from measure import ProbeRun

YARDSTICK = "yardstick"


@dataclass(frozen=True)
class Sample:
    """One probe run in the schedule; `pair` links an app run to its yardstick run."""

    variant: str
    pair: int
    run: ProbeRun

    def value(self, measure: str) -> float | None:
        """A time event in milliseconds, or `max_rss` in MiB; None if not recorded."""
        if not self.run.ok:
            return None
        if measure == "max_rss":
            return self.run.max_rss_kib / 1024
        seconds = self.run.events.get(measure)
        return None if seconds is None else seconds * 1000


@dataclass(frozen=True)
class Metric:
    """One row of the report: an app measure divided by a yardstick measure."""

    key: str
    title: str
    variant: str  # the app variant measured
    measure: str  # an event name, or "max_rss"
    yardstick_measure: str
    unit: str  # "ms" or "MiB"
    target: float | None  # the ratio the app must stay within; None: for information
    yardstick_variant: str = YARDSTICK  # the yardstick run it is divided by


@dataclass(frozen=True)
class Summary:
    """Median, min, max and count of a set of values."""

    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary | None:
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))

    def as_json(self) -> dict[str, float]:
        return {"median": self.median, "min": self.low, "max": self.high, "n": self.n}


@dataclass(frozen=True)
class Row:
    """A metric's figures and verdict."""

    metric: Metric
    app: Summary | None
    yardstick: Summary | None
    ratio: float | None  # ratio of the medians
    pair_ratios: Summary | None

    @property
    def result(self) -> str:
        if self.ratio is None:
            return "NO DATA"
        if self.metric.target is None:
            return "info"
        return "PASS" if self.ratio <= self.metric.target else "FAIL"


def evaluate(metric: Metric, samples: Sequence[Sample]) -> Row:
    """The figures for `metric` over every usable sample."""
    app = _values(samples, metric.variant, metric.measure)
    yard = _values(samples, metric.yardstick_variant, metric.yardstick_measure)
    app_summary, yard_summary = Summary.of(list(app.values())), Summary.of(list(yard.values()))
    ratio = None
    if app_summary and yard_summary and yard_summary.median > 0:
        ratio = app_summary.median / yard_summary.median
    pairs = [app[pair] / yard[pair] for pair in sorted(app) if yard.get(pair)]
    return Row(metric, app_summary, yard_summary, ratio, Summary.of(pairs))


def _values(samples: Sequence[Sample], variant: str, measure: str) -> dict[int, float]:
    """The value of `measure` for each pair, over the usable runs of `variant`."""
    found: dict[int, float] = {}
    for sample in samples:
        value = sample.value(measure) if sample.variant == variant else None
        if value is not None:
            found[sample.pair] = value
    return found


# Output ------------------------------------------------------------------------------


def row_json(row: Row) -> dict[str, Any]:
    """A row as JSON: every figure, unrounded."""
    metric = row.metric
    return {
        "key": metric.key,
        "title": metric.title,
        "unit": metric.unit,
        "app_variant": metric.variant,
        "app_measure": metric.measure,
        "yardstick_measure": metric.yardstick_measure,
        "app": row.app.as_json() if row.app else None,
        "yardstick": row.yardstick.as_json() if row.yardstick else None,
        "ratio_of_medians": row.ratio,
        "pair_ratios": row.pair_ratios.as_json() if row.pair_ratios else None,
        "target": metric.target,
        "result": row.result,
    }


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, one metric a line."""
    lines = [
        "| Measure | facilitator: median (min–max) | yardstick: median (min–max) | n app/yardstick "
        "| Ratio of medians | Pair ratios (min–max) | Target | Result |",
        "|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in rows:
        target = f"≤ {row.metric.target:.1f}x" if row.metric.target is not None else "–"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "–"
        pairs = row.pair_ratios
        pair_range = f"{pairs.low:.2f}–{pairs.high:.2f}x" if pairs else "–"
        counts = f"{row.app.n if row.app else 0}/{row.yardstick.n if row.yardstick else 0}"
        cells = [
            row.metric.title,
            _figure(row.app, row.metric.unit),
            _figure(row.yardstick, row.metric.unit),
            counts,
            ratio,
            pair_range,
            target,
            f"**{row.result}**" if row.result == "FAIL" else row.result,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _figure(summary: Summary | None, unit: str) -> str:
    if summary is None:
        return "–"
    digits = 0 if unit == "ms" else 1
    return (
        f"{summary.median:.{digits}f} {unit} ({summary.low:.{digits}f}–{summary.high:.{digits}f})"
    )


# Files -------------------------------------------------------------------------------


def missed_targets(rows: Sequence[Row]) -> list[str]:
    """The titles of the rows with a target that was missed (or could not be measured)."""
    return [row.metric.title for row in rows if row.result in ("FAIL", "NO DATA")]


def all_met(rows: Sequence[Row], samples: Sequence[Sample]) -> bool:
    """Every target met and every run usable: what --strict asks for."""
    return not missed_targets(rows) and all(sample.run.ok for sample in samples)


def write_outputs(
    out: Path, rows: Sequence[Row], samples: Sequence[Sample], context: Mapping[str, Any]
) -> str:
    """Write startup.json and startup.md to `out`; return the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    document = {
        **context,
        "metrics": [row_json(row) for row in rows],
        "missed_targets": missed_targets(rows),
        "failed_runs": sum(not sample.run.ok for sample in samples),
        "runs": [sample_json(sample) for sample in samples],
    }
    (out / "startup.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    markdown = render_markdown(rows, samples, context)
    (out / "startup.md").write_text(markdown + "\n", encoding="utf-8")
    return markdown


def sample_json(sample: Sample) -> dict[str, Any]:
    run = sample.run
    return {
        "variant": sample.variant,
        "pair": sample.pair,
        "ok": run.ok,
        "error": run.error,
        "exit_code": run.exit_code,
        "events_ms": {name: round(seconds * 1000, 2) for name, seconds in run.events.items()},
        "max_rss_kib": run.max_rss_kib,
        "vm_hwm_kib": run.vm_hwm_kib,
        "output_tail": run.output_tail,
    }


def verdict(rows: Sequence[Row]) -> str:
    missed = missed_targets(rows)
    return "Targets: all met." if not missed else "Targets MISSED: " + "; ".join(missed) + "."


def render_markdown(
    rows: Sequence[Row], samples: Sequence[Sample], context: Mapping[str, Any]
) -> str:
    machine, settings_ = context["machine"], context["settings"]
    load = " → ".join(
        f"{machine[key][0]:.2f}" for key in ("load_average_before", "load_average_after")
    )
    lines = [
        "## facilitator start-up and memory against the yardstick",
        "",
        f"{context['started_at']} · Python {machine['python']} · Textual {machine['textual']} · "
        f"{machine['cpu_count']} CPUs · load {load} · {settings_['terminal']} · "
        f"{settings_['runs_per_app_variant']} runs per app variant, "
        f"{settings_['yardstick_runs']} yardstick runs, interleaved",
        "",
        markdown_table(rows),
        "",
        "Ratios are facilitator ÷ yardstick; times run from just before the process starts.",
        verdict(rows),
    ]
    failed = [sample for sample in samples if not sample.run.ok]
    if failed:
        lines += ["", f"{len(failed)} run(s) failed and are left out:"]
        lines += [f"- {s.variant} (pair {s.pair}): {s.run.error}" for s in failed]
    return "\n".join(lines)
