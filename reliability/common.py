"""What the probes share: paths, a clean environment for child processes, the command
line, a demo database, results as JSON and tables as Markdown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "reliability" / "results"
DEMO_MEETING = 2
"""The demo's planned December meeting (the one the live probes run)."""


def child_env(home: Path) -> dict[str, str]:
    """The environment for a child facilitator: the user directories inside `home`,
    no settings from the shell that change what is measured."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TEXTUAL") and key not in ("FACILITATOR_DB", "NO_COLOR")
    }
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def facilitator(*args: str) -> list[str]:
    """The command line running facilitator with this interpreter (as the real command)."""
    return [sys.executable, "-m", "facilitator.cli", *args]


def make_demo(path: Path, env: Mapping[str, str]) -> None:
    """`facilitator --db PATH demo --no-open`, as a user would; raise if it fails."""
    done = subprocess.run(
        facilitator("--db", str(path), "demo", "--no-open"),
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=REPO,
    )
    if done.returncode != 0:
        raise RuntimeError(f"demo --no-open failed: {done.stderr.strip()}")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def write_results(name: str, data: Mapping[str, Any], out: Path = RESULTS) -> Path:
    """Write one probe's results as JSON to `out/NAME.json`; return the path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    stamped = {
        "probe": name,
        "finished": datetime.now(UTC).isoformat(),
        "load_average": load_average(),
        **data,
    }
    path.write_text(json.dumps(stamped, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; a "|" in a cell is escaped so the table keeps its shape."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


@dataclass
class ProbeResult:
    """One probe's outcome: a line for the summary table, its own Markdown, its data."""

    name: str
    goal: str
    measured: str
    passed: bool
    markdown: str
    data: dict[str, Any] = field(default_factory=dict)

    def summary_row(self) -> list[str]:
        return [self.name, self.goal, self.measured, verdict(self.passed)]
