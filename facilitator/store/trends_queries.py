"""The trends' queries, in plain SQL (see `quick_read`).

A team's trends read its whole history of ratings and norms checks when a person asks
for them. Through the ORM, the first reading of a session also paid for configuring
the mappers and compiling each statement, about as long again as the reading itself;
plain SQL pays for the reading alone. A rated item's mean and count are worked out by
the database: a long history holds tens of thousands of answers.
"""

from __future__ import annotations

from facilitator.store.home_queries import HELD_AT, MEETING_MOMENT
from facilitator.store.quick_read import Reader, Row


def team_name(reader: Reader, *, team_id: int) -> str | None:
    """The team's name; None if there is no team `team_id`."""
    rows = reader.rows("SELECT name FROM team WHERE id = :team_id", {"team_id": team_id})
    return str(rows[0][0]) if rows else None


def trended_meetings(reader: Reader, *, team_id: int) -> list[Row]:
    """(id, title, scheduled_start, held_at) of the team's meetings with a response
    saved or a norms check taken, in the order they were held."""
    return reader.rows(
        f"""
        SELECT m.id, m.title, m.scheduled_start, {HELD_AT}
          FROM meeting AS m
         WHERE m.team_id = :team_id
           AND (m.id IN (SELECT er.meeting_id FROM evaluation_response AS er
                          WHERE er.team_id = :team_id)
                OR m.id IN (SELECT nc.meeting_id FROM norms_check AS nc))
         ORDER BY {MEETING_MOMENT}, m.id
        """,
        {"team_id": team_id},
    )


def item_means(reader: Reader, *, team_id: int, instrument: str) -> list[Row]:
    """(meeting id, item id, mean score, how many scored it) for every item of
    `instrument` scored at a meeting of the team. The meeting's results count the
    same: every score given to the item, one per response. (One instrument at a time:
    the database groups the answers by sorting them, and smaller keys sort faster, a
    quarter of the time on a long history.)"""
    return reader.rows(
        """
        SELECT r.meeting_id, a.item_id, AVG(a.score), COUNT(a.score)
          FROM evaluation_answer AS a
          JOIN evaluation_response AS r ON r.id = a.response_id
         WHERE r.team_id = :team_id AND r.instrument_id = :instrument
           AND r.meeting_id IS NOT NULL AND a.score IS NOT NULL
         GROUP BY r.meeting_id, a.item_id
        """,
        {"team_id": team_id, "instrument": instrument},
    )


def team_norms(reader: Reader, *, team_id: int) -> list[Row]:
    """(id, text, retired_at) of every norm of the team, retired ones too, in its order."""
    return reader.rows(
        """
        SELECT n.id, n.text, n.retired_at FROM norm AS n
         WHERE n.team_id = :team_id
         ORDER BY n.position, n.id
        """,
        {"team_id": team_id},
    )


def norm_readings(reader: Reader, *, team_id: int) -> list[Row]:
    """(meeting id, norm id, reading) of every norms check taken at a meeting of the team."""
    return reader.rows(
        """
        SELECT c.meeting_id, r.norm_id, r.reading
          FROM norms_check_rating AS r
          JOIN norms_check AS c ON c.id = r.norms_check_id
          JOIN meeting AS m ON m.id = c.meeting_id
         WHERE m.team_id = :team_id
        """,
        {"team_id": team_id},
    )
