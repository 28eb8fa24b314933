"""A team with a known history for the trends' tests (service, command line, screen and
snapshots): three meetings evaluated with the Effective Team Assessment and norms-checked,
and one still to come, on an empty database, so the figures do not move when the demo's
history does.

FROZEN_NOW is Monday 23 November 2026. The team's meetings were held on 7 September,
5 October and 2 November 2026; its December meeting is planned for the 7th.

- September: trust rated 3 and 4 (3.5), goals 5; "Listen to understand" read partly
  and, in a second check, not honoured (25%); "Start and end on time" honoured (100%).
- October: trust 5 and 6 (5.5), goals not rated; two checks read "Listen to
  understand" honoured and partly (75%).
- November: trust 6, goals 4 and 5 (4.5); "Listen to understand" honoured (100%),
  "Phones away" (retired since) not honoured (0%).

October's plus/delta has a comment and no rating. The team's name has square brackets:
it is shown literally, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from facilitator.domain.enums import MeetingStatus, NormReading
from facilitator.domain.planning import MeetingDraft
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.planning import create_meeting
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import (
    EvaluationAnswer,
    EvaluationResponse,
    Meeting,
    Norm,
    NormsCheck,
    NormsCheckRating,
    row_id,
)
from tests.conftest import FROZEN_NOW, TZ

TEAM = "Oak Street [b]PLC[/b]"
TEAM_ASSESSMENT = "effective-team-assessment"
TRUST, GOALS = "trust-and-conflict-resolution", "goals-and-objectives"
LISTEN, ON_TIME, PHONES = "Listen to understand", "Start and end on time", "Phones away"
HELD = {"September": "2026-09-07", "October": "2026-10-05", "November": "2026-11-02"}
SCORES = {
    "September": {TRUST: [3, 4], GOALS: [5]},
    "October": {TRUST: [5, 6]},
    "November": {TRUST: [6], GOALS: [4, 5]},
}
H, P, N = NormReading.HONOURED, NormReading.PARTLY, NormReading.NOT_HONOURED
CHECKS: dict[str, list[dict[str, NormReading]]] = {
    "September": [{LISTEN: P, ON_TIME: H}, {LISTEN: N}],
    "October": [{LISTEN: H}, {LISTEN: P}],
    "November": [{LISTEN: H, PHONES: N}],
}


@dataclass(frozen=True)
class TrendsData:
    """The ids the tests refer to."""

    team_id: int
    meetings: dict[str, int]
    """By month: September, October, November (held) and December (planned)."""
    norms: dict[str, int]


def fill_trends(db: Database, pack: Pack) -> TrendsData:
    """Add the team and meetings the module's docstring tells of."""
    draft = TeamDraft(
        name=TEAM,
        members=(MemberDraft("Ana"), MemberDraft("Ben")),
        custom_norms=(LISTEN, ON_TIME, PHONES),
    )
    team_id = create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)
    meetings = {
        month: create_meeting(
            db,
            team_id=team_id,
            draft=MeetingDraft(f"{month} PLC meeting", day, "15:30"),
            pack=pack,
            now=FROZEN_NOW,
            tz=TZ,
        ).id
        for month, day in (*HELD.items(), ("December", "2026-12-07"))
    }
    with db.write(now=FROZEN_NOW) as session:
        team_norms = session.exec(select(Norm).where(Norm.team_id == team_id)).all()
        norms = {norm.text: row_id(norm) for norm in team_norms}
        for month in HELD:
            _hold(session, meetings[month], team_id, month, norms)
        for norm in team_norms:
            norm.retired_at = FROZEN_NOW if norm.text == PHONES else None
    return TrendsData(team_id, meetings, norms)


def _hold(
    session: Session, meeting_id: int, team_id: int, month: str, norms: dict[str, int]
) -> None:
    """The meeting held and closed on its day, its ratings and its norms checks."""
    add, flush = session.add, session.flush
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    start = datetime.fromisoformat(HELD[month]).replace(hour=15, minute=30, tzinfo=UTC)
    meeting.started_at, meeting.ended_at = start, start + timedelta(hours=1)
    meeting.closed_at, meeting.status = start + timedelta(hours=1), MeetingStatus.CLOSED
    for item_id, scores in SCORES[month].items():
        for score in scores:
            response = EvaluationResponse(
                team_id=team_id,
                meeting_id=meeting_id,
                instrument_id=TEAM_ASSESSMENT,
                submitted_at=start,
            )
            add(response)
            flush()
            add(EvaluationAnswer(response_id=row_id(response), item_id=item_id, score=score))
    if month == "October":
        comment = EvaluationResponse(
            team_id=team_id, meeting_id=meeting_id, instrument_id="plus-delta", submitted_at=start
        )
        add(comment)
        flush()
        add(EvaluationAnswer(response_id=row_id(comment), item_id="plus", text="Good pace."))
    for number, readings in enumerate(CHECKS[month]):
        check = NormsCheck(meeting_id=meeting_id, checked_at=start + timedelta(minutes=10 * number))
        add(check)
        flush()
        for text, reading in readings.items():
            add(
                NormsCheckRating(norms_check_id=row_id(check), norm_id=norms[text], reading=reading)
            )
