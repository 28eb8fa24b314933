"""The speaker queue takes anyone in the room: members by id, guests by name."""

from __future__ import annotations

import pytest
from sqlmodel import select

from facilitator.domain.minutes import Minutes
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.services.planning import add_guest
from facilitator.services.room import leave_queue, next_speaker, queue_by_name, queue_speaker
from facilitator.store.database import Database
from facilitator.store.tables import Attendance, SpeakerTurn
from tests.services.test_captures import DECEMBER, NOVEMBER, at, member, room


def minutes_of(db: Database, pack: Pack, meeting_id: int) -> Minutes:
    return meeting_minutes(db, meeting_id=meeting_id, pack=pack)


def test_a_guest_of_the_meeting_is_on_the_speakers_list_and_takes_turns(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 6): a guest could not be queued to speak, although
    the README says anyone can. A guest expected at the meeting is listed after the
    members, queues by name, gets the floor, and their turn is in the minutes."""
    add_guest(demo_db, meeting_id=DECEMBER, name="Ana Ruiz", now=at(0))
    listed = room(demo_db, pack)
    assert listed.members[-1].name == "Ana Ruiz"
    assert listed.members[-1].is_guest and listed.members[-1].quiet

    assert queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker="Ana Ruiz", now=at(1))
    assert not queue_speaker(
        demo_db, meeting_id=DECEMBER, item_id=None, speaker="Ana Ruiz", now=at(2)
    )
    assert room(demo_db, pack).queue == ("Ana Ruiz",)
    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(3)) == "Ana Ruiz"
    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(40)) is None
    after = room(demo_db, pack)
    assert [(s.name, s.turns, s.quiet) for s in after.members if s.is_guest] == [
        ("Sam Ortiz (district literacy specialist)", 0, True),  # the demo's guest
        ("Ana Ruiz", 1, False),
    ]
    turns = minutes_of(demo_db, pack, DECEMBER).turns
    assert [(t.speaker.name, t.speaker.is_guest) for t in turns] == [("Ana Ruiz", True)]


def test_q_by_name_finds_the_list_then_the_team_then_adds_a_guest(
    demo_db: Database, pack: Pack
) -> None:
    """A name on the list (any case and spacing) queues that person; a team member not
    expected today queues as the member; a new name joins as a guest of this meeting,
    present, and is on the list from then on."""
    tom = member(demo_db, "Tom Becker")
    first = queue_by_name(
        demo_db, meeting_id=DECEMBER, item_id=None, name=" tom  BECKER", now=at(1)
    )
    assert (first.key, first.name, first.new_guest, first.queued) == (
        tom,
        "Tom Becker",
        False,
        True,
    )

    guest = queue_by_name(demo_db, meeting_id=DECEMBER, item_id=None, name="Dr. Lee", now=at(2))
    assert (guest.key, guest.new_guest, guest.queued) == ("Dr. Lee", True, True)
    with demo_db.read() as session:
        row = session.exec(
            select(Attendance).where(
                Attendance.meeting_id == DECEMBER, Attendance.guest_name == "Dr. Lee"
            )
        ).one()
    assert (row.member_id, row.status, row.confirmed_at) == (None, "present", at(2))

    again = queue_by_name(demo_db, meeting_id=DECEMBER, item_id=None, name="dr. lee", now=at(3))
    assert (again.key, again.new_guest, again.queued) == ("Dr. Lee", False, False)
    assert room(demo_db, pack).queue == (tom, "Dr. Lee")

    leave_queue(demo_db, meeting_id=DECEMBER, speaker="Dr. Lee", now=at(4))
    assert room(demo_db, pack).queue == (tom,)
    with demo_db.read() as session:
        guest_turns = session.exec(
            select(SpeakerTurn).where(SpeakerTurn.guest_name == "Dr. Lee")
        ).all()
    assert guest_turns == []


def test_q_by_name_refuses_no_name_and_a_closed_meeting(demo_db: Database) -> None:
    with pytest.raises(InvalidInput, match="Give the name"):
        queue_by_name(demo_db, meeting_id=DECEMBER, item_id=None, name="   ", now=at(0))
    with pytest.raises(InvalidInput, match="closed"):
        queue_by_name(demo_db, meeting_id=NOVEMBER, item_id=None, name="Sam", now=at(0))
