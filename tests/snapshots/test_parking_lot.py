"""Snapshots of the parking-lot list at 80x24 and 160x48, on the entries of
tests/parking_data.py (frozen clock)."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.parking_data import fill_parking
from tests.snapshots.test_screens import SnapCompare, steps
from tests.ui.helpers import SIZE, make_app

WIDE = (160, 48)


@pytest.mark.parametrize("size", [SIZE, WIDE], ids=["80x24", "160x48"])
def test_parking_lot(
    snap_compare: SnapCompare, db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """Every team's list, opened with p from home: "All teams · Parking lot · 3 open, 3
    dealt with", the filter line with [2 All], the search field, and the six entries of
    the active teams, open ones first then the newest meeting's first (Date, Entry,
    Status; at 160x48 a Raised by column too), "open" in words; one entry holds
    "[bold]class[/bold]", shown as typed; under the table, the highlighted entry's text,
    "No disposition note." and its facts (status, who raised it, meeting and day,
    team); the footer names 1 Open, 2 All, / Search."""
    fill_parking(db)
    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps("p"))


def test_parking_lot_searched(snap_compare: SnapCompare, db: Database, pack: Pack) -> None:
    """ "benchmark" typed after /: the two entries holding the word in any form
    ("Benchmark data by [bold]class[/bold]", "Benchmarks for spring reading") and the
    PLC's "Shared planning benchmark", the focus in the search field."""
    fill_parking(db)
    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("p", "slash", *"benchmark"))
