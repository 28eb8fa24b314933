"""The home screen's queries (see `quick_read` for why they are plain SQL)."""

from __future__ import annotations

from datetime import date

from facilitator.domain.enums import ActionStatus, MeetingStatus, ParkingStatus
from facilitator.store.quick_read import Reader, Row

HELD_AT = "m.started_at"
"""When meeting `m` was held (`facilitator.domain.meeting_date.held_at`), NULL before:
the first start of its clock (set whenever a segment exists; migration 0012)."""

MEETING_MOMENT = "COALESCE(m.started_at, m.scheduled_start)"
"""What meetings are dated and ordered by: when held, else when planned. Spelled as the
indexes `ix_meeting_moment` and `ix_meeting_team_moment` spell it, so they serve it."""

MEETING_COLUMNS = f"""
    m.id, m.team_id, t.name, m.title, m.scheduled_start, m.planned_minutes, m.location,
    m.status, m.closed_at, m.minutes_sent_at, {HELD_AT}, m.minutes_corrected_at,
    EXISTS (SELECT 1 FROM evaluation_response AS er WHERE er.meeting_id = m.id)
"""


def _for_team(column: str, team_id: int | None) -> str:
    return f" AND {column} = :team_id" if team_id is not None else ""


def _unindexed(reader: Reader, column: str) -> str:
    """`column` as SQLite's planner must not look it up by an index (a unary plus).

    Without statistics SQLite takes any equality on an index for a few rows, so it
    reads `status IN (...)` from `ix_meeting_status` and then sorts every meeting found;
    reading a moment index in order and skipping the few that do not match is far
    cheaper. PostgreSQL chooses by its statistics (and has no unary plus on text)."""
    return f"+{column}" if reader.dialect == "sqlite" else column


def active_teams(reader: Reader) -> list[Row]:
    """(id, name, purpose, active member count) of every team not archived, by name."""
    return reader.rows(
        """
        SELECT t.id, t.name, t.purpose,
               (SELECT COUNT(*) FROM member AS mb
                 WHERE mb.team_id = t.id AND mb.archived_at IS NULL)
          FROM team AS t
         WHERE t.archived_at IS NULL
         ORDER BY t.name, t.id
        """
    )


def upcoming_meetings(reader: Reader, *, team_id: int | None, limit: int) -> list[Row]:
    """Meetings still to run (planned or running), soonest first (a running one by when
    it started): MEETING_COLUMNS. Read by status and sorted: they are few, while the
    moment indexes would pass every meeting held before the first one still to run."""
    return reader.rows(
        f"""
        SELECT {MEETING_COLUMNS}
          FROM meeting AS m JOIN team AS t ON t.id = m.team_id
         WHERE m.status IN (:planned, :running) AND t.archived_at IS NULL
               {_for_team(_unindexed(reader, "m.team_id"), team_id)}
         ORDER BY {MEETING_MOMENT}, m.id
         LIMIT :limit
        """,
        {
            "planned": MeetingStatus.PLANNED.value,
            "running": MeetingStatus.RUNNING.value,
            "team_id": team_id,
            "limit": limit,
        },
    )


def recent_meetings(reader: Reader, *, team_id: int | None, limit: int) -> list[Row]:
    """Closed meetings (and those reopened for corrections), the latest held first:
    MEETING_COLUMNS. Read newest first from a moment index, never sorted."""
    return reader.rows(
        f"""
        SELECT {MEETING_COLUMNS}
          FROM meeting AS m JOIN team AS t ON t.id = m.team_id
         WHERE {_unindexed(reader, "m.status")} IN (:closed, :reopened)
               AND t.archived_at IS NULL {_for_team("m.team_id", team_id)}
         ORDER BY {MEETING_MOMENT} DESC, m.id DESC
         LIMIT :limit
        """,
        {
            "closed": MeetingStatus.CLOSED.value,
            "reopened": MeetingStatus.REOPENED.value,
            "team_id": team_id,
            "limit": limit,
        },
    )


def open_actions(reader: Reader, *, team_id: int | None, limit: int) -> list[Row]:
    """(id, team name, what, owner, due date) of open action items, earliest due first,
    undated last; the owner is the member's name or the name typed for an outsider."""
    return reader.rows(
        f"""
        SELECT a.id, t.name, a.what, COALESCE(mb.name, a.owner_name), a.due_date
          FROM action_item AS a
          JOIN team AS t ON t.id = a.team_id
          LEFT JOIN member AS mb ON mb.id = a.owner_member_id
         WHERE a.status = :open AND t.archived_at IS NULL
               {_for_team("a.team_id", team_id)}
         ORDER BY CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id
         LIMIT :limit
        """,
        {"open": ActionStatus.OPEN.value, "team_id": team_id, "limit": limit},
    )


def action_counts(reader: Reader, *, team_id: int | None, today: date) -> tuple[int, int]:
    """(open, overdue) action items."""
    rows = reader.rows(
        f"""
        SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.due_date < :today THEN 1 ELSE 0 END), 0)
          FROM action_item AS a JOIN team AS t ON t.id = a.team_id
         WHERE a.status = :open AND t.archived_at IS NULL
               {_for_team("a.team_id", team_id)}
        """,
        {"open": ActionStatus.OPEN.value, "today": today, "team_id": team_id},
    )
    total, overdue = rows[0]
    return int(total), int(overdue)


def open_parking_count(reader: Reader, *, team_id: int | None) -> int:
    """Parking-lot items still waiting for a disposition."""
    rows = reader.rows(
        f"""
        SELECT COUNT(*)
          FROM parking_lot_item AS p JOIN team AS t ON t.id = p.team_id
         WHERE p.status = :open AND t.archived_at IS NULL
               {_for_team("p.team_id", team_id)}
        """,
        {"open": ParkingStatus.OPEN.value, "team_id": team_id},
    )
    return int(rows[0][0])


def review_due_decisions(
    reader: Reader, *, team_id: int | None, today: date, limit: int
) -> list[Row]:
    """(question, how many are due) of the decisions whose review date has come and
    whose review is on no agenda yet, the earliest review date first; one statement,
    the count alike on every row (no rows: none are due)."""
    return reader.rows(
        f"""
        SELECT d.question, COUNT(*) OVER ()
          FROM decision AS d
          JOIN meeting AS m ON m.id = d.meeting_id
          JOIN team AS t ON t.id = m.team_id
         WHERE d.review_on <= :today AND t.archived_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM carry_forward AS c WHERE c.decision_id = d.id)
               {_for_team("m.team_id", team_id)}
         ORDER BY d.review_on, d.id
         LIMIT :limit
        """,
        {"today": today, "team_id": team_id, "limit": limit},
    )
