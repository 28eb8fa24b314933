"""What the live screen records besides the clock and the notes: quick captures (action
items, parking-lot entries, take-aways, decisions), norms and process checks, and
time-outs (the speaker queue is `facilitator.services.room`). Each call is one short
transaction, committed when it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from sqlmodel import Session, col, select

from facilitator.domain.enums import (
    CheckAnswer,
    DecisionMethod,
    DecisionStatus,
    MeetingStatus,
    NormReading,
)
from facilitator.domain.text import local
from facilitator.errors import InvalidInput
from facilitator.services.fields import due as _due
from facilitator.services.fields import name as _name
from facilitator.services.fields import plain_text as _text
from facilitator.services.fields import required as _required
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.repo.meetings import stop_running_segments
from facilitator.store.repo.teams import member_named
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    Norm,
    NormsCheck,
    NormsCheckRating,
    ParkingLotItem,
    ProcessCheck,
    Takeaway,
    TimeOut,
    TimerSegment,
    row_id,
)
from facilitator.store.tables._base import Row

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Rating:
    """The team's read of one norm in a norms check."""

    norm_id: int
    reading: str
    note: str = ""


# Quick captures -------------------------------------------------------------------------


def add_action_item(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    what: str,
    owner: str = "",
    due: str = "",
    now: datetime,
    tz: tzinfo | None = None,
) -> int:
    """Something a person will do; owner and due date may wait for closure. An owner not
    on the team is kept by name."""
    text = _required(what, "what", "Say what will be done.")
    owner_name = _name(owner, "owner")
    today = local(now, tz).date()
    due_date = _due(due, today)

    def row(session: Session, meeting: Meeting) -> ActionItem:
        member = (
            member_named(session, team_id=meeting.team_id, name=owner_name) if owner_name else None
        )
        return ActionItem(
            team_id=meeting.team_id,
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            what=text,
            owner_member_id=row_id(member) if member else None,
            owner_name=owner_name if owner_name and member is None else None,
            due_date=due_date,
        )

    return _insert(db, meeting_id=meeting_id, item_id=item_id, row=row, now=now)


def add_parking_lot_item(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    text: str,
    raised_by: str = "",
    now: datetime,
) -> int:
    """Set an idea or issue aside; it stays on the team's list until it gets a disposition."""
    body = _required(text, "text", "Write down what is being set aside.")
    who = _name(raised_by, "raised_by")

    def row(session: Session, meeting: Meeting) -> ParkingLotItem:
        member = member_named(session, team_id=meeting.team_id, name=who) if who else None
        return ParkingLotItem(
            team_id=meeting.team_id,
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            text=body,
            raised_by_member_id=row_id(member) if member else None,
            raised_by_name=who if who and member is None else None,
        )

    return _insert(db, meeting_id=meeting_id, item_id=item_id, row=row, now=now)


def add_takeaway(db: Database, *, meeting_id: int, text: str, now: datetime) -> int:
    """A key take-away message, in the order they were said."""
    body = _required(text, "text", "Write the take-away message.")

    def row(session: Session, _meeting: Meeting) -> Takeaway:
        said = session.exec(select(Takeaway.id).where(Takeaway.meeting_id == meeting_id)).all()
        return Takeaway(meeting_id=meeting_id, position=len(said), text=body)

    return _insert(db, meeting_id=meeting_id, item_id=None, row=row, now=now)


def add_decision(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    question: str,
    method: str = "",
    outcome: str = "",
    continuum_point: int | None = None,
    method_reason: str = "",
    now: datetime,
) -> int:
    """A decision as the live screen captures it: what was decided on, how (and, when
    "How should we decide?" chose the method, the continuum point and its reason), and
    the outcome (none yet: the decision stays open)."""
    asked = _required(question, "question", "Say what the decision is about.")
    result = _text(outcome, "outcome")
    how = method.strip() or None
    if how is not None and how not in {m.value for m in DecisionMethod}:
        raise InvalidInput({"method": "Choose one of the six decision methods."})
    if continuum_point is not None and not 1 <= continuum_point <= 7:
        raise InvalidInput({"method": "A continuum point is 1 to 7."})
    decision = Decision(
        meeting_id=meeting_id,
        agenda_item_id=item_id,
        question=asked,
        method=how,
        continuum_point=continuum_point,
        method_reason=_text(method_reason, "method"),
        outcome=result,
        status=DecisionStatus.DECIDED if result else DecisionStatus.OPEN,
        decided_at=now if result else None,
    )
    return _insert(db, meeting_id=meeting_id, item_id=item_id, row=lambda *_: decision, now=now)


# Checks ---------------------------------------------------------------------------------


