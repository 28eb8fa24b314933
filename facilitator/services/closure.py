"""Closing a meeting: end it, finish what closure asks for, close it, reopen it for
corrections, and mark its minutes sent.

Every call is one short transaction. What closure edits (action items, the parking lot,
items for next time, take-aways, the communication plan, attendance, notes) can change
until the meeting is closed; a closed meeting is reopened first, and closing it again
dates the correction in the minutes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from facilitator.domain.clean import clean_text
from facilitator.domain.enums import (
    AttendanceStatus,
    MeetingStatus,
    NextAgendaStatus,
    ParkingStatus,
)
from facilitator.errors import InvalidInput
from facilitator.services import fields
from facilitator.services.closure_check import closing_problems_in, editable_meeting
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.repo.meetings import stop_running_segments
from facilitator.store.tables import (
    ActionItem,
    Attendance,
    CommunicationEntry,
    Meeting,
    NextAgendaEntry,
    Note,
    ParkingLotItem,
    Takeaway,
    row_id,
)

# The meeting ---------------------------------------------------------------------------


def end_meeting(db: Database, *, meeting_id: int, now: datetime) -> None:
    """The discussion is over: the clock stops and the meeting's end is now (closure
    follows). Ending again moves the end."""
    with db.write(now=now) as session:
        meeting = editable_meeting(session, meeting_id)
        stop_running_segments(session, meeting_id=meeting_id, now=now)
        if meeting.status == MeetingStatus.REOPENED:
            return
        meeting.ended_at = now
        if meeting.status == MeetingStatus.PLANNED:
            meeting.status = MeetingStatus.RUNNING


def close_meeting(db: Database, *, meeting_id: int, now: datetime) -> None:
    """Close the meeting, or refuse with every step still to finish (InvalidInput under
    "close"). Closing a reopened meeting records when the minutes were corrected; the
    corrected minutes have not gone out yet, so they are due again within 48 hours of
    the correction."""
    with db.write(now=now) as session:
        meeting = editable_meeting(session, meeting_id)
        problems = closing_problems_in(session, meeting)
        if problems:
            raise InvalidInput({"close": " ".join(problems)})
        stop_running_segments(session, meeting_id=meeting_id, now=now)
        if meeting.status == MeetingStatus.REOPENED:
            meeting.minutes_corrected_at = now
            meeting.minutes_sent_at = None
        else:
            meeting.ended_at = meeting.ended_at or now
            meeting.closed_at = now
        meeting.status = MeetingStatus.CLOSED


def reopen_meeting(db: Database, *, meeting_id: int, now: datetime) -> None:
    """Open a closed meeting for corrections (its clock stays stopped)."""
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        if meeting.status != MeetingStatus.CLOSED:
            raise InvalidInput({"meeting": "Only a closed meeting can be reopened."})
        meeting.status = MeetingStatus.REOPENED


def mark_minutes_sent(db: Database, *, meeting_id: int, now: datetime, sent: bool = True) -> None:
    """Record that the minutes went out now (or, `sent=False`, take that back)."""
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        if sent and meeting.status != MeetingStatus.CLOSED:
            raise InvalidInput({"meeting": "Close the meeting before its minutes go out."})
        meeting.minutes_sent_at = now if sent else None


# The parking lot ------------------------------------------------------------------------


def dispose_parking(
    db: Database, *, parking_id: int, disposition: str, note: str = "", now: datetime
) -> None:
    """Give a parking-lot entry its disposition. "next_agenda" sets it aside for the next
    meeting and "action" makes it an action item (owner and date to follow); "open"
    keeps it on the team's list, on purpose. Changing one's mind undoes what the earlier
    choice made."""
    if disposition not in {s.value for s in ParkingStatus}:
        raise InvalidInput({"disposition": "Choose what happens to this entry."})
    remark = fields.plain_text(note, "note")
    with db.write(now=now) as session:
        parked = fetch(session, ParkingLotItem, parking_id, "parking-lot entry")
        if parked.meeting_id is not None:
            editable_meeting(session, parked.meeting_id)
        _undo_disposition(session, parked)
        parked.status = disposition
        parked.disposition_note = remark
        parked.disposed_at = now
        if disposition == ParkingStatus.NEXT_AGENDA:
            session.add(
                NextAgendaEntry(
                    team_id=parked.team_id,
                    meeting_id=parked.meeting_id,
                    title=parked.text,
                    note=remark or "From the parking lot.",
                )
            )
        elif disposition == ParkingStatus.ACTION:
            action = ActionItem(
                team_id=parked.team_id,
                meeting_id=parked.meeting_id,
                agenda_item_id=parked.agenda_item_id,
                what=parked.text,
            )
            session.add(action)
            session.flush()
            parked.action_item_id = row_id(action)


def _undo_disposition(session: Session, parked: ParkingLotItem) -> None:
    if parked.status == ParkingStatus.ACTION and parked.action_item_id is not None:
        action = session.get(ActionItem, parked.action_item_id)
        if action is not None:
            session.delete(action)
        parked.action_item_id = None
    elif parked.status == ParkingStatus.NEXT_AGENDA:
        entry = session.exec(
            select(NextAgendaEntry).where(
                NextAgendaEntry.meeting_id == parked.meeting_id,
                NextAgendaEntry.title == parked.text,
                NextAgendaEntry.status == NextAgendaStatus.OPEN,
            )
        ).first()
        if entry is not None:
            session.delete(entry)


# Next agenda, take-aways, communication plan ----------------------------------------------


def save_next_agenda(
    db: Database,
    *,
    meeting_id: int,
    title: str,
    note: str = "",
    entry_id: int | None = None,
    now: datetime,
) -> int:
    """Add (or, with `entry_id`, change) an item set aside for the next agenda."""
    heading = fields.required(title, "title", "Name the item for the next agenda.")
    remark = fields.plain_text(note, "note")
    with db.write(now=now) as session:
        meeting = editable_meeting(session, meeting_id)
        entry = _own(session, NextAgendaEntry, entry_id, meeting_id, "next-agenda item")
        if entry is None:
            entry = NextAgendaEntry(team_id=meeting.team_id, meeting_id=meeting_id, title="")
        entry.title, entry.note = heading, remark
        session.add(entry)
        session.flush()
        return row_id(entry)


def save_takeaway(
    db: Database, *, meeting_id: int, text: str, entry_id: int | None = None, now: datetime
) -> int:
    """Add (or change) a key take-away message."""
    body = fields.required(text, "text", "Write the take-away message.")
    with db.write(now=now) as session:
        editable_meeting(session, meeting_id)
        entry = _own(session, Takeaway, entry_id, meeting_id, "take-away")
        if entry is None:
            said = session.exec(select(Takeaway.id).where(Takeaway.meeting_id == meeting_id))
            entry = Takeaway(meeting_id=meeting_id, position=len(said.all()), text="")
        entry.text = body
        session.add(entry)
        session.flush()
        return row_id(entry)


def takeaway_at(db: Database, *, meeting_id: int, index: int) -> int:
    """The id of the meeting's take-away at `index` (the minutes list them in order)."""
    with db.read() as session:
        ids = session.exec(
            select(Takeaway.id)
            .where(Takeaway.meeting_id == meeting_id)
            .order_by(col(Takeaway.position), col(Takeaway.id))
        ).all()
    if not 0 <= index < len(ids) or ids[index] is None:
        raise InvalidInput({"form": "That take-away is no longer there."})
    return int(ids[index])  # type: ignore[arg-type]


