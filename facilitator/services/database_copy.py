"""Copy a whole facilitator database to another: `facilitator db copy --to URL_OR_PATH`.

The order keeps every refusal ahead of every write: the same database twice, a source
that is not there, and a destination that already holds rows are refused before
either database is migrated or a file is made. Then both are brought to the newest
schema (the destination may be a new SQLite file in a folder that exists), and the
rows are copied in one destination transaction (`facilitator.store.copy`).
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.errors import DatabaseURLError
from facilitator.store.copy import (
    CopyError,
    copy_database,
    first_table_with_rows,
    not_empty_sentence,
    same_database,
)
from facilitator.store.prepare import check_exists, prepare_database
from facilitator.store.target import DatabaseTarget, resolve_target


@dataclass(frozen=True)
class DatabaseCopied:
    """A finished copy: where to (its printable form, never the URL) and how much."""

    destination: str
    tables: int
    rows: int


def destination_target(value: str) -> DatabaseTarget:
    """The database `--to` names: a file path or a URL, read as `--db` reads one."""
    try:
        return resolve_target(value, {})
    except DatabaseURLError as error:
        # resolve_target names the option it was given as --db; here it was --to.
        raise DatabaseURLError(error.sentence.replace("--db", "--to", 1)) from None


def copy_to(source: DatabaseTarget, destination_value: str) -> DatabaseCopied:
    """Copy every row of `source` into the empty database `destination_value` names.

    Raises a FacilitatorError with a sentence when it is the same database, the source
    is missing, the destination holds rows or cannot be reached, or the copy fails; a
    destination that holds rows is left untouched.
    """
    destination = destination_target(destination_value)
    if same_database(source, destination):
        raise CopyError(
            f"{destination.display} is the database being copied; name another file "
            "or database with --to."
        )
    check_exists(source)
    filled = first_table_with_rows(destination)
    if filled is not None:
        raise CopyError(not_empty_sentence(destination, filled))
    prepare_database(source, create=False)
    prepare_database(destination, create=True)
    copied = copy_database(source, destination)
    return DatabaseCopied(destination=destination.display, tables=copied.tables, rows=copied.rows)
