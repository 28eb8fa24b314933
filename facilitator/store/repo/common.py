"""Lookups every repository needs."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session

from facilitator.errors import NotFoundError

RowT = TypeVar("RowT")


def fetch(session: Session, table: type[RowT], key: int, what: str) -> RowT:
    """The row of `table` with id `key`; NotFoundError ("There is no meeting 7.") if none."""
    found = session.get(table, key)
    if found is None:
        raise NotFoundError(f"There is no {what} {key}.")
    return found
