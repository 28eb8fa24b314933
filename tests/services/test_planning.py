"""Planning a meeting: creating it blank, from a template or as a copy, and editing its
details, roles and attendance. Results are read back through `meeting_plan`."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import func, select

from facilitator.domain.meeting_view import MeetingPlan, Person, RoleLine
from facilitator.domain.planning import MeetingDraft
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.pack.schema import TemplateItem
from facilitator.services.meetings import meeting_plan
from facilitator.services.planning import (
    add_custom_role,
    add_guest,
    assign_role,
    create_meeting,
    remove_attendee,
    remove_custom_role,
    set_expected,
    update_meeting,
)
from facilitator.services.team_admin import archive_member, archive_team
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import (
    AgendaItem,
    AgendaStep,
    Attendance,
    Meeting,
    Member,
    RoleAssignment,
    Team,
    row_id,
)
from tests.conftest import FROZEN_NOW, TZ

DRAFT = MeetingDraft(title="Writing data", date="2026-12-07", time="15:30", minutes="60")
MEMBERS = ("Ann Lee", "Ben Cho", "Cara Diaz")
CORE = ["chair", "facilitator", "recorder", "timekeeper"]
DEMO_TEAM = "Riverside Elementary Leadership Team"
DECEMBER = "December leadership team meeting"
SECOND_TEAM_MEETING = "PLC data meeting: winter reading benchmark"


# Helpers -------------------------------------------------------------------------------


def make_team(db: Database, pack: Pack, name: str = "Grade 4 PLC") -> int:
    draft = TeamDraft(name=name, members=tuple(MemberDraft(member) for member in MEMBERS))
    return create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)


@pytest.fixture
def team(db: Database, pack: Pack) -> int:
    """A team of three, with no meetings."""
    return make_team(db, pack)


def create(
    db: Database,
    pack: Pack,
    team_id: int,
    draft: MeetingDraft = DRAFT,
    *,
    template_id: str | None = None,
    copy_of: int | None = None,
) -> int:
    saved = create_meeting(
        db,
        team_id=team_id,
        draft=draft,
        pack=pack,
        now=FROZEN_NOW,
        tz=TZ,
        template_id=template_id,
        copy_of=copy_of,
    )
    return saved.id


def plan_of(db: Database, pack: Pack, meeting_id: int) -> MeetingPlan:
    return meeting_plan(db, meeting_id=meeting_id, pack=pack)


def role_of(plan: MeetingPlan, role: str, label: str | None = None) -> RoleLine:
    return next(r for r in plan.roles if r.role == role and (label is None or r.label == label))


def holders(plan: MeetingPlan) -> list[tuple[str, str, str | None]]:
    return [(r.role, r.label, r.holder.name if r.holder else None) for r in plan.roles]


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.__name__: session.exec(select(func.count()).select_from(table)).one()
            for table in (Meeting, AgendaItem, AgendaStep, RoleAssignment, Attendance)
        }


def by_title(db: Database, title: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Meeting).where(Meeting.title == title)).one())


def team_named(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def member_named(db: Database, name: str, team_id: int) -> int:
    with db.read() as session:
        statement = select(Member).where(Member.name == name, Member.team_id == team_id)
        return row_id(session.exec(statement).one())


def agenda_shape(plan: MeetingPlan) -> list[tuple[object, ...]]:
    return [
        (
            line.title,
            line.goal,
            line.presenter.name if line.presenter else None,
            line.minutes,
            line.kind,
            line.process_id,
            [(s.title, s.detail, s.planned_minutes, s.media_ranges) for s in line.steps],
        )
        for line in plan.agenda
    ]


# Creating ------------------------------------------------------------------------------


def test_a_blank_meeting_has_open_roles_everyone_expected_and_no_items(
    db: Database, pack: Pack, team: int
) -> None:
    saved = create_meeting(db, team_id=team, draft=DRAFT, pack=pack, now=FROZEN_NOW, tz=TZ)

    plan = plan_of(db, pack, saved.id)
    assert saved.notes == {}
    assert (plan.team_id, plan.title, plan.status) == (team, "Writing data", "planned")
    assert plan.scheduled_start == datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
    assert plan.planned_minutes == 60
    assert [(r.role, r.holder) for r in plan.roles] == [(role, None) for role in CORE]
    assert [(a.person.name, a.status) for a in plan.attendees] == [
        (name, "expected") for name in MEMBERS
    ]
    assert all(not a.person.is_guest for a in plan.attendees)
    assert plan.agenda == ()
    assert plan.goals == ()


def test_archived_members_are_not_expected(db: Database, pack: Pack, team: int) -> None:
    archive_member(db, member_id=member_named(db, "Ben Cho", team), now=FROZEN_NOW)

    plan = plan_of(db, pack, create(db, pack, team))

    assert [a.person.name for a in plan.attendees] == ["Ann Lee", "Cara Diaz"]


def test_the_start_is_on_the_wall_clock_of_the_zone(db: Database, pack: Pack, team: int) -> None:
    chicago = ZoneInfo("America/Chicago")

    saved = create_meeting(db, team_id=team, draft=DRAFT, pack=pack, now=FROZEN_NOW, tz=chicago)

    start = plan_of(db, pack, saved.id).scheduled_start
    assert start == datetime(2026, 12, 7, 21, 30, tzinfo=UTC)


def test_a_past_date_is_saved_with_a_note(db: Database, pack: Pack, team: int) -> None:
    draft = MeetingDraft(title="Catch-up", date="2026-11-02", time="15:30")

    saved = create_meeting(db, team_id=team, draft=draft, pack=pack, now=FROZEN_NOW, tz=TZ)

    assert set(saved.notes) == {"date"}
    assert plan_of(db, pack, saved.id).scheduled_start.date().isoformat() == "2026-11-02"


def expected_steps(entry: TemplateItem, pack: Pack) -> list[tuple[str, int | None, str]]:
    if entry.video:
        return [
            (s.title, None, ", ".join(r.label() for r in s.ranges))
            for s in pack.video_guides[entry.video].segments
        ]
    if entry.process:
        steps = list(enumerate(pack.protocols[entry.process].steps, start=1))
        return [(s.title, s.minutes, "") for n, s in steps if entry.step in (None, n)]
    return []


def test_every_template_gives_its_items_and_steps(db: Database, pack: Pack, team: int) -> None:
    seen = {"video": 0, "step": 0, "process": 0}
    for template in pack.agenda_templates.values():
        plan = plan_of(db, pack, create(db, pack, team, template_id=template.id))

        assert [(i.title, i.goal, i.minutes, i.kind, i.process_id) for i in plan.agenda] == [
            (e.title, e.goal, e.minutes, e.kind, e.process) for e in template.items
        ], template.id
        assert [i.notes for i in plan.agenda] == [e.notes for e in template.items]
        assert [i.position for i in plan.agenda] == list(range(len(template.items)))
        for line, entry in zip(plan.agenda, template.items, strict=True):
            steps = [(s.title, s.planned_minutes, s.media_ranges) for s in line.steps]
            assert steps == expected_steps(entry, pack), (template.id, entry.title)
            kind = "video" if entry.video else "step" if entry.step else "process"
            seen[kind] += bool(entry.video or entry.process)
        assert plan.goals == template.goals, template.id
    assert all(seen.values()), seen


def test_a_video_item_has_a_step_per_segment_with_its_times(
    db: Database, pack: Pack, team: int
) -> None:
    plan = plan_of(db, pack, create(db, pack, team, template_id="video-study-union-hill"))

    watch = next(line for line in plan.agenda if line.title == "Watch and discuss")
    assert [(s.title, s.media_ranges) for s in watch.steps] == [
        ("Mutual respect, teamwork and accountability", "1:24–1:40, 4:48–5:01"),
        ("Rigorous, consistent instructional practice", "2:51–3:44, 5:42–6:15"),
    ]
    segment = pack.video_guides["union-hill"].segments[0]
    assert watch.steps[0].detail == "\n".join((segment.prompt, *segment.questions))


def test_an_item_for_one_step_gets_only_that_step(db: Database, pack: Pack, team: int) -> None:
    plan = plan_of(db, pack, create(db, pack, team, template_id="plc-data-meeting"))

    protocol = pack.protocols["plc-critical-questions"]
    with_steps = [line for line in plan.agenda if line.process_id == protocol.id]
    assert [[s.title for s in line.steps] for line in with_steps] == [
        [step.title] for step in protocol.steps
    ]


def test_the_drafts_goals_win_over_the_templates(db: Database, pack: Pack, team: int) -> None:
    draft = MeetingDraft(
        title="Norms", date="2026-12-07", time="15:30", goals="Our own goal.\n\nAnother."
    )

    plan = plan_of(db, pack, create(db, pack, team, draft, template_id="norms-review"))

    assert plan.goals == ("Our own goal.", "Another.")
    with db.read() as session:
        meeting = session.get(Meeting, plan.id)
        assert meeting is not None
        assert meeting.template_id == "norms-review"


def test_a_copy_has_the_earlier_items_steps_and_role_holders(demo_db: Database, pack: Pack) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    december = by_title(demo_db, DECEMBER)
    recorder = role_of(plan_of(demo_db, pack, december), "recorder")
    assign_role(demo_db, role_id=recorder.id, holder="Sam Ortiz", as_guest=True, now=FROZEN_NOW)
    earlier = plan_of(demo_db, pack, december)

    copy = plan_of(demo_db, pack, create(demo_db, pack, team_id, copy_of=december))

    assert copy.id != december
    assert agenda_shape(copy) == agenda_shape(earlier)
    assert {s.id for line in copy.agenda for s in line.steps}.isdisjoint(
        {s.id for line in earlier.agenda for s in line.steps}
    )
    assert [(role, name) for role, _, name in holders(copy) if role != "custom"] == [
        ("chair", "Maria Alvarez"),
        ("facilitator", "Aisha Karimi"),
        ("recorder", "Sam Ortiz"),
        ("timekeeper", "Tom Becker"),
    ]
    assert role_of(copy, "recorder").holder == Person("Sam Ortiz")
    assert (copy.title, copy.status) == ("Writing data", "planned")


def test_a_copy_leaves_a_role_open_when_its_holder_left_the_team(
    demo_db: Database, pack: Pack
) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    archive_member(
        demo_db, member_id=member_named(demo_db, "Maria Alvarez", team_id), now=FROZEN_NOW
    )

    copy = plan_of(
        demo_db, pack, create(demo_db, pack, team_id, copy_of=by_title(demo_db, DECEMBER))
    )

    assert role_of(copy, "chair").holder is None


@pytest.mark.parametrize("title", [SECOND_TEAM_MEETING, None])
def test_a_copy_of_another_teams_meeting_is_refused(
    demo_db: Database, pack: Pack, title: str | None
) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    source = by_title(demo_db, title) if title else 9999
    before = row_counts(demo_db)

    with pytest.raises(InvalidInput) as raised:
        create(demo_db, pack, team_id, copy_of=source)

    assert set(raised.value.problems) == {"copy"}
    assert row_counts(demo_db) == before


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (MeetingDraft(title="", date="2026-12-07", time="15:30"), {"title"}),
        (MeetingDraft(title="x", date="2026-02-30", time="15:30"), {"date"}),
        (MeetingDraft(title="x", date="2026-12-07", time="25:00"), {"time"}),
        (MeetingDraft(title="x", date="2026-12-07", time="15:30", minutes="4"), {"minutes"}),
        (
            MeetingDraft(title="", date="", time="", minutes=""),
            {"title", "date", "time", "minutes"},
        ),
    ],
)
def test_a_broken_draft_saves_nothing(
    db: Database, pack: Pack, team: int, draft: MeetingDraft, fields: set[str]
) -> None:
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        create(db, pack, team, draft)

    assert set(raised.value.problems) == fields
    assert raised.value.sentence in raised.value.problems.values()
    assert row_counts(db) == before


def test_an_unknown_template_saves_nothing(db: Database, pack: Pack, team: int) -> None:
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        create(db, pack, team, template_id="no-such-template")

    assert raised.value.problems == {
        "template": "There is no agenda template called no-such-template."
    }
    assert row_counts(db) == before


def test_an_unknown_or_archived_team_saves_nothing(db: Database, pack: Pack, team: int) -> None:
    archive_team(db, team_id=team, now=FROZEN_NOW)
    before = row_counts(db)

    for team_id in (team, 9999):
        with pytest.raises(NotFoundError, match=f"There is no active team {team_id}."):
            create(db, pack, team_id)

    assert row_counts(db) == before


# Editing the details -------------------------------------------------------------------


def test_update_saves_every_detail(db: Database, pack: Pack, team: int) -> None:
    meeting_id = create(db, pack, team)
    draft = MeetingDraft(
        title=" Writing  data, part 2 ",
        date="8 Dec",
        time="4pm",
        minutes="45",
        location=" Room 12 ",
        purpose=" Pick a focus. ",
        goals="One.\n\nTwo.",
    )

    saved = update_meeting(db, meeting_id=meeting_id, draft=draft, now=FROZEN_NOW, tz=TZ)

    plan = plan_of(db, pack, meeting_id)
    assert (saved.id, saved.notes) == (meeting_id, {})
    assert (plan.title, plan.planned_minutes, plan.location, plan.purpose) == (
        "Writing data, part 2",
        45,
        "Room 12",
        "Pick a focus.",
    )
    assert plan.scheduled_start == datetime(2026, 12, 8, 16, 0, tzinfo=UTC)
    assert plan.goals == ("One.", "Two.")


def test_update_to_a_past_date_is_noted(db: Database, pack: Pack, team: int) -> None:
    meeting_id = create(db, pack, team)
    draft = MeetingDraft(title="Writing data", date="2026-11-01", time="15:30")

    saved = update_meeting(db, meeting_id=meeting_id, draft=draft, now=FROZEN_NOW, tz=TZ)

    assert set(saved.notes) == {"date"}


def test_a_broken_update_changes_nothing(db: Database, pack: Pack, team: int) -> None:
    meeting_id = create(db, pack, team)
    before = plan_of(db, pack, meeting_id)
    draft = MeetingDraft(title="", date="2026-12-08", time="16:00", minutes="601")

    with pytest.raises(InvalidInput) as raised:
        update_meeting(db, meeting_id=meeting_id, draft=draft, now=FROZEN_NOW, tz=TZ)

    assert set(raised.value.problems) == {"title", "minutes"}
    assert plan_of(db, pack, meeting_id) == before


def test_updating_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting 9999."):
        update_meeting(db, meeting_id=9999, draft=DRAFT, now=FROZEN_NOW, tz=TZ)


# Roles ---------------------------------------------------------------------------------


@pytest.fixture
def meeting(db: Database, pack: Pack, team: int) -> int:
    """A blank meeting of `team`."""
    return create(db, pack, team)


def test_a_role_goes_to_a_member_named_in_any_case(
    db: Database, pack: Pack, team: int, meeting: int
) -> None:
    chair = role_of(plan_of(db, pack, meeting), "chair")

    assign_role(db, role_id=chair.id, holder="  ann   LEE ", now=FROZEN_NOW)

    holder = role_of(plan_of(db, pack, meeting), "chair").holder
    assert holder == Person("Ann Lee", member_id=member_named(db, "Ann Lee", team))


def test_a_guest_holds_a_role_only_when_marked_as_one(
    db: Database, pack: Pack, meeting: int
) -> None:
    recorder = role_of(plan_of(db, pack, meeting), "recorder")

    with pytest.raises(InvalidInput) as raised:
        assign_role(db, role_id=recorder.id, holder="Sam Ortiz", now=FROZEN_NOW)
    assert raised.value.problems == {
        "holder": "Sam Ortiz is not on the team; choose a member, or mark them as a guest."
    }
    assert role_of(plan_of(db, pack, meeting), "recorder").holder is None

    assign_role(db, role_id=recorder.id, holder="Sam Ortiz", as_guest=True, now=FROZEN_NOW)
    assert role_of(plan_of(db, pack, meeting), "recorder").holder == Person("Sam Ortiz")


def test_a_refused_name_keeps_the_holder_before(db: Database, pack: Pack, meeting: int) -> None:
    chair = role_of(plan_of(db, pack, meeting), "chair")
    assign_role(db, role_id=chair.id, holder="Ben Cho", now=FROZEN_NOW)

    with pytest.raises(InvalidInput):
        assign_role(db, role_id=chair.id, holder="Zed", now=FROZEN_NOW)

    holder = role_of(plan_of(db, pack, meeting), "chair").holder
    assert holder is not None
    assert holder.name == "Ben Cho"


@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_name_leaves_the_role_open(
    db: Database, pack: Pack, meeting: int, empty: str
) -> None:
    timekeeper = role_of(plan_of(db, pack, meeting), "timekeeper")
    assign_role(db, role_id=timekeeper.id, holder="Cara Diaz", now=FROZEN_NOW)
    assign_role(db, role_id=timekeeper.id, holder="Guest", as_guest=True, now=FROZEN_NOW)

    assign_role(db, role_id=timekeeper.id, holder=empty, now=FROZEN_NOW)

    assert role_of(plan_of(db, pack, meeting), "timekeeper").holder is None


def test_an_unknown_role_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no role 9999."):
        assign_role(db, role_id=9999, holder="Ann Lee", now=FROZEN_NOW)


def test_a_custom_role_is_added_after_the_core_ones(db: Database, pack: Pack, meeting: int) -> None:
    role_id = add_custom_role(db, meeting_id=meeting, label="  Norms   monitor ", now=FROZEN_NOW)
    assign_role(db, role_id=role_id, holder="Ann Lee", now=FROZEN_NOW)

    plan = plan_of(db, pack, meeting)
    assert [r.role for r in plan.roles] == [*CORE, "custom"]
    assert holders(plan)[-1] == ("custom", "Norms monitor", "Ann Lee")
    assert plan.roles[-1].id == role_id


@pytest.mark.parametrize(
    ("label", "problem"),
    [
        ("norms MONITOR", "The meeting already has a norms MONITOR role."),
        ("", "Give the role a name."),
        (" \t ", "Give the role a name."),
    ],
)
def test_a_duplicate_or_empty_custom_role_is_refused(
    db: Database, pack: Pack, meeting: int, label: str, problem: str
) -> None:
    add_custom_role(db, meeting_id=meeting, label="Norms monitor", now=FROZEN_NOW)
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add_custom_role(db, meeting_id=meeting, label=label, now=FROZEN_NOW)

    assert raised.value.problems == {"label": problem}
    assert row_counts(db) == before


def test_a_custom_role_named_like_a_core_role_is_refused(
    db: Database, pack: Pack, meeting: int
) -> None:
    assert role_of(plan_of(db, pack, meeting), "facilitator").label == "Facilitator"
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add_custom_role(db, meeting_id=meeting, label="facilitator", now=FROZEN_NOW)

    assert set(raised.value.problems) == {"label"}
    assert row_counts(db) == before


def test_a_custom_role_can_be_removed(db: Database, pack: Pack, meeting: int) -> None:
    role_id = add_custom_role(db, meeting_id=meeting, label="Norms monitor", now=FROZEN_NOW)

    remove_custom_role(db, role_id=role_id, now=FROZEN_NOW)

    assert [r.role for r in plan_of(db, pack, meeting).roles] == CORE


def test_a_core_role_cannot_be_removed(db: Database, pack: Pack, meeting: int) -> None:
    chair = role_of(plan_of(db, pack, meeting), "chair")

    with pytest.raises(InvalidInput) as raised:
        remove_custom_role(db, role_id=chair.id, now=FROZEN_NOW)

    assert set(raised.value.problems) == {"role"}
    assert [r.role for r in plan_of(db, pack, meeting).roles] == CORE


# Attendance ----------------------------------------------------------------------------


def test_a_member_can_be_expected_or_not(db: Database, pack: Pack, team: int, meeting: int) -> None:
    ben = member_named(db, "Ben Cho", team)

    set_expected(db, meeting_id=meeting, member_id=ben, expected=False, now=FROZEN_NOW)
    set_expected(db, meeting_id=meeting, member_id=ben, expected=False, now=FROZEN_NOW)
    assert [a.person.name for a in plan_of(db, pack, meeting).attendees] == [
        "Ann Lee",
        "Cara Diaz",
    ]

    set_expected(db, meeting_id=meeting, member_id=ben, expected=True, now=FROZEN_NOW)
    set_expected(db, meeting_id=meeting, member_id=ben, expected=True, now=FROZEN_NOW)
    attendees = plan_of(db, pack, meeting).attendees
    assert sorted(a.person.name for a in attendees) == sorted(MEMBERS)
    assert {a.status for a in attendees} == {"expected"}


def test_a_member_of_another_team_cannot_be_expected(
    db: Database, pack: Pack, meeting: int
) -> None:
    other = make_team(db, pack, name="Grade 5 PLC")
    stranger = member_named(db, "Ann Lee", other)
    before = row_counts(db)

    with pytest.raises(NotFoundError):
        set_expected(db, meeting_id=meeting, member_id=stranger, expected=True, now=FROZEN_NOW)

    assert row_counts(db) == before


def test_a_guest_is_expected_by_name(db: Database, pack: Pack, meeting: int) -> None:
    guest_id = add_guest(db, meeting_id=meeting, name="  Sam   Ortiz ", now=FROZEN_NOW)

    attendees = plan_of(db, pack, meeting).attendees
    assert attendees[-1].id == guest_id
    assert (attendees[-1].person, attendees[-1].status) == (Person("Sam Ortiz"), "expected")
    assert attendees[-1].person.is_guest


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("ann LEE", "ann LEE is on the team; tick them in the list instead."),
        (" ", "Give the guest's name."),
    ],
)
def test_a_member_or_nobody_is_not_a_guest(
    db: Database, pack: Pack, meeting: int, name: str, problem: str
) -> None:
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add_guest(db, meeting_id=meeting, name=name, now=FROZEN_NOW)

    assert raised.value.problems == {"guest": problem}
    assert row_counts(db) == before


def test_an_attendee_can_be_removed(db: Database, pack: Pack, meeting: int) -> None:
    guest_id = add_guest(db, meeting_id=meeting, name="Sam Ortiz", now=FROZEN_NOW)
    ann = plan_of(db, pack, meeting).attendees[0]

    remove_attendee(db, attendee_id=guest_id, now=FROZEN_NOW)
    remove_attendee(db, attendee_id=ann.id, now=FROZEN_NOW)

    assert [a.person.name for a in plan_of(db, pack, meeting).attendees] == ["Ben Cho", "Cara Diaz"]
    with pytest.raises(NotFoundError, match=f"There is no attendee {guest_id}."):
        remove_attendee(db, attendee_id=guest_id, now=FROZEN_NOW)
