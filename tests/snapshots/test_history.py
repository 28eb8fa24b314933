"""Snapshots of the history screen (issue 19) at 80x24 and at a 160x48 projector, on
the demo teams with the frozen clock."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.test_screens import SnapCompare, steps
from tests.ui.helpers import SIZE, make_app

SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_history_of_every_team(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """h from home: the status keys with [1 All] chosen and "a Archived: hidden"; the
    empty From and to fields and "t Team: all teams"; "N meetings · no filter: every
    team, status and day"; the demo's meetings newest first
    (the two planned ones ahead, then the three held ones) with their day, title,
    status in words ("planned", "closed, sent") and counts of decisions and action
    items (November: 7 and "4/1" at 80 columns, "4 open, 1 done" and a Team column at
    160); the first row highlighted and, under the table, its title and a line of its
    team, day, status and counts in words; the footer with ⏎ Open, 12345 Show, t Team,
    a Archived, f Dates, / Search and esc Back."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps("h"))


def test_history_with_a_bad_date(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """h, 4 (closed only), then f and "2026-13-01" typed into From: the field holding
    it, and under the date fields, in bold warning colour, 'The from day "2026-13-01"
    is not a date: type it as YYYY-MM-DD, like 2026-11-23, or leave it empty.'; the list
    still shows every closed meeting, the status line saying "closed"."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("h", "4", "f", *"2026-13-01"))
