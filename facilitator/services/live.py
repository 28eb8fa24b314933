"""Running a meeting: the clock (start, pause, next and previous item, extend, shorten),
the process step an item is on, and the recorder's notes.

Every call is one short transaction; the clock is stored as start and stop timestamps
(`TimerSegment`), so what `live_state` reads back is exact after a pause, a restart or a
killed process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from facilitator.domain.clean import clean_text
from facilitator.domain.enums import MeetingStatus
from facilitator.domain.meeting_view import MeetingPlan
from facilitator.domain.notes_merge import merge_notes
from facilitator.domain.room import Room
from facilitator.domain.timer import (
    ItemClock,
    ItemTime,
    MeetingClock,
    Segment,
    run_seconds,
    time_up_at,
)
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.agenda_build import agenda_slots
from facilitator.services.meetings import read_plan
from facilitator.services.room import read_room
from facilitator.store.database import Database
from facilitator.store.repo import meetings, notes
from facilitator.store.tables import AgendaItem, Meeting, Note, TimerSegment, row_id

MINUTE = 60
SHORTEST_ITEM_SECONDS = MINUTE
"""Shortening stops at one minute of planned time."""
LONGEST_EXTENSION_SECONDS = 10 * 60 * 60


@dataclass(frozen=True)
class ItemState:
    """One item's stored clock: its planned time with extensions, its segments, its step."""

    item_id: int
    planned_seconds: int
    segments: tuple[Segment, ...]
    current_step: int
    step_started_seconds: float
    note: str

    def elapsed(self, now: datetime) -> float:
        return run_seconds(self.segments, now)

    @property
    def running(self) -> bool:
        return any(segment.stopped_at is None for segment in self.segments)


@dataclass(frozen=True)
class LiveState:
    """Everything the live screen shows, as stored; clocks are computed for a moment."""

    plan: MeetingPlan
    status: str
    started_at: datetime | None
    current_item_id: int | None
    warning_seconds: int
    items: tuple[ItemState, ...]
    room: Room = Room()
    ended_at: datetime | None = None
    """When the discussion was ended (closure follows), if it was."""

    @property
    def running(self) -> bool:
        return any(item.running for item in self.items)

    @property
    def ended(self) -> bool:
        """Closed, or ended and in closure (its clock stopped)."""
        if self.status in (MeetingStatus.CLOSED, MeetingStatus.REOPENED):
            return True
        return self.ended_at is not None and not self.running

    @property
    def current_index(self) -> int:
        ids = [item.item_id for item in self.items]
        return ids.index(self.current_item_id) if self.current_item_id in ids else 0

    @property
    def current(self) -> ItemState | None:
        return self.items[self.current_index] if self.items else None

    def item_clock(self, now: datetime) -> ItemClock | None:
        """The current item's countdown at `now`."""
        item = self.current
        if item is None:
            return None
        return ItemClock(
            planned_seconds=item.planned_seconds,
            elapsed_seconds=item.elapsed(now),
            running=item.running,
            warning_seconds=self.warning_seconds,
        )

    def time_up_since(self, now: datetime) -> datetime | None:
        """When the current item's time ran out, while the timekeeper has not acted on
        it yet: None once the item has time left again (extended), another item is on
        the clock, or a process check was taken on it since. Derived from what is
        stored, so the time-up prompt survives a redraw and a restart."""
        item = self.current
        if item is None or self.status == MeetingStatus.PLANNED:
            return None
        moment = time_up_at(item.segments, item.planned_seconds, now)
        if moment is None or self.room.process_checked_since(item.item_id, moment):
            return None
        return moment

    def meeting_clock(self, now: datetime) -> MeetingClock:
        """The whole meeting at `now`: elapsed, remaining, projected end, drift."""
        # Over or under plan is against the planned length from the actual start: a
        # meeting that began ten minutes late is not "10 min over plan" on its first item.
        if self.started_at is not None:
            planned_end = self.started_at + timedelta(minutes=self.plan.planned_minutes)
        else:
            planned_end = self.plan.ends_at
        return MeetingClock(
            now=now,
            started_at=self.started_at,
            scheduled_end=planned_end,
            items=tuple(
                ItemTime(item.item_id, item.planned_seconds, item.elapsed(now))
                for item in self.items
            ),
            current_index=self.current_index,
        )


