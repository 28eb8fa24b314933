"""The bad `--db` cases and what each command must do with them (the files for
`import` and `export -o` are in `input_cases`).

Shared by the probe (`bad_input.py`, every command as a real process) and the normal
test run (`tests/reliability/test_bad_input.py`, the same cases in-process). Only the
standard library: a case is built from a demo database file made beforehand.

A *database case* is a `--db` value (a file, a folder, a path); each command runs on it.
An *input case* is a file given to `import` (or an `-o` target for `export`) while
`--db` is a good demo database. What a command must do is one of:

- `REFUSE`: a non-zero exit, a sentence on stderr, every file byte-for-byte as it was
  and nothing new beside it (`-wal`, `-shm`, backups, folders);
- `READ`: as `REFUSE`, or exit 0 having changed nothing (a read-only file may be read);
- `CREATE`: the command may make a database at that path (a zero-byte file or a new file
  in an existing folder, for `demo`, `import` and the app); otherwise as `REFUSE`.
  Either way no `-wal`/`-shm` is left behind.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REFUSE, READ, CREATE = "refuse", "read", "create"
NEWER_REVISION = "ffffffffffff"
"""An Alembic revision no facilitator has written."""

COMMANDS: dict[str, tuple[str, ...]] = {
    "list": ("list",),
    "list --json": ("list", "--json"),
    "export": ("export", "2"),
    "import": ("import", "{agenda}"),
    "db check": ("db", "check"),
    "run": ("run", "2"),
    "demo --no-open": ("demo", "--no-open"),
    "app": (),
}
"""Every command, as run on a database case; `{agenda}` is a good agenda file."""
READ_COMMANDS = ("list", "list --json", "export", "db check")
APP_COMMANDS = ("run", "app")
"""Commands that open the full-screen app when nothing stops them."""

GOOD_AGENDA = """# Reliability probe meeting
Team: Riverside Elementary Leadership Team
Date: 2026-12-20
Time: 15:30
Length: 30 min

## Agenda
- 10 min Welcome
- 20 min Budget review - goal: choose two priorities [decision]
"""


@dataclass(frozen=True)
class DbCase:
    """A `--db` value built in a folder of its own."""

    name: str
    about: str
    build: Callable[[Path, Path], Path]
    """build(folder, demo) -> the --db path (the demo database file is a template)."""
    expect: Callable[[str], str | None]
    """What `command` must do (None: not run on this case)."""
    read_only: bool = False
    """The case relies on file permissions (a root child runs without DAC override)."""
    heavy: bool = False
    """Too big for the normal test run (the probe runs it)."""
    defect: str | None = None


def _refuse_all(command: str) -> str | None:
    return REFUSE


def _empty_or_missing(command: str) -> str | None:
    if command in ("demo --no-open", "import", "app"):
        return CREATE
    return REFUSE


def _protected(command: str) -> str | None:
    if command in READ_COMMANDS or command == "demo --no-open":
        return READ
    if command == "import":
        return REFUSE
    return None  # the app may well open a read-only file to look at it


def _copy_demo(folder: Path, demo: Path, name: str = "meetings.db") -> Path:
    path = folder / name
    shutil.copyfile(demo, path)
    return path


def _text_file(folder: Path, _demo: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("These are my meeting notes, not a database.\n" * 200, encoding="utf-8")
    return path


def _random_file(size: int) -> Callable[[Path, Path], Path]:
    def build(folder: Path, _demo: Path) -> Path:
        path = folder / "random.db"
        path.write_bytes(random.Random(size).randbytes(size))
        return path

    return build


def _foreign_sqlite(folder: Path, _demo: Path) -> Path:
    path = folder / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.commit()
    connection.close()
    return path


def _newer_schema(folder: Path, demo: Path) -> Path:
    path = _copy_demo(folder, demo)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = ?", (NEWER_REVISION,))
    connection.commit()
    connection.close()
    return path


def _corrupt(folder: Path, demo: Path) -> Path:
    """Random bytes in the middle of every page but the first (the schema page), so
    the header and the schema read but every table is damaged."""
    path = _copy_demo(folder, demo)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    rng = random.Random(15)
    for start in range(page, len(data), page):
        middle = start + page // 2
        data[middle : middle + 64] = rng.randbytes(64)
    path.write_bytes(bytes(data))
    return path


def _truncated(folder: Path, demo: Path) -> Path:
    path = _copy_demo(folder, demo)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 5 + 123])
    return path


def _zero_bytes(folder: Path, _demo: Path) -> Path:
    path = folder / "empty.db"
    path.write_bytes(b"")
    return path


def _missing_file(folder: Path, _demo: Path) -> Path:
    return folder / "not-yet.db"


def _missing_folder(folder: Path, _demo: Path) -> Path:
    return folder / "nonexistent" / "dir" / "x.db"


def _folder_itself(folder: Path, _demo: Path) -> Path:
    path = folder / "a-folder.db"
    path.mkdir()
    return path


def _read_only_file(folder: Path, demo: Path) -> Path:
    path = _copy_demo(folder, demo)
    path.chmod(0o444)
    return path


def _read_only_folder(folder: Path, demo: Path) -> Path:
    inner = folder / "locked"
    inner.mkdir()
    path = _copy_demo(inner, demo)
    inner.chmod(0o555)
    return path


DB_CASES = (
    DbCase("not a database", "a text file", _text_file, _refuse_all),
    DbCase("binary file", "4 KiB of random bytes", _random_file(4096), _refuse_all),
    DbCase(
        "60 MB file", "60 MB of random bytes", _random_file(60_000_000), _refuse_all, heavy=True
    ),
    DbCase("foreign SQLite", "a SQLite database of another program", _foreign_sqlite, _refuse_all),
    DbCase("newer schema", f"alembic_version set to {NEWER_REVISION}", _newer_schema, _refuse_all),
    DbCase(
        "corrupt", "random bytes in the middle of every page but the first", _corrupt, _refuse_all
    ),
    DbCase("truncated", "the demo cut at 60% of its size", _truncated, _refuse_all),
    DbCase("zero bytes", "an empty file", _zero_bytes, _empty_or_missing, defect="3"),
    DbCase(
        "missing file",
        "a new file in an existing folder",
        _missing_file,
        _empty_or_missing,
        defect="3",
    ),
    DbCase(
        "missing folder", "--db …/nonexistent/dir/x.db", _missing_folder, _refuse_all, defect="3"
    ),
    DbCase("a folder", "--db names a folder", _folder_itself, _refuse_all),
    DbCase("read-only file", "the demo, mode 0444", _read_only_file, _protected, read_only=True),
    DbCase(
        "read-only folder",
        "the demo in a folder of mode 0555",
        _read_only_folder,
        _protected,
        read_only=True,
    ),
)


def database_argv(command: str, db: Path, agenda: Path) -> list[str]:
    """The arguments (after the program) for `command` on database case `db`."""
    args = [part.replace("{agenda}", str(agenda)) for part in COMMANDS[command]]
    return ["--db", str(db), *args]
