"""Read a meeting's minutes: everything recorded about it, with names resolved.

`read_minutes` runs inside an open session so services that just wrote can reuse it;
`meeting_minutes` opens its own read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.evaluation_results import InstrumentResult
from facilitator.domain.meeting_date import meeting_moment
from facilitator.domain.meeting_view import Person, goal_lines
from facilitator.domain.minutes import (
    ActionLine,
    CommunicationLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    NextAgendaLine,
    NextMeeting,
    NormsCheckLine,
    ParkingLine,
    ProcessCheckLine,
    RatingLine,
    Recipient,
    TimeOutLine,
    TurnLine,
)
from facilitator.domain.timer import Segment
from facilitator.pack.loader import Pack
from facilitator.services.decision_lines import decision_lines
from facilitator.services.evaluation_results import read_results
from facilitator.services.meetings import read_plan
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    CommunicationEntry,
    Decision,
    Meeting,
    Member,
    NextAgendaEntry,
    Norm,
    NormsCheck,
    NormsCheckRating,
    Note,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
    Takeaway,
    Team,
    TimeOut,
    TimerSegment,
    row_id,
)

T = TypeVar("T")


def meeting_minutes(db: Database, *, meeting_id: int, pack: Pack) -> Minutes:
    """The minutes of a meeting; raises NotFoundError for an unknown id."""
    with db.read() as session:
        return read_minutes(session, meeting_id=meeting_id, pack=pack)


def read_minutes(session: Session, *, meeting_id: int, pack: Pack) -> Minutes:
    """The minutes, read within an open session."""
    plan = read_plan(session, meeting_id=meeting_id, pack=pack)
    meeting = fetch(session, Meeting, meeting_id, "meeting")
    team = fetch(session, Team, meeting.team_id, "team")
    people = People(session, meeting.team_id)
    item_ids, agenda = [line.id for line in plan.agenda], {line.id for line in plan.agenda}
    segments = _by_item(
        session.exec(
            select(TimerSegment)
            .where(TimerSegment.meeting_id == meeting_id)
            .order_by(col(TimerSegment.started_at), col(TimerSegment.id))
        ),
        lambda s: s.agenda_item_id,
    )
    notes = {
        n.agenda_item_id: n.body
        for n in session.exec(
            select(Note).where(Note.meeting_id == meeting_id).order_by(col(Note.id))
        )
    }
    decisions = _decisions(session, meeting_id, people, pack)
    actions = [
        action_line(a, people)
        for a in session.exec(
            select(ActionItem)
            .where(ActionItem.meeting_id == meeting_id)
            .order_by(col(ActionItem.id))
        )
    ]
    decided = _by_item(decisions, lambda d: d.agenda_item_id)  # once, not a scan per item
    acted = _by_item(actions, lambda a: a.agenda_item_id)
    items = tuple(
        ItemRecord(
            id=line.id,
            position=line.position,
            title=line.title,
            goal=line.goal,
            kind=line.kind,
            presenter=line.presenter,
            planned_minutes=line.minutes,
            extra_seconds=extra,
            process_id=line.process_id,
            process=line.process,
            facilitator_notes=line.notes,
            steps=line.steps,
            segments=tuple(Segment(s.started_at, s.stopped_at) for s in segments.get(line.id, [])),
            notes=notes.get(line.id, ""),
            decisions=tuple(decided.get(line.id, ())),
            actions=tuple(acted.get(line.id, ())),
        )
        for line, extra in zip(plan.agenda, _extra_seconds(session, item_ids), strict=True)
    )
    return Minutes(
        meeting_id=meeting_id,
        team_name=plan.team_name,
        team_purpose=plan.team_purpose,
        team_kind=team.kind,
        title=plan.title,
        purpose=plan.purpose,
        goals=goal_lines(meeting.goals),
        scheduled_start=meeting.scheduled_start,
        planned_minutes=meeting.planned_minutes,
        location=meeting.location,
        status=meeting.status,
        template_id=meeting.template_id,
        warning_seconds=meeting.warning_seconds,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        closed_at=meeting.closed_at,
        corrected_at=meeting.minutes_corrected_at,
        sent_at=meeting.minutes_sent_at,
        roles=plan.roles,
        attendees=plan.attendees,
        norms=_norms_in_force(session, meeting, began=meeting_moment(plan)),
        items=items,
        other_actions=tuple(a for a in actions if a.agenda_item_id not in agenda),
        other_decisions=tuple(d for d in decisions if d.agenda_item_id not in agenda),
        meeting_notes=notes.get(None, ""),
        parking=parking_lines(session, meeting_id, people),
        takeaways=tuple(
            t.text
            for t in session.exec(
                select(Takeaway)
                .where(Takeaway.meeting_id == meeting_id)
                .order_by(col(Takeaway.position), col(Takeaway.id))
            )
        ),
        next_agenda=tuple(
            NextAgendaLine(row_id(n), n.title, n.note, n.status)
            for n in session.exec(
                select(NextAgendaEntry)
                .where(NextAgendaEntry.meeting_id == meeting_id)
                .order_by(col(NextAgendaEntry.id))
            )
        ),
        communication=tuple(
            CommunicationLine(
                id=row_id(c),
                key_message=c.key_message,
                stakeholders=c.stakeholders,
                messenger=people.person(c.messenger_member_id, c.messenger_name),
                method=c.method,
                timeline=c.timeline,
            )
            for c in session.exec(
                select(CommunicationEntry)
                .where(CommunicationEntry.meeting_id == meeting_id)
                .order_by(col(CommunicationEntry.position), col(CommunicationEntry.id))
            )
        ),
        norms_checks=_norms_checks(session, meeting_id),
        process_checks=tuple(
            ProcessCheckLine(p.checked_at, p.agenda_item_id, p.progress, p.everyone_in, p.note)
            for p in session.exec(
                select(ProcessCheck)
                .where(ProcessCheck.meeting_id == meeting_id)
                .order_by(col(ProcessCheck.checked_at), col(ProcessCheck.id))
            )
        ),
        time_outs=tuple(
            TimeOutLine(t.started_at, t.ended_at, t.agenda_item_id, t.note)
            for t in session.exec(
                select(TimeOut)
                .where(TimeOut.meeting_id == meeting_id)
                .order_by(col(TimeOut.started_at), col(TimeOut.id))
            )
        ),
        turns=tuple(
            TurnLine(
                speaker=people.person(t.member_id, t.guest_name) or Person("Unknown"),
                queued_at=t.queued_at,
                agenda_item_id=t.agenda_item_id,
                started_at=t.started_at,
                ended_at=t.ended_at,
            )
            for t in session.exec(
                select(SpeakerTurn)
                .where(SpeakerTurn.meeting_id == meeting_id)
                .order_by(col(SpeakerTurn.queued_at), col(SpeakerTurn.id))
            )
        ),
        recipients=tuple(
            Recipient(m.name, m.email.strip()) for m in people.active if m.email and m.email.strip()
        ),
        next_meeting=_next_meeting(session, meeting, after=meeting_moment(plan)),
        evaluation=_evaluation(session, meeting, pack),
    )


class People:
    """The team's members by id (archived ones too: old minutes keep their names)."""

    def __init__(self, session: Session, team_id: int) -> None:
        rows = session.exec(
            select(Member).where(Member.team_id == team_id).order_by(col(Member.id))
        ).all()
        self.by_id = {row_id(m): m for m in rows}
        self.active = [m for m in rows if m.archived_at is None]
        self.session = session

    def person(self, member_id: int | None, name: str | None) -> Person | None:
        if member_id is not None:
            member = self.by_id.get(member_id) or self.session.get(Member, member_id)
            if member is not None:
                return Person(member.name, member_id)
        return Person(name) if name else None


