"""What every table shares: an integer id and created/updated timestamps (UTC)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from facilitator.store.types import UTCDateTime

# Named constraints let a later batch migration on SQLite find and drop them by name.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_field(*, nullable: bool = False, index: bool = False) -> datetime:
    """A timezone-aware UTC timestamp column (see `UTCDateTime`)."""
    default = None if nullable else ...
    result: datetime = Field(default=default, sa_type=UTCDateTime, nullable=nullable, index=index)
    return result


class Row(SQLModel):
    """Base of every table.

    `created_at` and `updated_at` are filled from the unit of work's clock when the row
    is flushed (see `facilitator.store.database`), so repositories never forget them.
    """

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=False)


def row_id(row: Row) -> int:
    """The id of a row that has been flushed (always set once stored)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet; flush it first")
    return row.id
