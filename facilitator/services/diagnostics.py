"""`facilitator db check`: where the database is and whether it is sound."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from facilitator.errors import DatabaseLocationError
from facilitator.store import sqlite_file
from facilitator.store.revisions import known_revisions
from facilitator.store.target import DatabaseTarget


@dataclass(frozen=True)
class DatabaseReport:
    """What `db check` prints."""

    location: str
    revision: str | None
    revision_note: str
    sqlite_version: str
    integrity: str

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and self.revision_note != "newer than this facilitator"


def check_database(target: DatabaseTarget) -> DatabaseReport:
    """Inspect the database without creating, migrating or changing it."""
    if target.path is None:
        from facilitator.store.migrate import current_revision

        revision = current_revision(target)
        integrity = "not applicable (PostgreSQL checks its own storage)"
    else:
        if not target.path.exists():
            raise DatabaseLocationError(
                f"There is no database at {target.path} yet; running facilitator creates it."
            )
        sqlite_file.check_header(target.path)
        revision, _ = sqlite_file.read_revision(target.path)
        integrity = sqlite_file.integrity_check(target.path)
    return DatabaseReport(
        location=target.display,
        revision=revision,
        revision_note=_revision_note(revision),
        sqlite_version=sqlite3.sqlite_version,
        integrity=integrity,
    )


def _revision_note(revision: str | None) -> str:
    known = known_revisions()
    if revision is None:
        return "empty database; set up on next start"
    if revision == known[-1]:
        return "current"
    if revision in known:
        return f"older; upgraded to {known[-1]} on next start"
    return "newer than this facilitator"
