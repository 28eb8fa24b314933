"""Creating teams."""

from __future__ import annotations

from datetime import datetime

from facilitator.domain.team_draft import TeamDraft, team_problems
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.repo import teams
from facilitator.store.tables import row_id


def create_team(db: Database, *, draft: TeamDraft, pack: Pack, now: datetime) -> int:
    """Save a new team with its members and norms in one transaction; return its id.

    Raises InvalidInput (nothing saved) when the draft breaks a rule.
    """
    with db.write(now=now) as session:
        existing = [team.name for team in teams.active_teams(session)]
        problems = team_problems(draft, existing)
        unknown = [norm_id for norm_id in draft.pack_norm_ids if norm_id not in pack.norms]
        if unknown:
            problems["norms"] = f"The content pack has no norm called {unknown[0]}."
        if problems:
            raise InvalidInput(problems)
        team = teams.add_team(
            session,
            name=draft.name.strip(),
            purpose=draft.purpose.strip(),
            kind=pack.team_kind(draft.kind),
        )
        team_id = row_id(team)
        for _, member in draft.filled_members():
            teams.add_member(
                session,
                team_id=team_id,
                name=member.name.strip(),
                position=member.position.strip(),
                email=member.email.strip() or None,
            )
        position = 0
        for norm_id in draft.pack_norm_ids:
            norm = pack.norms[norm_id]
            teams.add_norm(
                session,
                team_id=team_id,
                text=norm.name,
                detail=norm.practice,
                pack_norm_id=norm_id,
                position=position,
            )
            position += 1
        for text in draft.cleaned_custom_norms():
            teams.add_norm(session, team_id=team_id, text=text, position=position)
            position += 1
        return team_id
