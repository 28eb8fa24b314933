"""Turn the live probes' runs into figures, check them against the targets, and write
benchmarks/results/live.json and live.md (see `live.py`, which runs the probes).

Typing: every key's latency is paired with the frame that showed it (see `typing_run`);
p50 and p99 are taken over all keys of all rounds of a variant, and the p50 is divided
by the yardstick's p50 (same terminal kind, same rounds); each round's own ratio gives
the min-max. Countdown: each figure shown is compared with what the stored clock says
at the moment its frame reached the terminal (see `clock_figures`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from live_pty import PtyRun
from probe_live_common import percentile

YARDSTICK = "yardstick"
NOTES_300 = "notes-300"
NOTES_1000 = "notes-1000"
HISTORY = "notes-300-history"
BIG_NOTES = "notes-300-other-notes"
VARIANTS = (YARDSTICK, NOTES_300, NOTES_1000, HISTORY, BIG_NOTES)
MODES = ("headless", "pty")

P99_TARGET_MS = 35.0
RATIO_TARGETS = {NOTES_300: 3.0, NOTES_1000: 4.0, HISTORY: 3.0, BIG_NOTES: 3.0}
P99_TARGETED = (NOTES_300, HISTORY, BIG_NOTES)
CLOCK_ERROR_TARGET_MS = 150.0
DRIFT_TARGET_MS = 20.0
STALL_TARGET_MS = 50.0
SAVE_P50_TARGET_MS = 1.0
SAVE_P99_TARGET_MS = 3.0
OTHER_NOTE_LINES = 1000


@dataclass(frozen=True)
class Settings:
    runs: int
    keys: int
    interval_ms: float
    jitter_ms: float
    meetings: int
    clock_seconds: float
    stall_every: float
    stall_ms: float
    busy_loops: int
    drift_minutes: float
    saves: int
    timeout: float
    headless_variants: tuple[str, ...]
    quick: bool


@dataclass
class Failure:
    what: str
    error: str
    tail: list[str] = field(default_factory=list)


# Turning runs into figures ------------------------------------------------------------


@dataclass
class TypingRun:
    variant: str
    mode: str
    latencies: list[float]  # ms, one per key
    without_gc: list[float] = field(default_factory=list)  # ... but those that waited on a full GC
    error: str | None = None
    tail: list[str] = field(default_factory=list)
    round: int = 0
    gc: dict[str, Any] = field(default_factory=dict)
    hung_on_exit: bool = False
    note_lines: int | None = None
    home: dict[str, Any] = field(default_factory=dict)

    @property
    def p50(self) -> float | None:
        return percentile(self.latencies, 0.5)

    def describe(self) -> str:
        if self.error:
            return f"FAILED: {self.error}"
        full = self.gc.get("full_ms", [])
        gc_note = f", full GC {', '.join(f'{ms:.0f}' for ms in full)} ms" if full else ""
        hung = ", HUNG on exit (killed)" if self.hung_on_exit else ""
        return (
            f"p50 {self.p50:.1f} ms, p99 {percentile(self.latencies, 0.99):.1f} ms, "
            f"max {max(self.latencies):.1f} ms{gc_note}{hung}"
        )


def typing_run(
    variant: str, mode: str, run: PtyRun, plan: Sequence[tuple[str, float]]
) -> TypingRun:
    """Latency of every key: from the moment it was handed over (headless) or written to
    the terminal (pty) to the end of the first frame displayed after the editor handled
    it (headless) or the arrival of that frame's last byte on the terminal (pty)."""
    result = run.result
    base = TypingRun(variant, mode, [], tail=run.output_tail, gc=result.get("gc", {}))
    base.hung_on_exit = bool(result.get("hung_on_exit"))
    base.note_lines = result.get("note_lines")
    base.home = result.get("home_reloads") or {}
    if run.error:
        base.error = run.error
        return base
    keys = result.get("keys", [])
    frames = result.get("frames", [])
    sent = result.get("sent", []) if mode == "headless" else run.writes
    typed = "".join(char for char, _ in plan)
    handled = "".join(char for _, char in keys)
    if len(keys) != len(plan) or len(sent) != len(plan):
        base.error = f"{len(plan)} keys typed, {len(sent)} sent, {len(keys)} handled"
        return base
    if handled != typed:
        base.error = "the keys handled are not the keys typed"
        return base
    if mode == "pty" and result.get("total_bytes") != run.received:
        base.error = (
            f"the probe wrote {result.get('total_bytes')} bytes but {run.received} arrived, "
            "so frames cannot be found in the terminal's output"
        )
        return base
    latencies = []
    without_gc = []
    full_gcs = [(began, began + took / 1000) for began, took in base.gc.get("full", [])]
    frame_index = 0
    chunk_index = 0
    for (handled_at, _), sent_at in zip(keys, sent, strict=True):
        while frame_index < len(frames) and frames[frame_index][0] < handled_at:
            frame_index += 1
        if frame_index == len(frames):
            base.error = "a key was handled but no frame followed"
            return base
        _, left, offset = frames[frame_index]
        if mode == "headless":
            end = left
        else:
            arrival, chunk_index = run.arrival_of(offset, chunk_index)
            if arrival is None:
                base.error = "a frame's bytes never arrived"
                return base
            end = arrival
        latencies.append((end - sent_at) * 1000)
        # a key waited on a collection if it ran while the key was on its way (keys
        # typed during one queue up behind it)
        if not any(began <= end and ended >= sent_at for began, ended in full_gcs):
            without_gc.append(latencies[-1])
    base.latencies = latencies
    base.without_gc = without_gc
    return base


