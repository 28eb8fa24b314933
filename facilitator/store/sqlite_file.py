"""Checks and chores on a SQLite file that need only the standard library.

These run before the app starts, so a bad file is reported in one sentence and left
exactly as it was, and a good one costs a few milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from facilitator.errors import DatabaseLocationError, NotADatabaseError
from facilitator.paths import ensure_private_dir

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
"""How long a connection waits for another process's write lock before giving up."""


def ensure_file(path: Path) -> bool:
    """Make sure `path` can hold a database; create it (0600, in a 0700 directory) if new.

    Returns True when the file was created. Raises DatabaseLocationError with a sentence
    when the directory or file cannot be made or written.
    """
    if path.is_dir():
        raise DatabaseLocationError(f"{path} is a directory; give the path of a database file.")
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseLocationError(
                f"{path} cannot be read and written by you; check its permissions."
            )
        return False
    try:
        ensure_private_dir(path.parent)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DatabaseLocationError(
            f"Cannot create the database at {path}: its folder cannot be made ({reason.lower()})."
        ) from None
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False  # another process created it a moment ago
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DatabaseLocationError(
            f"Cannot create the database at {path}: {reason.lower()}."
        ) from None
    os.close(descriptor)
    return True


def check_header(path: Path) -> None:
    """Raise NotADatabaseError unless `path` is empty or starts like a SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseLocationError(f"Cannot read {path}: {error.strerror}.") from None
    if head and head != SQLITE_MAGIC:
        raise NotADatabaseError(f"{path} is not a SQLite database; facilitator left it alone.")


def read_revision(path: Path) -> tuple[str | None, bool]:
    """The schema revision stored in the file, and whether it holds tables of its own.

    Opens the file read-only. Returns (None, False) for an empty database.
    """
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise NotADatabaseError(f"Cannot open {path} as a database ({error}).") from None
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        revision = None
        if "alembic_version" in names:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(names - {"alembic_version"})
    except sqlite3.DatabaseError as error:
        raise NotADatabaseError(
            f"{path} is not a usable SQLite database ({error}); facilitator left it alone."
        ) from None
    finally:
        connection.close()


def _read_only_uri(path: Path) -> str:
    # as_uri() percent-encodes the path, so "#", "?" or "%" in a folder name stay part of it.
    return f"{path.absolute().as_uri()}?mode=ro"


def backup(path: Path, revision: str, now: datetime | None = None) -> Path:
    """Copy the database with VACUUM INTO beside it, owner-only, before a migration."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    destination = _new_private_file(path, f"{path.name}.backup-{revision}-{stamp}")
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("VACUUM INTO ?", (str(destination),))
    except sqlite3.Error as error:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise DatabaseLocationError(
            f"Could not back up {path} before upgrading it ({error}); nothing was changed."
        ) from None
    finally:
        connection.close()
    return destination


def _new_private_file(beside: Path, name: str) -> Path:
    """Create an empty 0600 file called `name` (or `name.2`, `name.3`...) beside `beside`."""
    for attempt in range(1, 100):
        candidate = beside.with_name(name if attempt == 1 else f"{name}.{attempt}")
        try:
            descriptor = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise DatabaseLocationError(
                f"Could not write a backup beside {beside} ({error.strerror}); nothing was changed."
            ) from None
        os.close(descriptor)
        return candidate
    raise DatabaseLocationError(f"Too many backups named {name} beside {beside}; remove some.")


def change_stamp(path: Path) -> tuple[int, ...]:
    """Something that changes whenever any process commits to the database at `path`.

    In WAL mode a commit appends to the -wal file and a checkpoint rewrites the main
    file, so their sizes and modification times together move on every change. Costs
    two `stat` calls, cheap enough to poll.
    """
    stamp: list[int] = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            stamp += [0, 0]
        else:
            stamp += [info.st_mtime_ns, info.st_size]
    return tuple(stamp)


def integrity_check(path: Path) -> str:
    """SQLite's own integrity check: "ok", or the first problems it reports."""
    connection = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows[:5])
