"""Running a meeting: the clock's start, pause, moves and adjustments are stored as
timestamps, so a fresh read (as after a restart) gives exactly the same times."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.timer import Phase
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.agenda import delete_item
from facilitator.services.live import (
    adjust_item_time,
    live_state,
    move_to_item,
    save_note,
    set_step,
    start_or_pause,
)
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Note, TimerSegment
from tests.conftest import FROZEN_NOW

DECEMBER = 2  # the demo's planned leadership meeting: 5, 8, 12, 15, 10, 5, 5 minutes
NOVEMBER = 1  # closed
T0 = FROZEN_NOW + timedelta(days=7, hours=1, minutes=30)  # December's start, Mon 15:30


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_the_first_start_begins_the_meeting_on_its_first_item(
    demo_db: Database, pack: Pack
) -> None:
    assert start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0)) is True

    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert state.status == MeetingStatus.RUNNING
    assert state.started_at == at(0)
    assert state.current_item_id == state.items[0].item_id
    assert state.running
    clock = state.item_clock(at(90))
    assert clock is not None
    assert (clock.display, clock.words) == ("3:30", "3:30 left")


def test_pause_and_resume_keep_exact_time_across_a_fresh_read(
    demo_db: Database, pack: Pack
) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    assert start_or_pause(demo_db, meeting_id=DECEMBER, now=at(100.25)) is False
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(400))  # paused for 5 minutes
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)

    clock = state.item_clock(at(430.5))
    assert clock is not None
    assert clock.elapsed_seconds == pytest.approx(130.75)
    assert clock.remaining_seconds == pytest.approx(300 - 130.75)
    paused = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert paused.meeting_clock(at(430.5)).elapsed_seconds == 430.5


def test_next_and_previous_move_the_running_clock_and_keep_each_items_time(
    demo_db: Database, pack: Pack
) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    first = move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(320))  # 20 s over
    second = move_to_item(demo_db, meeting_id=DECEMBER, step=-1, now=at(380))
    assert first is not None and second is not None
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)

    assert state.current_item_id == second == state.items[0].item_id
    assert state.items[0].elapsed(at(400)) == pytest.approx(320 + 20)
    assert state.items[1].elapsed(at(400)) == pytest.approx(60)
    clock = state.item_clock(at(400))
    assert clock is not None and clock.phase is Phase.OVER
    assert clock.words == "Over by 0:40"


def test_moving_while_paused_stays_paused(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(60))
    move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(70))
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)

    assert not state.running
    assert state.current_index == 1
    assert state.items[1].elapsed(at(500)) == 0


def test_there_is_nothing_before_the_first_or_after_the_last_item(
    demo_db: Database, pack: Pack
) -> None:
    assert move_to_item(demo_db, meeting_id=DECEMBER, step=-1, now=at(0)) is None
    for _ in range(6):
        assert move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(0)) is not None
    assert move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(0)) is None


def test_extend_and_shorten_move_the_projected_end(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    first = state.items[0].item_id
    assert state.meeting_clock(at(0)).drift_words == "on plan"

    assert adjust_item_time(demo_db, item_id=first, seconds=60, now=at(10)) == 360
    assert adjust_item_time(demo_db, item_id=first, seconds=3 * 60, now=at(10)) == 540
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    assert state.meeting_clock(at(10)).drift_words == "4 min over plan"
    assert adjust_item_time(demo_db, item_id=first, seconds=-60, now=at(20)) == 480
    with pytest.raises(InvalidInput, match="at least 1 minute"):
        adjust_item_time(demo_db, item_id=first, seconds=-480, now=at(30))


def test_a_steps_own_time_survives_pauses(demo_db: Database, pack: Pack) -> None:
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    stepped = next(line for line in state.plan.agenda if line.steps)
    index = [item.item_id for item in state.items].index(stepped.id)
    for _ in range(index):
        move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=at(0))
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    set_step(demo_db, item_id=stepped.id, position=1, now=at(120))
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(150))  # pause 50 s
    start_or_pause(demo_db, meeting_id=DECEMBER, now=at(200))
    item = live_state(demo_db, meeting_id=DECEMBER, pack=pack).items[index]

    assert item.current_step == 1
    assert item.elapsed(at(230)) - item.step_started_seconds == pytest.approx(60)
    with pytest.raises(InvalidInput, match="no step 99"):
        set_step(demo_db, item_id=stepped.id, position=98, now=at(240))


def test_notes_are_kept_per_item_and_overwritten_whole(demo_db: Database, pack: Pack) -> None:
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    first, second = state.items[0].item_id, state.items[1].item_id
    save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="Draft", now=at(1))
    save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="[b]Draft[/b]\n- two", now=at(2))
    save_note(demo_db, meeting_id=DECEMBER, item_id=second, body="Other", now=at(3))
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)

    assert [item.note for item in state.items[:3]] == ["[b]Draft[/b]\n- two", "Other", ""]
    with demo_db.read() as session:
        rows = session.exec(select(Note).where(Note.meeting_id == DECEMBER)).all()
    assert len(rows) == 2
    # The first note was created at 1 and replaced at 2: both stamps kept, tz-aware.
    stamps = {row.body: (row.created_at, row.updated_at) for row in rows}
    assert stamps["[b]Draft[/b]\n- two"] == (at(1), at(2))
    assert stamps["Other"] == (at(3), at(3))
    with pytest.raises(NotFoundError):
        save_note(demo_db, meeting_id=NOVEMBER, item_id=first, body="x", now=at(4))


def test_a_save_over_another_windows_notes_merges_them(demo_db: Database, pack: Pack) -> None:
    """Two windows typed the same item's notes at once (issue 18): the later save keeps
    its text whole and the earlier window's new lines after it."""
    first = live_state(demo_db, meeting_id=DECEMBER, pack=pack).items[0].item_id
    save_note(demo_db, meeting_id=DECEMBER, item_id=first, body="Start", now=at(1))
    theirs = save_note(
        demo_db, meeting_id=DECEMBER, item_id=first, body="Start\nTheirs", now=at(2), base="Start"
    )
    mine = save_note(
        demo_db, meeting_id=DECEMBER, item_id=first, body="Start\nMine", now=at(3), base="Start"
    )

    assert theirs == "Start\nTheirs"  # nobody had saved in between: as typed
    assert mine == "Start\nMine\n\nTheirs"
    assert live_state(demo_db, meeting_id=DECEMBER, pack=pack).items[0].note == mine


def test_a_closed_meeting_and_an_empty_agenda_cannot_be_run(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(InvalidInput, match="closed"):
        start_or_pause(demo_db, meeting_id=NOVEMBER, now=at(0))
    with pytest.raises(NotFoundError):
        start_or_pause(demo_db, meeting_id=999, now=at(0))
    for item in live_state(demo_db, meeting_id=DECEMBER, pack=pack).items:
        delete_item(demo_db, item_id=item.item_id, now=at(0))
    with pytest.raises(InvalidInput, match="no items"):
        start_or_pause(demo_db, meeting_id=DECEMBER, now=at(0))
    with demo_db.read() as session:
        assert (
            session.exec(select(TimerSegment).where(TimerSegment.meeting_id == DECEMBER)).all()
            == []
        )
        assert session.get(Meeting, DECEMBER).status == MeetingStatus.PLANNED  # type: ignore[union-attr]
