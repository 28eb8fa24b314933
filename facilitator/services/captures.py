"""What the live screen records besides the clock and the notes: quick captures (action
items, parking-lot entries, take-aways, decisions), norms and process checks, time-outs,
and the speaker queue. Each call is one short transaction, committed when it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from sqlmodel import Session, col, select

from facilitator.domain.enums import (
    AttendanceStatus,
    CheckAnswer,
    DecisionMethod,
    DecisionStatus,
    MeetingStatus,
    NormReading,
)
from facilitator.domain.room import Capture, CaptureKind, NormLine, Room, Speaker
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
    Attendance,
    Decision,
    Meeting,
    Member,
    Norm,
    NormsCheck,
    NormsCheckRating,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
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
    now: datetime,
) -> int:
    """A decision as the live screen captures it: what was decided on, how, and the
    outcome (none yet: the decision stays open)."""
    asked = _required(question, "question", "Say what the decision is about.")
    result = _text(outcome, "outcome")
    how = method.strip() or None
    if how is not None and how not in {m.value for m in DecisionMethod}:
        raise InvalidInput({"method": "Choose one of the six decision methods."})
    decision = Decision(
        meeting_id=meeting_id,
        agenda_item_id=item_id,
        question=asked,
        method=how,
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
        meeting = _open_meeting(session, meeting_id)
        _check_item(session, meeting_id, item_id)
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
        _open_meeting(session, meeting_id)
        _check_item(session, meeting_id, item_id)
        under_way = _open_time_out(session, meeting_id)
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


# Speaker queue --------------------------------------------------------------------------


def queue_speaker(
    db: Database, *, meeting_id: int, item_id: int | None, member_id: int, now: datetime
) -> bool:
    """Put a member in the queue for the floor; False when they are already waiting or
    speaking."""
    with db.write(now=now) as session:
        meeting = _open_meeting(session, meeting_id)
        _check_item(session, meeting_id, item_id)
        member = fetch(session, Member, member_id, "member")
        if member.team_id != meeting.team_id:
            raise InvalidInput({"member": f"{member.name} is not on this team."})
        waiting = session.exec(
            select(SpeakerTurn.id).where(
                SpeakerTurn.meeting_id == meeting_id,
                SpeakerTurn.member_id == member_id,
                col(SpeakerTurn.ended_at).is_(None),
            )
        ).first()
        if waiting is not None:
            return False
        session.add(
            SpeakerTurn(
                meeting_id=meeting_id, agenda_item_id=item_id, member_id=member_id, queued_at=now
            )
        )
        return True


def next_speaker(db: Database, *, meeting_id: int, now: datetime) -> int | None:
    """End the current turn and give the floor to the first in the queue; returns who
    speaks now (None when the queue is empty)."""
    with db.write(now=now) as session:
        _open_meeting(session, meeting_id)
        turns = _open_turns(session, meeting_id)
        for turn in turns:
            if turn.started_at is not None:
                turn.ended_at = max(now, turn.started_at)
        waiting = [turn for turn in turns if turn.started_at is None]
        if not waiting:
            return None
        waiting[0].started_at = now
        return waiting[0].member_id


def leave_queue(db: Database, *, meeting_id: int, member_id: int, now: datetime) -> None:
    """Take a member out of the queue (a turn they already have is ended)."""
    with db.write(now=now) as session:
        _open_meeting(session, meeting_id)
        for turn in _open_turns(session, meeting_id):
            if turn.member_id != member_id:
                continue
            if turn.started_at is None:
                session.delete(turn)
            else:
                turn.ended_at = max(now, turn.started_at)


# Reading --------------------------------------------------------------------------------


def read_room(session: Session, *, meeting: Meeting) -> Room:
    """The speaker queue and tally, captures, norms and any time-out of `meeting`."""
    meeting_id = row_id(meeting)
    members = _room_members(session, meeting)
    turns = session.exec(
        select(SpeakerTurn)
        .where(SpeakerTurn.meeting_id == meeting_id)
        .order_by(col(SpeakerTurn.queued_at), col(SpeakerTurn.id))
    ).all()
    taken: dict[int, int] = {}
    queue: list[int] = []
    speaking: int | None = None
    for turn in turns:
        if turn.started_at is not None:
            taken[turn.member_id] = taken.get(turn.member_id, 0) + 1
            if turn.ended_at is None:
                speaking = turn.member_id
        elif turn.ended_at is None:
            queue.append(turn.member_id)
    known = {row_id(m) for m in members}
    extra = [mid for mid in (*queue, *taken) if mid not in known]
    if extra:
        members += list(session.exec(select(Member).where(col(Member.id).in_(set(extra)))).all())
    under_way = _open_time_out(session, meeting_id)
    return Room(
        members=tuple(
            Speaker(
                member_id=row_id(m),
                name=m.name,
                turns=taken.get(row_id(m), 0) - (1 if speaking == row_id(m) else 0),
                queued=row_id(m) in queue,
                speaking=speaking == row_id(m),
            )
            for m in members
        ),
        queue=tuple(queue),
        speaking=speaking,
        captures=_captures(session, meeting_id),
        norms=tuple(
            NormLine(row_id(n), n.text)
            for n in session.exec(
                select(Norm)
                .where(Norm.team_id == meeting.team_id, col(Norm.retired_at).is_(None))
                .order_by(col(Norm.position), col(Norm.id))
            )
        ),
        time_out_id=row_id(under_way) if under_way else None,
        time_out_since=under_way.started_at if under_way else None,
        norms_checks=_count(session, NormsCheck, meeting_id),
        process_checks=_count(session, ProcessCheck, meeting_id),
    )


def _room_members(session: Session, meeting: Meeting) -> list[Member]:
    """The members expected or present (the whole team when no one is listed)."""
    rows = session.exec(
        select(Member, Attendance.status)
        .join(Attendance, col(Attendance.member_id) == col(Member.id))
        .where(Attendance.meeting_id == meeting.id)
        .order_by(col(Member.id))
    ).all()
    away = {AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value}
    members = [member for member, status in rows if status not in away]
    if members:
        return members
    return list(
        session.exec(
            select(Member)
            .where(Member.team_id == meeting.team_id, col(Member.archived_at).is_(None))
            .order_by(col(Member.id))
        ).all()
    )


def _captures(session: Session, meeting_id: int) -> tuple[Capture, ...]:
    found: list[Capture] = []
    for action in session.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id)):
        found.append(
            Capture(
                CaptureKind.ACTION, action.what, action.agenda_item_id, action.created_at or EPOCH
            )
        )
    for parked in session.exec(
        select(ParkingLotItem).where(ParkingLotItem.meeting_id == meeting_id)
    ):
        found.append(
            Capture(
                CaptureKind.PARKING, parked.text, parked.agenda_item_id, parked.created_at or EPOCH
            )
        )
    for takeaway in session.exec(select(Takeaway).where(Takeaway.meeting_id == meeting_id)):
        found.append(
            Capture(CaptureKind.TAKEAWAY, takeaway.text, None, takeaway.created_at or EPOCH)
        )
    for decision in session.exec(select(Decision).where(Decision.meeting_id == meeting_id)):
        text = f"{decision.question}: {decision.outcome}" if decision.outcome else decision.question
        found.append(
            Capture(
                CaptureKind.DECISION, text, decision.agenda_item_id, decision.created_at or EPOCH
            )
        )
    return tuple(sorted(found, key=lambda capture: capture.at))


def _count(session: Session, table: type[NormsCheck] | type[ProcessCheck], meeting_id: int) -> int:
    return len(session.exec(select(table.id).where(table.meeting_id == meeting_id)).all())


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
        meeting = _open_meeting(session, meeting_id)
        _check_item(session, meeting_id, item_id)
        made = row(session, meeting)
        session.add(made)
        session.flush()
        return row_id(made)


def _open_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = fetch(session, Meeting, meeting_id, "meeting")
    if meeting.status == MeetingStatus.CLOSED:
        raise InvalidInput(
            {"meeting": "This meeting is closed; reopen it to change what was recorded."}
        )
    return meeting


def _check_item(session: Session, meeting_id: int, item_id: int | None) -> None:
    if item_id is not None and fetch(session, AgendaItem, item_id, "agenda item").meeting_id != (
        meeting_id
    ):
        raise InvalidInput({"form": "That agenda item is not in this meeting."})


def _open_time_out(session: Session, meeting_id: int) -> TimeOut | None:
    return session.exec(
        select(TimeOut).where(TimeOut.meeting_id == meeting_id, col(TimeOut.ended_at).is_(None))
    ).first()


def _open_turns(session: Session, meeting_id: int) -> list[SpeakerTurn]:
    return list(
        session.exec(
            select(SpeakerTurn)
            .where(SpeakerTurn.meeting_id == meeting_id, col(SpeakerTurn.ended_at).is_(None))
            .order_by(col(SpeakerTurn.queued_at), col(SpeakerTurn.id))
        ).all()
    )
