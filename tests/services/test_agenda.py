"""A meeting's agenda: adding, editing, ordering, copying and removing items, and carrying
forward what the team still owes. Results are read back through `meeting_plan`."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlmodel import func, select

from facilitator.domain.meeting_view import AgendaLine, MeetingPlan, Person
from facilitator.domain.planning import ItemDraft, MeetingDraft
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.agenda import (
    add_item,
    delete_item,
    duplicate_item,
    move_item,
    update_item,
)
from facilitator.services.carry_forward import (
    REVIEW_TITLE,
    Candidate,
    accept_carry_forward,
    carry_forward_candidates,
)
from facilitator.services.meetings import meeting_plan
from facilitator.services.planning import create_meeting
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    AgendaStep,
    CarryForward,
    Meeting,
    Member,
    NextAgendaEntry,
    ParkingLotItem,
    Team,
    row_id,
)
from tests.conftest import FROZEN_NOW, TZ

DRAFT = MeetingDraft(title="Writing data", date="2026-12-07", time="15:30")
IBPS = "interest-based-problem-solving"
PLC = "plc-critical-questions"
DEMO_TEAM = "Riverside Elementary Leadership Team"
DECEMBER = "December leadership team meeting"
OPEN_ACTIONS = (
    "Summarise November walkthrough data for the staff meeting",
    "Draft the family writing-night invitation",
    "Set up a weekly conference schedule template",
    "Ask the district about substitute cover for peer observations",
)
PARKED = "Could PLC time be used for peer observations?"
BUDGET = "Budget for classroom libraries"
BENCHMARK = "Mid-year reading benchmark data"


# Helpers -------------------------------------------------------------------------------


def item(
    title: str,
    minutes: str = "10",
    *,
    goal: str = "",
    presenter: str = "",
    presenter_is_guest: bool = False,
    kind: str = "discussion",
    process_id: str | None = None,
    notes: str = "",
) -> ItemDraft:
    return ItemDraft(
        title=title,
        minutes=minutes,
        goal=goal,
        presenter=presenter,
        presenter_is_guest=presenter_is_guest,
        kind=kind,
        process_id=process_id,
        notes=notes,
    )


def new_meeting(db: Database, pack: Pack, team_id: int, template_id: str | None = None) -> int:
    saved = create_meeting(
        db, team_id=team_id, draft=DRAFT, pack=pack, now=FROZEN_NOW, tz=TZ, template_id=template_id
    )
    return saved.id


@pytest.fixture
def team(db: Database, pack: Pack) -> int:
    draft = TeamDraft(name="Grade 4 PLC", members=(MemberDraft("Ann Lee"), MemberDraft("Ben Cho")))
    return create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)


@pytest.fixture
def meeting(db: Database, pack: Pack, team: int) -> int:
    """A blank meeting of `team`."""
    return new_meeting(db, pack, team)


def add(
    db: Database, pack: Pack, meeting_id: int, draft: ItemDraft, after: int | None = None
) -> int:
    return add_item(
        db, meeting_id=meeting_id, draft=draft, pack=pack, now=FROZEN_NOW, after_item_id=after
    )


def plan_of(db: Database, pack: Pack, meeting_id: int) -> MeetingPlan:
    return meeting_plan(db, meeting_id=meeting_id, pack=pack)


def titles(db: Database, pack: Pack, meeting_id: int) -> list[str]:
    plan = plan_of(db, pack, meeting_id)
    assert [line.position for line in plan.agenda] == list(range(len(plan.agenda)))
    return [line.title for line in plan.agenda]


def line_of(db: Database, pack: Pack, meeting_id: int, item_id: int) -> AgendaLine:
    return next(line for line in plan_of(db, pack, meeting_id).agenda if line.id == item_id)


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.__name__: session.exec(select(func.count()).select_from(table)).one()
            for table in (AgendaItem, AgendaStep, CarryForward)
        }


def with_items(db: Database, pack: Pack, meeting_id: int, *names: str) -> list[int]:
    return [add(db, pack, meeting_id, item(name)) for name in names]


def meeting_named(db: Database, title: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Meeting).where(Meeting.title == title)).one())


def team_named(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def next_entry(db: Database, title: str) -> NextAgendaEntry:
    with db.read() as session:
        statement = select(NextAgendaEntry).where(NextAgendaEntry.title == title)
        return session.exec(statement).one()


# Adding --------------------------------------------------------------------------------


def test_items_are_added_at_the_end(db: Database, pack: Pack, meeting: int) -> None:
    with_items(db, pack, meeting, "A", "B", "C")

    assert titles(db, pack, meeting) == ["A", "B", "C"]


def test_an_item_is_added_after_the_one_given(db: Database, pack: Pack, meeting: int) -> None:
    a, _, c = with_items(db, pack, meeting, "A", "B", "C")

    add(db, pack, meeting, item("after A"), after=a)
    add(db, pack, meeting, item("after C"), after=c)
    add(db, pack, meeting, item("after nothing known"), after=9999)

    assert titles(db, pack, meeting) == [
        "A",
        "after A",
        "B",
        "C",
        "after C",
        "after nothing known",
    ]


def test_an_item_keeps_what_was_typed(db: Database, pack: Pack, team: int, meeting: int) -> None:
    draft = item(
        " Walkthrough  data ",
        "12 min",
        goal=" Agree what it shows. ",
        presenter="ann lee",
        kind="decision",
        notes=" Charts. ",
    )

    line = line_of(db, pack, meeting, add(db, pack, meeting, draft))

    with db.read() as session:
        ann = session.exec(select(Member).where(Member.name == "Ann Lee")).one()
    assert (line.title, line.minutes, line.goal, line.kind, line.notes) == (
        "Walkthrough data",
        12,
        "Agree what it shows.",
        "decision",
        "Charts.",
    )
    assert line.presenter == Person("Ann Lee", member_id=row_id(ann))
    assert (line.process_id, line.steps) == (None, ())


def test_a_guest_presenter_is_kept(db: Database, pack: Pack, meeting: int) -> None:
    draft = item("Exemplars", presenter="Sam Ortiz", presenter_is_guest=True)

    line = line_of(db, pack, meeting, add(db, pack, meeting, draft))

    assert line.presenter == Person("Sam Ortiz")


def test_a_protocol_brings_its_steps(db: Database, pack: Pack, meeting: int) -> None:
    line = line_of(db, pack, meeting, add(db, pack, meeting, item("Conferences", process_id=IBPS)))

    protocol = pack.protocols[IBPS]
    assert (line.process_id, line.process) == (IBPS, protocol.name)
    assert [(s.title, s.planned_minutes) for s in line.steps] == [
        (step.title, step.minutes) for step in protocol.steps
    ]
    assert line.steps[0].detail == "\n".join(
        (protocol.steps[0].detail, *protocol.steps[0].questions)
    )


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (item(""), {"title"}),
        (item("x" * 121), {"title"}),
        (item("A", "abc"), {"minutes"}),
        (item("A", "-5"), {"minutes"}),
        (item("A", "0"), {"minutes"}),
        (item("A", "10000"), {"minutes"}),
        (item("A", presenter="Zed"), {"presenter"}),
        (item("A", kind="vote"), {"kind"}),
        (item("A", process_id="fishbowl"), {"process"}),
        (item("", "0", presenter="Zed"), {"title", "minutes", "presenter"}),
    ],
)
def test_a_broken_item_saves_nothing(
    db: Database, pack: Pack, meeting: int, draft: ItemDraft, fields: set[str]
) -> None:
    with_items(db, pack, meeting, "A")
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add(db, pack, meeting, draft)

    assert set(raised.value.problems) == fields
    assert row_counts(db) == before
    assert titles(db, pack, meeting) == ["A"]


def test_an_item_for_an_unknown_meeting_is_not_found(db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting 9999."):
        add(db, pack, 9999, item("A"))


# Editing -------------------------------------------------------------------------------


def test_an_update_saves_the_fields(db: Database, pack: Pack, meeting: int) -> None:
    (item_id,) = with_items(db, pack, meeting, "A")

    update_item(
        db,
        item_id=item_id,
        draft=item("B", "7", goal="Goal", kind="information"),
        pack=pack,
        now=FROZEN_NOW,
    )

    line = line_of(db, pack, meeting, item_id)
    assert (line.title, line.minutes, line.goal, line.kind) == ("B", 7, "Goal", "information")


def test_a_changed_protocol_replaces_the_steps(db: Database, pack: Pack, meeting: int) -> None:
    item_id = add(db, pack, meeting, item("Data", process_id=IBPS))

    update_item(db, item_id=item_id, draft=item("Data", process_id=PLC), pack=pack, now=FROZEN_NOW)

    steps = line_of(db, pack, meeting, item_id).steps
    assert [s.title for s in steps] == [step.title for step in pack.protocols[PLC].steps]


def test_an_unchanged_protocol_keeps_the_steps(db: Database, pack: Pack, meeting: int) -> None:
    item_id = add(db, pack, meeting, item("Data", process_id=IBPS))
    before = line_of(db, pack, meeting, item_id).steps

    update_item(
        db, item_id=item_id, draft=item("Data, renamed", process_id=IBPS), pack=pack, now=FROZEN_NOW
    )

    line = line_of(db, pack, meeting, item_id)
    assert line.title == "Data, renamed"
    assert line.steps == before


def test_no_protocol_means_no_steps(db: Database, pack: Pack, meeting: int) -> None:
    item_id = add(db, pack, meeting, item("Data", process_id=IBPS))

    update_item(db, item_id=item_id, draft=item("Data"), pack=pack, now=FROZEN_NOW)

    assert line_of(db, pack, meeting, item_id).steps == ()
    assert row_counts(db)["AgendaStep"] == 0


def test_a_broken_update_changes_nothing(db: Database, pack: Pack, meeting: int) -> None:
    item_id = add(db, pack, meeting, item("Data", process_id=IBPS))
    before = line_of(db, pack, meeting, item_id)

    with pytest.raises(InvalidInput) as raised:
        update_item(
            db, item_id=item_id, draft=item("", "0", process_id=PLC), pack=pack, now=FROZEN_NOW
        )

    assert set(raised.value.problems) == {"title", "minutes"}
    assert line_of(db, pack, meeting, item_id) == before


# Ordering ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moved", "offset", "order"),
    [
        ("B", -1, ["B", "A", "C", "D"]),
        ("B", 1, ["A", "C", "B", "D"]),
        ("A", -1, ["A", "B", "C", "D"]),
        ("D", 1, ["A", "B", "C", "D"]),
        ("C", -10, ["C", "A", "B", "D"]),
        ("A", 10, ["B", "C", "D", "A"]),
        ("C", 0, ["A", "B", "C", "D"]),
    ],
)
def test_an_item_moves_up_or_down_and_stops_at_the_ends(
    db: Database, pack: Pack, meeting: int, moved: str, offset: int, order: list[str]
) -> None:
    ids = dict(zip("ABCD", with_items(db, pack, meeting, *"ABCD"), strict=True))

    move_item(db, item_id=ids[moved], offset=offset, now=FROZEN_NOW)

    assert titles(db, pack, meeting) == order


def test_moves_add_up(db: Database, pack: Pack, meeting: int) -> None:
    a, *_ = with_items(db, pack, meeting, *"ABC")

    for _ in range(3):
        move_item(db, item_id=a, offset=1, now=FROZEN_NOW)
    move_item(db, item_id=a, offset=-1, now=FROZEN_NOW)

    assert titles(db, pack, meeting) == ["B", "A", "C"]


def test_a_duplicate_comes_right_after_with_its_steps(
    db: Database, pack: Pack, meeting: int
) -> None:
    with_items(db, pack, meeting, "A")
    original = add(db, pack, meeting, item("Conferences", "15", goal="Options", process_id=IBPS))
    with_items(db, pack, meeting, "C")

    copy = duplicate_item(db, item_id=original, now=FROZEN_NOW)

    assert titles(db, pack, meeting) == ["A", "Conferences", "Conferences", "C"]
    first, second = (line_of(db, pack, meeting, key) for key in (original, copy))
    assert second.position == first.position + 1
    assert replace(second, id=first.id, position=first.position, starts_at=first.starts_at) == (
        replace(first, steps=second.steps)
    )
    assert [replace(s, id=0) for s in second.steps] == [replace(s, id=0) for s in first.steps]
    assert {s.id for s in first.steps}.isdisjoint(s.id for s in second.steps)
    assert len(second.steps) == len(pack.protocols[IBPS].steps)


def test_deleting_renumbers_and_removes_the_steps(db: Database, pack: Pack, meeting: int) -> None:
    a = add(db, pack, meeting, item("A", process_id=IBPS))
    with_items(db, pack, meeting, "B", "C")

    delete_item(db, item_id=a, now=FROZEN_NOW)

    assert titles(db, pack, meeting) == ["B", "C"]
    assert row_counts(db) == {"AgendaItem": 2, "AgendaStep": 0, "CarryForward": 0}
    with pytest.raises(NotFoundError, match=f"There is no agenda item {a}."):
        delete_item(db, item_id=a, now=FROZEN_NOW)


# Carrying forward ----------------------------------------------------------------------


def shape(candidates: list[Candidate]) -> list[tuple[str, str, bool]]:
    return [(c.kind, c.text, c.on_agenda) for c in candidates]


def owed(candidates: list[Candidate]) -> list[Candidate]:
    """The action items, parking-lot entries and items set aside; the demo's decisions
    due for review, offered after them, are tests/services/test_carry_forward_decisions.py's."""
    return [c for c in candidates if c.kind != "decision"]


