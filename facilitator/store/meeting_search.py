"""The command palette's meeting search: every meeting of every active team.

It runs on each key typed in the palette, over however many meetings a school keeps, so
it is shaped for the index on the schedule: SQLite walks that index from the latest
meeting back and stops at `limit` matches, neither sorting nor joining row by row. The
few teams are read first; a word found in a team's name matches that team's meetings.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.store.quick_read import Reader, Row

ESCAPE = "\\"


def active_teams(reader: Reader) -> list[Row]:
    """(id, name) of every team not archived."""
    return reader.rows("SELECT id, name FROM team WHERE archived_at IS NULL ORDER BY id")


def find_meetings(
    reader: Reader,
    *,
    team_ids: Sequence[int],
    words: Sequence[tuple[str, Sequence[int]]],
    limit: int,
) -> list[Row]:
    """(id, title, team id, status, scheduled start, started at) of the meetings of
    `team_ids`, latest first, that match each of `words`: its `LIKE` pattern in the
    title, or the meeting belongs to one of the word's teams (whose name holds it)."""
    if not team_ids:
        return []
    # The unary plus keeps SQLite from reading by team (then sorting every meeting of
    # the team): the schedule index gives the order, and the limit ends the walk.
    conditions = [f"+m.team_id IN ({_ids(team_ids)})"]
    params: dict[str, object] = {"limit": limit}
    for index, (pattern, word_teams) in enumerate(words):
        params[f"w{index}"] = pattern
        condition = f"m.title {reader.like} :w{index} ESCAPE '{ESCAPE}'"
        if word_teams:
            condition = f"({condition} OR +m.team_id IN ({_ids(word_teams)}))"
        conditions.append(condition)
    return reader.rows(
        f"""
        SELECT m.id, m.title, m.team_id, m.status, m.scheduled_start, m.started_at
          FROM meeting AS m
         WHERE {" AND ".join(conditions)}
         ORDER BY m.scheduled_start DESC, m.id DESC
         LIMIT :limit
        """,
        params,
    )


def _ids(ids: Sequence[int]) -> str:
    # Whole numbers read from the database, written into the statement (a list of
    # parameters of varying length would make the statement differ anyway).
    return ", ".join(str(int(value)) for value in ids)
