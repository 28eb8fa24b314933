"""decisions recorded by their method: threshold, quorum, secret ballot, dots, rounds,
positions, the reason for the method, rationale and review date; a decision item's
planned method and continuum point

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 13:38:44.881881
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_method", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("continuum_point", sa.Integer(), nullable=True))

    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("method_reason", sa.String(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("threshold_kind", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("quorum", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("ballot_yes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("ballot_no", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("ballot_abstain", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("dot_budget", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("voting_round", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column("anonymous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("after_block", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("fallback_method", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("rationale", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("review_on", sa.Date(), nullable=True))

    with op.batch_alter_table("decision_option", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("voting_round", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(sa.Column("gives", sa.String(), nullable=False, server_default=""))

    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.add_column(sa.Column("choice", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column("voting_round", sa.Integer(), nullable=False, server_default="1")
        )

    # A vote that blocked consensus (the one position recorded before) says so.
    op.execute("UPDATE vote SET choice = 'block' WHERE blocks")


def downgrade() -> None:
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_column("voting_round")
        batch_op.drop_column("choice")

    with op.batch_alter_table("decision_option", schema=None) as batch_op:
        batch_op.drop_column("gives")
        batch_op.drop_column("voting_round")

    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_column("review_on")
        batch_op.drop_column("rationale")
        batch_op.drop_column("fallback_method")
        batch_op.drop_column("after_block")
        batch_op.drop_column("anonymous")
        batch_op.drop_column("voting_round")
        batch_op.drop_column("dot_budget")
        batch_op.drop_column("ballot_abstain")
        batch_op.drop_column("ballot_no")
        batch_op.drop_column("ballot_yes")
        batch_op.drop_column("quorum")
        batch_op.drop_column("threshold_kind")
        batch_op.drop_column("method_reason")

    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_column("continuum_point")
        batch_op.drop_column("decision_method")