def test_the_december_meeting_already_carries_what_the_demo_linked(
    demo_db: Database,
) -> None:
    candidates = owed(
        carry_forward_candidates(demo_db, meeting_id=meeting_named(demo_db, DECEMBER))
    )

    assert shape(candidates) == [
        *(("action", what, True) for what in OPEN_ACTIONS),
        ("parking", PARKED, True),
        ("next", BUDGET, True),
        ("next", BENCHMARK, False),
    ]
    assert [c.detail for c in candidates] == [
        "Daniel Okafor, due Thu 19 Nov",
        "Grace Liu, due Sat 28 Nov",
        "Tom Becker, due Wed 02 Dec",
        "Maria Alvarez, due Sat 05 Dec",
        "raised by Priya Raman",
        "set aside for the next meeting",
        "set aside for the next meeting",
    ]


@pytest.fixture
def fresh(demo_db: Database, pack: Pack) -> int:
    """A new blank meeting of the demo team."""
    return new_meeting(demo_db, pack, team_named(demo_db, DEMO_TEAM))


def candidate_ids(db: Database, meeting_id: int) -> dict[str, tuple[str, int]]:
    return {c.text: (c.kind, c.id) for c in carry_forward_candidates(db, meeting_id=meeting_id)}


def carry(db: Database, meeting_id: int, *texts: str) -> list[int]:
    ids = candidate_ids(db, meeting_id)
    picks = [ids[text] for text in texts]
    return accept_carry_forward(db, meeting_id=meeting_id, picks=picks, now=FROZEN_NOW)


