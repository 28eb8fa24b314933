"""`facilitator db check`: where the database is and whether it is sound."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from facilitator.store import sqlite_file
from facilitator.store.prepare import check_exists, not_ours
from facilitator.store.revisions import known_revisions
from facilitator.store.target import DatabaseTarget

NEWER = "newer than this facilitator"
EMPTY = "empty database; the app sets it up when it opens it"


@dataclass(frozen=True)
class DatabaseReport:
    """What `db check` prints."""

    location: str
    revision: str | None
    revision_note: str
    sqlite_version: str
    integrity: str
    server: str | None = None
    """The database server and its version ("PostgreSQL 15.18"); None for a file."""

    @property
    def healthy(self) -> bool:
        """Whether every command can use the database as it is: sound (a server checks
        its own storage), and neither newer than this facilitator nor empty (an empty
        database is set up by the app, not read)."""
        sound = self.integrity == "ok" or self.server is not None
        return sound and self.revision_note not in (NEWER, EMPTY)


def check_database(target: DatabaseTarget) -> DatabaseReport:
    """Inspect the database without creating, migrating or changing it, nor leaving any
    file beside it."""
    server = None
    if target.path is None:
        from facilitator.store.migrate import server_state

        revision, server = server_state(target)
        integrity = "not applicable (PostgreSQL checks its own storage)"
    else:
        if not target.path.exists():
            check_exists(target)  # says there is none, in the words every command uses
        sqlite_file.check_access(target.path)
        sqlite_file.check_header(target.path)
        sqlite_file.check_length(target.path)
        revision, has_tables = sqlite_file.read_revision(target.path)
        if revision is None and has_tables:
            raise not_ours(target)
        integrity = sqlite_file.integrity_check(target.path)
    return DatabaseReport(
        location=target.display,
        revision=revision,
        revision_note=_revision_note(revision),
        sqlite_version=sqlite3.sqlite_version,
        integrity=integrity,
        server=server,
    )


def _revision_note(revision: str | None) -> str:
    known = known_revisions()
    if revision is None:
        return EMPTY
    if revision == known[-1]:
        return "current"
    if revision in known:
        return f"older; upgraded to {known[-1]} on next start"
    return NEWER