def clock_figures(run: PtyRun) -> dict[str, Any]:
    """Each countdown figure shown after the measurement started: when its frame's last
    byte arrived on the terminal (wall clock), what the figure should have been then."""
    result = run.result
    if result.get("total_bytes") != run.received:
        return {
            "error": f"the probe wrote {result.get('total_bytes')} bytes, {run.received} arrived"
        }
    offset = result["wall_minus_monotonic"]
    item = result["item"]
    planned = float(item["planned_seconds"])
    segments = [(start, stop) for start, stop in item["segments"]]
    started, ended = result["started"], result["ended"]
    frames = result["frames"]

    def remaining(wall: float) -> float:
        ran = sum(
            max(min(stop if stop is not None else wall, wall) - start, 0.0)
            for start, stop in segments
        )
        return float(planned - ran)

    stalls = result.get("stalls", [])
    errors: list[float] = []
    lateness: list[float] = []
    held: list[float] = []  # lateness of the changes that fell due during a stall
    free: list[float] = []  # ... and of the others
    shown: list[dict[str, Any]] = []
    skipped = 0
    previous: float | None = None
    frame_index = chunk_index = 0
    for set_at, figure in result["figures"]:
        if not started <= set_at <= ended:
            continue
        while frame_index < len(frames) and frames[frame_index][0] < set_at:
            frame_index += 1
        if frame_index == len(frames):
            break
        arrival, chunk_index = run.arrival_of(frames[frame_index][2], chunk_index)
        if arrival is None:
            break
        wall = arrival + offset
        left = remaining(wall)
        low, high = figure_interval(figure)
        error = max(left - high, low - left, 0.0)
        late = high - left
        value = (high + low) / 2
        if previous is not None and abs(previous - value) > 1.5:
            skipped += 1
        previous = value
        errors.append(error * 1000)
        lateness.append(late * 1000)
        due = arrival - late
        in_stall = any(began <= due <= ended_ for began, ended_ in stalls)
        (held if in_stall else free).append(late * 1000)
        shown.append(
            {
                "figure": figure,
                "error_ms": round(error * 1000, 2),
                "late_ms": round(late * 1000, 2),
                "set_to_arrival_ms": round((arrival - set_at) * 1000, 2),
                "due_in_stall": in_stall,
            }
        )
    if not errors:
        return {"error": "no countdown figure was shown during the measurement"}
    return {
        "changes": len(errors),
        "error_max_ms": max(errors),
        "error_p99_ms": percentile(errors, 0.99),
        "wrong": sum(1 for error in errors if error > 0),
        "late_max_ms": max(lateness),
        "late_p99_ms": percentile(lateness, 0.99),
        "late_p50_ms": percentile(lateness, 0.50),
        "early": sum(1 for late in lateness if late < 0),
        "held_by_stall": len(held),
        "late_max_held_ms": max(held, default=None),
        "late_max_free_ms": max(free, default=None),
        "late_p99_free_ms": percentile(free, 0.99),
        "skipped_figures": skipped,
        "stalls": len(result.get("stalls", [])),
        "seconds": round(ended - started, 1),
        "gc": result.get("gc"),
        "shown": shown,
    }


