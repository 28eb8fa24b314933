"""Turning an evaluation's deltas into next steps: one goes to the team's parking lot,
or onto the agenda of the team's next meeting. The evaluated meeting's own
record is left as it was."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from facilitator.domain.clean import clean_line
from facilitator.domain.enums import ItemKind, MeetingStatus
from facilitator.domain.planning import TITLE_MAX, ItemDraft
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.agenda import add_item
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import Meeting, NextAgendaEntry, ParkingLotItem, row_id


def park_delta(db: Database, *, meeting_id: int, text: str, now: datetime) -> int:
    """The delta on the team's parking lot (open, for a later plan to take up)."""
    words = _words(text)
    with db.write(now=now) as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        parked = ParkingLotItem(team_id=meeting.team_id, text=words)
        session.add(parked)
        session.flush()
        return row_id(parked)


def delta_to_next_agenda(
    db: Database, *, meeting_id: int, text: str, pack: Pack, now: datetime
) -> str:
    """The delta as a discussion item on the team's next planned meeting; with none
    planned, set aside for the team's next meeting (offered to carry forward when one is
    planned, belonging to no meeting so the evaluated one's minutes stay as they were).
    Returns where it went, in a sentence."""
    words = _words(text)
    with db.read() as session:
        meeting = fetch(session, Meeting, meeting_id, "meeting")
        upcoming = session.exec(
            select(Meeting)
            .where(
                Meeting.team_id == meeting.team_id,
                Meeting.status == MeetingStatus.PLANNED,
                col(Meeting.id) != meeting_id,
            )
            .order_by(col(Meeting.scheduled_start))
        ).first()
    title = words if len(words) <= TITLE_MAX else words[: TITLE_MAX - 1] + "…"
    source = f"From the evaluation of {meeting.title}"
    if upcoming is None:
        with db.write(now=now) as session:
            note = f"{source}: {words}" if title != words else source
            session.add(NextAgendaEntry(team_id=meeting.team_id, title=title, note=note))
        return "Set aside for the team's next meeting: offered when it is planned."
    draft = ItemDraft(
        title=title, minutes="10", goal=f"{source}: {words}", kind=ItemKind.DISCUSSION.value
    )
    add_item(db, meeting_id=row_id(upcoming), draft=draft, pack=pack, now=now)
    return f"On the agenda of {upcoming.title}."


def _words(text: str) -> str:
    words = " ".join(clean_line(text).split())
    if not words:
        raise InvalidInput({"form": "That delta has no words to carry."})
    return words
