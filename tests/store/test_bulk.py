"""Bulk inserts (`facilitator.store.bulk`): rows written in one statement are stored
exactly as the ORM stores them, get ids in order after the largest, and are stamped
with the unit of work's clock."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from facilitator.store.bulk import insert_rows, new_row
from facilitator.store.database import Database
from facilitator.store.tables import ActionItem, Team
from tests.conftest import FROZEN_NOW


def stored(db: Database, action_id: int) -> tuple[object, ...]:
    """The action's row as SQLite holds it (text, not Python values)."""
    with db.read() as session:
        row = session.execute(
            text(
                "SELECT created_at, updated_at, due_date, done_at, owner_to_be_decided, status "
                "FROM action_item WHERE id = :id"
            ),
            {"id": action_id},
        ).one()
    return tuple(row)


def test_bulk_rows_are_stored_as_the_orm_stores_them(db: Database) -> None:
    done = FROZEN_NOW - timedelta(days=1)
    values: dict[str, Any] = {
        "what": "Share the rubric",
        "due_date": date(2026, 12, 1),
        "done_at": done,
        "owner_to_be_decided": True,
        "status": "done",
    }
    with db.write(now=FROZEN_NOW) as session:
        team = Team(name="Team", purpose="")
        session.add(team)
        session.flush()
        assert team.id is not None
        by_orm = ActionItem(team_id=team.id, **values)
        session.add(by_orm)
        session.flush()
        (in_bulk, after) = insert_rows(
            session,
            ActionItem,
            [new_row(ActionItem, team_id=team.id, **values) for _ in range(2)],
        )

    assert by_orm.id is not None
    assert (in_bulk, after) == (by_orm.id + 1, by_orm.id + 2)
    assert stored(db, in_bulk) == stored(db, by_orm.id)
    with db.read() as session:
        read = session.get(ActionItem, in_bulk)
        assert read is not None
        assert (read.created_at, read.updated_at, read.done_at) == (FROZEN_NOW, FROZEN_NOW, done)
        assert (read.due_date, read.owner_to_be_decided, read.owner_name) == (
            date(2026, 12, 1),
            True,
            None,
        )


def test_no_rows_is_no_statement(db: Database) -> None:
    with db.write(now=FROZEN_NOW) as session:
        assert insert_rows(session, ActionItem, []) == []