# Reading ------------------------------------------------------------------------------


def live_state(db: Database, *, meeting_id: int, pack: Pack) -> LiveState:
    """The meeting as the live screen needs it; NotFoundError for an unknown id."""
    with db.read() as session:
        return read_live(session, meeting_id=meeting_id, pack=pack)


def read_live(session: Session, *, meeting_id: int, pack: Pack) -> LiveState:
    plan = read_plan(session, meeting_id=meeting_id, pack=pack)
    meeting = _meeting(session, meeting_id)
    items = meetings.agenda_of(session, meeting_id=meeting_id)
    segments = session.exec(
        select(TimerSegment)
        .where(TimerSegment.meeting_id == meeting_id)
        .order_by(col(TimerSegment.started_at))
    ).all()
    notes = session.exec(
        select(Note).where(Note.meeting_id == meeting_id, col(Note.agenda_item_id).is_not(None))
    ).all()
    by_item: dict[int, list[Segment]] = {}
    for segment in segments:
        by_item.setdefault(segment.agenda_item_id, []).append(
            Segment(segment.started_at, segment.stopped_at)
        )
    note_of = {note.agenda_item_id: note.body for note in notes}
    return LiveState(
        plan=plan,
        status=meeting.status,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        current_item_id=meeting.current_item_id,
        warning_seconds=meeting.warning_seconds,
        items=tuple(
            ItemState(
                item_id=row_id(item),
                planned_seconds=_planned_seconds(item),
                segments=tuple(by_item.get(row_id(item), ())),
                current_step=item.current_step,
                step_started_seconds=item.step_started_seconds,
                note=note_of.get(row_id(item), ""),
            )
            for item in items
        ),
        room=read_room(session, meeting=meeting),
    )


def check_runnable(db: Database, *, meeting_id: int) -> None:
    """NotFoundError for an unknown meeting, InvalidInput for a closed one."""
    with db.read() as session:
        _runnable(session, meeting_id)


# The clock ----------------------------------------------------------------------------


def start_or_pause(db: Database, *, meeting_id: int, now: datetime) -> bool:
    """Pause a running clock, or start it (the first start begins the meeting, on its
    first item). Returns whether the clock runs now."""
    with db.write(now=now) as session:
        meeting = _runnable(session, meeting_id)
        if meetings.stop_running_segments(session, meeting_id=meeting_id, now=now):
            return False
        items = _agenda_ids(session, meeting_id)
        if not items:
            raise InvalidInput({"agenda": "The agenda has no items yet; add one to start."})
        if meeting.status == MeetingStatus.PLANNED:
            meeting.status = MeetingStatus.RUNNING
            meeting.started_at = now
        current = _current_item(meeting, items)
        meeting.current_item_id = current
        session.add(TimerSegment(meeting_id=meeting_id, agenda_item_id=current, started_at=now))
        return True


def move_to_item(db: Database, *, meeting_id: int, step: int, now: datetime) -> int | None:
    """Go `step` items on (1: next, -1: previous). A running clock moves with the team;
    a paused one stays paused. Returns the new current item's id, or None when there is
    no item that way."""
    with db.write(now=now) as session:
        meeting = _runnable(session, meeting_id)
        items = _agenda_ids(session, meeting_id)
        if not items:
            return None
        index = items.index(_current_item(meeting, items))
        target = index + step
        if not 0 <= target < len(items):
            return None
        was_running = meetings.stop_running_segments(session, meeting_id=meeting_id, now=now)
        new_id = items[target]
        meeting.current_item_id = new_id
        if was_running:
            session.add(TimerSegment(meeting_id=meeting_id, agenda_item_id=new_id, started_at=now))
        return new_id


