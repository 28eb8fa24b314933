"""What the home screen shows."""

from __future__ import annotations

from datetime import datetime, tzinfo

from facilitator.domain.overview import ActionSummary, HomeOverview, MeetingSummary, TeamSummary
from facilitator.store.database import Database
from facilitator.store.repo import followup, meetings, teams
from facilitator.store.tables import Meeting, row_id

LIST_LIMIT = 50


def load_home(
    db: Database, *, team_id: int | None, now: datetime, tz: tzinfo | None
) -> HomeOverview:
    """Teams, upcoming and recent meetings, open action items and the parking-lot count."""
    today = now.astimezone(tz).date()
    with db.read() as session:
        counts = teams.member_counts(session)
        team_rows = teams.active_teams(session)
        if team_id is not None and team_id not in {team.id for team in team_rows}:
            team_id = None
        upcoming = meetings.upcoming(session, team_id=team_id, limit=LIST_LIMIT)
        recent = meetings.recent(session, team_id=team_id, limit=LIST_LIMIT)
        actions = followup.open_actions(session, team_id=team_id, limit=LIST_LIMIT)
        open_count, overdue_count = followup.action_counts(session, team_id=team_id, today=today)
        parking = followup.open_parking_count(session, team_id=team_id)
    return HomeOverview(
        teams=tuple(
            TeamSummary(
                id=row_id(t), name=t.name, purpose=t.purpose, member_count=counts.get(row_id(t), 0)
            )
            for t in team_rows
        ),
        team_id=team_id,
        upcoming=tuple(meeting_summary(m, name) for m, name in upcoming),
        recent=tuple(meeting_summary(m, name) for m, name in recent),
        open_actions=tuple(
            ActionSummary(
                id=row_id(item),
                team_name=team_name,
                what=item.what,
                owner=owner or item.owner_name,
                due_date=item.due_date,
            )
            for item, team_name, owner in actions
        ),
        open_action_count=open_count,
        overdue_action_count=overdue_count,
        open_parking_count=parking,
    )


def meeting_summary(meeting: Meeting, team_name: str) -> MeetingSummary:
    """A meeting row as a plain value."""
    return MeetingSummary(
        id=row_id(meeting),
        team_id=meeting.team_id,
        team_name=team_name,
        title=meeting.title,
        scheduled_start=meeting.scheduled_start,
        planned_minutes=meeting.planned_minutes,
        location=meeting.location,
        status=meeting.status,
        closed_at=meeting.closed_at,
        minutes_sent_at=meeting.minutes_sent_at,
    )
