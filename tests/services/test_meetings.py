"""Reading meetings: the list, and one meeting's plan with names and times resolved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from facilitator.domain.meeting_view import MeetingPlan
from facilitator.errors import NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.meetings import list_meetings, meeting_plan
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Member, row_id
from tests.conftest import FROZEN_NOW

DECEMBER = "December leadership team meeting"
NOVEMBER = "November leadership team meeting"


def meeting_id(db: Database, title: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Meeting).where(Meeting.title == title)).one())


def overview(db: Database, pack: Pack, title: str = DECEMBER) -> MeetingPlan:
    return meeting_plan(db, meeting_id=meeting_id(db, title), pack=pack)


def test_list_is_every_meeting_by_date(demo_db: Database) -> None:
    meetings = list_meetings(demo_db)

    assert [(m.title, m.status) for m in meetings] == [
        ("September leadership team meeting", "closed"),
        ("October leadership team meeting", "closed"),
        (NOVEMBER, "closed"),
        ("PLC data meeting: winter reading benchmark", "planned"),
        (DECEMBER, "planned"),
    ]
    assert [m.scheduled_start for m in meetings] == sorted(m.scheduled_start for m in meetings)
    assert meetings[0].team_name == "Riverside Elementary Leadership Team"


def test_list_of_an_empty_database(db: Database) -> None:
    assert list_meetings(db) == []


def test_items_start_when_the_ones_before_end(demo_db: Database, pack: Pack) -> None:
    plan = overview(demo_db, pack)

    start = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    assert plan.scheduled_start == start
    assert [line.starts_at for line in plan.agenda] == [
        start + timedelta(minutes=offset) for offset in (0, 5, 13, 25, 40, 50, 55)
    ]
    assert plan.agenda_minutes == 60
    assert [line.position for line in plan.agenda] == list(range(7))


def test_roles_resolve_to_names_with_a_custom_label(demo_db: Database, pack: Pack) -> None:
    plan = overview(demo_db, pack)

    assert [(r.role, r.label, r.holder.name if r.holder else None) for r in plan.roles] == [
        ("chair", pack.roles["chair"].name, "Maria Alvarez"),
        ("facilitator", "Facilitator", "Aisha Karimi"),
        ("recorder", "Recorder", "Priya Raman"),
        ("timekeeper", "Timekeeper", "Tom Becker"),
        ("custom", "Norms monitor", "Grace Liu"),
    ]
    assert all(r.holder and r.holder.member_id for r in plan.roles)
    assert plan.roles[2].focus == pack.roles["recorder"].focus


def test_plan_has_header_goals_people_steps_and_norms(demo_db: Database, pack: Pack) -> None:
    plan = overview(demo_db, pack)

    assert plan.team_name == "Riverside Elementary Leadership Team"
    assert plan.title == DECEMBER
    assert plan.goals == (
        "Agree what November's walkthrough data shows.",
        "Choose how we support weekly conferences.",
        "Settle the classroom library budget.",
    )
    assert len(plan.attendees) == 9
    guest = plan.attendees[-1].person
    assert (guest.name, guest.is_guest) == ("Sam Ortiz (district literacy specialist)", True)
    presenter = plan.agenda[2].presenter
    assert presenter is not None and presenter.name == "Daniel Okafor" and not presenter.is_guest
    conferences = plan.agenda[3]
    assert conferences.process is not None
    assert conferences.steps[0].title == "Define the issues"
    assert len(conferences.steps) == 6
    assert plan.agenda[0].process is None and plan.agenda[0].steps == ()
    assert plan.norms[:7] == tuple(norm.name for norm in pack.norms.values())
    assert len(plan.norms) == 9
    assert [m.name for m in plan.members][:2] == ["Maria Alvarez", "Daniel Okafor"]


def test_unknown_meeting_is_not_found(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="4242"):
        meeting_plan(demo_db, meeting_id=4242, pack=pack)


def test_archived_presenter_keeps_their_name_in_old_meetings(demo_db: Database, pack: Pack) -> None:
    with demo_db.write(now=FROZEN_NOW) as session:
        member = session.exec(select(Member).where(Member.name == "Daniel Okafor")).first()
        assert member is not None
        member.archived_at = FROZEN_NOW

    plan = overview(demo_db, pack, NOVEMBER)

    guiding_question = plan.agenda[3]
    assert guiding_question.title.startswith("Guiding question")
    assert guiding_question.presenter is not None
    assert guiding_question.presenter.name == "Daniel Okafor"
    assert "Daniel Okafor" not in [m.name for m in plan.members]  # no longer offered
