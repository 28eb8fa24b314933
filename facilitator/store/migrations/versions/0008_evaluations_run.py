"""evaluations run after a meeting: the instruments chosen, how responses are collected,
anonymity, whose turn is under way, and the members who have had their turn

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 16:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "evaluation",
        *_stamps(),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("instruments", sa.String(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("turn_member_id", sa.Integer(), nullable=True),
        sa.Column("turn_responses", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_evaluation_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["turn_member_id"], ["member.id"], name=op.f("fk_evaluation_turn_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "evaluation_turn",
        *_stamps(),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_turn_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_evaluation_turn_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_turn")),
    )
    with op.batch_alter_table("evaluation_turn", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_turn_evaluation_id"), ["evaluation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluation_turn_member_id"), ["member_id"], unique=False
        )

    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evaluation_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_evaluation_response_evaluation_id"), ["evaluation_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_evaluation_response_evaluation_id_evaluation"),
            "evaluation",
            ["evaluation_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_evaluation_response_evaluation_id_evaluation"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_evaluation_response_evaluation_id"))
        batch_op.drop_column("evaluation_id")
    with op.batch_alter_table("evaluation_turn", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_turn_member_id"))
        batch_op.drop_index(batch_op.f("ix_evaluation_turn_evaluation_id"))
    op.drop_table("evaluation_turn")
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_meeting_id"))
    op.drop_table("evaluation")
