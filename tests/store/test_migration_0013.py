"""Revision 0013 merges each FTS5 search table into one segment ('optimize'): a
populated database taken back to 0012, its index written in several segments by notes
added one transaction at a time, keeps the same entries, passes FTS5's integrity check
and answers phrase, prefix and ranked searches with the same rows and snippets; after
it, another 'optimize' has nothing left to merge. On PostgreSQL it changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, text

from facilitator.services.search import search
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.migrate import alembic_config, upgrade
from facilitator.store.target import DatabaseTarget

TABLES = (
    "meeting",
    "agenda_item",
    "note",
    "decision",
    "decision_option",
    "action_item",
    "parking_lot_item",
    "takeaway",
    "time_out",
    "evaluation_answer",
)
QUERIES = ('"norms aloud"', "norm*", "meet", "goals OR time")
"""A phrase, a prefix, a common word and an OR, each ranked by bm25."""


def downgrade_to_0012(target: DatabaseTarget) -> None:
    engine = make_engine(target, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0012")
    finally:
        engine.dispose()


def add_notes_one_by_one(target: DatabaseTarget, count: int) -> None:
    """Notes in separate transactions: each writes a segment of its own."""
    engine = make_engine(target)
    try:
        for number in range(count):
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO note (id, created_at, updated_at, meeting_id, body)"
                        " SELECT :id, created_at, updated_at, meeting_id, body || :tail"
                        " FROM note ORDER BY id LIMIT 1"
                    ),
                    {"id": 9_000_000 + number, "tail": f" norms aloud, round {number}"},
                )
    finally:
        engine.dispose()


def read(target: DatabaseTarget, reader: Any) -> Any:
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            return reader(connection)
    finally:
        engine.dispose()


def entries(connection: Connection) -> dict[str, list[Any]]:
    """Every search table's entries (term, row, column, offset), read through fts5vocab,
    after FTS5's own integrity check of the table."""
    found = {}
    for table in TABLES:
        fts = f"search_{table}"
        connection.execute(text(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"))
        vocabulary = f"temp.v_{fts}"
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary}"
                f" USING fts5vocab(main, {fts}, instance)"
            )
        )
        found[fts] = list(
            connection.execute(
                text(f"SELECT term, doc, col, offset FROM {vocabulary} ORDER BY 1, 2, 3, 4")
            )
        )
    return found


def note_searches(connection: Connection) -> dict[str, list[Any]]:
    return {
        query: list(
            connection.execute(
                text(
                    "SELECT rowid, bm25(search_note), highlight(search_note, 0, '[', ']'),"
                    " snippet(search_note, 0, '[', ']', '…', 8) FROM search_note"
                    " WHERE search_note MATCH :query ORDER BY bm25(search_note), rowid"
                ),
                {"query": query},
            )
        )
        for query in QUERIES
    }


def unmerged(connection: Connection) -> list[str]:
    """The search tables that an 'optimize' would still change (tried, then undone)."""
    found = []
    for table in TABLES:
        fts = f"search_{table}"
        blocks = f"SELECT id, block FROM {fts}_data ORDER BY id"
        before = list(connection.execute(text(blocks)))
        with connection.begin_nested() as trial:
            connection.execute(text(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')"))
            if list(connection.execute(text(blocks))) != before:
                found.append(fts)
            trial.rollback()
    return found


@pytest.mark.sqlite_only  # the FTS5 tables are SQLite's; PostgreSQL's GIN indexes stay
def test_the_upgrade_merges_the_index_and_keeps_its_entries(demo_db: Database) -> None:
    target = demo_db.target
    demo_db.dispose()
    downgrade_to_0012(target)
    add_notes_one_by_one(target, 6)
    before = read(target, entries)
    searches = read(target, note_searches)
    assert "search_note" in read(target, unmerged)
    assert all(searches.values())

    upgrade(target)

    assert read(target, entries) == before
    assert read(target, note_searches) == searches
    assert read(target, unmerged) == []


def test_searches_find_the_same_after_the_upgrade(demo_db: Database) -> None:
    target = demo_db.target
    demo_db.dispose()
    downgrade_to_0012(target)
    before = search(target, "norms aloud", as_you_type=False)

    upgrade(target)

    after = search(target, "norms aloud", as_you_type=False)
    assert after == before
    assert before.results
