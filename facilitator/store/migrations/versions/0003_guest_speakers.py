"""guest speakers: a speaker turn is a member's or a guest's (by name)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 04:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("speaker_turn", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guest_name", sa.String(), nullable=True))
        batch_op.alter_column("member_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # A guest's turns cannot be kept without a member to hold them.
    op.execute("DELETE FROM speaker_turn WHERE member_id IS NULL")
    with op.batch_alter_table("speaker_turn", schema=None) as batch_op:
        batch_op.alter_column("member_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("guest_name")
