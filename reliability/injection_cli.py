"""The injection checks through the command line: `list`, `list --json`, `import` of an
agenda and of JSON minutes, and every export, each run through `facilitator.cli.main`
in this process on a database seeded with one payload (`injection_data.seed`).

Shared by the probe and `tests/reliability/test_injection.py`. A check returns the
problems it found, or None where the payload is in no field the command shows (a
service refused it there).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from facilitator.cli import main
from reliability.injection_data import Seeded
from reliability.literal import CONTROL, EXPORT_FORMATS, export_problems, read_export, visible

SHOWN_BY: dict[str, tuple[str, ...]] = {
    "csv": ("meeting title", "item title", "action what", "team member-0-name"),
    "ics": ("action what", "team member-0-name", "meeting title", "team name"),
    "agenda": ("meeting title", "meeting purpose", "meeting goals", "item title", "item goal"),
    "list": ("meeting title", "team name"),
}
"""Fields each output shows; the minutes in md, html, txt, eml and json show them all
(the notes, which take any text, among them)."""


def run_cli(argv: list[str]) -> tuple[int, str]:
    """`facilitator ARGV` in this process: the exit code and everything it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(argv)
    return code, out.getvalue()


def _output_problems(code: int, output: str, payload: str, expected: bool) -> list[str]:
    problems = []
    if code != 0:
        problems.append(f"exit {code}: {output.strip()[:80]}")
    if CONTROL.search(output.replace("\r\n", "\n")):
        problems.append("a control character reached the terminal")
    if code == 0 and expected and visible(payload) not in visible(output):
        problems.append("the text is not shown literally")
    return problems


def check_list(db: Path, seeded: Seeded, folder: Path) -> list[str] | None:
    code, output = run_cli(["--db", str(db), "list"])
    return _output_problems(code, output, seeded.payload, seeded.accepted(*SHOWN_BY["list"]))


def check_list_json(db: Path, seeded: Seeded, folder: Path) -> list[str] | None:
    code, output = run_cli(["--db", str(db), "list", "--json"])
    problems = _output_problems(code, output, seeded.payload, False)
    if code == 0:
        decoded, _ = read_export("json", output.encode())
        if seeded.accepted(*SHOWN_BY["list"]) and visible(seeded.payload) not in visible(decoded):
            problems.append("the text does not come back literally")
    return problems


def check_import_agenda(db: Path, seeded: Seeded, folder: Path) -> list[str] | None:
    """An agenda whose title, purpose and item are the payload; what `import` says."""
    text = seeded.payload.replace("\n", " ")
    agenda = folder / "payload-agenda.md"
    agenda.write_text(
        f"# {text}\nDate: 2026-12-28\nTime: 15:30\nPurpose: {text}\n\n## Agenda\n- 10 min {text}\n",
        encoding="utf-8",
    )
    code, output = run_cli(["--db", str(db), "import", str(agenda), "--team", seeded.team_name])
    if code != 0:  # refused (a 100k title): a sentence, nothing else
        return ["a control character reached the terminal"] if CONTROL.search(output) else []
    return _output_problems(code, output, seeded.payload, "meeting title" not in seeded.refused)


def check_import_json(db: Path, seeded: Seeded, folder: Path) -> list[str] | None:
    """The closed meeting's JSON minutes, imported back; what `import` says."""
    path = folder / "payload-minutes.json"
    code, output = run_cli(
        ["--db", str(db), "export", str(seeded.closed_id), "--format", "json", "-o", str(path)]
    )
    if code != 0:
        return [f"export failed: {output.strip()[:80]}"]
    code, output = run_cli(["--db", str(db), "import", str(path)])
    return _output_problems(code, output, seeded.payload, "meeting title" not in seeded.refused)


def export_check(
    fmt: str, *, agenda: bool = False
) -> Callable[[Path, Seeded, Path], list[str] | None]:
    """The check of one export: written with `export -o`, read back by another parser."""

    def check(db: Path, seeded: Seeded, folder: Path) -> list[str] | None:
        meeting = seeded.planned_id if agenda else seeded.closed_id
        path = folder / f"export-{meeting}{'-agenda' if agenda else ''}.{fmt}"
        argv = ["--db", str(db), "export", str(meeting), "--format", fmt, "-o", str(path)]
        code, output = run_cli(argv)
        if code != 0:
            return [f"exit {code}: {output.strip()[:80]}"]
        fields = SHOWN_BY["agenda" if agenda else fmt] if agenda or fmt in SHOWN_BY else ()
        expected = seeded.accepted(*fields) if fields else True
        problems = export_problems(fmt, path.read_bytes(), seeded.payload, expected=expected)
        if not expected and not problems:
            return None
        return problems

    return check


CLI_CHECKS: dict[str, Callable[[Path, Seeded, Path], list[str] | None]] = {
    "list": check_list,
    "list --json": check_list_json,
    "import md": check_import_agenda,
    "import json": check_import_json,
    **{f"export {fmt}": export_check(fmt) for fmt in EXPORT_FORMATS},
    **{f"agenda {fmt}": export_check(fmt, agenda=True) for fmt in ("md", "html", "txt")},
}
"""Every check through the command line, by name."""
WRITES = ("import md", "import json")
"""Checks that add to the database (run them on a copy)."""
