"""a decision due for review can be carried forward onto an agenda (carry_forward links
an agenda item to the decision it reviews)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("carry_forward", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_carry_forward_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_carry_forward_decision_id_decision"),
            "decision",
            ["decision_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("carry_forward", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_carry_forward_decision_id_decision"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_carry_forward_decision_id"))
        batch_op.drop_column("decision_id")
