"""Snapshots of the projector (issue 18) at 80x24 and at a 160x48 projector, with a
frozen clock: the demo's December meeting waiting to start, and running on its second
item with a parking-lot entry and a speaker queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from facilitator.pack.loader import Pack
from facilitator.services.captures import add_parking_lot_item
from facilitator.services.live import live_state, move_to_item, start_or_pause
from facilitator.services.room import next_speaker, queue_speaker
from facilitator.store.database import Database
from facilitator.ui.app import build_app
from tests.conftest import TZ
from tests.ui.helpers import SIZE, settle
from tests.ui.live_helpers import DECEMBER, T0

SnapCompare = Callable[..., bool]
SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


def clock_at(seconds: float) -> Callable[[], Any]:
    return lambda: T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_waiting_for_the_start(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """ "Waiting for the meeting to start" with its title and that the view will show it
    once the clock starts; the meeting line with its start; the whole agenda with
    minutes; the speakers with no one queued; nothing captured yet."""
    app = build_app(
        demo_db.target,
        clock=clock_at(0),
        tz=TZ,
        pack=pack,
        open_meeting_id=DECEMBER,
        projector=True,
    )
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_running_the_second_item(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Item 2 of 7 with its goal, the big figure 6:30 in green with "6:30 left ·
    planned 8:00"; the next items; a member at the floor and one in the queue; the
    parked "Bus duty rota" under Captured (1); the key line: help and quit only."""
    state = live_state(demo_db, meeting_id=DECEMBER, pack=pack)
    first = state.items[0].item_id
    members = [member.key for member in state.room.members]
    start_or_pause(demo_db, meeting_id=DECEMBER, now=T0)
    add_parking_lot_item(demo_db, meeting_id=DECEMBER, item_id=first, text="Bus duty rota", now=T0)
    move_to_item(demo_db, meeting_id=DECEMBER, step=1, now=T0 + timedelta(minutes=4))
    second = state.items[1].item_id
    for member in (members[0], members[2]):
        queue_speaker(demo_db, meeting_id=DECEMBER, item_id=second, speaker=member, now=T0)
    next_speaker(demo_db, meeting_id=DECEMBER, now=T0)
    app = build_app(
        demo_db.target,
        clock=clock_at(5 * 60 + 30),
        tz=TZ,
        pack=pack,
        open_meeting_id=DECEMBER,
        projector=True,
    )
    assert snap_compare(app, terminal_size=size, run_before=settle)
