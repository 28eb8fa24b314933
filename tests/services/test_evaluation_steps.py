"""A delta from an evaluation becomes a next step: the team's parking lot, or an item
on the team's next planned meeting; the evaluated meeting's record is left alone."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from facilitator.domain.planning import MeetingDraft
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.carry_forward import carry_forward_candidates
from facilitator.services.evaluation_steps import delta_to_next_agenda, park_delta
from facilitator.services.minutes import meeting_minutes
from facilitator.services.planning import create_meeting
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem, NextAgendaEntry, ParkingLotItem
from tests.conftest import FROZEN_NOW

NOVEMBER, DECEMBER, PLC = 1, 2, 3


def test_a_delta_goes_on_the_next_meetings_agenda(demo_db: Database, pack: Pack) -> None:
    said = delta_to_next_agenda(
        demo_db, meeting_id=NOVEMBER, text=" Shorter  [b]reports[/b] ", pack=pack, now=FROZEN_NOW
    )
    assert said == "On the agenda of December leadership team meeting."
    with demo_db.read() as session:
        last = session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == DECEMBER)
            .order_by(col(AgendaItem.position).desc())
        ).first()
    assert last is not None
    assert (last.title, last.kind) == ("Shorter [b]reports[/b]", "discussion")
    assert last.goal.startswith("From the evaluation of November leadership team meeting")


def test_a_delta_parked_belongs_to_the_team_not_the_meeting(demo_db: Database) -> None:
    parked = park_delta(demo_db, meeting_id=NOVEMBER, text="Start on time", now=FROZEN_NOW)
    with demo_db.read() as session:
        row = session.get(ParkingLotItem, parked)
    assert row is not None
    assert (row.text, row.meeting_id, row.team_id, row.status) == ("Start on time", None, 1, "open")


def test_with_no_meeting_planned_a_delta_waits_for_the_next_one(
    demo_db: Database, pack: Pack
) -> None:
    """Set aside for the team's next meeting, belonging to no meeting (the evaluated
    one's minutes stay as they were), and offered to carry forward once one is planned."""
    said = delta_to_next_agenda(
        demo_db, meeting_id=PLC, text="Bring the data", pack=pack, now=FROZEN_NOW
    )
    assert said == "Set aside for the team's next meeting: offered when it is planned."
    with demo_db.read() as session:
        entry = session.exec(
            select(NextAgendaEntry).where(NextAgendaEntry.title == "Bring the data")
        ).one()
    assert entry.meeting_id is None
    assert entry.note.startswith("From the evaluation of PLC data meeting")
    assert meeting_minutes(demo_db, meeting_id=PLC, pack=pack).next_agenda == ()
    draft = MeetingDraft(title="Next PLC meeting", date="2027-01-13", time="14:45")
    later = create_meeting(
        demo_db, team_id=entry.team_id, draft=draft, pack=pack, now=FROZEN_NOW, tz=None
    ).id
    offered = carry_forward_candidates(demo_db, meeting_id=later)
    assert ("next", "Bring the data") in {(c.kind, c.text) for c in offered}


def test_an_empty_delta_is_refused(demo_db: Database) -> None:
    with pytest.raises(InvalidInput, match="no words"):
        park_delta(demo_db, meeting_id=NOVEMBER, text=" \x1b ", now=FROZEN_NOW)