def test_nothing_is_on_a_new_meetings_agenda_yet(demo_db: Database, fresh: int) -> None:
    candidates = owed(carry_forward_candidates(demo_db, meeting_id=fresh))

    # The library budget was carried onto December's agenda, so it is no longer waiting.
    assert [c.text for c in candidates] == [*OPEN_ACTIONS, PARKED, BENCHMARK]
    assert not any(c.on_agenda for c in candidates)


def test_actions_share_one_review_item_with_a_step_each(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    before = row_counts(demo_db)

    touched = carry(demo_db, fresh, *OPEN_ACTIONS[:2])

    plan = plan_of(demo_db, pack, fresh)
    (review,) = plan.agenda
    assert touched == [review.id]
    assert (review.title, review.kind, review.position) == (REVIEW_TITLE, "information", 0)
    assert review.carried_from == "action item"
    assert [(s.title, s.detail) for s in review.steps] == [
        (OPEN_ACTIONS[0], "Daniel Okafor, due Thu 19 Nov"),
        (OPEN_ACTIONS[1], "Grace Liu, due Sat 28 Nov"),
    ]
    assert row_counts(demo_db) == {
        "AgendaItem": before["AgendaItem"] + 1,
        "AgendaStep": before["AgendaStep"] + 2,
        "CarryForward": before["CarryForward"] + 2,
    }
    assert shape(carry_forward_candidates(demo_db, meeting_id=fresh))[:4] == [
        ("action", OPEN_ACTIONS[0], True),
        ("action", OPEN_ACTIONS[1], True),
        ("action", OPEN_ACTIONS[2], False),
        ("action", OPEN_ACTIONS[3], False),
    ]


def test_actions_picked_later_join_the_same_review_item(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    (first,) = carry(demo_db, fresh, OPEN_ACTIONS[0])

    second = carry(demo_db, fresh, OPEN_ACTIONS[0], *OPEN_ACTIONS[2:])

    (review,) = plan_of(demo_db, pack, fresh).agenda
    assert second == [first] == [review.id]
    assert [s.title for s in review.steps] == [OPEN_ACTIONS[0], *OPEN_ACTIONS[2:]]
    with demo_db.read() as session:
        steps = session.exec(select(AgendaStep).where(AgendaStep.agenda_item_id == first)).all()
    assert sorted(s.position for s in steps) == [0, 1, 2]


def test_actions_join_a_templates_review_item(demo_db: Database, pack: Pack) -> None:
    meeting_id = new_meeting(
        demo_db, pack, team_named(demo_db, DEMO_TEAM), template_id="leadership-team"
    )
    before = titles(demo_db, pack, meeting_id)

    (touched,) = carry(demo_db, meeting_id, OPEN_ACTIONS[1])

    plan = plan_of(demo_db, pack, meeting_id)
    assert [line.title for line in plan.agenda] == before
    review = plan.agenda[1]
    assert (review.id, review.title) == (touched, REVIEW_TITLE)
    assert [s.title for s in review.steps] == [OPEN_ACTIONS[1]]


def test_a_new_review_item_comes_second(demo_db: Database, pack: Pack, fresh: int) -> None:
    with_items(demo_db, pack, fresh, "Welcome", "Data")

    carry(demo_db, fresh, OPEN_ACTIONS[0])

    assert titles(demo_db, pack, fresh) == ["Welcome", REVIEW_TITLE, "Data"]


def test_a_parking_or_next_item_becomes_an_item_each(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    with_items(demo_db, pack, fresh, "Welcome")

    touched = carry(demo_db, fresh, PARKED, BENCHMARK)

    plan = plan_of(demo_db, pack, fresh)
    assert [line.id for line in plan.agenda[1:]] == touched
    assert [(line.title, line.goal, line.carried_from) for line in plan.agenda] == [
        ("Welcome", "", None),
        (PARKED, "From the parking lot (raised by Priya Raman).", "parking lot"),
        (BENCHMARK, "Set aside for this meeting by the last one.", "set aside for this meeting"),
    ]
    assert next_entry(demo_db, BENCHMARK).status == "carried"
    with demo_db.read() as session:
        parked = session.exec(select(ParkingLotItem).where(ParkingLotItem.text == PARKED)).one()
    assert parked.status == "open"
    assert shape(owed(carry_forward_candidates(demo_db, meeting_id=fresh)))[4:] == [
        ("parking", PARKED, True),
        ("next", BENCHMARK, True),
    ]


def test_picking_what_is_already_linked_does_nothing(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    ids = candidate_ids(demo_db, fresh)
    picks = [ids[OPEN_ACTIONS[0]], ids[PARKED], ids[BENCHMARK]]
    accept_carry_forward(demo_db, meeting_id=fresh, picks=picks, now=FROZEN_NOW)
    before = (row_counts(demo_db), plan_of(demo_db, pack, fresh))

    touched = accept_carry_forward(demo_db, meeting_id=fresh, picks=picks, now=FROZEN_NOW)

    assert touched == []
    assert (row_counts(demo_db), plan_of(demo_db, pack, fresh)) == before


def test_the_december_meeting_takes_nothing_it_already_has(demo_db: Database, pack: Pack) -> None:
    december = meeting_named(demo_db, DECEMBER)
    candidates = owed(carry_forward_candidates(demo_db, meeting_id=december))
    linked = [(c.kind, c.id) for c in candidates]
    before = (row_counts(demo_db), plan_of(demo_db, pack, december))

    touched = accept_carry_forward(demo_db, meeting_id=december, picks=linked[:-1], now=FROZEN_NOW)

    assert touched == []
    assert (row_counts(demo_db), plan_of(demo_db, pack, december)) == before


def test_an_unknown_kind_of_pick_saves_nothing(demo_db: Database, fresh: int) -> None:
    ids = candidate_ids(demo_db, fresh)
    before = row_counts(demo_db)

    with pytest.raises(InvalidInput) as raised:
        accept_carry_forward(
            demo_db,
            meeting_id=fresh,
            picks=[ids[OPEN_ACTIONS[0]], ("takeaway", 1)],
            now=FROZEN_NOW,
        )

    assert set(raised.value.problems) == {"picks"}
    assert row_counts(demo_db) == before


def test_deleting_a_carried_item_reopens_its_next_entry(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    (item_id,) = carry(demo_db, fresh, BENCHMARK)
    assert next_entry(demo_db, BENCHMARK).status == "carried"

    delete_item(demo_db, item_id=item_id, now=FROZEN_NOW)

    assert next_entry(demo_db, BENCHMARK).status == "open"
    assert ("next", BENCHMARK, False) in shape(carry_forward_candidates(demo_db, meeting_id=fresh))
    assert plan_of(demo_db, pack, fresh).agenda == ()


def test_deleting_the_review_item_unlinks_its_actions(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    (review,) = carry(demo_db, fresh, *OPEN_ACTIONS)
    with_items(demo_db, pack, fresh, "Data")

    delete_item(demo_db, item_id=review, now=FROZEN_NOW)

    assert titles(demo_db, pack, fresh) == ["Data"]
    assert not any(c.on_agenda for c in carry_forward_candidates(demo_db, meeting_id=fresh))
    with demo_db.read() as session:
        statuses = session.exec(select(ActionItem.status)).all()
    assert statuses.count("open") == len(OPEN_ACTIONS)


def test_another_teams_action_cannot_be_carried(demo_db: Database, pack: Pack, fresh: int) -> None:
    second_team = team_named(demo_db, "Grade 3 Collaborative Learning Team")
    with demo_db.write(now=FROZEN_NOW) as session:
        stranger = ActionItem(team_id=second_team, what="Re-level the book bins")
        session.add(stranger)
        session.flush()
        stranger_id = row_id(stranger)
    before = row_counts(demo_db)

    with pytest.raises((InvalidInput, NotFoundError)):
        accept_carry_forward(
            demo_db, meeting_id=fresh, picks=[("action", stranger_id)], now=FROZEN_NOW
        )

    assert row_counts(demo_db) == before


def test_a_pick_repeated_in_one_call_is_carried_once(
    demo_db: Database, pack: Pack, fresh: int
) -> None:
    ids = candidate_ids(demo_db, fresh)

    accept_carry_forward(
        demo_db,
        meeting_id=fresh,
        picks=[ids[OPEN_ACTIONS[0]], ids[OPEN_ACTIONS[0]], ids[PARKED], ids[PARKED]],
        now=FROZEN_NOW,
    )

    plan = plan_of(demo_db, pack, fresh)
    assert [line.title for line in plan.agenda] == [REVIEW_TITLE, PARKED]
    assert [s.title for s in plan.agenda[0].steps] == [OPEN_ACTIONS[0]]


def test_an_action_the_team_left_unowned_says_so(demo_db: Database, fresh: int) -> None:
    from datetime import timedelta

    from facilitator.services.captures import add_action_item
    from facilitator.services.closure_actions import set_owner_to_be_decided
    from tests.conftest import FROZEN_NOW

    december = meeting_named(demo_db, DECEMBER)
    unowned = add_action_item(
        demo_db, meeting_id=december, item_id=None, what="Book the hall", now=FROZEN_NOW
    )
    add_action_item(demo_db, meeting_id=december, item_id=None, what="Tidy up", now=FROZEN_NOW)
    set_owner_to_be_decided(
        demo_db, action_id=unowned, value=True, now=FROZEN_NOW + timedelta(minutes=1)
    )
    details = {c.text: c.detail for c in carry_forward_candidates(demo_db, meeting_id=fresh)}
    assert details["Book the hall"] == "owner to be decided, no due date"
    assert details["Tidy up"] == "no owner yet, no due date"


# A decision item's planned method ------------------------------------------------------


def test_a_decision_item_keeps_its_planned_method(db: Database, pack: Pack, meeting: int) -> None:
    draft = replace(item("Library budget", kind="decision"), decision_method="multi_vote")
    item_id = add(db, pack, meeting, draft)
    assert line_of(db, pack, meeting, item_id).decision_method == "multi_vote"

    update_item(
        db,
        item_id=item_id,
        draft=replace(draft, decision_method="consensus"),
        pack=pack,
        now=FROZEN_NOW,
    )
    assert line_of(db, pack, meeting, item_id).decision_method == "consensus"
    copy_id = duplicate_item(db, item_id=item_id, now=FROZEN_NOW)
    assert line_of(db, pack, meeting, copy_id).decision_method == "consensus"

    update_item(db, item_id=item_id, draft=draft_without(draft), pack=pack, now=FROZEN_NOW)
    assert line_of(db, pack, meeting, item_id).decision_method is None


def draft_without(draft: ItemDraft) -> ItemDraft:
    return replace(draft, decision_method="")


def test_an_unknown_method_is_refused_beside_its_field(
    db: Database, pack: Pack, meeting: int
) -> None:
    draft = replace(item("Library budget", kind="decision"), decision_method="coin toss")
    with pytest.raises(InvalidInput) as refused:
        add(db, pack, meeting, draft)
    assert refused.value.problems == {"method": "Choose one of the six decision methods."}
    assert titles(db, pack, meeting) == []
