"""Many new rows in one statement per table.

An imported agenda or minutes file, a copied agenda or a batch of carried-forward items
can be hundreds of rows. Written one ORM object at a time they cost a statement each
(SQLite cannot hand back new ids in order from a multi-row INSERT, so SQLAlchemy falls
back to one INSERT per row) plus the ORM's bookkeeping, and the write lock is held all
the while. Here the rows are plain column values, built before the unit of work opens,
and each table gets one executemany.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Dialect, Table, bindparam, func, insert, select, update
from sqlmodel import Session

from facilitator.store.database import NOW_KEY
from facilitator.store.tables._base import Row

Values = dict[str, Any]
"""A row's column values, by column name."""

_STAMPS = ("id", "created_at", "updated_at")


def new_row(table: type[Row], **given: Any) -> Values:
    """Column values for a new row of `table`: `given` over the columns' own defaults
    (None where a column may be empty). `insert_rows` adds the id and timestamps."""
    return {**_defaults(table), **given}


def insert_rows(session: Session, table: type[Row], rows: Sequence[Values]) -> list[int]:
    """Insert `rows` (from `new_row`, all with the same columns) inside an open unit of
    work, stamped with its clock, in one statement; the new ids, in the rows' order."""
    if not rows:
        return []
    now = session.info[NOW_KEY]
    core = core_table(table)
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        stamped = [{**row, "created_at": now, "updated_at": now} for row in rows]
        returning = insert(core).returning(core.c.id, sort_by_parameter_order=True)
        return list(session.scalars(returning, stamped))
    # The unit of work began with BEGIN IMMEDIATE, so no one else can insert until it
    # commits: number the rows after the largest id, as SQLite would (the ids are plain
    # INTEGER PRIMARY KEYs, not AUTOINCREMENT).
    last = session.execute(select(func.max(core.c.id))).scalar_one() or 0
    ids = range(last + 1, last + 1 + len(rows))
    names = tuple(rows[0])
    sql, convert = _statement(connection.dialect, core, names)
    stamp = convert["created_at"](now) if "created_at" in convert else now
    params = [
        [key, stamp, stamp, *(row[name] for name in names)]
        for key, row in zip(ids, rows, strict=True)
    ]
    for index, name in enumerate(names, start=3):
        if name in convert:
            processor = convert[name]
            for values in params:
                values[index] = processor(values[index])
    # Straight to the driver's executemany: SQLAlchemy's per-row bookkeeping for a
    # compiled insert costs more than SQLite's own work here.
    connection.exec_driver_sql(sql, [tuple(values) for values in params])
    return list(ids)


def update_rows(session: Session, table: type[Row], ids: Sequence[int], **values: Any) -> None:
    """Set the same `values` on the rows with these ids, in one statement stamped with
    the unit of work's clock."""
    if ids:
        core = core_table(table)
        changes = {**values, "updated_at": session.info[NOW_KEY]}
        session.execute(update(core).where(core.c.id.in_(ids)).values(changes))


def update_each(session: Session, table: type[Row], rows: Sequence[Values]) -> None:
    """Set each row's own values (dicts of its "id" and the same columns for every row),
    in one executemany stamped with the unit of work's clock."""
    if not rows:
        return
    core = core_table(table)
    names = [name for name in rows[0] if name != "id"]
    changes: dict[str, Any] = {name: bindparam(f"new_{name}") for name in (*names, "updated_at")}
    statement = update(core).where(core.c.id == bindparam("row_id")).values(changes)
    now = session.info[NOW_KEY]
    params = [
        {"row_id": row["id"], "new_updated_at": now, **{f"new_{n}": row[n] for n in names}}
        for row in rows
    ]
    session.execute(statement, params)


def _statement(
    dialect: Dialect, core: Table, names: tuple[str, ...]
) -> tuple[str, dict[str, Callable[[Any], Any]]]:
    """The INSERT for these columns (after the id and the timestamps), and the conversion
    of a Python value into what the driver takes, for the columns that need one."""
    columns = ("id", "created_at", "updated_at", *names)
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(core.name)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    convert: dict[str, Callable[[Any], Any]] = {}
    for name in columns:
        processor = core.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            convert[name] = processor
    return sql, convert


def core_table(table: type[Row]) -> Table:
    """The SQLAlchemy core table of a table class, for queries of plain columns."""
    core = getattr(table, "__table__", None)
    assert isinstance(core, Table), f"{table.__name__} is not a table"
    return core


@cache
def _defaults(table: type[Row]) -> Values:
    defaults: Values = {}
    for column in core_table(table).columns:
        if column.key in _STAMPS:
            continue
        default = column.default
        if default is not None and default.is_scalar:
            defaults[column.key] = default.arg  # type: ignore[attr-defined]
        elif column.nullable:
            defaults[column.key] = None
    return defaults
