"""meetings ordered from an index: when held, else when planned

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-12 12:00:00.000000

A meeting is dated by when it was held, else when it is planned for
(`facilitator.domain.meeting_date`). "When held" was `started_at`, else the earliest
start of the meeting's timer segments: the fallback covered minutes imported without
`started_at`. A subquery cannot be indexed, so the home screen sorted every closed
meeting to show the latest 50.

Now `started_at` is set whenever a segment exists (the live clock sets it on the first
start, the minutes import from the earliest segment), and this migration backfills it
where it was missing, so "when held" is the column itself and the moment is
`COALESCE(started_at, scheduled_start)`: indexed with the id as a tie-break
(`ix_meeting_moment`), and after the team for one team's list
(`ix_meeting_team_moment`). Both dialects index the expression alike.

The downgrade drops the indexes; the backfilled `started_at` stays (it is what the
older code computed anyway).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MOMENT = "COALESCE(started_at, scheduled_start)"

BACKFILL = """
    UPDATE meeting
       SET started_at = (SELECT MIN(s.started_at) FROM timer_segment AS s
                          WHERE s.meeting_id = meeting.id)
     WHERE started_at IS NULL
       AND EXISTS (SELECT 1 FROM timer_segment AS s WHERE s.meeting_id = meeting.id)
"""


def upgrade() -> None:
    op.execute(BACKFILL)
    op.create_index("ix_meeting_moment", "meeting", [sa.text(MOMENT), "id"])
    op.create_index("ix_meeting_team_moment", "meeting", ["team_id", sa.text(MOMENT), "id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_team_moment", table_name="meeting")
    op.drop_index("ix_meeting_moment", table_name="meeting")