def record_norms_check(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    ratings: Sequence[Rating],
    now: datetime,
) -> int:
    """The team's read of its norms (honoured, partly, not), each with an optional note;
    norms left unrated are skipped, and at least one must be rated."""
    if not ratings:
        raise InvalidInput({"form": "Rate at least one norm: honoured, partly or not."})
    readings = {r.value for r in NormReading}
    for rating in ratings:
        if rating.reading not in readings:
            raise InvalidInput({"form": "A norm's read is honoured, partly or not."})
        _text(rating.note, "form")
    with db.write(now=now) as session:
        meeting = open_meeting(session, meeting_id)
        check_item(session, meeting_id, item_id)
        team_norms = set(session.exec(select(Norm.id).where(Norm.team_id == meeting.team_id)).all())
        if any(rating.norm_id not in team_norms for rating in ratings):
            raise InvalidInput({"form": "One of the norms is not this team's."})
        check = NormsCheck(meeting_id=meeting_id, agenda_item_id=item_id, checked_at=now)
        session.add(check)
        session.flush()
        for rating in ratings:
            session.add(
                NormsCheckRating(
                    norms_check_id=row_id(check),
                    norm_id=rating.norm_id,
                    reading=rating.reading,
                    note=_text(rating.note, "form"),
                )
            )
        return row_id(check)


def record_process_check(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    progress: str,
    everyone_in: str,
    note: str = "",
    now: datetime,
) -> int:
    """ "Are we making progress? Is everyone in?" and the team's answers."""
    answers = {a.value for a in CheckAnswer}
    problems = {}
    if progress not in answers:
        problems["progress"] = "Answer yes, partly or no."
    if everyone_in not in answers:
        problems["everyone_in"] = "Answer yes, partly or no."
    if problems:
        raise InvalidInput(problems)
    remark = _text(note, "note")
    check = ProcessCheck(
        meeting_id=meeting_id,
        agenda_item_id=item_id,
        checked_at=now,
        progress=progress,
        everyone_in=everyone_in,
        note=remark,
    )
    return _insert(db, meeting_id=meeting_id, item_id=item_id, row=lambda *_: check, now=now)


# Time-out -------------------------------------------------------------------------------


def start_time_out(db: Database, *, meeting_id: int, item_id: int | None, now: datetime) -> int:
    """Call a time-out: the clock pauses and the time-out is recorded (one at a time: a
    time-out already under way is returned as it is)."""
    with db.write(now=now) as session:
        open_meeting(session, meeting_id)
        check_item(session, meeting_id, item_id)
        under_way = open_time_out(session, meeting_id)
        if under_way is not None:
            return row_id(under_way)
        stop_running_segments(session, meeting_id=meeting_id, now=now)
        row = TimeOut(meeting_id=meeting_id, agenda_item_id=item_id, started_at=now)
        session.add(row)
        session.flush()
        return row_id(row)


def end_time_out(
    db: Database, *, time_out_id: int, note: str = "", resume: bool = True, now: datetime
) -> None:
    """End a time-out (with what came of it); `resume` starts the clock again on the
    current item."""
    remark = _text(note, "note")
    with db.write(now=now) as session:
        row = fetch(session, TimeOut, time_out_id, "time-out")
        if row.ended_at is not None:
            return
        row.ended_at = max(now, row.started_at)
        row.note = remark
        meeting = fetch(session, Meeting, row.meeting_id, "meeting")
        if not resume or meeting.status != MeetingStatus.RUNNING:
            return  # a meeting not yet started (or closed) keeps its clock stopped
        if meeting.current_item_id is None:
            return
        running = session.exec(
            select(TimerSegment.id).where(
                TimerSegment.meeting_id == row.meeting_id, col(TimerSegment.stopped_at).is_(None)
            )
        ).first()
        if running is None:
            session.add(
                TimerSegment(
                    meeting_id=row.meeting_id,
                    agenda_item_id=meeting.current_item_id,
                    started_at=now,
                )
            )


# Helpers --------------------------------------------------------------------------------


def _insert(
    db: Database,
    *,
    meeting_id: int,
    item_id: int | None,
    row: Callable[[Session, Meeting], Row],
    now: datetime,
) -> int:
    """Add the row `row` makes, in one transaction, once the meeting is known to be open
    and the item to be one of its own; its id."""
    with db.write(now=now) as session:
        meeting = open_meeting(session, meeting_id)
        check_item(session, meeting_id, item_id)
        made = row(session, meeting)
        session.add(made)
        session.flush()
        return row_id(made)


def open_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, if it is not closed (InvalidInput: a closed one is not changed)."""
    meeting = fetch(session, Meeting, meeting_id, "meeting")
    if meeting.status == MeetingStatus.CLOSED:
        raise InvalidInput(
            {"meeting": "This meeting is closed; reopen it to change what was recorded."}
        )
    return meeting


def check_item(session: Session, meeting_id: int, item_id: int | None) -> None:
    """InvalidInput unless item `item_id` (if any) is on the meeting's agenda."""
    if item_id is not None and fetch(session, AgendaItem, item_id, "agenda item").meeting_id != (
        meeting_id
    ):
        raise InvalidInput({"form": "That agenda item is not in this meeting."})


def open_time_out(session: Session, meeting_id: int) -> TimeOut | None:
    """The meeting's time-out under way, if any."""
    return session.exec(
        select(TimeOut).where(TimeOut.meeting_id == meeting_id, col(TimeOut.ended_at).is_(None))
    ).first()