def adjust_item_time(db: Database, *, item_id: int, seconds: int, now: datetime) -> int:
    """Extend (positive) or shorten (negative) an item's time; returns its planned
    seconds now. An item cannot be planned shorter than a minute."""
    with db.write(now=now) as session:
        item = _item(session, item_id)
        planned = _planned_seconds(item) + seconds
        if planned < SHORTEST_ITEM_SECONDS:
            raise InvalidInput(
                {"minutes": "An item keeps at least 1 minute; it cannot be shortened further."}
            )
        if item.extra_seconds + seconds > LONGEST_EXTENSION_SECONDS:
            raise InvalidInput({"minutes": "That extends the item by more than 10 hours."})
        item.extra_seconds += seconds
        return planned


WARNING_MAX_SECONDS = 60 * 60


def set_warning(db: Database, *, meeting_id: int, seconds: int, now: datetime) -> None:
    """How long before an item's end its timer turns to the warning ("2 min left")."""
    if not 0 <= seconds <= WARNING_MAX_SECONDS:
        raise InvalidInput({"minutes": "Give a warning time from 0 to 60 minutes."})
    with db.write(now=now) as session:
        _meeting(session, meeting_id).warning_seconds = seconds


def set_step(db: Database, *, item_id: int, position: int, now: datetime) -> None:
    """Mark the process step the team is on; its own time starts now."""
    with db.write(now=now) as session:
        item = _item(session, item_id)
        steps = meetings.steps_of(session, item_ids=[item_id])
        if not 0 <= position < len(steps):
            raise InvalidInput({"step": f"The item has no step {position + 1}."})
        segments = session.exec(
            select(TimerSegment).where(TimerSegment.agenda_item_id == item_id)
        ).all()
        item.current_step = position
        item.step_started_seconds = run_seconds(
            [Segment(s.started_at, s.stopped_at) for s in segments], now
        )


def save_note(
    db: Database,
    *,
    meeting_id: int,
    item_id: int,
    body: str,
    now: datetime,
    base: str | None = None,
) -> str:
    """Store the recorder's notes for an item (the whole text, as typed, without control
    characters: see `facilitator.domain.clean`); the notes as stored.

    `base` is what this window last had of the item's notes: when another window has
    saved something else since, the two are merged (`facilitator.domain.notes_merge`)
    rather than the other window's lines overwritten."""
    body = clean_text(body)
    with db.write(now=now) as session:
        if base is not None:
            stored = notes.note_body(session, meeting_id=meeting_id, item_id=item_id)
            body = merge_notes(clean_text(base), body, stored or "")
        if notes.replace_note_body(
            session, meeting_id=meeting_id, item_id=item_id, body=body, now=now
        ):
            return body
        item = _item(session, item_id)
        if item.meeting_id != meeting_id:
            raise NotFoundError(f"There is no agenda item {item_id} in this meeting.")
        session.add(Note(meeting_id=meeting_id, agenda_item_id=item_id, body=body))
    return body


# Helpers ------------------------------------------------------------------------------


def _planned_seconds(item: AgendaItem) -> int:
    return item.planned_minutes * MINUTE + item.extra_seconds


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = meetings.get_meeting(session, meeting_id=meeting_id)
    if meeting is None:
        raise NotFoundError(f"There is no meeting {meeting_id}.")
    return meeting


def _runnable(session: Session, meeting_id: int) -> Meeting:
    meeting = _meeting(session, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise InvalidInput(
            {"meeting": "This meeting is closed; reopen it to change what was recorded."}
        )
    return meeting


def _item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError(f"There is no agenda item {item_id}.")
    return item


def _agenda_ids(session: Session, meeting_id: int) -> list[int]:
    """The meeting's item ids in order (plain columns: a long agenda costs little)."""
    return [slot.id for slot in agenda_slots(session, meeting_id)]


def _current_item(meeting: Meeting, items: Sequence[int]) -> int:
    """The item on the clock: the stored one while it is still on the agenda, else the
    first."""
    current = meeting.current_item_id
    return current if current is not None and current in items else items[0]
