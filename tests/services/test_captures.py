"""What the live screen records besides the clock: quick captures, norms and process
checks, time-outs and the speaker queue, each stored as it happens and read back whole
with the room."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, func, select

from facilitator.domain.enums import DecisionStatus, NormReading
from facilitator.domain.room import CaptureKind, Room
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.captures import (
    Rating,
    add_action_item,
    add_decision,
    add_parking_lot_item,
    add_takeaway,
    end_time_out,
    record_norms_check,
    record_process_check,
    start_time_out,
)
from facilitator.services.fields import TEXT_MAX
from facilitator.services.live import live_state, move_to_item, start_or_pause
from facilitator.services.planning import set_expected
from facilitator.services.room import leave_queue, next_speaker, queue_speaker
from facilitator.services.team_admin import archive_member, move_norm, retire_norm
from facilitator.store.database import Database
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Member,
    Norm,
    NormsCheck,
    NormsCheckRating,
    ParkingLotItem,
    ProcessCheck,
    SpeakerTurn,
    Takeaway,
    TimeOut,
    TimerSegment,
)
from tests.conftest import FROZEN_NOW, TZ

NOVEMBER = 1  # the demo's closed leadership meeting
DECEMBER = 2  # the demo's planned leadership meeting (all eight members expected)
PLC = 3  # the second team's meeting
LEADERSHIP = 1
T0 = FROZEN_NOW + timedelta(days=7, hours=1, minutes=30)  # December's start, Mon 15:30

RowT = TypeVar("RowT")


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


# Helpers -------------------------------------------------------------------------------


def member(db: Database, name: str, team_id: int = LEADERSHIP) -> int:
    with db.read() as session:
        found = session.exec(
            select(Member.id).where(Member.name == name, Member.team_id == team_id)
        ).one()
    assert found is not None
    return found


def items(db: Database, meeting_id: int) -> list[int]:
    with db.read() as session:
        found = session.exec(
            select(AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(col(AgendaItem.position))
        ).all()
    return [item_id for item_id in found if item_id is not None]


def stored(db: Database, table: type[RowT], key: int) -> RowT:
    with db.read() as session:
        row = session.get(table, key)
    assert row is not None
    return row


def count(db: Database, table: type[object]) -> int:
    with db.read() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def problems(call: Callable[[], object]) -> set[str]:
    """The form fields an InvalidInput names for `call`."""
    with pytest.raises(InvalidInput) as raised:
        call()
    return set(raised.value.problems)


def room(db: Database, pack: Pack, meeting_id: int = DECEMBER) -> Room:
    return live_state(db, meeting_id=meeting_id, pack=pack).room


# Action items --------------------------------------------------------------------------


def test_an_action_item_is_stored_with_its_team_meeting_item_and_owner(demo_db: Database) -> None:
    item = items(demo_db, DECEMBER)[2]
    action_id = add_action_item(
        demo_db,
        meeting_id=DECEMBER,
        item_id=item,
        what="  Share the walkthrough summary  ",
        owner="  maria   ALVAREZ ",
        due="Dec 14",
        now=at(0),
        tz=TZ,
    )

    action = stored(demo_db, ActionItem, action_id)
    assert (action.team_id, action.meeting_id, action.agenda_item_id) == (LEADERSHIP, 2, item)
    assert action.what == "Share the walkthrough summary"
    assert action.owner_member_id == member(demo_db, "Maria Alvarez")
    assert action.owner_name is None
    assert action.due_date == date(2026, 12, 14)
    assert action.status == "open"
    assert action.created_at == at(0)


def test_an_owner_outside_the_team_is_kept_by_name(demo_db: Database) -> None:
    archive_member(demo_db, member_id=member(demo_db, "Jorge Medina"), now=at(0))
    owners = ("Sam  Ortiz", "Hannah Cole", "Jorge Medina")  # guest, other team, archived
    ids = [
        add_action_item(
            demo_db, meeting_id=DECEMBER, item_id=None, what="Send exemplars", owner=who, now=at(i)
        )
        for i, who in enumerate(owners, start=1)
    ]

    actions = [stored(demo_db, ActionItem, action_id) for action_id in ids]
    assert [a.owner_member_id for a in actions] == [None, None, None]
    assert [a.owner_name for a in actions] == ["Sam Ortiz", "Hannah Cole", "Jorge Medina"]
    assert [a.agenda_item_id for a in actions] == [None, None, None]


def test_owner_and_due_date_may_wait_for_closure(demo_db: Database) -> None:
    action_id = add_action_item(
        demo_db,
        meeting_id=DECEMBER,
        item_id=None,
        what="Book the library",
        owner="  ",
        due=" ",
        now=at(0),
    )

    action = stored(demo_db, ActionItem, action_id)
    assert (action.owner_member_id, action.owner_name, action.due_date) == (None, None, None)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("Dec 14", date(2026, 12, 14)),
        ("14 December", date(2026, 12, 14)),
        ("2026-12-14", date(2026, 12, 14)),
        ("Nov 1", date(2027, 11, 1)),  # already past this year: next year's
        ("tomorrow", date(2026, 12, 1)),
        ("fri", date(2026, 12, 4)),  # the hint offers it (issue 15, defect 6)
        ("Friday", date(2026, 12, 4)),
    ],
)
def test_a_due_date_is_read_the_way_people_type_it(
    demo_db: Database, due: str, expected: date
) -> None:
    action_id = add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="Do it", due=due, now=at(0), tz=TZ
    )

    assert stored(demo_db, ActionItem, action_id).due_date == expected


def test_a_due_date_without_a_year_counts_from_the_local_day(demo_db: Database) -> None:
    late = datetime(2026, 12, 31, 23, 0, tzinfo=TZ)  # already 1 January 2027 at UTC+14
    kiribati = ZoneInfo("Pacific/Kiritimati")
    here = add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="A", due="Dec 31", now=late, tz=TZ
    )
    there = add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="B", due="Dec 31", now=late, tz=kiribati
    )

    assert stored(demo_db, ActionItem, here).due_date == date(2026, 12, 31)
    assert stored(demo_db, ActionItem, there).due_date == date(2027, 12, 31)


def test_an_action_item_needs_what_and_a_readable_due_date(demo_db: Database) -> None:
    def add(what: str = "Do it", owner: str = "", due: str = "") -> int:
        return add_action_item(
            demo_db, meeting_id=DECEMBER, item_id=None, what=what, owner=owner, due=due, now=at(0)
        )

    assert problems(lambda: add(what="   ")) == {"what"}
    assert problems(lambda: add(due="someday")) == {"due"}
    assert problems(lambda: add(due="Feb 30 2027")) == {"due"}
    assert problems(lambda: add(what="x" * (TEXT_MAX + 1))) == {"what"}
    assert problems(lambda: add(owner="x" * 121)) == {"owner"}
    assert count(demo_db, ActionItem) == 5  # only the demo's
    add(what="x" * TEXT_MAX, owner="x" * 120)
    assert count(demo_db, ActionItem) == 6


def test_a_closed_meeting_and_another_meetings_item_are_refused(demo_db: Database) -> None:
    november_item = items(demo_db, NOVEMBER)[0]
    december_item = items(demo_db, DECEMBER)[0]
    with pytest.raises(InvalidInput, match="closed") as raised:
        add_action_item(demo_db, meeting_id=NOVEMBER, item_id=None, what="Late", now=at(0))
    assert set(raised.value.problems) == {"meeting"}
    with pytest.raises(InvalidInput, match="not in this meeting") as raised:
        add_action_item(demo_db, meeting_id=DECEMBER, item_id=november_item, what="X", now=at(0))
    assert set(raised.value.problems) == {"form"}
    with pytest.raises(NotFoundError):
        add_action_item(demo_db, meeting_id=999, item_id=None, what="X", now=at(0))
    with pytest.raises(NotFoundError):
        add_action_item(demo_db, meeting_id=DECEMBER, item_id=9999, what="X", now=at(0))
    with pytest.raises(InvalidInput, match="not in this meeting"):
        add_parking_lot_item(demo_db, meeting_id=PLC, item_id=december_item, text="X", now=at(0))
    assert count(demo_db, ActionItem) == 5
    assert count(demo_db, ParkingLotItem) == 3


def test_the_room_refuses_another_meetings_item_and_a_closed_meeting(demo_db: Database) -> None:
    november_item = items(demo_db, NOVEMBER)[0]
    maria = member(demo_db, "Maria Alvarez")
    with pytest.raises(InvalidInput, match="not in this meeting"):
        start_time_out(demo_db, meeting_id=DECEMBER, item_id=november_item, now=at(0))
    with pytest.raises(InvalidInput, match="not in this meeting"):
        queue_speaker(demo_db, meeting_id=DECEMBER, item_id=november_item, speaker=maria, now=at(0))
    with pytest.raises(InvalidInput, match="closed"):
        leave_queue(demo_db, meeting_id=NOVEMBER, speaker=maria, now=at(0))


# Parking lot, take-aways, decisions ---------------------------------------------------


def test_a_parking_lot_item_keeps_who_raised_it(demo_db: Database) -> None:
    item = items(demo_db, DECEMBER)[3]
    by_member = add_parking_lot_item(
        demo_db,
        meeting_id=DECEMBER,
        item_id=item,
        text=" Sub cover for observations ",
        raised_by="priya raman",
        now=at(0),
    )
    by_guest = add_parking_lot_item(
        demo_db, meeting_id=DECEMBER, item_id=None, text="District PD", raised_by="Sam", now=at(1)
    )
    by_nobody = add_parking_lot_item(
        demo_db, meeting_id=DECEMBER, item_id=None, text="Library hours", now=at(2)
    )

    parked = stored(demo_db, ParkingLotItem, by_member)
    assert (parked.team_id, parked.meeting_id, parked.agenda_item_id) == (LEADERSHIP, 2, item)
    assert parked.text == "Sub cover for observations"
    assert parked.status == "open"
    assert (parked.raised_by_member_id, parked.raised_by_name) == (
        member(demo_db, "Priya Raman"),
        None,
    )
    guest = stored(demo_db, ParkingLotItem, by_guest)
    assert (guest.raised_by_member_id, guest.raised_by_name) == (None, "Sam")
    nobody = stored(demo_db, ParkingLotItem, by_nobody)
    assert (nobody.raised_by_member_id, nobody.raised_by_name) == (None, None)


def test_a_parking_lot_item_needs_text_on_an_open_meeting(demo_db: Database) -> None:
    def park(meeting_id: int = DECEMBER, text: str = "X", raised_by: str = "") -> int:
        return add_parking_lot_item(
            demo_db, meeting_id=meeting_id, item_id=None, text=text, raised_by=raised_by, now=at(0)
        )

    assert problems(lambda: park(text=" \n ")) == {"text"}
    assert problems(lambda: park(text="x" * (TEXT_MAX + 1))) == {"text"}
    assert problems(lambda: park(raised_by="x" * 121)) == {"raised_by"}
    assert problems(lambda: park(meeting_id=NOVEMBER)) == {"meeting"}
    assert count(demo_db, ParkingLotItem) == 3


def test_take_aways_are_numbered_in_the_order_they_were_said(demo_db: Database) -> None:
    ids = [
        add_takeaway(demo_db, meeting_id=DECEMBER, text=f" Message {n} ", now=at(n))
        for n in range(3)
    ]
    other = add_takeaway(demo_db, meeting_id=PLC, text="Another meeting's", now=at(3))

    rows = [stored(demo_db, Takeaway, takeaway_id) for takeaway_id in ids]
    assert [(t.meeting_id, t.position, t.text) for t in rows] == [
        (DECEMBER, 0, "Message 0"),
        (DECEMBER, 1, "Message 1"),
        (DECEMBER, 2, "Message 2"),
    ]
    assert stored(demo_db, Takeaway, other).position == 0
    assert problems(lambda: add_takeaway(demo_db, meeting_id=DECEMBER, text="", now=at(4))) == {
        "text"
    }
    assert problems(lambda: add_takeaway(demo_db, meeting_id=NOVEMBER, text="X", now=at(4))) == {
        "meeting"
    }


def test_a_decision_with_an_outcome_is_decided_at_once(demo_db: Database) -> None:
    item = items(demo_db, DECEMBER)[4]
    decision_id = add_decision(
        demo_db,
        meeting_id=DECEMBER,
        item_id=item,
        question=" Split the library budget ",
        method=" consensus ",
        outcome=" Half to grade 3-5 classrooms ",
        now=at(30),
    )

    decision = stored(demo_db, Decision, decision_id)
    assert (decision.meeting_id, decision.agenda_item_id) == (DECEMBER, item)
    assert (decision.question, decision.method, decision.outcome) == (
        "Split the library budget",
        "consensus",
        "Half to grade 3-5 classrooms",
    )
    assert decision.status == DecisionStatus.DECIDED
    assert decision.decided_at == at(30)


def test_a_decision_without_an_outcome_stays_open(demo_db: Database) -> None:
    decision_id = add_decision(
        demo_db, meeting_id=DECEMBER, item_id=None, question="Move walkthroughs?", now=at(0)
    )

    decision = stored(demo_db, Decision, decision_id)
    assert decision.method is None
    assert decision.outcome == ""
    assert decision.status == DecisionStatus.OPEN
    assert decision.decided_at is None


@pytest.mark.parametrize(
    "method", ["unanimous", "one_person", "compromise", "multi_vote", "majority", "consensus"]
)
def test_each_of_the_six_methods_is_accepted(demo_db: Database, method: str) -> None:
    decision_id = add_decision(
        demo_db, meeting_id=DECEMBER, item_id=None, question="Q", method=method, now=at(0)
    )

    assert stored(demo_db, Decision, decision_id).method == method


def test_a_decision_needs_a_question_and_a_known_method(demo_db: Database) -> None:
    before = count(demo_db, Decision)

    def decide(question: str = "Q", method: str = "", outcome: str = "") -> int:
        return add_decision(
            demo_db,
            meeting_id=DECEMBER,
            item_id=None,
            question=question,
            method=method,
            outcome=outcome,
            now=at(0),
        )

    assert problems(lambda: decide(question="  ")) == {"question"}
    assert problems(lambda: decide(method="coin toss")) == {"method"}
    assert problems(lambda: decide(method="Consensus")) == {"method"}
    assert problems(lambda: decide(outcome="x" * (TEXT_MAX + 1))) == {"outcome"}
    assert problems(
        lambda: add_decision(demo_db, meeting_id=NOVEMBER, item_id=None, question="Q", now=at(0))
    ) == {"meeting"}
    assert count(demo_db, Decision) == before


def test_a_recommended_method_keeps_its_continuum_point_and_reason(demo_db: Database) -> None:
    decision_id = add_decision(
        demo_db,
        meeting_id=DECEMBER,
        item_id=None,
        question="Library budget",
        method="compromise",
        continuum_point=4,
        method_reason="Positions are polarised: \x1b[2Jmeet in the middle.",
        now=at(0),
    )

    decision = stored(demo_db, Decision, decision_id)
    assert (decision.continuum_point, decision.method_reason) == (
        4,
        "Positions are polarised: [2Jmeet in the middle.",
    )
    before = count(demo_db, Decision)
    assert problems(
        lambda: add_decision(
            demo_db, meeting_id=DECEMBER, item_id=None, question="Q", continuum_point=8, now=at(0)
        )
    ) == {"method"}
    assert count(demo_db, Decision) == before


# Checks --------------------------------------------------------------------------------


def test_a_norms_check_stores_each_read_with_its_note(demo_db: Database, pack: Pack) -> None:
    item = items(demo_db, DECEMBER)[2]
    check_id = record_norms_check(
        demo_db,
        meeting_id=DECEMBER,
        item_id=item,
        ratings=[
            Rating(norm_id=1, reading=NormReading.HONOURED),
            Rating(norm_id=2, reading="partly", note="  We talked over each other.  "),
            Rating(norm_id=8, reading="not_honoured", note=""),
        ],
        now=at(90),
    )

    check = stored(demo_db, NormsCheck, check_id)
    assert (check.meeting_id, check.agenda_item_id, check.checked_at) == (DECEMBER, item, at(90))
    with demo_db.read() as session:
        ratings = session.exec(
            select(NormsCheckRating)
            .where(NormsCheckRating.norms_check_id == check_id)
            .order_by(col(NormsCheckRating.norm_id))
        ).all()
    assert [(r.norm_id, r.reading, r.note) for r in ratings] == [
        (1, "honoured", ""),
        (2, "partly", "We talked over each other."),
        (8, "not_honoured", ""),
    ]
    assert room(demo_db, pack).norms_checks == 1


def test_a_norms_check_is_refused_whole_when_any_rating_is_wrong(demo_db: Database) -> None:
    def check(*ratings: Rating, meeting_id: int = DECEMBER) -> int:
        return record_norms_check(
            demo_db, meeting_id=meeting_id, item_id=None, ratings=ratings, now=at(0)
        )

    good = Rating(norm_id=1, reading="honoured")
    assert problems(check) == {"form"}
    assert problems(lambda: check(good, Rating(norm_id=2, reading="great"))) == {"form"}
    assert problems(lambda: check(good, Rating(norm_id=10, reading="partly"))) == {"form"}
    with pytest.raises(InvalidInput, match="not this team's"):
        check(Rating(norm_id=10, reading="partly"))
    assert problems(lambda: check(Rating(1, "partly", "x" * (TEXT_MAX + 1)))) == {"form"}
    assert problems(lambda: check(good, meeting_id=NOVEMBER)) == {"meeting"}
    # the demo's checks: November's one, September's one and October's two
    assert count(demo_db, NormsCheck) == 4
    assert count(demo_db, NormsCheckRating) == 4 * 9


def test_a_process_check_stores_both_answers(demo_db: Database, pack: Pack) -> None:
    item = items(demo_db, DECEMBER)[1]
    check_id = record_process_check(
        demo_db,
        meeting_id=DECEMBER,
        item_id=item,
        progress="partly",
        everyone_in="no",
        note="  Jorge has not spoken yet. ",
        now=at(45),
    )

    check = stored(demo_db, ProcessCheck, check_id)
    assert (check.meeting_id, check.agenda_item_id, check.checked_at) == (DECEMBER, item, at(45))
    assert (check.progress, check.everyone_in, check.note) == (
        "partly",
        "no",
        "Jorge has not spoken yet.",
    )
    record_process_check(
        demo_db, meeting_id=DECEMBER, item_id=None, progress="yes", everyone_in="yes", now=at(50)
    )
    assert room(demo_db, pack).process_checks == 2


def test_a_process_check_answers_yes_partly_or_no(demo_db: Database) -> None:
    def check(progress: str = "yes", everyone_in: str = "yes", note: str = "") -> int:
        return record_process_check(
            demo_db,
            meeting_id=DECEMBER,
            item_id=None,
            progress=progress,
            everyone_in=everyone_in,
            note=note,
            now=at(0),
        )

    assert problems(lambda: check(progress="maybe")) == {"progress"}
    assert problems(lambda: check(everyone_in="")) == {"everyone_in"}
    assert problems(lambda: check(progress="YES", everyone_in="sort of")) == {
        "progress",
        "everyone_in",
    }
    assert problems(lambda: check(note="x" * (TEXT_MAX + 1))) == {"note"}
    assert count(demo_db, ProcessCheck) == 1  # the demo's November check


# Time-out ------------------------------------------------------------------------------


def test_a_time_out_pauses_the_running_clock(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    first = items(demo_db, DECEMBER)[0]
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=first, now=at(60))

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert not state.running
    assert state.room.time_out_id == time_out_id
    assert state.room.time_out_since == at(60)
    assert state.items[0].elapsed(at(500)) == pytest.approx(60)
    row = stored(demo_db, TimeOut, time_out_id)
    assert (row.meeting_id, row.agenda_item_id, row.started_at, row.ended_at) == (
        DECEMBER,
        first,
        at(60),
        None,
    )


def test_only_one_time_out_is_under_way_at_a_time(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    first = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(60))
    second = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(90))

    assert second == first
    assert room(demo_db, pack).time_out_since == at(60)
    with demo_db.read() as session:
        assert len(session.exec(select(TimeOut).where(TimeOut.meeting_id == DECEMBER)).all()) == 1


def test_ending_a_time_out_resumes_the_clock_without_counting_the_pause(
    demo_db: Database, pack: Pack
) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(60))
    end_time_out(
        demo_db, time_out_id=time_out_id, note="  Restated the issue. ", resume=True, now=at(180)
    )

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert state.running
    assert state.room.time_out_id is None
    assert state.room.time_out_since is None
    assert [(s.started_at, s.stopped_at) for s in state.items[0].segments] == [
        (at(0), at(60)),
        (at(180), None),
    ]
    assert state.items[0].elapsed(at(240)) == pytest.approx(120)
    row = stored(demo_db, TimeOut, time_out_id)
    assert (row.ended_at, row.note) == (at(180), "Restated the issue.")


def test_the_clock_resumes_on_the_current_item(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    first = items(demo_db, DECEMBER)[0]
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=first, now=at(60))
    second = move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(90))  # while paused
    end_time_out(demo_db, time_out_id=time_out_id, now=at(120))

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert state.current_item_id == second
    assert state.running and state.items[1].running and not state.items[0].running
    assert state.items[0].elapsed(at(200)) == pytest.approx(60)
    assert state.items[1].elapsed(at(200)) == pytest.approx(80)
    assert stored(demo_db, TimeOut, time_out_id).agenda_item_id == first


def test_a_time_out_can_end_with_the_clock_still_paused(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(60))
    end_time_out(demo_db, time_out_id=time_out_id, resume=False, now=at(180))

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert not state.running
    assert state.room.time_out_id is None
    assert state.items[0].elapsed(at(600)) == pytest.approx(60)
    assert stored(demo_db, TimeOut, time_out_id).ended_at == at(180)


def test_ending_a_time_out_twice_is_harmless(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(60))
    end_time_out(demo_db, time_out_id=time_out_id, note="First", now=at(120))
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(150))  # paused again by hand
    end_time_out(demo_db, time_out_id=time_out_id, note="Second", now=at(200))

    row = stored(demo_db, TimeOut, time_out_id)
    assert (row.ended_at, row.note) == (at(120), "First")
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert not state.running  # the second end did not restart the clock
    assert len(state.items[0].segments) == 2
    with pytest.raises(NotFoundError):
        end_time_out(demo_db, time_out_id=999, now=at(210))


def test_a_time_out_before_the_clock_starts_does_not_start_it(
    demo_db: Database, pack: Pack
) -> None:
    time_out_id = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(0))
    end_time_out(demo_db, time_out_id=time_out_id, resume=True, now=at(60))
    move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(70))  # an item is current now
    again = start_time_out(demo_db, meeting_id=DECEMBER, item_id=None, now=at(80))
    end_time_out(demo_db, time_out_id=again, resume=True, now=at(90))

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert (state.status, state.started_at) == ("planned", None)
    assert not state.running
    with demo_db.read() as session:
        segments = session.exec(
            select(TimerSegment).where(TimerSegment.meeting_id == DECEMBER)
        ).all()
    assert segments == []
    assert problems(
        lambda: start_time_out(demo_db, meeting_id=NOVEMBER, item_id=None, now=at(0))
    ) == {"meeting"}


# Speaker queue -------------------------------------------------------------------------


def test_a_member_waits_in_the_queue_only_once(demo_db: Database, pack: Pack) -> None:
    tom = member(demo_db, "Tom Becker")
    assert queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=tom, now=at(1))
    assert not queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=tom, now=at(2))

    assert room(demo_db, pack).queue == (tom,)
    with demo_db.read() as session:
        turns = session.exec(
            select(SpeakerTurn).where(
                SpeakerTurn.meeting_id == DECEMBER, SpeakerTurn.member_id == tom
            )
        ).all()
    assert [(t.meeting_id, t.queued_at, t.started_at) for t in turns] == [(DECEMBER, at(1), None)]


def test_the_floor_goes_in_queue_order_and_the_tally_counts_turns(
    demo_db: Database, pack: Pack
) -> None:
    tom, grace, priya = (member(demo_db, n) for n in ("Tom Becker", "Grace Liu", "Priya Raman"))
    item = items(demo_db, DECEMBER)[2]
    for second, who in enumerate((tom, grace, priya), start=1):
        assert queue_speaker(
            demo_db, meeting_id=DECEMBER, item_id=item, speaker=who, now=at(second)
        )

    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(10)) == tom
    floor_tom = room(demo_db, pack)
    assert (floor_tom.speaking, floor_tom.queue) == (tom, (grace, priya))
    assert not queue_speaker(demo_db, meeting_id=DECEMBER, item_id=item, speaker=tom, now=at(11))

    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(20)) == grace
    floor_grace = room(demo_db, pack)
    assert (floor_grace.speaking, floor_grace.queue) == (grace, (priya,))
    by_id = {s.member_id: s for s in floor_grace.members}
    assert (by_id[tom].turns, by_id[tom].speaking, by_id[tom].quiet) == (1, False, False)
    assert (by_id[grace].turns, by_id[grace].speaking, by_id[grace].quiet) == (0, True, False)
    assert (by_id[priya].turns, by_id[priya].queued, by_id[priya].quiet) == (0, True, True)
    assert floor_grace.name_of(grace) == "Grace Liu"

    with demo_db.read() as session:
        tom_turn = session.exec(
            select(SpeakerTurn).where(
                SpeakerTurn.meeting_id == DECEMBER, SpeakerTurn.member_id == tom
            )
        ).one()
    assert (tom_turn.agenda_item_id, tom_turn.started_at, tom_turn.ended_at) == (
        item,
        at(10),
        at(20),
    )


def test_after_the_last_turn_the_floor_is_empty(demo_db: Database, pack: Pack) -> None:
    tom, grace = member(demo_db, "Tom Becker"), member(demo_db, "Grace Liu")
    queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=tom, now=at(1))
    next_speaker(demo_db, meeting_id=DECEMBER, now=at(2))
    queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=grace, now=at(3))
    next_speaker(demo_db, meeting_id=DECEMBER, now=at(4))
    queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=tom, now=at(5))
    next_speaker(demo_db, meeting_id=DECEMBER, now=at(6))  # Tom's second turn

    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(7)) is None
    after = room(demo_db, pack)
    assert (after.speaking, after.queue) == (None, ())
    turns = {s.member_id: s.turns for s in after.members}
    assert (turns[tom], turns[grace]) == (2, 1)
    assert sum(turns.values()) == 3
    assert [s.name for s in after.quiet] == [
        "Maria Alvarez",
        "Daniel Okafor",
        "Priya Raman",
        "Aisha Karimi",
        "Lena Fischer",
        "Jorge Medina",
        "Sam Ortiz (district literacy specialist)",
    ]
    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(8)) is None


def test_leaving_the_queue_takes_a_waiting_member_out(demo_db: Database, pack: Pack) -> None:
    tom, grace, priya = (member(demo_db, n) for n in ("Tom Becker", "Grace Liu", "Priya Raman"))
    for second, who in enumerate((tom, grace, priya), start=1):
        queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=who, now=at(second))
    leave_queue(demo_db, meeting_id=DECEMBER, speaker=grace, now=at(5))

    assert room(demo_db, pack).queue == (tom, priya)
    with demo_db.read() as session:
        assert (
            session.exec(
                select(SpeakerTurn).where(
                    SpeakerTurn.meeting_id == DECEMBER, SpeakerTurn.member_id == grace
                )
            ).all()
            == []
        )
    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(6)) == tom
    assert next_speaker(demo_db, meeting_id=DECEMBER, now=at(7)) == priya
    leave_queue(demo_db, meeting_id=DECEMBER, speaker=priya, now=at(9))  # ends her turn
    after = room(demo_db, pack)
    assert after.speaking is None
    assert {s.member_id: s.turns for s in after.members}[priya] == 1
    assert queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=grace, now=at(10))


def test_only_the_meetings_team_can_queue(demo_db: Database) -> None:
    hannah = member(demo_db, "Hannah Cole", team_id=2)
    with pytest.raises(InvalidInput, match="Hannah Cole is not on this team") as raised:
        queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=hannah, now=at(0))
    assert set(raised.value.problems) == {"member"}
    with pytest.raises(NotFoundError):
        queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=999, now=at(0))
    tom = member(demo_db, "Tom Becker")
    assert problems(
        lambda: queue_speaker(demo_db, meeting_id=NOVEMBER, item_id=None, speaker=tom, now=at(0))
    ) == {"meeting"}
    assert problems(lambda: next_speaker(demo_db, meeting_id=NOVEMBER, now=at(0))) == {"meeting"}
    with demo_db.read() as session:
        queued = session.exec(
            select(SpeakerTurn).where(col(SpeakerTurn.meeting_id).in_([DECEMBER, PLC]))
        ).all()
    assert queued == []


# Reading the room ----------------------------------------------------------------------


def test_captures_of_all_kinds_come_back_in_time_order(demo_db: Database, pack: Pack) -> None:
    first, third = items(demo_db, DECEMBER)[0], items(demo_db, DECEMBER)[2]
    add_action_item(demo_db, meeting_id=DECEMBER, item_id=third, what="Share the data", now=at(30))
    add_parking_lot_item(demo_db, meeting_id=DECEMBER, item_id=first, text="Recess", now=at(10))
    add_takeaway(demo_db, meeting_id=DECEMBER, text="Data first", now=at(40))
    add_decision(
        demo_db,
        meeting_id=DECEMBER,
        item_id=third,
        question="Use the rubric",
        outcome="Yes, from January",
        now=at(20),
    )
    add_decision(demo_db, meeting_id=DECEMBER, item_id=None, question="Budget split", now=at(50))
    add_takeaway(demo_db, meeting_id=PLC, text="Another meeting's", now=at(25))

    captures = room(demo_db, pack).captures
    assert [(c.kind, c.label, c.text, c.item_id, c.at) for c in captures] == [
        (CaptureKind.PARKING, "Parked", "Recess", first, at(10)),
        (CaptureKind.DECISION, "Decision", "Use the rubric: Yes, from January", third, at(20)),
        (CaptureKind.ACTION, "Action", "Share the data", third, at(30)),
        (CaptureKind.TAKEAWAY, "Take-away", "Data first", None, at(40)),
        (CaptureKind.DECISION, "Decision", "Budget split", None, at(50)),
    ]


def test_a_meeting_with_nothing_captured_has_an_empty_room(demo_db: Database, pack: Pack) -> None:
    empty = room(demo_db, pack)

    assert (empty.captures, empty.queue, empty.speaking) == ((), (), None)
    assert (empty.time_out_id, empty.time_out_since) == (None, None)
    assert (empty.norms_checks, empty.process_checks) == (0, 0)
    november = room(demo_db, pack, NOVEMBER)  # the demo's held meeting
    assert {c.kind for c in november.captures} == set(CaptureKind)
    assert (november.norms_checks, november.process_checks, november.time_out_id) == (1, 1, None)


def test_the_norms_are_the_teams_current_ones_in_order(demo_db: Database, pack: Pack) -> None:
    retire_norm(demo_db, norm_id=3, now=at(0))
    move_norm(demo_db, norm_id=9, offset=-8, now=at(1))

    norms = room(demo_db, pack).norms
    with demo_db.read() as session:
        text_of = {n.id: n.text for n in session.exec(select(Norm))}
    assert [n.id for n in norms] == [9, 1, 2, 4, 5, 6, 7, 8]
    assert [n.text for n in norms] == [text_of[n.id] for n in norms]
    assert norms[0].text == "What is said here stays here; what is decided here is shared."
    assert [n.id for n in room(demo_db, pack, PLC).norms] == [10, 11, 12]


def test_the_members_are_those_expected_at_the_meeting(demo_db: Database, pack: Pack) -> None:
    lena, jorge = member(demo_db, "Lena Fischer"), member(demo_db, "Jorge Medina")
    set_expected(demo_db, meeting_id=DECEMBER, member_id=jorge, expected=False, now=at(0))
    with demo_db.write(now=at(1)) as session:
        row = session.exec(
            select(Attendance).where(
                Attendance.meeting_id == DECEMBER, Attendance.member_id == lena
            )
        ).one()
        row.status = "excused"

    names = [s.name for s in room(demo_db, pack).members]
    assert names == [
        "Maria Alvarez",
        "Daniel Okafor",
        "Priya Raman",
        "Tom Becker",
        "Aisha Karimi",
        "Grace Liu",
        "Sam Ortiz (district literacy specialist)",
    ]  # the members expected, then the guest; no one excused or not expected
    assert [s.name for s in room(demo_db, pack, PLC).members] == [
        "Priya Raman",
        "Hannah Cole",
        "Marcus Reed",
        "Lena Fischer",
    ]

    queue_speaker(demo_db, meeting_id=DECEMBER, item_id=None, speaker=lena, now=at(2))
    after = room(demo_db, pack)
    assert after.members[-1].name == "Lena Fischer"
    assert after.members[-1].queued
    assert after.name_of(lena) == "Lena Fischer"


def test_without_an_attendance_list_the_whole_current_team_is_in_the_room(
    demo_db: Database, pack: Pack
) -> None:
    archive_member(demo_db, member_id=member(demo_db, "Grace Liu"), now=at(0))
    with demo_db.write(now=at(1)) as session:
        for row in session.exec(select(Attendance).where(Attendance.meeting_id == DECEMBER)):
            session.delete(row)

    assert [s.name for s in room(demo_db, pack).members] == [
        "Maria Alvarez",
        "Daniel Okafor",
        "Priya Raman",
        "Tom Becker",
        "Aisha Karimi",
        "Lena Fischer",
        "Jorge Medina",
    ]
