"""Closure: ending a meeting, what closure edits, closing (never over an incomplete action
item), reopening for corrections, and marking the minutes sent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.domain.closure import Step, closing_problems, step_states
from facilitator.domain.enums import AttendanceStatus, MeetingStatus
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services import closure, closure_actions
from facilitator.services.captures import add_action_item, add_parking_lot_item
from facilitator.services.live import start_or_pause
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from facilitator.store.tables import ActionItem, NextAgendaEntry, ParkingLotItem
from tests.conftest import FROZEN_NOW, TZ

NOVEMBER = 1  # closed, with its whole record
DECEMBER = 2  # planned; all eight members expected
T0 = FROZEN_NOW + timedelta(days=7, hours=1, minutes=30)


def _run_december(db: Database) -> None:
    start_or_pause(db, meeting_id=DECEMBER, now=T0)
    closure.end_meeting(db, meeting_id=DECEMBER, now=T0 + timedelta(minutes=58))


def _minutes(db: Database, pack: Pack, meeting_id: int = DECEMBER):  # type: ignore[no-untyped-def]
    return meeting_minutes(db, meeting_id=meeting_id, pack=pack)


def _confirm_everyone(db: Database, pack: Pack) -> None:
    for attendee in _minutes(db, pack).attendees:
        closure.set_attendance(db, attendee_id=attendee.id, status="present", now=T0)


def test_end_meeting_stops_the_clock_and_dates_the_end(demo_db: Database, pack: Pack) -> None:
    _run_december(demo_db)
    minutes = _minutes(demo_db, pack)
    assert minutes.ended_at == T0 + timedelta(minutes=58)
    assert minutes.items[0].actual_minutes == 58
    assert all(s.stopped_at is not None for s in minutes.items[0].segments)


def test_an_ownerless_action_item_keeps_the_meeting_open(demo_db: Database, pack: Pack) -> None:
    _run_december(demo_db)
    _confirm_everyone(demo_db, pack)
    action = add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="Order books", now=T0, tz=TZ
    )
    with pytest.raises(InvalidInput) as refused:
        closure.close_meeting(demo_db, meeting_id=DECEMBER, now=T0)
    assert "1 action item lacks an owner or a due date" in refused.value.problems["close"]
    assert _minutes(demo_db, pack).status == MeetingStatus.RUNNING

    # "Owner to be decided" is allowed, said explicitly, but a date is still wanted.
    closure_actions.set_owner_to_be_decided(demo_db, action_id=action, value=True, now=T0)
    assert closing_problems(_minutes(demo_db, pack))
    closure_actions.update_action(
        demo_db,
        action_id=action,
        what="Order books",
        owner="",
        due="2026-12-11",
        to_be_decided=True,
        now=T0,
        tz=TZ,
    )
    assert closing_problems(_minutes(demo_db, pack)) == []
    closure.close_meeting(demo_db, meeting_id=DECEMBER, now=T0 + timedelta(hours=1))
    closed = _minutes(demo_db, pack)
    assert closed.status == MeetingStatus.CLOSED
    assert closed.closed_at == T0 + timedelta(hours=1)
    assert closed.other_actions[0].owner_label == "owner to be decided"


def test_an_owner_ends_owner_to_be_decided(demo_db: Database, pack: Pack) -> None:
    action = add_action_item(demo_db, meeting_id=DECEMBER, item_id=None, what="x", now=T0)
    closure_actions.set_owner_to_be_decided(demo_db, action_id=action, value=True, now=T0)
    closure_actions.update_action(
        demo_db,
        action_id=action,
        what="x",
        owner="Tom Becker",
        due="Dec 4",
        to_be_decided=True,
        now=T0,
        tz=TZ,
    )
    with demo_db.read() as session:
        row = session.get(ActionItem, action)
        assert row is not None
        assert (row.owner_to_be_decided, row.owner_name, row.due_date) == (
            False,
            None,
            date(2026, 12, 4),
        )
        assert row.owner_member_id is not None
    with pytest.raises(InvalidInput):
        closure_actions.set_owner_to_be_decided(demo_db, action_id=action, value=True, now=T0)


def test_unconfirmed_attendance_and_undecided_parking_block_closing(
    demo_db: Database, pack: Pack
) -> None:
    _run_december(demo_db)
    parked = add_parking_lot_item(
        demo_db, meeting_id=DECEMBER, item_id=None, text="Library hours", now=T0
    )
    problems = closing_problems(_minutes(demo_db, pack))
    assert any("parking-lot entry has no disposition" in p for p in problems)
    assert any("9 people are not yet marked" in p for p in problems)
    _confirm_everyone(demo_db, pack)
    closure.dispose_parking(demo_db, parking_id=parked, disposition="open", now=T0)
    assert closing_problems(_minutes(demo_db, pack)) == []
    states = {s.step: s for s in step_states(_minutes(demo_db, pack))}
    assert states[Step.CLOSE].summary == "ready to close"


def test_parking_dispositions_make_and_unmake_what_they_promise(
    demo_db: Database, pack: Pack
) -> None:
    parked = add_parking_lot_item(
        demo_db, meeting_id=DECEMBER, item_id=None, text="Library hours", now=T0
    )
    closure.dispose_parking(demo_db, parking_id=parked, disposition="next_agenda", now=T0)
    assert [n.title for n in _minutes(demo_db, pack).next_agenda] == ["Library hours"]
    closure.dispose_parking(demo_db, parking_id=parked, disposition="action", now=T0)
    minutes = _minutes(demo_db, pack)
    assert minutes.next_agenda == ()
    assert [a.what for a in minutes.other_actions] == ["Library hours"]
    closure.dispose_parking(
        demo_db, parking_id=parked, disposition="resolved", note="Asked the office", now=T0
    )
    minutes = _minutes(demo_db, pack)
    assert minutes.other_actions == ()
    assert (minutes.parking[0].status, minutes.parking[0].disposition_note) == (
        "resolved",
        "Asked the office",
    )
    with pytest.raises(InvalidInput):
        closure.dispose_parking(demo_db, parking_id=parked, disposition="later", now=T0)


def test_next_agenda_takeaways_and_communication(demo_db: Database, pack: Pack) -> None:
    entry = closure.save_next_agenda(
        demo_db, meeting_id=DECEMBER, title="Book fair", note="Ask Grace", now=T0
    )
    closure.save_next_agenda(
        demo_db, meeting_id=DECEMBER, title="Book fair dates", entry_id=entry, now=T0
    )
    said = closure.save_takeaway(demo_db, meeting_id=DECEMBER, text="Writing first", now=T0)
    line = closure.save_communication(
        demo_db,
        meeting_id=DECEMBER,
        key_message="New schedule",
        stakeholders="Families",
        messenger="Grace Liu",
        method="Newsletter",
        timeline="Friday",
        now=T0,
    )
    minutes = _minutes(demo_db, pack)
    assert [(n.title, n.note) for n in minutes.next_agenda] == [("Book fair dates", "")]
    assert minutes.takeaways == ("Writing first",)
    assert minutes.communication[0].messenger is not None
    assert minutes.communication[0].messenger.member_id is not None
    with pytest.raises(InvalidInput) as missing:
        closure.save_communication(demo_db, meeting_id=DECEMBER, key_message=" ", now=T0)
    assert set(missing.value.problems) == {"key_message"}
    for kind, key in (("next_agenda", entry), ("takeaway", said), ("communication", line)):
        closure.delete_entry(demo_db, kind=kind, entry_id=key, now=T0)
    minutes = _minutes(demo_db, pack)
    assert (minutes.next_agenda, minutes.takeaways, minutes.communication) == ((), (), ())
    with demo_db.read() as session:
        assert session.get(NextAgendaEntry, entry) is None


def test_a_closed_meeting_refuses_changes_until_reopened(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(InvalidInput) as refused:
        closure.save_takeaway(demo_db, meeting_id=NOVEMBER, text="More", now=FROZEN_NOW)
    assert "reopen it" in refused.value.sentence
    closure.reopen_meeting(demo_db, meeting_id=NOVEMBER, now=FROZEN_NOW)
    assert _minutes(demo_db, pack, NOVEMBER).status == MeetingStatus.REOPENED
    closure.correct_notes(
        demo_db,
        meeting_id=NOVEMBER,
        item_id=_minutes(demo_db, pack, NOVEMBER).items[0].id,
        body="Corrected.",
        now=FROZEN_NOW,
    )
    later = FROZEN_NOW + timedelta(minutes=5)
    closure.close_meeting(demo_db, meeting_id=NOVEMBER, now=later)
    minutes = _minutes(demo_db, pack, NOVEMBER)
    assert minutes.items[0].notes == "Corrected."
    assert minutes.corrected_at == later
    assert minutes.closed_at is not None and minutes.closed_at < FROZEN_NOW  # the first close
    with pytest.raises(InvalidInput):
        closure.reopen_meeting(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)


def test_closing_corrected_minutes_makes_them_due_again(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 5): corrected minutes (reopened, then closed again)
    still showed as sent. Closing again clears "sent": the corrected minutes go out again,
    within 48 hours of the correction; the last step says the meeting is closed."""
    from facilitator.domain.overview import MinutesState, minutes_state

    assert _minutes(demo_db, pack, NOVEMBER).sent_at is not None
    closure.reopen_meeting(demo_db, meeting_id=NOVEMBER, now=FROZEN_NOW)
    states = {s.step: s for s in step_states(_minutes(demo_db, pack, NOVEMBER))}
    assert states[Step.CLOSE].summary == "ready to close again"
    later = FROZEN_NOW + timedelta(minutes=5)
    closure.close_meeting(demo_db, meeting_id=NOVEMBER, now=later)
    minutes = _minutes(demo_db, pack, NOVEMBER)
    assert (minutes.sent_at, minutes.corrected_at) == (None, later)
    state, left = minutes_state(
        minutes.closed_at, minutes.sent_at, later + timedelta(hours=1), corrected_at=later
    )
    assert (state, left) == (MinutesState.DUE, timedelta(hours=47))
    states = {s.step: s for s in step_states(minutes)}
    assert (states[Step.CLOSE].summary, states[Step.CLOSE].done) == ("closed", True)


