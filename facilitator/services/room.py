"""The meeting's room as the live screen shows it (who is there, the speaker queue and
tally, what was captured, the norms, any time-out), and the speaker queue's changes.

Anyone present can queue to speak: a team member (by id) or a guest of the meeting (by
name). Each change is one short transaction, committed when it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from facilitator.domain.enums import AttendanceStatus
from facilitator.domain.room import Capture, CaptureKind, NormLine, Room, Speaker, SpeakerKey
from facilitator.errors import InvalidInput
from facilitator.services.captures import check_item, open_meeting, open_time_out
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.repo.teams import member_named
from facilitator.store.tables import (
    ActionItem,
    Attendance,
    Decision,
    Meeting,
    Member,
    Norm,
    NormsCheck,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
    Takeaway,
    row_id,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
AWAY = {AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value}


@dataclass(frozen=True)
class Queued:
    """Who `queue_by_name` put in the queue."""

    key: SpeakerKey
    name: str
    new_guest: bool
    """The name was not on the list: they were added as a guest of this meeting."""
    queued: bool
    """False when they were already waiting or speaking."""


# The speaker queue ----------------------------------------------------------------------


def queue_speaker(
    db: Database, *, meeting_id: int, item_id: int | None, speaker: SpeakerKey, now: datetime
) -> bool:
    """Put a member (by id) or a guest (by name) in the queue for the floor; False when
    they are already waiting or speaking."""
    with db.write(now=now) as session:
        meeting = open_meeting(session, meeting_id)
        check_item(session, meeting_id, item_id)
        if isinstance(speaker, int):
            member = fetch(session, Member, speaker, "member")
            if member.team_id != meeting.team_id:
                raise InvalidInput({"member": f"{member.name} is not on this team."})
        return _queue(session, meeting_id, item_id, speaker, now)


def queue_by_name(
    db: Database, *, meeting_id: int, item_id: int | None, name: str, now: datetime
) -> Queued:
    """Queue whoever is called `name` (any case, any spacing): someone on the meeting's
    list, else a member of the team, else a new guest of this meeting (added to the
    attendance as present, as they are in the room)."""
    wanted = " ".join(name.split())
    if not wanted:
        raise InvalidInput({"name": "Give the name of who wants the floor."})
    with db.write(now=now) as session:
        meeting = open_meeting(session, meeting_id)
        check_item(session, meeting_id, item_id)
        listed = next(
            (s for s in read_room(session, meeting=meeting).members if _same(s.name, wanted)),
            None,
        )
        new_guest = False
        if listed is not None:
            key, shown = listed.key, listed.name
        elif (member := member_named(session, team_id=meeting.team_id, name=wanted)) is not None:
            key, shown = row_id(member), member.name
        else:
            session.add(
                Attendance(
                    meeting_id=meeting_id,
                    guest_name=wanted,
                    status=AttendanceStatus.PRESENT,
                    confirmed_at=now,
                )
            )
            key, shown, new_guest = wanted, wanted, True
        queued = _queue(session, meeting_id, item_id, key, now)
        return Queued(key=key, name=shown, new_guest=new_guest, queued=queued)


def next_speaker(db: Database, *, meeting_id: int, now: datetime) -> SpeakerKey | None:
    """End the current turn and give the floor to the first in the queue; returns who
    speaks now (None when the queue is empty)."""
    with db.write(now=now) as session:
        open_meeting(session, meeting_id)
        turns = _open_turns(session, meeting_id)
        for turn in turns:
            if turn.started_at is not None:
                turn.ended_at = max(now, turn.started_at)
        waiting = [turn for turn in turns if turn.started_at is None]
        if not waiting:
            return None
        waiting[0].started_at = now
        return _key(waiting[0])


def leave_queue(db: Database, *, meeting_id: int, speaker: SpeakerKey, now: datetime) -> None:
    """Take a member or guest out of the queue (a turn they already have is ended)."""
    with db.write(now=now) as session:
        open_meeting(session, meeting_id)
        for turn in _open_turns(session, meeting_id):
            if _key(turn) != speaker:
                continue
            if turn.started_at is None:
                session.delete(turn)
            else:
                turn.ended_at = max(now, turn.started_at)


def _queue(
    session: Session, meeting_id: int, item_id: int | None, speaker: SpeakerKey, now: datetime
) -> bool:
    if any(_key(turn) == speaker for turn in _open_turns(session, meeting_id)):
        return False
    member_id, guest = (speaker, None) if isinstance(speaker, int) else (None, speaker)
    session.add(
        SpeakerTurn(
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            member_id=member_id,
            guest_name=guest,
            queued_at=now,
        )
    )
    return True


def _key(turn: SpeakerTurn) -> SpeakerKey:
    return turn.member_id if turn.member_id is not None else turn.guest_name or ""


def _same(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _open_turns(session: Session, meeting_id: int) -> list[SpeakerTurn]:
    return list(
        session.exec(
            select(SpeakerTurn)
            .where(SpeakerTurn.meeting_id == meeting_id, col(SpeakerTurn.ended_at).is_(None))
            .order_by(col(SpeakerTurn.queued_at), col(SpeakerTurn.id))
        ).all()
    )


# Reading --------------------------------------------------------------------------------


def read_room(session: Session, *, meeting: Meeting) -> Room:
    """The speaker queue and tally, captures, norms and any time-out of `meeting`."""
    meeting_id = row_id(meeting)
    turns = session.exec(
        select(SpeakerTurn)
        .where(SpeakerTurn.meeting_id == meeting_id)
        .order_by(col(SpeakerTurn.queued_at), col(SpeakerTurn.id))
    ).all()
    taken: dict[SpeakerKey, int] = {}
    queue: list[SpeakerKey] = []
    speaking: SpeakerKey | None = None
    for turn in turns:
        key = _key(turn)
        if turn.started_at is not None:
            taken[key] = taken.get(key, 0) + 1
            if turn.ended_at is None:
                speaking = key
        elif turn.ended_at is None:
            queue.append(key)
    under_way = open_time_out(session, meeting_id)
    checks = session.exec(
        select(ProcessCheck.agenda_item_id, ProcessCheck.checked_at)
        .where(ProcessCheck.meeting_id == meeting_id)
        .order_by(col(ProcessCheck.checked_at), col(ProcessCheck.id))
    ).all()
    return Room(
        members=tuple(
            Speaker(
                member_id=member_id,
                name=name,
                turns=taken.get(key, 0) - (1 if speaking == key else 0),
                queued=key in queue,
                speaking=speaking == key,
            )
            for key, member_id, name in _people(session, meeting, [*queue, *taken])
        ),
        queue=tuple(queue),
        speaking=speaking,
        captures=_captures(session, meeting_id),
        norms=_norms(session, meeting),
        time_out_id=row_id(under_way) if under_way else None,
        time_out_since=under_way.started_at if under_way else None,
        norms_checks=len(
            session.exec(select(NormsCheck.id).where(NormsCheck.meeting_id == meeting_id)).all()
        ),
        process_checks=len(checks),
        process_checked=tuple((item_id, at) for item_id, at in checks),
    )


def _people(
    session: Session, meeting: Meeting, spoke: list[SpeakerKey]
) -> list[tuple[SpeakerKey, int | None, str]]:
    """(key, member id, name) of everyone on the speakers list: the members expected or
    present (the whole team when no one is listed), then the guests, then anyone else
    who queued or spoke."""
    rows = session.exec(
        select(Attendance, Member)
        .join(Member, col(Attendance.member_id) == col(Member.id), isouter=True)
        .where(Attendance.meeting_id == meeting.id)
        .order_by(col(Attendance.member_id).is_(None), col(Member.id), col(Attendance.id))
    ).all()
    here = [(a, m) for a, m in rows if a.status not in AWAY]
    members = [m for _, m in here if m is not None]
    if not members:
        members = list(
            session.exec(
                select(Member)
                .where(Member.team_id == meeting.team_id, col(Member.archived_at).is_(None))
                .order_by(col(Member.id))
            ).all()
        )
    people: list[tuple[SpeakerKey, int | None, str]] = [
        (row_id(m), row_id(m), m.name) for m in members
    ]
    guests = [a.guest_name for a, m in here if m is None and a.guest_name]
    people += [(name, None, name) for name in guests if name]
    known = {key for key, _, _ in people}
    extra = [key for key in dict.fromkeys(spoke) if key not in known]
    extra_ids = {key for key in extra if isinstance(key, int)}
    if extra_ids:
        found = session.exec(select(Member).where(col(Member.id).in_(extra_ids))).all()
        people += [(row_id(m), row_id(m), m.name) for m in found]
    people += [(key, None, key) for key in extra if isinstance(key, str)]
    return people


def _norms(session: Session, meeting: Meeting) -> tuple[NormLine, ...]:
    return tuple(
        NormLine(row_id(n), n.text)
        for n in session.exec(
            select(Norm)
            .where(Norm.team_id == meeting.team_id, col(Norm.retired_at).is_(None))
            .order_by(col(Norm.position), col(Norm.id))
        )
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
