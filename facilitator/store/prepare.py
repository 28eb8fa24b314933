"""Get a database ready before the app or a command uses it.

Order matters: every check that can refuse the file runs before anything writes to
it, so a file that is not ours, is from a newer facilitator or is damaged is left
untouched, with nothing new beside it.

Where a database may be created: in the default location (its folders too); as a new
file in a folder that exists when the command creates (the app, `demo`, `import`);
nowhere for a command that only reads (`list`, `export`, `db check`), which says
there is no database instead. So a mistyped --db is an error, never a new database.
"""

from __future__ import annotations

import shlex
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import MissingDatabaseError, NewerDatabaseError, NotADatabaseError
from facilitator.store import sqlite_file
from facilitator.store.revisions import known_revisions
from facilitator.store.target import DatabaseTarget


@dataclass(frozen=True)
class Prepared:
    """What preparing the database did."""

    revision: str
    created: bool = False
    upgraded_from: str | None = None
    backup_path: Path | None = None


SLOW_UPGRADE_SECONDS = 1.0
"""How long an upgrade runs before `prepare_database` says what it is doing."""

SLOW_REVISIONS = {
    "0011": "building the search index",
    "0012": "indexing meetings by date",
    "0013": "compacting the search index",
}
"""Revisions whose work grows with the data, and what they are doing meanwhile (the
sentence names the first to run)."""


def upgrade_sentence(pending: Sequence[str]) -> str:
    """What a person waiting for the upgrade through revisions `pending` is told."""
    doing = next((SLOW_REVISIONS[r] for r in pending if r in SLOW_REVISIONS), None)
    return f"Updating the database ({doing})…" if doing else "Updating the database…"


def _on_stderr(sentence: str) -> None:
    # The command line's default (the app is not on screen yet while it prepares): one
    # fixed sentence, nothing read from the database.
    sys.stderr.write(sentence + "\n")
    sys.stderr.flush()


def prepare_database(
    target: DatabaseTarget,
    *,
    create: bool = True,
    script_location: Path | None = None,
    progress: Callable[[str], None] = _on_stderr,
    patience: float | None = None,
) -> Prepared:
    """Create the database if new (only if `create`: see the module docstring), refuse
    it if foreign, newer or damaged, migrate it if older. An upgrade still running after
    `patience` seconds (SLOW_UPGRADE_SECONDS unless given) is announced once through
    `progress` (`upgrade_sentence`); making a new database's tables is never announced."""
    created = False
    has_tables = False
    if target.path is not None:
        if not create:
            check_exists(target)
        created = sqlite_file.ensure_file(target.path, folders=target.default)
        sqlite_file.check_header(target.path)
        sqlite_file.check_length(target.path)
        revision, has_tables = sqlite_file.read_revision(target.path)
    else:
        from facilitator.store.migrate import current_revision

        revision = current_revision(target)
    known = known_revisions(script_location)
    head = known[-1]
    if revision == head:
        return Prepared(revision=head, created=created)
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            f"{target.display} was written by a newer version of facilitator "
            f"(schema {revision}); upgrade facilitator to open it."
        )
    if revision is None and has_tables:
        raise not_ours(target)
    backup_path = None
    if target.path is not None and revision is not None:
        backup_path = sqlite_file.backup(target.path, revision)
    from facilitator.store.migrate import upgrade

    pending = known[known.index(revision) + 1 :] if revision is not None else known
    if revision is None:
        # A new database: its tables are made empty, nothing is built from data.
        upgrade(target, script_location=script_location, backup_path=backup_path)
        return Prepared(revision=head, created=created)
    wait = SLOW_UPGRADE_SECONDS if patience is None else patience
    with _announced_after(wait, lambda: progress(upgrade_sentence(pending))):
        upgrade(target, script_location=script_location, backup_path=backup_path)
    return Prepared(revision=head, created=created, upgraded_from=revision, backup_path=backup_path)


@contextmanager
def _announced_after(patience: float, announce: Callable[[], None]) -> Iterator[None]:
    """Run the block; call `announce` if it is still running after `patience` seconds
    (at once when that is 0 or less, so a test needs no clock)."""
    if patience <= 0:
        announce()
        yield
        return
    timer = threading.Timer(patience, announce)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def check_exists(target: DatabaseTarget) -> None:
    """Raise MissingDatabaseError unless the SQLite file at `target` exists and holds
    something (an empty file is a database only once the app has set it up)."""
    path = target.path
    if path is None or path.is_dir():
        return  # a server, or a directory, which ensure_file refuses in its own words
    try:
        size = path.stat().st_size
    except OSError:
        raise MissingDatabaseError(_missing(target, path)) from None
    if size == 0:
        raise MissingDatabaseError(
            f"{path} is empty, not a database yet; run {_app_on(target, path)} to set it up."
        )


def _missing(target: DatabaseTarget, path: Path) -> str:
    app = _app_on(target, path)
    if target.default:
        return f"No database at {path} yet; run {app} or `facilitator demo` to create it."
    if not path.parent.is_dir():
        return f"No database at {path}, nor a folder {path.parent}; check the path."
    return f"No database at {path}; check the path, or run {app} to create it there."


def _app_on(target: DatabaseTarget, path: Path) -> str:
    """The command that opens the app on `path` (and so creates the database there)."""
    return "`facilitator`" if target.default else f"`facilitator --db {shlex.quote(str(path))}`"


def not_ours(target: DatabaseTarget) -> NotADatabaseError:
    """The refusal of a SQLite database that another program made."""
    return NotADatabaseError(
        f"{target.display} is a SQLite database, but not a facilitator one; "
        "facilitator left it alone."
    )
