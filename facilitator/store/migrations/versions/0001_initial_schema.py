"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 15:28:36.430425
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_name"), ["name"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("goals", sa.String(), nullable=False),
        sa.Column("scheduled_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("template_id", sa.String(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("minutes_corrected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("minutes_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_meeting_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_scheduled_start"), ["scheduled_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_status"), ["status"], unique=False)
        batch_op.create_index("ix_meeting_team_start", ["team_id", "scheduled_start"], unique=False)

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("position", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_member_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_team_id"), ["team_id"], unique=False)

    op.create_table(
        "norm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("pack_norm_id", sa.String(), nullable=True),
        sa.Column("prompt_category", sa.String(), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_norm_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norm")),
    )
    with op.batch_alter_table("norm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_norm_team_id"), ["team_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("goal", sa.String(), nullable=False),
        sa.Column("presenter_member_id", sa.Integer(), nullable=True),
        sa.Column("presenter_name", sa.String(), nullable=True),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("extra_seconds", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("process_id", sa.String(), nullable=True),
        sa.Column("facilitator_notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_member_id"],
            ["member.id"],
            name=op.f("fk_agenda_item_presenter_member_id_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agenda_item_meeting_position", ["meeting_id", "position"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_item_presenter_member_id"), ["presenter_member_id"], unique=False
        )

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("guest_name", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_attendance_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_member_id"), ["member_id"], unique=False)

    op.create_table(
        "communication_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key_message", sa.String(), nullable=False),
        sa.Column("stakeholders", sa.String(), nullable=False),
        sa.Column("messenger_member_id", sa.Integer(), nullable=True),
        sa.Column("messenger_name", sa.String(), nullable=True),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("timeline", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_communication_entry_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["messenger_member_id"],
            ["member.id"],
            name=op.f("fk_communication_entry_messenger_member_id_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communication_entry")),
    )
    with op.batch_alter_table("communication_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_communication_entry_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_communication_entry_messenger_member_id"),
            ["messenger_member_id"],
            unique=False,
        )

    op.create_table(
        "evaluation_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("instrument_id", sa.String(), nullable=False),
        sa.Column("respondent_member_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_evaluation_response_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["respondent_member_id"],
            ["member.id"],
            name=op.f("fk_evaluation_response_respondent_member_id_member"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_evaluation_response_team_id_team"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_response")),
    )
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_response_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluation_response_respondent_member_id"),
            ["respondent_member_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_evaluation_response_team_instrument", ["team_id", "instrument_id"], unique=False
        )

    op.create_table(
        "next_agenda_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_next_agenda_entry_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_next_agenda_entry_team_id_team"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_agenda_entry")),
    )
    with op.batch_alter_table("next_agenda_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_next_agenda_entry_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            "ix_next_agenda_entry_team_status", ["team_id", "status"], unique=False
        )

    op.create_table(
        "role_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("guest_name", sa.String(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_role_assignment_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_role_assignment_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_assignment")),
    )
    with op.batch_alter_table("role_assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_role_assignment_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_role_assignment_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "takeaway",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_takeaway_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takeaway")),
    )
    with op.batch_alter_table("takeaway", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_takeaway_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "agenda_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=True),
        sa.Column("media_ranges", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_step_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_step")),
    )
    with op.batch_alter_table("agenda_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_step_agenda_item_id"), ["agenda_item_id"], unique=False
        )

    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=True),
        sa.Column("continuum_point", sa.Integer(), nullable=True),
        sa.Column("decider_member_id", sa.Integer(), nullable=True),
        sa.Column("threshold_percent", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_decision_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decider_member_id"], ["member.id"], name=op.f("fk_decision_decider_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_decision_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_decision_decider_member_id"), ["decider_member_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_decision_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "evaluation_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["evaluation_response.id"],
            name=op.f("fk_evaluation_answer_response_id_evaluation_response"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_answer")),
    )
    with op.batch_alter_table("evaluation_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_answer_response_id"), ["response_id"], unique=False
        )

    op.create_table(
        "norms_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_norms_check_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_norms_check_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norms_check")),
    )
    with op.batch_alter_table("norms_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_norms_check_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_norms_check_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_note_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_note_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_note_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "process_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("progress", sa.String(), nullable=False),
        sa.Column("everyone_in", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_process_check_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_process_check_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_check")),
    )
    with op.batch_alter_table("process_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_process_check_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_process_check_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "speaker_turn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_speaker_turn_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_speaker_turn_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_speaker_turn_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_turn")),
    )
    with op.batch_alter_table("speaker_turn", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speaker_turn_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_speaker_turn_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_speaker_turn_member_id"), ["member_id"], unique=False)

    op.create_table(
        "time_out",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_time_out_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_time_out_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_out")),
    )
    with op.batch_alter_table("time_out", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_time_out_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_time_out_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "timer_segment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_timer_segment_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_timer_segment_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer_segment")),
    )
    with op.batch_alter_table("timer_segment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_timer_segment_item_start", ["agenda_item_id", "started_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timer_segment_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("owner_member_id", sa.Integer(), nullable=True),
        sa.Column("owner_name", sa.String(), nullable=True),
        sa.Column("owner_to_be_decided", sa.Boolean(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_action_item_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_action_item_decision_id_decision"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_item_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_member_id"], ["member.id"], name=op.f("fk_action_item_owner_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_action_item_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_item_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_item_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_item_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_item_owner_member_id"), ["owner_member_id"], unique=False
        )
        batch_op.create_index("ix_action_item_team_status", ["team_id", "status"], unique=False)

    op.create_table(
        "decision_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_decision_option_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_option")),
    )
    with op.batch_alter_table("decision_option", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_option_decision_id"), ["decision_id"], unique=False
        )

    op.create_table(
        "norms_check_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("norms_check_id", sa.Integer(), nullable=False),
        sa.Column("norm_id", sa.Integer(), nullable=False),
        sa.Column("reading", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["norm_id"], ["norm.id"], name=op.f("fk_norms_check_rating_norm_id_norm")
        ),
        sa.ForeignKeyConstraint(
            ["norms_check_id"],
            ["norms_check.id"],
            name=op.f("fk_norms_check_rating_norms_check_id_norms_check"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norms_check_rating")),
    )
    with op.batch_alter_table("norms_check_rating", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_norms_check_rating_norm_id"), ["norm_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_norms_check_rating_norms_check_id"), ["norms_check_id"], unique=False
        )

    op.create_table(
        "parking_lot_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("raised_by_member_id", sa.Integer(), nullable=True),
        sa.Column("raised_by_name", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("disposition_note", sa.String(), nullable=False),
        sa.Column("disposed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("action_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_item.id"],
            name=op.f("fk_parking_lot_item_action_item_id_action_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_parking_lot_item_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_parking_lot_item_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_member_id"],
            ["member.id"],
            name=op.f("fk_parking_lot_item_raised_by_member_id_member"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_parking_lot_item_team_id_team"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parking_lot_item")),
    )
    with op.batch_alter_table("parking_lot_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_parking_lot_item_action_item_id"), ["action_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_parking_lot_item_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_parking_lot_item_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_parking_lot_item_raised_by_member_id"),
            ["raised_by_member_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_parking_lot_item_team_status", ["team_id", "status"], unique=False
        )

    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("blocks", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_vote_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_vote_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["decision_option.id"],
            name=op.f("fk_vote_option_id_decision_option"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
    )
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vote_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vote_option_id"), ["option_id"], unique=False)

    op.create_table(
        "carry_forward",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("action_item_id", sa.Integer(), nullable=True),
        sa.Column("parking_lot_item_id", sa.Integer(), nullable=True),
        sa.Column("next_agenda_entry_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_item.id"],
            name=op.f("fk_carry_forward_action_item_id_action_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_carry_forward_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["next_agenda_entry_id"],
            ["next_agenda_entry.id"],
            name=op.f("fk_carry_forward_next_agenda_entry_id_next_agenda_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parking_lot_item_id"],
            ["parking_lot_item.id"],
            name=op.f("fk_carry_forward_parking_lot_item_id_parking_lot_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carry_forward")),
    )
    with op.batch_alter_table("carry_forward", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_carry_forward_action_item_id"), ["action_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_carry_forward_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_carry_forward_next_agenda_entry_id"),
            ["next_agenda_entry_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_carry_forward_parking_lot_item_id"),
            ["parking_lot_item_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("carry_forward", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carry_forward_parking_lot_item_id"))
        batch_op.drop_index(batch_op.f("ix_carry_forward_next_agenda_entry_id"))
        batch_op.drop_index(batch_op.f("ix_carry_forward_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_carry_forward_action_item_id"))

    op.drop_table("carry_forward")
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_option_id"))
        batch_op.drop_index(batch_op.f("ix_vote_member_id"))
        batch_op.drop_index(batch_op.f("ix_vote_decision_id"))

    op.drop_table("vote")
    with op.batch_alter_table("parking_lot_item", schema=None) as batch_op:
        batch_op.drop_index("ix_parking_lot_item_team_status")
        batch_op.drop_index(batch_op.f("ix_parking_lot_item_raised_by_member_id"))
        batch_op.drop_index(batch_op.f("ix_parking_lot_item_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_parking_lot_item_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_parking_lot_item_action_item_id"))

    op.drop_table("parking_lot_item")
    with op.batch_alter_table("norms_check_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_norms_check_rating_norms_check_id"))
        batch_op.drop_index(batch_op.f("ix_norms_check_rating_norm_id"))

    op.drop_table("norms_check_rating")
    with op.batch_alter_table("decision_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_option_decision_id"))

    op.drop_table("decision_option")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index("ix_action_item_team_status")
        batch_op.drop_index(batch_op.f("ix_action_item_owner_member_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_due_date"))
        batch_op.drop_index(batch_op.f("ix_action_item_decision_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_agenda_item_id"))

    op.drop_table("action_item")
    with op.batch_alter_table("timer_segment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timer_segment_meeting_id"))
        batch_op.drop_index("ix_timer_segment_item_start")

    op.drop_table("timer_segment")
    with op.batch_alter_table("time_out", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_out_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_time_out_agenda_item_id"))

    op.drop_table("time_out")
    with op.batch_alter_table("speaker_turn", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaker_turn_member_id"))
        batch_op.drop_index(batch_op.f("ix_speaker_turn_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_speaker_turn_agenda_item_id"))

    op.drop_table("speaker_turn")
    with op.batch_alter_table("process_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_process_check_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_process_check_agenda_item_id"))

    op.drop_table("process_check")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_note_agenda_item_id"))

    op.drop_table("note")
    with op.batch_alter_table("norms_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_norms_check_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_norms_check_agenda_item_id"))

    op.drop_table("norms_check")
    with op.batch_alter_table("evaluation_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_answer_response_id"))

    op.drop_table("evaluation_answer")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_decision_decider_member_id"))
        batch_op.drop_index(batch_op.f("ix_decision_agenda_item_id"))

    op.drop_table("decision")
    with op.batch_alter_table("agenda_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_step_agenda_item_id"))

    op.drop_table("agenda_step")
    with op.batch_alter_table("takeaway", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_takeaway_meeting_id"))

    op.drop_table("takeaway")
    with op.batch_alter_table("role_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_assignment_member_id"))
        batch_op.drop_index(batch_op.f("ix_role_assignment_meeting_id"))

    op.drop_table("role_assignment")
    with op.batch_alter_table("next_agenda_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_next_agenda_entry_team_status")
        batch_op.drop_index(batch_op.f("ix_next_agenda_entry_meeting_id"))

    op.drop_table("next_agenda_entry")
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.drop_index("ix_evaluation_response_team_instrument")
        batch_op.drop_index(batch_op.f("ix_evaluation_response_respondent_member_id"))
        batch_op.drop_index(batch_op.f("ix_evaluation_response_meeting_id"))

    op.drop_table("evaluation_response")
    with op.batch_alter_table("communication_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_communication_entry_messenger_member_id"))
        batch_op.drop_index(batch_op.f("ix_communication_entry_meeting_id"))

    op.drop_table("communication_entry")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_member_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_presenter_member_id"))
        batch_op.drop_index("ix_agenda_item_meeting_position")

    op.drop_table("agenda_item")
    with op.batch_alter_table("norm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_norm_team_id"))

    op.drop_table("norm")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_team_id"))

    op.drop_table("member")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_team_start")
        batch_op.drop_index(batch_op.f("ix_meeting_status"))
        batch_op.drop_index(batch_op.f("ix_meeting_scheduled_start"))

    op.drop_table("meeting")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_name"))

    op.drop_table("team")
