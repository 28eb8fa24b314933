"""anonymous evaluation rows' random ids in 64 bits on PostgreSQL

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 21:00:00.000000

The evaluation's anonymous rows take random ids up to 2**53; PostgreSQL's INTEGER holds
32 bits, and so do the sequences numbering the tables' other rows (a copy of a database
sets a sequence past the largest id, random or not). SQLite's INTEGER already holds 64,
so nothing changes there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("evaluation_response", "id"),
    ("evaluation_answer", "id"),
    ("evaluation_answer", "response_id"),
    ("evaluation_turn", "id"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
        if column == "id":
            op.execute(f"ALTER SEQUENCE {table}_id_seq AS bigint")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in reversed(COLUMNS):
        if column == "id":
            op.execute(f"ALTER SEQUENCE {table}_id_seq AS integer")
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
