"""Copy every row of one facilitator database into another: a SQLite file to a
PostgreSQL server and back, so a team can move without losing a meeting.

Both databases must already be at the newest schema (`prepare_database`); this module
moves rows only. The rules, and why:

- Every table in the metadata is copied, parents before children
  (`MetaData.sorted_tables`), with its ids as they are: other rows, exported minutes
  and people's notes refer to meetings by id. Alembic's `alembic_version` is skipped;
  the destination's own migration wrote it.
- The destination is written in one transaction. The copied tables are counted inside
  it and compared with the source's counts before committing, so a copy that fails, or
  whose counts differ, leaves the destination as it was.
- The source is read in one transaction too (REPEATABLE READ on PostgreSQL, a read
  snapshot on SQLite), so its rows and counts come from one moment.
- Rows are read and written through SQLAlchemy Core with the tables' own column types,
  so timestamps go through `UTCDateTime` both ways and come back equal, with their zone.
- On PostgreSQL, explicit ids leave each id sequence behind; they are moved past the
  largest id so the next row gets a fresh one.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from facilitator.errors import (
    FacilitatorError,
    NotADatabaseError,
    first_line,
)
from facilitator.store import sqlite_file
from facilitator.store.engine import connect_engine, reachable, write_engine
from facilitator.store.search import is_search_index
from facilitator.store.target import DatabaseTarget

BATCH_ROWS = 1000
"""Rows read and inserted at a time: few round trips, little memory."""
SKIPPED_TABLES = frozenset({"alembic_version"})
"""Tables the migrations own; the destination's migration has written its own."""


class CopyError(FacilitatorError):
    """A copy was refused or did not complete; the destination was left as it was."""


@dataclass(frozen=True)
class Copied:
    """What a copy moved: each table's name and its number of rows, parents first."""

    counts: tuple[tuple[str, int], ...]

    @property
    def tables(self) -> int:
        return len(self.counts)

    @property
    def rows(self) -> int:
        return sum(count for _name, count in self.counts)


def app_tables() -> list[Table]:
    """Every facilitator table, parents before children.

    Every module in `facilitator.store.tables` is imported first: a table registers on
    the metadata only once its module has loaded, and one left out would not be copied.
    """
    from facilitator.store import tables

    for module in pkgutil.iter_modules(tables.__path__):
        importlib.import_module(f"{tables.__name__}.{module.name}")
    return [table for table in tables.metadata.sorted_tables if table.name not in SKIPPED_TABLES]


def same_database(first: DatabaseTarget, second: DatabaseTarget) -> bool:
    """Whether the two targets name one database (a file by any path, or one server's
    database whoever logs in)."""
    if first.path is not None or second.path is not None:
        if first.path is None or second.path is None:
            return False
        if first.path.exists() and second.path.exists():
            return os.path.samefile(first.path, second.path)
        return first.path.resolve() == second.path.resolve()
    return _server_database(first) == _server_database(second)


def _server_database(target: DatabaseTarget) -> tuple[str, int, str]:
    url = make_url(target.url)
    host = url.host or str(url.query.get("host") or "")
    return host.lower(), url.port or 5432, url.database or ""


def first_table_with_rows(target: DatabaseTarget) -> str | None:
    """The name of a table at `target` holding rows (any table but the migrations'), or
    None when it holds none or does not exist yet. Reads only: a SQLite file is opened
    read-only and left exactly as it was."""
    if target.path is not None:
        return _sqlite_table_with_rows(target.path)
    engine = connect_engine(target)
    try:
        with reachable(target), engine.connect() as connection:
            names = inspect(connection).get_table_names()
            return _table_with_rows(connection, names)
    finally:
        engine.dispose()