def save_communication(
    db: Database,
    *,
    meeting_id: int,
    key_message: str,
    stakeholders: str = "",
    messenger: str = "",
    method: str = "",
    timeline: str = "",
    entry_id: int | None = None,
    now: datetime,
) -> int:
    """Add (or change) a line of the communication plan: the key message, which
    stakeholders hear it, who tells them, how and when."""
    message = fields.required(key_message, "key_message", "Write the key message.")
    who = fields.plain_text(stakeholders, "stakeholders")
    teller = fields.name(messenger, "messenger")
    how = fields.plain_text(method, "method")
    when = fields.plain_text(timeline, "timeline")
    with db.write(now=now) as session:
        meeting = editable_meeting(session, meeting_id)
        entry = _own(session, CommunicationEntry, entry_id, meeting_id, "communication line")
        if entry is None:
            count = session.exec(
                select(CommunicationEntry.id).where(CommunicationEntry.meeting_id == meeting_id)
            ).all()
            entry = CommunicationEntry(meeting_id=meeting_id, position=len(count), key_message="")
        entry.key_message, entry.stakeholders, entry.method, entry.timeline = (
            message,
            who,
            how,
            when,
        )
        entry.messenger_member_id, entry.messenger_name = fields.person(
            session, meeting.team_id, teller
        )
        session.add(entry)
        session.flush()
        return row_id(entry)


