"""Adding one row to a test's database and getting its id back (the store tests of
search, history and the places of search results build their worlds this way)."""

from __future__ import annotations

from sqlmodel import SQLModel

from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW


def add(db: Database, row: SQLModel) -> int:
    """Store `row` in its own unit of work, stamped at FROZEN_NOW; its id."""
    with db.write(now=FROZEN_NOW) as session:
        session.add(row)
        session.flush()
        return int(row.id)  # type: ignore[attr-defined]
