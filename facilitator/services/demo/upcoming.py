"""The demo team's next meeting, and a second, smaller team."""

from __future__ import annotations

from datetime import time, timedelta

from facilitator.services.demo import data
from facilitator.services.demo.builder import MEETING_TIME, Builder
from facilitator.store.tables import (
    AgendaItem,
    AgendaStep,
    Attendance,
    CarryForward,
    Meeting,
    RoleAssignment,
    row_id,
)


def next_meeting(b: Builder, team_id: int, links: dict[str, int]) -> int:
    start = b.at(b.today + timedelta(days=7), MEETING_TIME)
    meeting = b.add(
        Meeting(
            team_id=team_id,
            title="December leadership team meeting",
            purpose="Decide how we support weekly writing conferences through February.",
            goals="Agree what November's walkthrough data shows.\n"
            "Choose how we support weekly conferences.\nSettle the classroom library budget.",
            scheduled_start=start,
            planned_minutes=60,
            location="Library",
            template_id="leadership-team",
        )
    )
    meeting_id = row_id(meeting)
    b.roles_and_attendance(meeting_id, present=False)
    b.add(
        RoleAssignment(
            meeting_id=meeting_id,
            role="custom",
            label="Norms monitor",
            member_id=b.members["Grace Liu"],
            position=len(data.ROLES),
        )
    )
    for position, (title, goal, presenter, minutes, kind, process, steps) in enumerate(
        data.NEXT_AGENDA
    ):
        item = b.add(
            AgendaItem(
                meeting_id=meeting_id,
                position=position,
                title=title,
                goal=goal,
                presenter_member_id=b.members[presenter],
                planned_minutes=minutes,
                kind=kind,
                process_id=process,
            )
        )
        for step_position, step in enumerate(steps):
            b.add(AgendaStep(agenda_item_id=row_id(item), position=step_position, title=step))
        _carry_forward(b, row_id(item), title, links)
    return meeting_id


def _carry_forward(b: Builder, item_id: int, title: str, links: dict[str, int]) -> None:
    if title == "Review of action items":
        for key, action_id in links.items():
            if key.startswith("action:"):
                b.add(CarryForward(agenda_item_id=item_id, action_item_id=action_id))
    elif title == "Classroom library budget":
        b.add(
            CarryForward(
                agenda_item_id=item_id,
                next_agenda_entry_id=links["next:Budget for classroom libraries"],
            )
        )
    elif title == "Peer observations in PLC time":
        b.add(
            CarryForward(
                agenda_item_id=item_id,
                parking_lot_item_id=links["parking:Could PLC time be used for peer observations?"],
            )
        )


def second_team(b: Builder) -> None:
    team_id = b.team(
        data.SECOND_TEAM, data.SECOND_PURPOSE, "collaborative-learning-team", data.SECOND_MEMBERS
    )
    b.norms(team_id, ["pausing", "paraphrasing", "presuming-positive-presuppositions"], ())
    start = b.at(b.today + timedelta(days=2), time(14, 45))
    meeting = b.add(
        Meeting(
            team_id=team_id,
            title="PLC data meeting: winter reading benchmark",
            purpose="Plan support and extension from the winter benchmark results.",
            goals="Agree which skills need reteaching.\n"
            "Form small groups for the next three weeks.",
            scheduled_start=start,
            planned_minutes=45,
            location="Room 12",
        )
    )
    meeting_id = row_id(meeting)
    for name, member_id in b.members.items():
        b.add(Attendance(meeting_id=meeting_id, member_id=member_id))
        if name == "Hannah Cole":
            b.add(RoleAssignment(meeting_id=meeting_id, role="facilitator", member_id=member_id))
    for position, (title, goal, presenter, minutes, kind) in enumerate(data.SECOND_AGENDA):
        b.add(
            AgendaItem(
                meeting_id=meeting_id,
                position=position,
                title=title,
                goal=goal,
                presenter_member_id=b.members[presenter],
                planned_minutes=minutes,
                kind=kind,
            )
        )