def delete_entry(db: Database, *, kind: str, entry_id: int, now: datetime) -> None:
    """Remove a next-agenda item ("next_agenda"), a take-away ("takeaway") or a line of the
    communication plan ("communication")."""
    tables: dict[str, type[NextAgendaEntry] | type[Takeaway] | type[CommunicationEntry]] = {
        "next_agenda": NextAgendaEntry,
        "takeaway": Takeaway,
        "communication": CommunicationEntry,
    }
    table = tables[kind]
    with db.write(now=now) as session:
        entry: NextAgendaEntry | Takeaway | CommunicationEntry = fetch(
            session, table, entry_id, kind.replace("_", " ")
        )
        if entry.meeting_id is not None:
            editable_meeting(session, entry.meeting_id)
        session.delete(entry)


# Attendance and notes --------------------------------------------------------------------


def set_attendance(db: Database, *, attendee_id: int, status: str, now: datetime) -> None:
    """Confirm whether someone came: present, absent or excused."""
    if status not in {AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED}:
        raise InvalidInput({"status": "Choose present, absent or excused."})
    with db.write(now=now) as session:
        row = fetch(session, Attendance, attendee_id, "attendee")
        editable_meeting(session, row.meeting_id)
        row.status = status
        row.confirmed_at = now


def mark_rest_present(db: Database, *, meeting_id: int, now: datetime) -> int:
    """Everyone not yet marked came: they are present. Returns how many were marked."""
    with db.write(now=now) as session:
        editable_meeting(session, meeting_id)
        rows = session.exec(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id,
                Attendance.status == AttendanceStatus.EXPECTED,
            )
        ).all()
        for row in rows:
            row.status, row.confirmed_at = AttendanceStatus.PRESENT, now
        return len(rows)


def correct_notes(
    db: Database, *, meeting_id: int, item_id: int | None, body: str, now: datetime
) -> None:
    """Replace the notes of an agenda item (or, with no item, of the whole meeting)."""
    with db.write(now=now) as session:
        editable_meeting(session, meeting_id)
        note = session.exec(
            select(Note).where(
                Note.meeting_id == meeting_id,
                col(Note.agenda_item_id).is_(None)
                if item_id is None
                else Note.agenda_item_id == item_id,
            )
        ).first()
        if note is None:
            note = Note(meeting_id=meeting_id, agenda_item_id=item_id)
        note.body = clean_text(body)
        session.add(note)


# Helpers --------------------------------------------------------------------------------


EntryT = TypeVar("EntryT", NextAgendaEntry, Takeaway, CommunicationEntry)


def _own(
    session: Session, table: type[EntryT], entry_id: int | None, meeting_id: int, what: str
) -> EntryT | None:
    if entry_id is None:
        return None
    entry = fetch(session, table, entry_id, what)
    if entry.meeting_id != meeting_id:
        raise InvalidInput({"form": f"That {what} belongs to another meeting."})
    return entry
