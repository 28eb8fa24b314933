"""The SQLAlchemy engine and the settings two processes need to share one SQLite file.

- WAL mode: a projector window can read while the recorder writes.
- A busy timeout: a writer waits for the other process instead of failing at once.
- Foreign keys on (off only while migrating, see `facilitator.store.migrate`).
- Every write transaction starts with BEGIN IMMEDIATE. A deferred transaction that reads
  and then writes fails with "database is locked" the moment another process has
  committed in between, whatever the timeout; taking the write lock up front makes the
  busy timeout apply instead.

pysqlite's own transaction handling is switched off (isolation_level = None) so that
these BEGINs are ours, which also makes DDL transactional for migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from facilitator.errors import DatabaseLocationError, first_line
from facilitator.store.sqlite_file import BUSY_TIMEOUT_MS
from facilitator.store.target import DatabaseTarget

BEGIN_OPTION = "facilitator_begin"
"""Execution option naming how a SQLite transaction begins: DEFERRED or IMMEDIATE."""


def make_engine(target: DatabaseTarget, *, foreign_keys: bool = True) -> Engine:
    """An engine for `target`, configured as described in this module's docstring."""
    # hide_parameters keeps the values of a failed statement (people's notes and names)
    # out of error messages and so out of crash logs.
    if not target.is_sqlite:
        return create_engine(target.url, pool_pre_ping=True, hide_parameters=True)
    engine = create_engine(
        target.url,
        hide_parameters=True,
        # Workers open sessions from threads, so a pooled connection may be used by
        # another thread than the one that opened it (never by two at once).
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    _configure_sqlite(engine, foreign_keys=foreign_keys)
    return engine


def connect_engine(target: DatabaseTarget) -> Engine:
    """`make_engine`, with a driver that is not installed said in a sentence."""
    try:
        return make_engine(target)
    except ModuleNotFoundError as error:
        raise DatabaseLocationError(
            f"The database driver '{error.name}' is not installed; install it to use "
            f"{target.display} (pip install 'facilitator[postgres]')."
        ) from None


@contextmanager
def reachable(target: DatabaseTarget) -> Iterator[None]:
    """A server that cannot be reached (or refuses the login, or has no such database)
    becomes a sentence; the driver's first line never holds the password."""
    try:
        yield
    except SQLAlchemyError as error:
        cause = first_line(getattr(error, "orig", None) or error)
        raise DatabaseLocationError(
            f"Cannot reach the database at {target.display} ({cause}); {_advice(cause)}."
        ) from None


def _advice(cause: str) -> str:
    """What to do about a server's refusal, from the driver's words for it."""
    if "database" in cause and "does not exist" in cause:
        return "create that database on the server (createdb NAME) or correct its name"
    if "password" in cause or "role" in cause or "authentication" in cause:
        return "check the user name and password in the URL"
    return "check that the server is running and that the URL's host and port are right"


def write_engine(engine: Engine) -> Engine:
    """The same engine, but its transactions begin with BEGIN IMMEDIATE on SQLite."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
