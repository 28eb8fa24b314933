"""The parking-lot list's queries, in plain SQL (see `quick_read`)."""

from __future__ import annotations

from facilitator.domain.enums import ParkingStatus
from facilitator.store.quick_read import Reader, Row


def parking_entries(reader: Reader, *, team_id: int | None) -> list[Row]:
    """Every parking-lot entry of team `team_id` (None: of every team not archived),
    open ones first, then the newest meeting's first: (id, text, raised by, status,
    disposition note, meeting id, meeting title, scheduled start, started at, team
    name). The meeting's columns are NULL once it was deleted (the entry stays)."""
    team = "p.team_id = :team_id" if team_id is not None else "t.archived_at IS NULL"
    return reader.rows(
        f"""
        SELECT p.id, p.text, COALESCE(mb.name, p.raised_by_name, ''), p.status,
               p.disposition_note, m.id, m.title, m.scheduled_start, m.started_at, t.name
          FROM parking_lot_item AS p
          JOIN team AS t ON t.id = p.team_id
          LEFT JOIN member AS mb ON mb.id = p.raised_by_member_id
          LEFT JOIN meeting AS m ON m.id = p.meeting_id
         WHERE {team}
         ORDER BY CASE WHEN p.status = :open THEN 0 ELSE 1 END,
                  COALESCE(m.started_at, m.scheduled_start, p.created_at) DESC, p.id DESC
        """,
        {"open": ParkingStatus.OPEN.value, "team_id": team_id},
    )


def team_name(reader: Reader, *, team_id: int) -> str | None:
    """The name of team `team_id`; None if there is none."""
    rows = reader.rows("SELECT name FROM team WHERE id = :team_id", {"team_id": team_id})
    return str(rows[0][0]) if rows else None
