"""A team's action items across its meetings, read on the demo database at the frozen
moment (FROZEN_NOW, Monday 23 November 2026): the November meeting left five action
items, one done (due a week ago), one overdue (due four days ago) and three due later."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from facilitator.domain.action_list import NO_OWNER, OWNER_TO_BE_DECIDED, ActionFilter
from facilitator.domain.enums import ActionStatus
from facilitator.errors import NotFoundError
from facilitator.services.action_list import team_actions
from facilitator.services.closure_actions import set_action_status
from facilitator.services.team_admin import archive_team
from facilitator.store.database import Database
from facilitator.store.tables import ActionItem, Member, Team, row_id
from tests.conftest import FROZEN_NOW

TODAY = FROZEN_NOW.date()
LEADERSHIP = "Riverside Elementary Leadership Team"
PLC = "Grade 3 Collaborative Learning Team"


def team_id(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def add_action(db: Database, team: int, what: str, **fields: object) -> int:
    with db.write(now=FROZEN_NOW) as session:
        action = ActionItem(team_id=team, what=what, **fields)  # type: ignore[arg-type]
        session.add(action)
        session.flush()
        return row_id(action)


def test_the_demo_teams_action_items(demo_db: Database) -> None:
    actions = team_actions(demo_db, team_id=team_id(demo_db, LEADERSHIP), today=TODAY)

    assert actions.team_name == LEADERSHIP
    assert [(e.owner, e.due, e.status, e.overdue) for e in actions.entries] == [
        ("Aisha Karimi", TODAY - timedelta(days=7), "done", False),
        ("Daniel Okafor", TODAY - timedelta(days=4), "open", True),
        ("Grace Liu", TODAY + timedelta(days=5), "open", False),
        ("Tom Becker", TODAY + timedelta(days=9), "open", False),
        ("Maria Alvarez", TODAY + timedelta(days=12), "open", False),
    ]
    assert (actions.open_count, actions.overdue_count, actions.done_count) == (4, 1, 1)
    assert actions.counts_label() == "4 open, 1 overdue, 1 done"
    first = actions.entries[0]
    assert first.what == "Share the opinion-writing rubric draft with grade-level teams"
    assert first.team_name == LEADERSHIP
    assert first.done_at == FROZEN_NOW - timedelta(days=8)
    assert first.meeting_title == "November leadership team meeting"
    assert first.meeting_date == TODAY - timedelta(days=14)
    assert [e.owner for e in actions.overdue] == ["Daniel Okafor"]


def test_overdue_depends_on_today(demo_db: Database) -> None:
    """Due four days ago: not overdue on its due date, overdue the day after."""
    riverside = team_id(demo_db, LEADERSHIP)
    due_day = TODAY - timedelta(days=4)

    on_the_day = team_actions(demo_db, team_id=riverside, today=due_day)
    day_after = team_actions(demo_db, team_id=riverside, today=due_day + timedelta(days=1))

    assert on_the_day.overdue_count == 0
    assert day_after.overdue_count == 1


def test_every_active_team_when_no_team_is_given(demo_db: Database) -> None:
    riverside, plc = team_id(demo_db, LEADERSHIP), team_id(demo_db, PLC)
    add_action(demo_db, plc, "Print the benchmark reports", owner_name="Office")

    everyone = team_actions(demo_db, team_id=None, today=TODAY)
    assert everyone.team_name is None
    assert {e.team_name for e in everyone.entries} == {LEADERSHIP, PLC}
    assert len(everyone.entries) == 6

    archive_team(demo_db, team_id=riverside, now=FROZEN_NOW)
    assert [e.what for e in team_actions(demo_db, team_id=None, today=TODAY).entries] == [
        "Print the benchmark reports"
    ]
    # An archived team's own list still opens.
    assert len(team_actions(demo_db, team_id=riverside, today=TODAY).entries) == 5


def test_an_unknown_team_is_a_sentence(demo_db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no team 99."):
        team_actions(demo_db, team_id=99, today=TODAY)


def test_owners_outsiders_and_the_owner_less(demo_db: Database) -> None:
    plc = team_id(demo_db, PLC)
    add_action(demo_db, plc, "Book the library", owner_name="Sam (librarian)")
    add_action(demo_db, plc, "Find a date for the parent evening")
    add_action(demo_db, plc, "Ask the district", owner_to_be_decided=True)
    add_action(demo_db, plc, "Order new readers", due_date=TODAY, owner_member_id=_member(demo_db))

    actions = team_actions(demo_db, team_id=plc, today=TODAY)
    groups = [(owner, [e.what for e in entries]) for owner, entries in actions.by_owner()]

    assert groups == [
        ("Hannah Cole", ["Order new readers"]),
        ("Sam (librarian)", ["Book the library"]),
        (NO_OWNER, ["Find a date for the parent evening"]),
        (OWNER_TO_BE_DECIDED, ["Ask the district"]),
    ]
    undated = next(e for e in actions.entries if e.what == "Book the library")
    assert undated.due is None and not undated.overdue
    assert undated.meeting_title is None and undated.meeting_date is None
    assert actions.entries[0].what == "Order new readers"  # dated first, undated last


def _member(db: Database) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Member).where(Member.name == "Hannah Cole")).one())


def test_marking_done_and_open_again(demo_db: Database) -> None:
    """Through closure's `set_action_status`: done dates it, open again undates it and an
    overdue item is overdue again."""
    riverside = team_id(demo_db, LEADERSHIP)
    overdue = team_actions(demo_db, team_id=riverside, today=TODAY).overdue[0]
    later = FROZEN_NOW + timedelta(minutes=5)

    set_action_status(demo_db, action_id=overdue.id, status=ActionStatus.DONE, now=later)
    done = team_actions(demo_db, team_id=riverside, today=TODAY)
    entry = done.get(overdue.id)
    assert entry is not None and entry.is_done and entry.done_at == later
    assert not entry.overdue
    assert done.counts_label() == "3 open, 0 overdue, 2 done"

    set_action_status(demo_db, action_id=overdue.id, status=ActionStatus.OPEN, now=later)
    reopened = team_actions(demo_db, team_id=riverside, today=TODAY).get(overdue.id)
    assert reopened is not None and reopened.overdue and reopened.done_at is None


def test_dropped_items_are_shown_only_under_all(demo_db: Database) -> None:
    riverside = team_id(demo_db, LEADERSHIP)
    dropped = add_action(
        demo_db, riverside, "Survey families", status="dropped", due_date=date(2026, 11, 1)
    )

    actions = team_actions(demo_db, team_id=riverside, today=TODAY)

    entry = actions.get(dropped)
    assert entry is not None and not entry.overdue and entry.status_label == "dropped"
    for view in (ActionFilter.OPEN, ActionFilter.OVERDUE, ActionFilter.DONE):
        assert dropped not in {e.id for e in actions.shown(view).entries}
    assert dropped in {e.id for e in actions.shown(ActionFilter.ALL).entries}
