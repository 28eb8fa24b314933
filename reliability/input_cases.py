"""The bad files given to `import` (and the bad `-o` targets given to `export`), with a
good demo database as `--db`: each must be refused with a sentence, every file left as
it was. Shared by the probe (`bad_input.py`) and `tests/reliability/test_bad_input.py`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reliability.cases import GOOD_AGENDA


@dataclass(frozen=True)
class InputCase:
    """A file for `import` (or an `-o` target for `export`), with the demo as `--db`."""

    name: str
    about: str
    args: Callable[[Path], tuple[str, ...]]
    """args(folder) -> the command's arguments, after writing any file into `folder`."""
    heavy: bool = False
    slow_before_fix: bool = False
    """Takes most of a minute on a facilitator without issue 15's import fix."""
    read_only: bool = False
    defect: str | None = None


def _import_text(name: str, text: str) -> Callable[[Path], tuple[str, ...]]:
    return _import_bytes(name, text.encode("utf-8"))


def _import_bytes(name: str, data: bytes) -> Callable[[Path], tuple[str, ...]]:
    def args(folder: Path) -> tuple[str, ...]:
        path = folder / name
        path.write_bytes(data)
        return ("import", str(path))

    return args


def _import_generated(name: str, make: Callable[[], bytes]) -> Callable[[Path], tuple[str, ...]]:
    def args(folder: Path) -> tuple[str, ...]:
        path = folder / name
        path.write_bytes(make())
        return ("import", str(path))

    return args


def big_agenda(items: int) -> bytes:
    lines = [
        "# A very long agenda",
        "Team: Riverside Elementary Leadership Team",
        "Date: 2026-12-21",
        "Time: 09:00",
        "",
        "## Agenda",
    ]
    lines += [f"- 1 min Item number {n}" for n in range(1, items + 1)]
    return ("\n".join(lines) + "\n").encode()


def _export_to(target: Callable[[Path], Path]) -> Callable[[Path], tuple[str, ...]]:
    def args(folder: Path) -> tuple[str, ...]:
        return ("export", "1", "-o", str(target(folder)))

    return args


def _existing_output(folder: Path) -> Path:
    path = folder / "minutes.md"
    path.write_text("Someone's own file.\n", encoding="utf-8")
    return path


def _locked_output(folder: Path) -> Path:
    inner = folder / "locked"
    inner.mkdir()
    inner.chmod(0o555)
    return inner / "minutes.md"


MINUTES_JSON_WRONG_TYPES = (
    '{"format": "facilitator-minutes", "version": 1, "meeting": {"title": 5, '
    '"items": "none"}, "team": []}'
)

INPUT_CASES = (
    InputCase(
        "agenda without title",
        "no '# ' line",
        _import_text(
            "no-title.md", "Team: Riverside\nDate: 2026-12-20\n\n## Agenda\n- 5 min Welcome\n"
        ),
    ),
    InputCase(
        "agenda with bad lines",
        "a bad date and time, an item without minutes",
        _import_text(
            "bad-lines.md",
            "# Bad lines\nDate: someday\nTime: 25:99\n\n## Agenda\n- five min Welcome\n- 5 min\n",
        ),
    ),
    InputCase(
        "agenda for an unknown team",
        "Team: a team that is not there",
        _import_text(
            "unknown-team.md",
            GOOD_AGENDA.replace("Riverside Elementary Leadership Team", "No Such Team"),
        ),
    ),
    InputCase("empty agenda file", "zero bytes", _import_bytes("empty.md", b"")),
    InputCase(
        "JSON syntax error",
        "minutes cut off mid-object",
        _import_text("cut.json", '{"format": "facilitator-minutes", "meeting": {"ti'),
    ),
    InputCase(
        "JSON of another shape",
        "a JSON object that is not minutes",
        _import_text("other.json", '{"hello": "world", "n": [1, 2, 3]}'),
    ),
    InputCase(
        "JSON with wrong types",
        "minutes-like, with numbers for text and text for lists",
        _import_text("wrong-types.json", MINUTES_JSON_WRONG_TYPES),
    ),
    InputCase("JSON array", "a list, not an object", _import_text("list.json", "[1, 2, 3]")),
    InputCase(
        "60 MB agenda",
        "60 MB of Markdown",
        _import_generated("huge.md", lambda: b"- 1 min x\n" * 6_000_000),
        heavy=True,
    ),
    InputCase(
        "2,000-item agenda",
        "a valid agenda of 2,000 items (over the cap)",
        _import_generated("long.md", lambda: big_agenda(2000)),
        slow_before_fix=True,
        defect="1",
    ),
    InputCase(
        "1 MB single line",
        "a title line of a million characters",
        _import_generated("one-line.md", lambda: b"# " + b"x" * 1_000_000 + b"\n"),
    ),
    InputCase(
        "binary file", "random bytes", _import_bytes("binary.md", random.Random(7).randbytes(4096))
    ),
    InputCase(
        "non-UTF-8 text",
        "an agenda saved as Latin-1",
        _import_bytes("latin1.md", GOOD_AGENDA.replace("Welcome", "Réunion").encode("latin-1")),
    ),
    InputCase(
        "missing input file",
        "import a file that is not there",
        lambda folder: ("import", str(folder / "nowhere.md")),
    ),
    InputCase("folder as input", "import a folder", lambda folder: ("import", str(folder))),
    InputCase(
        "export over a file", "export -o an existing file, no --force", _export_to(_existing_output)
    ),
    InputCase(
        "export to a missing folder",
        "export -o …/nonexistent/minutes.md",
        _export_to(lambda folder: folder / "nonexistent" / "minutes.md"),
    ),
    InputCase(
        "export to a read-only folder",
        "export -o into a folder of mode 0555",
        _export_to(_locked_output),
        read_only=True,
    ),
)
