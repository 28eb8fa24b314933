"""The demo team's meeting two weeks ago: closed, with its whole record."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from facilitator.domain.enums import (
    ActionStatus,
    CheckAnswer,
    EvaluationMode,
    MeetingStatus,
    NextAgendaStatus,
    NormReading,
)
from facilitator.services.demo import data
from facilitator.services.demo.builder import MEETING_TIME, Builder
from facilitator.services.demo.decisions import november_decisions
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    CommunicationEntry,
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationTurn,
    Meeting,
    NextAgendaEntry,
    NormsCheck,
    NormsCheckRating,
    Note,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
    Takeaway,
    TimeOut,
    TimerSegment,
    row_id,
)

AgendaRow = tuple[str, str, str, int, int, str, str]
"""(title, goal, presenter, planned minutes, actual minutes, kind, notes)"""
PlusDeltaRow = tuple[str | None, str, str]
"""(member or None for anonymous, plus, delta)"""
AssessmentRow = tuple[str, tuple[int, ...]]
"""(member, a 1-7 rating per item of `data.TEAM_ASSESSMENT_ITEMS`)"""


def earlier_meeting(b: Builder, team_id: int, norm_ids: list[int]) -> dict[str, int]:
    day = b.today - timedelta(days=14)
    start = b.at(day, MEETING_TIME)
    planned = sum(row[3] for row in data.EARLIER_AGENDA)
    actual = sum(row[4] for row in data.EARLIER_AGENDA)
    meeting = b.add(
        Meeting(
            team_id=team_id,
            title="November leadership team meeting",
            purpose="Choose the writing strategies we focus on through February.",
            goals="Know where each writing strategy stands.\nChoose at most two to focus on.\n"
            "Agree who tells staff, and when.",
            scheduled_start=start,
            planned_minutes=planned,
            location="Library",
            status=MeetingStatus.CLOSED,
            template_id="leadership-team",
            started_at=start + timedelta(minutes=1),
            ended_at=start + timedelta(minutes=1 + actual),
            closed_at=start + timedelta(minutes=2 + actual),
            minutes_sent_at=start + timedelta(days=1, hours=1),
        )
    )
    meeting_id = row_id(meeting)
    b.roles_and_attendance(meeting_id, absent=("Lena Fischer",), present=True)
    items = agenda_items(b, meeting_id, start + timedelta(minutes=1), data.EARLIER_AGENDA)
    november_decisions(b, meeting_id, items, start)
    _earlier_checks(b, meeting_id, items, norm_ids, start)
    return _earlier_followup(b, team_id, meeting_id, items, start + timedelta(minutes=2 + actual))


def agenda_items(
    b: Builder, meeting_id: int, first_start: datetime, agenda: tuple[AgendaRow, ...]
) -> dict[str, int]:
    """A run agenda (rows as `data.EARLIER_AGENDA`): each item timed back to back from
    `first_start`, with its notes; the item ids by title."""
    items: dict[str, int] = {}
    moment = first_start
    for position, (title, goal, presenter, planned, actual, kind, notes) in enumerate(agenda):
        item = b.add(
            AgendaItem(
                meeting_id=meeting_id,
                position=position,
                title=title,
                goal=goal,
                presenter_member_id=b.members[presenter],
                planned_minutes=planned,
                kind=kind,
            )
        )
        item_id = row_id(item)
        items[title] = item_id
        b.add(
            TimerSegment(
                meeting_id=meeting_id,
                agenda_item_id=item_id,
                started_at=moment,
                stopped_at=moment + timedelta(minutes=actual),
            )
        )
        b.add(Note(meeting_id=meeting_id, agenda_item_id=item_id, body=notes))
        moment += timedelta(minutes=actual)
    return items


def _earlier_checks(
    b: Builder, meeting_id: int, items: dict[str, int], norm_ids: list[int], start: datetime
) -> None:
    data_item = items["Progress on key strategies"]
    talked_over = (NormReading.PARTLY, "We talked over each other during the data review.")
    norms_check(b, meeting_id, data_item, start + timedelta(minutes=36), norm_ids, {0: talked_over})
    b.add(
        ProcessCheck(
            meeting_id=meeting_id,
            agenda_item_id=data_item,
            checked_at=start + timedelta(minutes=36),
            progress=CheckAnswer.YES,
            everyone_in=CheckAnswer.PARTLY,
            note="Jorge and Grace had not spoken yet; the facilitator invited them in.",
        )
    )
    decision_item = items["Decisions and adjustments"]
    b.add(
        TimeOut(
            meeting_id=meeting_id,
            agenda_item_id=decision_item,
            started_at=start + timedelta(minutes=52),
            ended_at=start + timedelta(minutes=54),
            note="Tension over the walkthrough day; we revisited our norms and restated the issue.",
        )
    )
    for minute, name in enumerate(
        (
            "Aisha Karimi",
            "Tom Becker",
            "Priya Raman",
            "Maria Alvarez",
            "Jorge Medina",
            "Grace Liu",
            "Daniel Okafor",
        ),
        start=18,
    ):
        moment = start + timedelta(minutes=minute * 1.5)
        b.add(
            SpeakerTurn(
                meeting_id=meeting_id,
                agenda_item_id=data_item,
                member_id=b.members[name],
                queued_at=moment,
                started_at=moment,
                ended_at=moment + timedelta(minutes=1),
            )
        )


def norms_check(
    b: Builder,
    meeting_id: int,
    item_id: int,
    at: datetime,
    norm_ids: list[int],
    readings: Mapping[int, tuple[NormReading, str]],
) -> None:
    """A norms check during item `item_id`: every norm read, honoured unless `readings`
    (by the norm's position in `norm_ids`) gives its reading and note."""
    check = b.add(NormsCheck(meeting_id=meeting_id, agenda_item_id=item_id, checked_at=at))
    for index, norm_id in enumerate(norm_ids):
        reading, note = readings.get(index, (NormReading.HONOURED, ""))
        b.add(
            NormsCheckRating(
                norms_check_id=row_id(check), norm_id=norm_id, reading=reading, note=note
            )
        )


def _earlier_followup(
    b: Builder, team_id: int, meeting_id: int, items: dict[str, int], closed: datetime
) -> dict[str, int]:
    closure_item = items["Next steps and closure"]
    links: dict[str, int] = {}
    for what, owner, due_in, done in data.ACTIONS:
        action = b.add(
            ActionItem(
                team_id=team_id,
                meeting_id=meeting_id,
                agenda_item_id=closure_item,
                what=what,
                owner_member_id=b.members[owner],
                due_date=b.today + timedelta(days=due_in),
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_at=b.now - timedelta(days=8) if done else None,
            )
        )
        if not done:
            links[f"action:{what}"] = row_id(action)
    for text, raised_by, status, note in data.PARKING:
        parked = b.add(
            ParkingLotItem(
                team_id=team_id,
                meeting_id=meeting_id,
                text=text,
                raised_by_member_id=b.members[raised_by],
                status=status,
                disposition_note=note,
                disposed_at=closed,  # at closure, kept open on purpose or not
            )
        )
        links[f"parking:{text}"] = row_id(parked)
    for title in ("Budget for classroom libraries", "Mid-year reading benchmark data"):
        entry = b.add(
            NextAgendaEntry(
                team_id=team_id,
                meeting_id=meeting_id,
                title=title,
                # December's plan carries the library budget forward (see upcoming.py).
                status=NextAgendaStatus.CARRIED
                if title == "Budget for classroom libraries"
                else NextAgendaStatus.OPEN,
            )
        )
        links[f"next:{title}"] = row_id(entry)
    for position, text in enumerate(data.TAKEAWAYS):
        b.add(Takeaway(meeting_id=meeting_id, position=position, text=text))
    for position, (message, who, messenger, method, when) in enumerate(data.COMMUNICATION):
        b.add(
            CommunicationEntry(
                meeting_id=meeting_id,
                position=position,
                key_message=message,
                stakeholders=who,
                messenger_member_id=b.members[messenger],
                method=method,
                timeline=when,
            )
        )
    evaluation(
        b,
        team_id,
        meeting_id,
        submitted=b.now - timedelta(days=13),
        plus_delta=data.PLUS_DELTA,
        assessment=data.TEAM_ASSESSMENT,
    )
    return links


def evaluation(
    b: Builder,
    team_id: int,
    meeting_id: int,
    *,
    submitted: datetime,
    plus_delta: tuple[PlusDeltaRow, ...],
    assessment: tuple[AssessmentRow, ...],
) -> None:
    """A finished pass-the-laptop evaluation: plus/delta (a None name is anonymous) and
    the Effective Team Assessment (rows as `data.PLUS_DELTA` and `data.TEAM_ASSESSMENT`)."""
    record = b.add(
        Evaluation(
            meeting_id=meeting_id,
            instruments="plus-delta,effective-team-assessment",
            mode=EvaluationMode.LAPTOP,
            anonymous=False,
            started_at=submitted,
            finished_at=submitted + timedelta(minutes=10),
        )
    )
    named = [entry[0] for entry in plus_delta] + [who for who, _ in assessment]
    for who in sorted({person for person in named if person}):
        b.add(EvaluationTurn(evaluation_id=row_id(record), member_id=b.members[who]))
    for name, plus, delta in plus_delta:
        response_id = _response(b, team_id, record, "plus-delta", name, submitted)
        b.add(EvaluationAnswer(response_id=response_id, item_id="plus", text=plus))
        b.add(EvaluationAnswer(response_id=response_id, item_id="delta", text=delta))
    for name, scores in assessment:
        response_id = _response(b, team_id, record, "effective-team-assessment", name, submitted)
        for item_id, score in zip(data.TEAM_ASSESSMENT_ITEMS, scores, strict=True):
            b.add(EvaluationAnswer(response_id=response_id, item_id=item_id, score=score))


def _response(
    b: Builder,
    team_id: int,
    record: Evaluation,
    instrument_id: str,
    name: str | None,
    submitted: datetime,
) -> int:
    """A response to one instrument of evaluation `record`, by `name` (None: anonymous)."""
    response = b.add(
        EvaluationResponse(
            team_id=team_id,
            meeting_id=record.meeting_id,
            instrument_id=instrument_id,
            evaluation_id=row_id(record),
            respondent_member_id=b.members[name] if name else None,
            submitted_at=submitted,
        )
    )
    return row_id(response)