def figure_interval(figure: str) -> tuple[float, float]:
    """The time left (s) for which the countdown shows `figure`: (low, high], high being
    the moment it should appear (time left runs down at one second per second)."""
    total = 0
    for part in figure.lstrip("+").split(":"):
        total = total * 60 + int(part)
    if figure.startswith("+"):
        return -(total + 1.0), -float(total)
    return total - 1.0, float(total)


# Report --------------------------------------------------------------------------------


@dataclass
class TypingRow:
    mode: str
    variant: str
    latencies: list[float]
    run_p50s: list[float]
    yard_p50: float | None
    pair_ratios: list[float]
    base_p50: float | None  # the 300-line notes on the demo, for the independence rows
    failed: int
    full_gc_ms: list[float]
    note_lines: int | None
    without_gc: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float | None:
        return percentile(self.latencies, 0.5)

    @property
    def p99(self) -> float | None:
        return percentile(self.latencies, 0.99)

    @property
    def ratio(self) -> float | None:
        if self.p50 is None or not self.yard_p50:
            return None
        return self.p50 / self.yard_p50

    @property
    def base_ratio(self) -> float | None:
        if self.p50 is None or not self.base_p50 or self.variant not in (HISTORY, BIG_NOTES):
            return None
        return self.p50 / self.base_p50

    def verdicts(self) -> list[tuple[str, bool | None]]:
        """(what, met) for each target of this row; met None when there is no figure."""
        found: list[tuple[str, bool | None]] = []
        target = RATIO_TARGETS.get(self.variant)
        if target is not None:
            ratio = self.ratio
            found.append((f"p50 ≤ {target:g}x", None if ratio is None else ratio <= target))
        if self.variant in P99_TARGETED:
            p99 = self.p99
            found.append(
                (f"p99 < {P99_TARGET_MS:g} ms", None if p99 is None else p99 < P99_TARGET_MS)
            )
        return found

    @property
    def result(self) -> str:
        verdicts = self.verdicts()
        if not self.latencies:
            return "NO DATA"
        if not verdicts:
            return "info"
        if any(met is None for _, met in verdicts):
            return "NO DATA"
        missed = [what for what, met in verdicts if not met]
        return "PASS" if not missed else "FAIL (" + ", ".join(missed) + ")"


@dataclass
class Row:
    """A row of the second table."""

    key: str
    title: str
    figure: str
    target: str
    met: bool | None  # None: no data; True/False; "info" rows use info=True
    info: bool = False
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def result(self) -> str:
        if self.info:
            return "info"
        if self.met is None:
            return "NO DATA"
        return "PASS" if self.met else "FAIL"


