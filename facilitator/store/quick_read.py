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
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
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
    with _sqlite_errors(target):
        sqlite = _open_sqlite(target.path)
        try:
            with _snapshot(sqlite) as read:
                yield read
        finally:
            sqlite.close()


class KeptReader:
    """Readers on one database through a connection kept from one read to the next,
    for a screen that reads again and again (the search box asks on every key).

    On SQLite the connection keeps its schema parsed, its FTS5 tables open and its
    statements compiled (Python's sqlite3 caches them by their text), which a fresh
    connection pays for on every read. Each read is still one snapshot (BEGIN …
    ROLLBACK) and between reads the connection holds no transaction, so it never holds
    back a WAL checkpoint nor reads stale data. After an error the connection is closed
    and the next read opens another. On PostgreSQL it keeps an engine, whose pool keeps
    the connection.

    Reads take turns under a lock. The screen's thread workers run on the event loop's
    pool of threads, any of them, and a replaced worker may still be finishing its read
    when the next one starts; one connection (`check_same_thread` off, the lock letting
    one thread at a time use it) keeps one warm cache, where a connection per thread
    would warm up several, each paying on its first reads. `close` waits for a read
    under way; a read after it (a worker that was late) has a connection of its own,
    closed when it ends, so nothing is left open."""

    def __init__(self, target: DatabaseTarget) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self._engine: Any = None
        self._closed = False

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """A reader whose statements all see one snapshot, as `reader` gives."""
        with self._lock:
            if self._closed:
                with reader(self.target) as read:
                    yield read
                return
            if self.target.path is None:
                with self._server_reader() as server:
                    yield server
                return
            with _sqlite_errors(self.target):
                try:
                    if self._sqlite is None:
                        self._sqlite = _open_sqlite(self.target.path)
                    with _snapshot(self._sqlite) as read:
                        yield read
                except sqlite3.Error:
                    self._close()
                    raise

    @contextmanager
    def _server_reader(self) -> Iterator[Reader]:
        from sqlalchemy.exc import OperationalError

        from facilitator.store.engine import make_engine

        if self._engine is None:
            self._engine = make_engine(self.target)
        try:
            with self._engine.connect() as connection:
                yield _SQLAlchemyReader(connection)
        except OperationalError as error:
            raise _server_unavailable(self.target, error) from error

    def close(self) -> None:
        """Close the connection (and engine), after the read under way if any."""
        with self._lock:
            self._closed = True
            self._close()

    def _close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _open_sqlite(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


@contextmanager
def _snapshot(connection: sqlite3.Connection) -> Iterator[Reader]:
    """A reader on `connection` in one read transaction, ended however the read ends
    (the connection is in autocommit mode: outside it, it holds no snapshot)."""
    connection.execute("BEGIN")
    try:
        yield _SQLiteReader(connection)
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")


@contextmanager
def _sqlite_errors(target: DatabaseTarget) -> Iterator[None]:
    try:
        yield
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
        raise _server_unavailable(target, error) from error
    finally:
        engine.dispose()


def _server_unavailable(target: DatabaseTarget, error: Any) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        f"Could not read {target.display} ({first_line(error.orig or error)}); "
        "try again in a moment."
    )


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
