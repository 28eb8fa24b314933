"""Meetings found by their words, for the command palette (read without the ORM)."""

from __future__ import annotations

from datetime import tzinfo

from facilitator.domain.meeting_search import MeetingMatch, like_pattern
from facilitator.store.meeting_search import active_teams, find_meetings
from facilitator.store.quick_read import reader, to_datetime
from facilitator.store.target import DatabaseTarget

PALETTE_LIMIT = 20
"""More than the palette shows at once; a person types another word to narrow it."""


def search_meetings(
    target: DatabaseTarget, query: str, *, tz: tzinfo | None, limit: int = PALETTE_LIMIT
) -> list[MeetingMatch]:
    """Meetings of every active team whose title or team name holds every word of
    `query` (any case, any order), latest first; an empty query gives the latest."""
    with reader(target) as read:
        teams = {int(row[0]): str(row[1]) for row in active_teams(read)}
        words = [
            (like_pattern(word), [id for id, name in teams.items() if word in name.casefold()])
            for word in query.casefold().split()
        ]
        rows = find_meetings(read, team_ids=list(teams), words=words, limit=limit)
    matches = []
    for meeting_id, title, team_id, status, scheduled, started in rows:
        moment = to_datetime(started) or to_datetime(scheduled)
        assert moment is not None, "scheduled_start is NOT NULL"
        matches.append(
            MeetingMatch(
                id=meeting_id,
                title=title,
                team_name=teams[team_id],
                status=status,
                day=moment.astimezone(tz).date(),
            )
        )
    return matches
