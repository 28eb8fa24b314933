"""Bulk inserts for the history database (`history_db.py`): rows straight to the
driver, and the search index rebuilt once instead of row by row, then merged as
migration 0013 merges it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Dialect, Table, text
from sqlalchemy.orm import Session

Values = dict[str, Any]


def insert_rows(session: Session, table: Table, rows: Sequence[Values]) -> None:
    """`rows` (all with the same columns) in one executemany straight to the driver:
    SQLAlchemy's per-row work for a compiled insert costs more than SQLite's own."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = tuple(rows[0])
    processors = [_processor(table, name, dialect) for name in names]
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    params = [
        tuple(
            value if process is None else process(value)
            for value, process in zip((row[name] for name in names), processors, strict=True)
        )
        for row in rows
    ]
    connection.exec_driver_sql(sql, params)


def _processor(table: Table, name: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column's bind processor, remembering its answers: most values repeat (every
    row's timestamps are `now`), and a UTC timestamp costs microseconds to convert."""
    process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
    return None if process is None else cache(process)


@contextmanager
def index_rebuilt_after(session: Session) -> Iterator[None]:
    """Inside the block, rows go in without the search index's insert triggers; after
    it, each index is rebuilt from its table (FTS5 'rebuild'), merged into one segment
    ('optimize', as migration 0013 leaves a database it upgrades) and the triggers are
    created again from their own stored SQL. The index holds the same entries as if the
    triggers had fired (tests/unit/test_bench_history_db.py checks it), about five
    times faster."""
    found = session.execute(
        text(
            "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger'"
            " AND name LIKE 'search%insert'"
        )
    ).all()
    for name, _, _ in found:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _name, sql, table in found:
        fts = f"search_{table}"
        session.execute(text(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')"))
        session.execute(text(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')"))
        session.execute(text(sql))
