"""A database a service can read from and write to, one unit of work at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Engine, String, TypeDecorator, event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.types import TypeEngine
from sqlmodel import Session

from facilitator.domain.clean import clean_text
from facilitator.errors import DatabaseUnavailableError, first_line
from facilitator.store.engine import make_engine, write_engine
from facilitator.store.notify import announce, new_token
from facilitator.store.tables._base import Row
from facilitator.store.target import DatabaseTarget

NOW_KEY = "facilitator_now"


class Database:
    """The app's handle on its database; the engine is created on first use.

    `read()` yields a session for queries; `write(now=...)` yields one whose transaction
    begins IMMEDIATE, commits when the block ends and rolls back if it raises. Rows
    flushed in a write get `created_at`/`updated_at` from `now`. `commits` counts the
    writes committed through this handle, and `after_commit` (if set) is called after
    each, in the writing thread: the app uses both to show what was just saved.
    """

    def __init__(self, target: DatabaseTarget) -> None:
        self.target = target
        self._engine: Engine | None = None
        self._writer: Engine | None = None
        self._lock = threading.Lock()
        self.commits = 0
        self.after_commit: Callable[[], object] | None = None
        self.token = new_token()
        """Names this handle's commits in the notices other windows on a PostgreSQL
        database receive (`facilitator.store.notify`)."""

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = make_engine(self.target)
                self._writer = write_engine(self._engine)
            return self._engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; its transaction ends (rolled back) with the block.

        Rows read stay usable afterwards: closing the session detaches them with their
        loaded values instead of expiring them.
        """
        with (
            _unavailable_as_sentence(self.target, "read"),
            Session(self.engine, expire_on_commit=False, autoflush=False) as session,
        ):
            yield session

    @contextmanager
    def write(self, *, now: datetime) -> Iterator[Session]:
        """A unit of work: one transaction, committed at the end of the block."""
        self.engine  # noqa: B018 - make sure the write engine exists
        assert self._writer is not None
        with (
            _unavailable_as_sentence(self.target, "save to"),
            Session(self._writer, expire_on_commit=False) as session,
        ):
            session.info[NOW_KEY] = now
            try:
                yield session
                if not self.target.is_sqlite:
                    announce(session, self.token)
                session.commit()
            except BaseException:
                session.rollback()
                raise
            with self._lock:
                self.commits += 1
            if self.after_commit is not None:
                self.after_commit()

    def checkpoint(self) -> None:
        """Copy what the SQLite write-ahead log holds into the database file, without
        waiting for anyone (a passive checkpoint); nothing to do on PostgreSQL. See
        `facilitator.services.checkpoint` for who calls it and when."""
        if not self.target.is_sqlite:
            return
        with _unavailable_as_sentence(self.target, "save to"):
            connection = self.engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                cursor.close()
            finally:
                connection.close()

    def dispose(self) -> None:
        """Close pooled connections (the app calls this on exit)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()


@contextmanager
def _unavailable_as_sentence(target: DatabaseTarget, doing: str) -> Iterator[None]:
    """A locked, missing or unreachable database becomes a sentence, not a crash."""
    try:
        yield
    except OperationalError as error:
        raise DatabaseUnavailableError(
            f"Could not {doing} {target.display} ({first_line(error.orig or error)}); "
            "nothing was lost, try again in a moment."
        ) from error


def stamp_as(session: Session, when: datetime) -> None:
    """Rows this unit of work flushes from now on are stamped `when`, not its clock (an
    anonymous evaluation dates every row by its start, so no row says when it was
    written)."""
    session.info[NOW_KEY] = when


@event.listens_for(OrmSession, "before_flush")
def _stamp_rows(session: OrmSession, _context: Any, _instances: Any) -> None:
    now = session.info.get(NOW_KEY)
    for row in session.new:
        if isinstance(row, Row):
            _clean(row)
            if now is not None:
                row.created_at = row.created_at or now
                row.updated_at = now
    for row in session.dirty:
        if isinstance(row, Row) and session.is_modified(row):
            _clean(row)
            if now is not None:
                row.updated_at = now


def _clean(row: Row) -> None:
    """Drop control characters from the row's text (see `facilitator.domain.clean`).

    The services clean what people type where it comes in; this is the backstop that
    keeps the rule for every row written through the ORM, whatever path it took."""
    for name in _text_columns(type(row)):
        value = getattr(row, name)
        if isinstance(value, str) and not value.isprintable():
            cleaned = clean_text(value)
            if cleaned != value:
                setattr(row, name, cleaned)


@cache
def _text_columns(table: type[Row]) -> tuple[str, ...]:
    return tuple(column.key for column in sa_inspect(table).columns if _holds_text(column.type))


def _holds_text(kind: TypeEngine[Any]) -> bool:
    if isinstance(kind, TypeDecorator):  # SQLModel's AutoString wraps a String
        kind = kind.impl_instance
    return isinstance(kind, String)
