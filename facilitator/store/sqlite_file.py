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


def ensure_file(path: Path, *, folders: bool = False) -> bool:
    """Make sure `path` can hold a database; create it (0600) if new.

    A new file is made only in a folder that exists, unless `folders` (the default
    location): then missing folders are made too, owner-only. Returns True when the
    file was created. Raises DatabaseLocationError with a sentence when the folder or
    file cannot be made, read and written.
    """
    if path.is_dir():
        raise DatabaseLocationError(f"{path} is a directory; give the path of a database file.")
    if path.exists():
        check_access(path)
        return False
    _make_folder(path, folders=folders)
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


def check_access(path: Path) -> None:
    """An existing database must be readable and writable, and so must its folder: SQLite
    keeps its write-ahead log and shared-memory files beside the database."""
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseLocationError(
            f"{path} cannot be read and written by you; check its permissions."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseLocationError(
            f"{path} is in a folder you cannot write to, and facilitator keeps its journal "
            "files beside the database; check the folder's permissions."
        )


def _make_folder(path: Path, *, folders: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists() or not folders:
        what = "is not a folder" if folder.exists() else "does not exist"
        raise DatabaseLocationError(
            f"Cannot create a database at {path}: {folder} {what}; check the path, or "
            "make the folder first."
        )
    try:
        ensure_private_dir(folder)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DatabaseLocationError(
            f"Cannot create the database at {path}: its folder cannot be made ({reason.lower()})."
        ) from None


def check_header(path: Path) -> None:
    """Raise NotADatabaseError unless `path` is empty or starts like a SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseLocationError(f"Cannot read {path}: {error.strerror}.") from None
    if head and head != SQLITE_MAGIC:
        raise NotADatabaseError(f"{path} is not a SQLite database; facilitator left it alone.")


def check_length(path: Path) -> None:
    """Raise NotADatabaseError when the header is damaged or the file is shorter than its
    header says (cut off in a copy or by a full disk): reading it would fail later,
    half-way through a command."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        raise DatabaseLocationError(f"Cannot read {path}: {error.strerror}.") from None
    if not header:
        return  # an empty file: a database not set up yet
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if len(header) < 100 or page_size < 512 or page_size & (page_size - 1):
        raise NotADatabaseError(
            f"{path} is not a usable SQLite database (its header is damaged); "
            "facilitator left it alone."
        )
    expected = page_size * int.from_bytes(header[28:32], "big")
    # The page count is to be trusted only when written by the same change as the file.
    if header[24:28] == header[92:96] and size < expected:
        raise NotADatabaseError(
            f"{path} is damaged or cut short ({size} bytes where its header promises "
            f"{expected}); facilitator left it alone."
        )


def read_revision(path: Path) -> tuple[str | None, bool]:
    """The schema revision stored in the file, and whether it holds tables of its own.

    Opens the file read-only, creating nothing beside it (see `_read_only`). Returns
    (None, False) for an empty database.
    """
    try:
        connection = _read_only(path)
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


SIDECARS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database while it is in use."""


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no file behind.

    SQLite opening a write-ahead-log database, even read-only, makes its -wal and -shm
    files and leaves them there; a file that is then refused (not ours, too new,
    damaged) would no longer be as it was found. When none of them exists (nor a
    rollback -journal), nothing is waiting in a log and no connection has the database
    open, so the file alone is the whole database: it is opened immutable, which
    creates nothing. Otherwise another process may be using it, and it is read the
    ordinary way, log included.
    """
    # as_uri() percent-encodes the path, so "#", "?" or "%" in a folder name stay part of it.
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not any(path.with_name(path.name + suffix).exists() for suffix in SIDECARS):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def backup(path: Path, revision: str, now: datetime | None = None) -> Path:
    """Copy the database with VACUUM INTO beside it, owner-only, before a migration.

    Read through `_read_only`, so a backup that fails leaves nothing beside the file."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    destination = _new_private_file(path, f"{path.name}.backup-{revision}-{stamp}")
    try:
        connection = _read_only(path)
        try:
            connection.execute("VACUUM INTO ?", (str(destination),))
        finally:
            connection.close()
    except sqlite3.Error as error:
        with contextlib.suppress(OSError):
            destination.unlink()
        raise DatabaseLocationError(
            f"Could not back up {path} before upgrading it ({error}); nothing was changed."
        ) from None
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
    file, so their sizes and modification times together move on every change. An
    empty -wal file holds no commit, so it counts as none: the first connection to a
    file without one creates it, and that is not a change (a screen read twice for it).
    Costs two `stat` calls, cheap enough to poll.
    """
    stamp: list[int] = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            stamp += [0, 0]
        else:
            stamp += [info.st_mtime_ns, info.st_size] if info.st_size else [0, 0]
    return tuple(stamp)


def integrity_check(path: Path) -> str:
    """SQLite's own integrity check: "ok", or the first problems it reports."""
    connection = _read_only(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return f"failed ({error})"
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows[:5])
