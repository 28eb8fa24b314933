"""The recorder's notes."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import Update, bindparam, update
from sqlmodel import Session, col, select

from facilitator.store.tables import Note


def replace_note_body(
    session: Session, *, meeting_id: int, item_id: int, body: str, now: datetime
) -> bool:
    """Put `body` in the item's note in one UPDATE; False if the item has no note yet.

    An autosave runs this at every pause in typing, so it skips the ORM's load and
    flush: one prepared statement, no row objects, less than half the time."""
    values = {"meeting": meeting_id, "item": item_id, "body": body, "now": now}
    # On the session's connection, so the ORM's statement handling is skipped too.
    result = session.connection().execute(_replace_body(), values)
    return result.rowcount > 0


def note_body(session: Session, *, meeting_id: int, item_id: int) -> str | None:
    """The item's notes as stored (None when it has none yet)."""
    query = select(Note.body).where(Note.meeting_id == meeting_id, Note.agenda_item_id == item_id)
    return session.exec(query).first()


@cache
def _replace_body() -> Update:
    # Built once: composing the statement was a fifth of each save's time.
    return (
        update(Note)
        .where(
            col(Note.meeting_id) == bindparam("meeting"),
            col(Note.agenda_item_id) == bindparam("item"),
        )
        .values(body=bindparam("body"), updated_at=bindparam("now"))
    )
