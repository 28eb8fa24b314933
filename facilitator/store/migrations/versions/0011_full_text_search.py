"""full-text search over meetings, items, notes, decisions and follow-ups

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10 12:00:00.000000

SQLite: one FTS5 table per searchable table, `search_<table>`, holding no text of its own
(external content: content='<table>', content_rowid='id'), kept in step by three
triggers (after insert, after delete, after an update of a searched column). The
tokenizer stems English words ("benchmarks" is found by "benchmark") and folds accents
and case: 'porter unicode61 remove_diacritics 2'. The index is built for the rows there
already ('rebuild').

PostgreSQL: a GIN index per searchable table on the 'english' `to_tsvector` of its
searched columns, `ix_search_<table>`; the server keeps it in step by itself. Accents
are not folded there (`unaccent` is not immutable, and not always installed).

A later migration that rebuilds one of these tables on SQLite (a batch alter copies
it) drops its triggers with it: it must create them again (`sqlite_triggers`).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = {
    "meeting": ("title", "purpose", "goals"),
    "agenda_item": ("title", "goal"),
    "note": ("body",),
    "decision": ("question", "outcome", "rationale"),
    "decision_option": ("text",),
    "action_item": ("what",),
    "parking_lot_item": ("text", "disposition_note"),
    "takeaway": ("text",),
    "time_out": ("note",),
    "evaluation_answer": ("text",),
}
"""Each searchable table and its searched columns (all NOT NULL text)."""

TOKENIZE = "porter unicode61 remove_diacritics 2"


def sqlite_triggers(table: str, columns: Sequence[str]) -> list[str]:
    """The statements creating the triggers that keep `search_<table>` in step."""
    fts = f"search_{table}"
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    remove = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {names} ON {table} "
        f"BEGIN {remove} {add} END",
    ]


def postgresql_document(columns: Sequence[str]) -> str:
    """The indexed expression; a query must spell it the same to use the index."""
    joined = " || ' ' || ".join(columns)
    return f"to_tsvector('english'::regconfig, {joined})"


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, columns in SEARCHED.items():
        if postgresql:
            op.execute(
                f"CREATE INDEX ix_search_{table} ON {table} "
                f"USING gin (({postgresql_document(columns)}))"
            )
            continue
        fts = f"search_{table}"
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, "
            f"content='{table}', content_rowid='id', tokenize='{TOKENIZE}')"
        )
        for statement in sqlite_triggers(table, columns):
            op.execute(statement)
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in reversed(SEARCHED):
        if postgresql:
            op.execute(f"DROP INDEX ix_search_{table}")
            continue
        for event in ("update", "delete", "insert"):
            op.execute(f"DROP TRIGGER search_{table}_{event}")
        op.execute(f"DROP TABLE search_{table}")
