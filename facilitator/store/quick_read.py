"""Plain-SQL reads for the screen that must appear fast.

The home screen is the first thing a person sees; loading SQLAlchemy's ORM and SQLModel
costs about half a second, several times what Textual needs to start. So the home
overview is read with plain SQL over the DB-API: on SQLite with the standard library's
`sqlite3` (no SQLAlchemy at all), on PostgreSQL through a SQLAlchemy connection. The
statements use `:name` parameters, which both accept, and only portable SQL. Everything
else goes through the ORM repositories.

Values come back as the driver gives them; `to_datetime` and `to_date` turn SQLite's
text into the same aware UTC datetimes and dates PostgreSQL returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, Protocol

from facilitator.errors import DatabaseUnavailableError, first_line
from facilitator.store.sqlite_file import BUSY_TIMEOUT_MS
from facilitator.store.target import DatabaseTarget

Row = Sequence[Any]


class Reader(Protocol):
    """Runs a read-only statement with named parameters and returns its rows."""

    like: str
    """The operator that matches a pattern in any case: SQLite's LIKE ignores the case
    of ASCII letters; PostgreSQL's LIKE does not, its ILIKE does."""

    dialect: str
    """"sqlite" or "postgresql", for the few statements the two spell differently."""

    def rows(self, sql: str, params: Mapping[str, object] | None = None) -> list[Row]: ...


class _SQLiteReader:
    like = "LIKE"
    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Mapping[str, object] | None = None) -> list[Row]:
        values = {key: _sqlite_value(value) for key, value in (params or {}).items()}
        return self.connection.execute(sql, values).fetchall()


class _SQLAlchemyReader:
    like = "ILIKE"
    dialect = "postgresql"

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Mapping[str, object] | None = None) -> list[Row]:
        from sqlalchemy import text

        return list(self.connection.execute(text(sql), dict(params or {})).all())


@contextmanager
def reader(target: DatabaseTarget) -> Iterator[Reader]:
    """A reader on `target` whose statements all see one snapshot of the database."""
    if target.path is None:
        with _sqlalchemy_reader(target) as server:
            yield server
        return
    try:
        sqlite = sqlite3.connect(target.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            sqlite.execute("PRAGMA query_only = ON")
            sqlite.execute("BEGIN")
            yield _SQLiteReader(sqlite)
            sqlite.execute("ROLLBACK")
        finally:
            sqlite.close()
    except sqlite3.OperationalError as error:
        raise DatabaseUnavailableError(
            f"Could not read {target.display} ({error}); try again in a moment."
        ) from error


@contextmanager
def _sqlalchemy_reader(target: DatabaseTarget) -> Iterator[Reader]:
    from sqlalchemy.exc import OperationalError

    from facilitator.store.engine import make_engine

    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            yield _SQLAlchemyReader(connection)
    except OperationalError as error:
        raise DatabaseUnavailableError(
            f"Could not read {target.display} ({first_line(error.orig or error)}); "
            "try again in a moment."
        ) from error
    finally:
        engine.dispose()


def to_datetime(value: object) -> datetime | None:
    """A stored timestamp as an aware UTC datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def to_date(value: object) -> date | None:
    """A stored date as a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _sqlite_value(value: object) -> object:
    # Stored the way SQLAlchemy stores them on SQLite: ISO dates, naive-UTC timestamps.
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value