class Report:
    def __init__(
        self,
        settings: Settings,
        typing: list[TypingRun],
        clock: dict[str, Any] | None,
        drift: dict[str, Any] | None,
        stalls: dict[str, Any] | None,
        autosave: dict[str, Any] | None,
        failures: list[Failure],
    ) -> None:
        self.settings = settings
        self.typing_runs = typing
        self.typing_rows = self.build_typing_rows(typing)
        self.rows = self.build_rows(clock, drift, stalls, autosave)
        self.clock, self.drift, self.stalls, self.autosave = clock, drift, stalls, autosave
        self.failures = failures

    # Typing ------------------------------------------------------------------------

    def build_typing_rows(self, runs: list[TypingRun]) -> list[TypingRow]:
        rows = []
        for mode in MODES:
            variants = self.settings.headless_variants if mode == "headless" else VARIANTS
            mine = [run for run in runs if run.mode == mode]
            yard = {
                run.round: run.p50
                for run in mine
                if run.variant == YARDSTICK and run.p50 is not None
            }
            yard_all = [ms for run in mine if run.variant == YARDSTICK for ms in run.latencies]
            base_all = [ms for run in mine if run.variant == NOTES_300 for ms in run.latencies]
            for variant in variants:
                these = [run for run in mine if run.variant == variant]
                good = [run for run in these if run.latencies]
                pairs = [
                    p50 / yard[run.round]
                    for run in good
                    if variant != YARDSTICK and yard.get(run.round) and (p50 := run.p50) is not None
                ]
                rows.append(
                    TypingRow(
                        mode=mode,
                        variant=variant,
                        latencies=[ms for run in good for ms in run.latencies],
                        run_p50s=[run.p50 for run in good if run.p50 is not None],
                        yard_p50=percentile(yard_all, 0.5) if variant != YARDSTICK else None,
                        pair_ratios=pairs,
                        base_p50=percentile(base_all, 0.5),
                        failed=len(these) - len(good),
                        full_gc_ms=[ms for run in good for ms in run.gc.get("full_ms", [])],
                        note_lines=next((run.note_lines for run in good if run.note_lines), None),
                        without_gc=[ms for run in good for ms in run.without_gc],
                    )
                )
        return rows

    # Other measures ----------------------------------------------------------------

    def build_rows(
        self,
        clock: dict[str, Any] | None,
        drift: dict[str, Any] | None,
        stalls: dict[str, Any] | None,
        autosave: dict[str, Any] | None,
    ) -> list[Row]:
        s = self.settings
        rows = []
        load = (
            f"{s.clock_seconds:g} s of real time, {s.stall_ms:g} ms loop stalls every "
            f"{s.stall_every:g} s, {s.busy_loops} busy loops"
        )
        if clock:
            rows.append(
                Row(
                    "countdown_error",
                    f"Countdown error at each new figure ({load})",
                    f"max {clock['error_max_ms']:.1f} ms, p99 {clock['error_p99_ms']:.1f} ms; "
                    f"{clock['wrong']} wrong of {clock['changes']} figures",
                    f"≤ {CLOCK_ERROR_TARGET_MS:g} ms",
                    clock["error_max_ms"] <= CLOCK_ERROR_TARGET_MS,
                )
            )
            rows.append(
                Row(
                    "countdown_lateness",
                    "Countdown: how late each new figure appeared (same run)",
                    f"max {clock['late_max_ms']:.0f} ms, p99 {clock['late_p99_ms']:.0f} ms, "
                    f"p50 {clock['late_p50_ms']:.1f} ms; the {clock['held_by_stall']} changes due "
                    f"during a stall: max {fmt_ms(clock['late_max_held_ms'])}; the others: "
                    f"max {fmt_ms(clock['late_max_free_ms'])}, "
                    f"p99 {fmt_ms(clock['late_p99_free_ms'])}; "
                    f"{clock['early']} early, {clock['skipped_figures']} skipped",
                    "–",
                    None,
                    info=True,
                )
            )
        else:
            rows.append(
                Row(
                    "countdown_error",
                    f"Countdown error at each new figure ({load})",
                    "–",
                    f"≤ {CLOCK_ERROR_TARGET_MS:g} ms",
                    None,
                )
            )
        title = f"Drift over a simulated {s.drift_minutes:g}-minute meeting (fake clock)"
        if drift:
            worst = max(
                drift["max_figure_change_drift_ms"],
                drift["max_elapsed_tick_drift_ms"],
                drift["max_internal_drift_ms"],
                drift["max_figure_drift_ms"],
                drift["max_elapsed_drift_ms"],
            )
            actions = ", ".join(
                f"{key} ×{count}" for key, count in sorted(drift["actions"].items())
            )
            rows.append(
                Row(
                    "drift",
                    title,
                    f"max {worst:.3f} ms: figure changes "
                    f"{drift['max_figure_change_drift_ms']:.3f}, elapsed ticks "
                    f"{drift['max_elapsed_tick_drift_ms']:.3f}, computed elapsed "
                    f"{drift['max_internal_drift_ms']:.3f} "
                    f"({drift['figure_changes_timed']} changes "
                    f"and {drift['elapsed_ticks_timed']} ticks timed, {drift['checks']} checks; "
                    f"keys {actions})",
                    f"≤ {DRIFT_TARGET_MS:g} ms",
                    worst <= DRIFT_TARGET_MS,
                )
            )
        else:
            rows.append(Row("drift", title, "–", f"≤ {DRIFT_TARGET_MS:g} ms", None))
        title = "Largest event-loop stall, scripted meeting (pty)"
        if stalls:
            worst = stalls["worst"][0] if stalls["worst"] else {}
            gc_note = (
                f", a {max(worst['gc_ms']):.0f} ms full GC in it" if worst.get("gc_ms") else ""
            )
            rows.append(
                Row(
                    "stall",
                    title,
                    f"max {stalls['max_ms']:.1f} ms (during: {worst.get('phase', '?')}{gc_note}), "
                    f"p99 {stalls['p99_ms']:.1f} ms over {stalls['samples']} samples; "
                    f"largest with no full GC in it: {fmt_ms(stalls.get('max_without_gc_ms'))} "
                    f"({stalls.get('max_without_gc_phase', '?')})",
                    f"≤ {STALL_TARGET_MS:g} ms",
                    stalls["max_ms"] <= STALL_TARGET_MS,
                )
            )
        else:
            rows.append(Row("stall", title, "–", f"≤ {STALL_TARGET_MS:g} ms", None))
        for lines in ("300", "1000"):
            title = f"Autosave commit (`save_note`), {int(lines):,}-line notes"
            target = f"p50 ≤ {SAVE_P50_TARGET_MS:g} ms, p99 ≤ {SAVE_P99_TARGET_MS:g} ms"
            figures = (autosave or {}).get(lines)
            if figures:
                met = (
                    figures["p50_ms"] <= SAVE_P50_TARGET_MS
                    and figures["p99_ms"] <= SAVE_P99_TARGET_MS
                )
                rows.append(
                    Row(
                        f"autosave_{lines}",
                        title,
                        f"p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms, "
                        f"max {figures['max_ms']:.2f} ms ({figures['saves']} saves); "
                        f"{figures.get('checkpoints', 0)} checkpoints between saves, "
                        f"longest {figures.get('checkpoint_max_ms', 0):.2f} ms",
                        target,
                        met,
                    )
                )
            else:
                rows.append(Row(f"autosave_{lines}", title, "–", target, None))
        return rows

    # Output ------------------------------------------------------------------------

    def all_met(self) -> bool:
        typing_ok = all(row.result in ("PASS", "info") for row in self.typing_rows)
        rows_ok = all(row.result in ("PASS", "info") for row in self.rows)
        return typing_ok and rows_ok and not self.failures

    def missed(self) -> list[str]:
        found = [
            f"typing {row.mode} {label(row.variant)}"
            for row in self.typing_rows
            if row.result not in ("PASS", "info")
        ]
        found += [row.title for row in self.rows if row.result not in ("PASS", "info")]
        return found

    def typing_table(self) -> str:
        lines = [
            "| Terminal | Typing into | p50 (run p50s) | p99 | max | keys | ÷ yardstick p50 "
            "(pair min–max) | ÷ 300-line p50 | Target | Result |",
            "|---|---|--:|--:|--:|--:|--:|--:|---|---|",
        ]
        for row in self.typing_rows:
            runs = (
                f" ({min(row.run_p50s):.1f}–{max(row.run_p50s):.1f})"
                if len(row.run_p50s) > 1
                else ""
            )
            p50 = f"{row.p50:.1f} ms{runs}" if row.p50 is not None else "–"
            p99 = f"{row.p99:.1f} ms" if row.p99 is not None else "–"
            worst = f"{max(row.latencies):.1f} ms" if row.latencies else "–"
            ratio = "–"
            if row.ratio is not None:
                pairs = (
                    f" ({min(row.pair_ratios):.2f}–{max(row.pair_ratios):.2f})"
                    if len(row.pair_ratios) > 1
                    else ""
                )
                ratio = f"{row.ratio:.2f}x{pairs}"
            base = f"{row.base_ratio:.2f}x" if row.base_ratio is not None else "–"
            targets = ", ".join(what for what, _ in row.verdicts()) or "–"
            result = row.result
            result = f"**{result}**" if result not in ("PASS", "info") else result
            failed = f" ({row.failed} failed)" if row.failed else ""
            cells = [
                row.mode,
                label(row.variant),
                p50,
                p99,
                worst,
                f"{len(row.latencies)}{failed}",
                ratio,
                base,
                targets,
                result,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def rows_table(self) -> str:
        lines = ["| Measure | Figure | Target | Result |", "|---|---|---|---|"]
        for row in self.rows:
            result = f"**{row.result}**" if row.result in ("FAIL", "NO DATA") else row.result
            lines.append(f"| {row.title} | {row.figure} | {row.target} | {result} |")
        return "\n".join(lines)

    def gc_lines(self) -> list[str]:
        notes = []
        for row in self.typing_rows:
            if row.full_gc_ms:
                took = ", ".join(f"{ms:.0f}" for ms in row.full_gc_ms)
                hit = len(row.latencies) - len(row.without_gc)
                p99 = percentile(row.without_gc, 0.99)
                rest = f"; p99 of the other keys {p99:.1f} ms" if p99 is not None else ""
                notes.append(
                    f"{row.mode} {label(row.variant)}: {took} ms ({hit} key(s) waited{rest})"
                )
        lines = []
        if notes:
            lines.append(
                "Full (generation 2) garbage collections while typing, each pausing the event "
                "loop: " + "; ".join(notes) + "."
            )
        reloads = [run for run in self.typing_runs if run.home.get("count")]
        if reloads:
            count = sum(run.home["count"] for run in reloads)
            longest = max(max(run.home["ms"]) for run in reloads)
            lines.append(
                f"The home screen, under the live screen, re-read the database {count} times "
                f"during the facilitator typing runs (each autosave changes the file); "
                f"taking in a re-read held the event loop up to {longest:.0f} ms."
            )
        return lines

    def markdown(self, context: Mapping[str, Any]) -> str:
        machine, s = context["machine"], self.settings
        load = " → ".join(
            f"{machine[key][0]:.2f}" for key in ("load_average_before", "load_average_after")
        )
        lines = [
            "## facilitator live meeting screen",
            "",
            f"{context['started_at']} · Python {machine['python']} · "
            f"Textual {machine['textual']} · {machine['cpu_count']} CPUs · load {load} · "
            f"{context['seconds']:.0f} s" + (" · --quick" if s.quick else ""),
            "",
            f"### Typing into the notes: key to screen ({s.runs} round(s) of {s.keys} keys, "
            f"{s.interval_ms:g} ± {s.jitter_ms:g} ms apart)",
            "",
            self.typing_table(),
            "",
            "headless: key handed to the app → end of the first screen update after the key "
            "was handled; pty: key written to the terminal → last byte of that frame read "
            f'back. Databases: the demo; "+ {s.meetings:,} meetings"; "+ {OTHER_NOTE_LINES:,}-line '
            "notes on every other item\". ÷ 300-line p50: the row's p50 over the 300-line "
            "demo row's (same terminal): typing should not depend on the rest of the database.",
        ]
        lines += self.gc_lines()
        lines += ["", "### Countdown, drift, stalls, autosave", "", self.rows_table(), ""]
        missed = self.missed()
        lines.append(
            "Targets: all met." if not missed else "Targets MISSED: " + "; ".join(missed) + "."
        )
        hung = [run for run in self.typing_runs if run.hung_on_exit]
        if hung:
            lines.append(
                f"{len(hung)} typing run(s) hung on exit after measuring and were killed "
                "(their figures are kept)."
            )
        if self.failures:
            lines += ["", f"{len(self.failures)} probe run(s) failed and are left out:"]
            lines += [f"- {failure.what}: {failure.error}" for failure in self.failures]
        return "\n".join(lines)

    def write(self, out: Path, context: Mapping[str, Any]) -> str:
        out.mkdir(parents=True, exist_ok=True)
        document = {
            **context,
            "typing": [
                {
                    "mode": row.mode,
                    "variant": row.variant,
                    "note_lines": row.note_lines,
                    "keys": len(row.latencies),
                    "p50_ms": row.p50,
                    "p99_ms": row.p99,
                    "max_ms": max(row.latencies) if row.latencies else None,
                    "run_p50s_ms": row.run_p50s,
                    "yardstick_p50_ms": row.yard_p50,
                    "ratio_of_p50s": row.ratio,
                    "pair_ratios": row.pair_ratios,
                    "ratio_to_300_lines": row.base_ratio,
                    "full_gc_ms": row.full_gc_ms,
                    "p99_without_gc_ms": percentile(row.without_gc, 0.99),
                    "failed_runs": row.failed,
                    "result": row.result,
                }
                for row in self.typing_rows
            ],
            "typing_runs": [
                {
                    "mode": run.mode,
                    "variant": run.variant,
                    "round": run.round,
                    "error": run.error,
                    "hung_on_exit": run.hung_on_exit,
                    "gc": run.gc,
                    "home_reloads": run.home,
                    "latencies_ms": [round(ms, 3) for ms in run.latencies],
                }
                for run in self.typing_runs
            ],
            "measures": [
                {
                    "key": row.key,
                    "title": row.title,
                    "figure": row.figure,
                    "target": row.target,
                    "result": row.result,
                }
                for row in self.rows
            ],
            "countdown": self.clock,
            "drift": self.drift,
            "stalls": self.stalls,
            "autosave": self.autosave,
            "missed_targets": self.missed(),
            "failures": [failure.__dict__ for failure in self.failures],
        }
        (out / "live.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        markdown = self.markdown(context)
        (out / "live.md").write_text(markdown + "\n", encoding="utf-8")
        return markdown


def fmt_ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def label(variant: str) -> str:
    return {
        YARDSTICK: "yardstick: bare Input",
        NOTES_300: "notes, 300 lines",
        NOTES_1000: "notes, 1,000 lines",
        HISTORY: "notes, 300 lines; + many meetings",
        BIG_NOTES: "notes, 300 lines; + big notes on other items",
    }[variant]
