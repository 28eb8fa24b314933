"""Get a database ready before the app or a command uses it.

Order matters: every check that can refuse the file runs before anything writes to
it, so a file that is not ours, or is from a newer facilitator, is left untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import NewerDatabaseError, NotADatabaseError
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


def prepare_database(target: DatabaseTarget, *, script_location: Path | None = None) -> Prepared:
    """Create the database if new, refuse it if foreign or newer, migrate it if older."""
    created = False
    has_tables = False
    if target.path is not None:
        created = sqlite_file.ensure_file(target.path)
        sqlite_file.check_header(target.path)
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
        raise NotADatabaseError(
            f"{target.display} is a SQLite database, but not a facilitator one; "
            "facilitator left it alone."
        )
    backup_path = None
    if target.path is not None and revision is not None:
        backup_path = sqlite_file.backup(target.path, revision)
    from facilitator.store.migrate import upgrade

    upgrade(target, script_location=script_location, backup_path=backup_path)
    return Prepared(revision=head, created=created, upgraded_from=revision, backup_path=backup_path)