def test_minutes_sent_only_once_closed(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(InvalidInput):
        closure.mark_minutes_sent(demo_db, meeting_id=DECEMBER, now=T0)
    closure.mark_minutes_sent(demo_db, meeting_id=NOVEMBER, now=FROZEN_NOW, sent=False)
    assert _minutes(demo_db, pack, NOVEMBER).sent_at is None
    closure.mark_minutes_sent(demo_db, meeting_id=NOVEMBER, now=FROZEN_NOW)
    assert _minutes(demo_db, pack, NOVEMBER).sent_at == FROZEN_NOW


def test_deleting_an_action_made_from_the_parking_lot_reopens_the_entry(
    demo_db: Database, pack: Pack
) -> None:
    parked = add_parking_lot_item(demo_db, meeting_id=DECEMBER, item_id=None, text="x", now=T0)
    closure.dispose_parking(demo_db, parking_id=parked, disposition="action", now=T0)
    action = _minutes(demo_db, pack).other_actions[0].id
    closure_actions.delete_action(demo_db, action_id=action, now=T0)
    with demo_db.read() as session:
        row = session.get(ParkingLotItem, parked)
        assert row is not None and (row.status, row.action_item_id) == ("open", None)
        assert session.get(ActionItem, action) is None


def test_attendance_takes_only_the_three_answers(demo_db: Database, pack: Pack) -> None:
    attendee = _minutes(demo_db, pack).attendees[0]
    with pytest.raises(InvalidInput):
        closure.set_attendance(demo_db, attendee_id=attendee.id, status="expected", now=T0)
    closure.set_attendance(demo_db, attendee_id=attendee.id, status="excused", now=T0)
    assert _minutes(demo_db, pack).attendees[0].status == AttendanceStatus.EXCUSED


def test_action_status_for_the_teams_list(demo_db: Database) -> None:
    closure_actions.set_action_status(demo_db, action_id=2, status="done", now=FROZEN_NOW)
    with demo_db.read() as session:
        row = session.get(ActionItem, 2)
        assert row is not None and (row.status, row.done_at) == ("done", FROZEN_NOW)
    closure_actions.set_action_status(demo_db, action_id=2, status="open", now=FROZEN_NOW)
    with demo_db.read() as session:
        row = session.get(ActionItem, 2)
        assert row is not None and (row.status, row.done_at) == ("open", None)
    with pytest.raises(InvalidInput):
        closure_actions.set_action_status(demo_db, action_id=2, status="later", now=FROZEN_NOW)


def test_mark_the_rest_present(demo_db: Database, pack: Pack) -> None:
    first = _minutes(demo_db, pack).attendees[0]
    closure.set_attendance(demo_db, attendee_id=first.id, status="absent", now=T0)
    assert closure.mark_rest_present(demo_db, meeting_id=DECEMBER, now=T0) == 8
    statuses = [a.status for a in _minutes(demo_db, pack).attendees]
    assert statuses == ["absent"] + ["present"] * 8