def _by_item(rows: Iterable[T], key: Callable[[T], int | None]) -> dict[int | None, list[T]]:
    grouped: dict[int | None, list[T]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped


def _extra_seconds(session: Session, item_ids: list[int]) -> list[int]:
    if not item_ids:
        return []
    rows = session.exec(
        select(AgendaItem.id, AgendaItem.extra_seconds).where(col(AgendaItem.id).in_(item_ids))
    ).all()
    extra: dict[int | None, int] = dict(rows)
    return [extra.get(key, 0) for key in item_ids]


def action_line(row: ActionItem, people: People) -> ActionLine:
    return ActionLine(
        id=row_id(row),
        what=row.what,
        owner=people.person(row.owner_member_id, row.owner_name),
        due=row.due_date,
        status=row.status,
        owner_to_be_decided=row.owner_to_be_decided,
        agenda_item_id=row.agenda_item_id,
        done_at=row.done_at,
    )


def _decisions(session: Session, meeting_id: int, people: People, pack: Pack) -> list[DecisionLine]:
    rows = session.exec(
        select(Decision).where(Decision.meeting_id == meeting_id).order_by(col(Decision.id))
    ).all()
    return decision_lines(session, rows, people.person, pack)


def parking_lines(session: Session, meeting_id: int, people: People) -> tuple[ParkingLine, ...]:
    return tuple(
        ParkingLine(
            id=row_id(p),
            text=p.text,
            raised_by=people.person(p.raised_by_member_id, p.raised_by_name),
            status=p.status,
            disposition_note=p.disposition_note,
            disposed_at=p.disposed_at,
            agenda_item_id=p.agenda_item_id,
            action_item_id=p.action_item_id,
        )
        for p in session.exec(
            select(ParkingLotItem)
            .where(ParkingLotItem.meeting_id == meeting_id)
            .order_by(col(ParkingLotItem.id))
        )
    )


def _norms_in_force(session: Session, meeting: Meeting, began: datetime) -> tuple[str, ...]:
    """The team's norms at the meeting: those not retired before it `began`."""
    rows = session.exec(
        select(Norm)
        .where(Norm.team_id == meeting.team_id)
        .order_by(col(Norm.position), col(Norm.id))
    )
    return tuple(n.text for n in rows if n.retired_at is None or n.retired_at > began)


def _norms_checks(session: Session, meeting_id: int) -> tuple[NormsCheckLine, ...]:
    checks = session.exec(
        select(NormsCheck)
        .where(NormsCheck.meeting_id == meeting_id)
        .order_by(col(NormsCheck.checked_at), col(NormsCheck.id))
    ).all()
    ratings = _by_item(
        session.exec(
            select(NormsCheckRating, Norm.text)
            .join(Norm, col(Norm.id) == NormsCheckRating.norm_id)
            .where(col(NormsCheckRating.norms_check_id).in_([row_id(c) for c in checks]))
            .order_by(col(Norm.position), col(Norm.id))
        ),
        lambda pair: pair[0].norms_check_id,
    )
    return tuple(
        NormsCheckLine(
            checked_at=c.checked_at,
            agenda_item_id=c.agenda_item_id,
            ratings=tuple(
                RatingLine(text, rating.reading, rating.note)
                for rating, text in ratings.get(row_id(c), [])
            ),
        )
        for c in checks
    )


def _evaluation(session: Session, meeting: Meeting, pack: Pack) -> tuple[InstrumentResult, ...]:
    """The evaluation results, unless the facilitator left them out of the minutes.
    Responses to an instrument the content pack no longer has are not counted: without
    its items there is nothing to count them by."""
    if not meeting.evaluation_in_minutes:
        return ()
    results, _ = read_results(session, meeting_id=row_id(meeting), pack=pack)
    return results


def _next_meeting(session: Session, meeting: Meeting, after: datetime) -> NextMeeting | None:
    """The team's first meeting not yet held that is planned `after` this one (when it
    was held: one held early is followed by the meetings planned after that day)."""
    row = session.exec(
        select(Meeting)
        .where(
            Meeting.team_id == meeting.team_id,
            col(Meeting.id) != meeting.id,
            Meeting.status == MeetingStatus.PLANNED,
            col(Meeting.scheduled_start) > after,
        )
        .order_by(col(Meeting.scheduled_start), col(Meeting.id))
        .limit(1)
    ).first()
    if row is None:
        return None
    return NextMeeting(row.title, row.scheduled_start, row.planned_minutes, row.location)
