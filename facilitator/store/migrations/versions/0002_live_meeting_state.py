"""live meeting state: the item on the clock, the warning threshold, each item's step

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:55:20.559817
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Server defaults fill the rows that exist already.
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("current_step", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("step_started_seconds", sa.Float(), nullable=False, server_default="0")
        )

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("current_item_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("warning_seconds", sa.Integer(), nullable=False, server_default="120")
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("warning_seconds")
        batch_op.drop_column("current_item_id")

    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_column("step_started_seconds")
        batch_op.drop_column("current_step")
