"""Fill a database with the demo teams (see `facilitator.services.demo.data`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from facilitator.pack.loader import Pack
from facilitator.services.demo import data
from facilitator.services.demo.builder import Builder
from facilitator.services.demo.earlier import earlier_meeting
from facilitator.services.demo.history import earlier_history
from facilitator.services.demo.upcoming import next_meeting, second_team
from facilitator.store.database import Database
from facilitator.store.repo import meetings as meeting_repo
from facilitator.store.repo import teams as team_repo
from facilitator.store.tables import row_id


@dataclass(frozen=True)
class DemoResult:
    """What `fill_demo` did: the demo team, its next meeting, and whether it was new."""

    team_id: int
    meeting_id: int | None
    created: bool


def fill_demo(db: Database, *, pack: Pack, now: datetime, tz: tzinfo | None) -> DemoResult:
    """Add the demo teams unless the demo team is already there; one transaction."""
    with db.write(now=now) as session:
        existing = team_repo.find_team_by_name(session, name=data.DEMO_TEAM)
        if existing is not None:
            upcoming = meeting_repo.next_meeting_of(session, team_id=row_id(existing))
            meeting_id = row_id(upcoming) if upcoming else None
            return DemoResult(team_id=row_id(existing), meeting_id=meeting_id, created=False)
        builder = Builder(session, pack, now, tz)
        team_id = builder.team(
            data.DEMO_TEAM, data.DEMO_PURPOSE, "school-learning-team", data.MEMBERS
        )
        norm_ids = builder.norms(team_id, list(pack.norms), data.CUSTOM_NORMS)
        links = earlier_meeting(builder, team_id, norm_ids)
        meeting_id = next_meeting(builder, team_id, links)
        leaders = builder.members
        second_team(builder)
        # Added last so the meetings above keep their ids (1 to 3); see history.py.
        builder.members = leaders
        earlier_history(builder, team_id, norm_ids)
        return DemoResult(team_id=team_id, meeting_id=meeting_id, created=True)