def _sqlite_table_with_rows(path: Path) -> str | None:
    if not path.is_file() or path.stat().st_size == 0:
        return None
    sqlite_file.check_header(path)
    sqlite_file.check_length(path)
    try:
        connection = sqlite_file._read_only(path)  # creates nothing beside the file
        try:
            return _first_filled(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise NotADatabaseError(
            f"{path} is not a usable SQLite database ({error}); facilitator left it alone."
        ) from None


def _first_filled(connection: sqlite3.Connection) -> str | None:
    listed = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    for (name,) in connection.execute(listed).fetchall():
        if name in SKIPPED_TABLES or is_search_index(name):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        if connection.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
            return str(name)
    return None


def _table_with_rows(connection: Connection, names: Sequence[str]) -> str | None:
    quote = connection.dialect.identifier_preparer.quote
    for name in names:
        if name in SKIPPED_TABLES or is_search_index(name):
            continue
        if connection.execute(text(f"SELECT 1 FROM {quote(name)} LIMIT 1")).first():
            return name
    return None


def copy_database(
    source: DatabaseTarget, destination: DatabaseTarget, *, batch_rows: int = BATCH_ROWS
) -> Copied:
    """Copy every row of `source` into the empty `destination` (both at the newest
    schema) in one destination transaction; see the module docstring. Raises CopyError
    with a sentence, committing nothing, when the destination holds rows, a row cannot
    be written, or a table's count differs afterwards."""
    tables = app_tables()
    reader_engine = connect_engine(source)
    writer_engine = connect_engine(destination)
    try:
        with (
            _failure_as_sentence(source, destination),
            _snapshot(reader_engine) as reader,
            write_engine(writer_engine).connect() as writer,
            writer.begin(),
        ):
            _refuse_unknown_tables(reader, source, tables)
            _refuse_rows(writer, destination, tables)
            for table in tables:
                _copy_table(reader, writer, table, batch_rows)
            _finish(writer, destination, tables)
            copied = _matching_counts(reader, writer, tables)
        with _failure_as_sentence(source, destination):
            _gather_statistics(writer_engine)
        return copied
    finally:
        reader_engine.dispose()
        writer_engine.dispose()


def _gather_statistics(engine: Engine) -> None:
    """PostgreSQL: ANALYZE the copied tables at once. Until autovacuum gets round to it
    the planner knows nothing of their rows, and a search over 10,000 copied meetings
    read every note instead of using the text indexes (1.8 s for a rare word, 8 ms
    after). SQLite is left as it is: its statements are written for a database without
    statistics."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE")


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection reading one moment of the database, in a transaction ended (rolled
    back, nothing was written) with the block."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        connection.begin()
        yield connection  # closing the connection rolls the transaction back


@contextmanager
def _failure_as_sentence(source: DatabaseTarget, destination: DatabaseTarget) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as error:
        cause = first_line(getattr(error, "orig", None) or error)
        raise CopyError(
            f"Copying {source.display} to {destination.display} failed ({cause}); "
            f"nothing was copied, and {destination.display} holds no rows of it."
        ) from None


def _refuse_unknown_tables(reader: Connection, source: DatabaseTarget, tables: list[Table]) -> None:
    """A table this facilitator does not know would be left behind: refuse instead."""
    known = {table.name for table in tables} | SKIPPED_TABLES
    listed = set(inspect(reader).get_table_names()) - known
    unknown = sorted(name for name in listed if not is_search_index(name))
    if unknown:
        raise CopyError(
            f"{source.display} holds tables this facilitator does not know "
            f"({', '.join(unknown)}), which a copy would leave behind; nothing was copied."
        )


def _refuse_rows(writer: Connection, destination: DatabaseTarget, tables: list[Table]) -> None:
    """Checked again inside the transaction: someone may have written since the check
    before preparing the destination."""
    filled = _table_with_rows(writer, [table.name for table in tables])
    if filled is not None:
        raise CopyError(not_empty_sentence(destination, filled))


def not_empty_sentence(destination: DatabaseTarget, table: str) -> str:
    """The refusal of a destination that already holds rows."""
    return (
        f"{destination.display} already holds data (table {table} has rows); copy into "
        "a new file or an empty database, so nothing there is mixed up or overwritten."
    )


def _copy_table(reader: Connection, writer: Connection, table: Table, batch_rows: int) -> None:
    """Insert `table`'s rows in batches of plain dicts, in id order."""
    query = select(table).order_by(*table.primary_key.columns)
    result = reader.execute(query.execution_options(yield_per=batch_rows))
    for batch in result.mappings().partitions(batch_rows):
        writer.execute(table.insert(), [dict(row) for row in batch])


def _finish(writer: Connection, destination: DatabaseTarget, tables: list[Table]) -> None:
    """PostgreSQL: move each id sequence past the copied ids. SQLite: make sure no row
    points nowhere (foreign keys are on, so this is a second look)."""
    if writer.dialect.name == "postgresql":
        for table in tables:
            if "id" in table.c:
                _move_sequence(writer, table)
    elif writer.dialect.name == "sqlite":
        broken = writer.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise CopyError(
                f"The copy would leave {len(broken)} rows in {destination.display} pointing "
                "nowhere, so nothing was copied."
            )


SEQUENCE_STATEMENT = """
SELECT setval(sequence.id, COALESCE(MAX(copied.id), 1), MAX(copied.id) IS NOT NULL)
FROM (SELECT pg_get_serial_sequence(:table, 'id')::regclass AS id) AS sequence
LEFT JOIN {table} AS copied ON copied.id < 2147483648
WHERE sequence.id IS NOT NULL
GROUP BY sequence.id
"""
"""Move a table's id sequence to its largest id, so the next row gets a fresh one
(`setval(seq, max, true)`; an empty table's starts again at 1).

Only ids below 2**31 count: anonymous evaluation rows take random ids up to 2**53
(`facilitator.services.evaluations`) that no sequence gave, and the sequence goes on from
the largest of the others, as it would have in the app (a random id falls below 2**31
once in four million, and a collision with one is as unlikely as in the app). A table
without a sequence is left alone."""


def _move_sequence(writer: Connection, table: Table) -> None:
    quoted = writer.dialect.identifier_preparer.quote(table.name)
    writer.execute(text(SEQUENCE_STATEMENT.format(table=quoted)), {"table": quoted})


def count_rows(connection: Connection, table: Table) -> int:
    """`SELECT count(*)` of `table`."""
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def _matching_counts(reader: Connection, writer: Connection, tables: list[Table]) -> Copied:
    """Every table's count on both sides, before the destination commits; a difference
    raises CopyError naming the table, and the copy is rolled back."""
    counts = []
    for table in tables:
        have, copied = count_rows(reader, table), count_rows(writer, table)
        if have != copied:
            raise CopyError(
                f"Table {table.name} would hold {copied:,} rows in the copy but holds "
                f"{have:,} in the source, so nothing was copied."
            )
        counts.append((table.name, copied))
    return Copied(counts=tuple(counts))
