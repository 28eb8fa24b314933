"""What the home screen shows, read without loading the ORM (see `store.quick_read`)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from facilitator.domain.overview import ActionSummary, HomeOverview, MeetingSummary, TeamSummary
from facilitator.store import home_queries as queries
from facilitator.store.quick_read import Row, reader, to_date, to_datetime
from facilitator.store.target import DatabaseTarget

LIST_LIMIT = 50
REVIEW_LIMIT = 3
"""Decisions due for review named on the home screen (the rest are counted)."""


def load_home(
    target: DatabaseTarget, *, team_id: int | None, now: datetime, tz: tzinfo | None
) -> HomeOverview:
    """Teams, upcoming and recent meetings, open action items, the parking-lot count and
    the decisions due for review.

    `team_id` narrows everything to one team; an unknown or archived team means all.
    """
    today = now.astimezone(tz).date()
    with reader(target) as read:
        teams = [
            TeamSummary(id=row[0], name=row[1], purpose=row[2], member_count=int(row[3]))
            for row in queries.active_teams(read)
        ]
        if team_id not in {team.id for team in teams}:
            team_id = None
        upcoming = queries.upcoming_meetings(read, team_id=team_id, limit=LIST_LIMIT)
        recent = queries.recent_meetings(read, team_id=team_id, limit=LIST_LIMIT)
        actions = queries.open_actions(read, team_id=team_id, limit=LIST_LIMIT)
        open_count, overdue_count = queries.action_counts(read, team_id=team_id, today=today)
        parking = queries.open_parking_count(read, team_id=team_id)
        reviews = queries.review_due_decisions(
            read, team_id=team_id, today=today, limit=REVIEW_LIMIT
        )
    return HomeOverview(
        teams=tuple(teams),
        team_id=team_id,
        upcoming=tuple(_meeting(row) for row in upcoming),
        recent=tuple(_meeting(row) for row in recent),
        open_actions=tuple(
            ActionSummary(
                id=row[0], team_name=row[1], what=row[2], owner=row[3], due_date=to_date(row[4])
            )
            for row in actions
        ),
        open_action_count=open_count,
        overdue_action_count=overdue_count,
        open_parking_count=parking,
        review_due_count=int(reviews[0][1]) if reviews else 0,
        review_due=tuple(row[0] for row in reviews),
    )


def _meeting(row: Row) -> MeetingSummary:
    start = to_datetime(row[4])
    assert start is not None, "scheduled_start is NOT NULL"
    return MeetingSummary(
        id=row[0],
        team_id=row[1],
        team_name=row[2],
        title=row[3],
        scheduled_start=start,
        planned_minutes=row[5],
        location=row[6],
        status=row[7],
        closed_at=to_datetime(row[8]),
        minutes_sent_at=to_datetime(row[9]),
        held_at=to_datetime(row[10]),
        minutes_corrected_at=to_datetime(row[11]),
        evaluated=bool(row[12]),
    )
