"""the search index merged into one segment per table

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-14 12:00:00.000000

SQLite: FTS5 writes its index in segments, one per transaction (or per megabyte or so
while 'rebuild' reads a table), and merges them a few at a time as more come in
('automerge'). Each segment repeats the terms it holds, so the index migration 0011
built was larger than it need be: at 10,000 meetings, 13.7 MB for 22.4 MB of indexed
text (61 %). 'optimize' merges each table's segments into one, keeping every entry:
13.3 MB (59 %). The entries are the same (`fts5vocab` reads them alike), so phrase and
prefix queries, bm25 ranking and snippets are untouched. The pages freed stay in the
file for what is written next; the file does not shrink.

The merge settings stay FTS5's own: rows added later go into small segments that
automerge folds in; 1,500 notes added after the merge and each edited three times, one
transaction a write, left the index at 59 % of the grown text (benchmarks/README.md,
"Search and history").

PostgreSQL: nothing to do; its GIN indexes (`ix_search_<table>`) are kept by the server.

The downgrade does nothing: the merged index is the one 0011 describes.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TABLES = (
    "search_meeting",
    "search_agenda_item",
    "search_note",
    "search_decision",
    "search_decision_option",
    "search_action_item",
    "search_parking_lot_item",
    "search_takeaway",
    "search_time_out",
    "search_evaluation_answer",
)
"""Migration 0011's FTS5 tables."""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for fts in SEARCH_TABLES:
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")


def downgrade() -> None:
    """Nothing to undo: the same entries, in fewer segments."""
