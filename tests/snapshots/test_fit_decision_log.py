"""Snapshots of the decision log and one decision's full record, at 80x24 and at a
projector size, on the decisions of tests/decision_log_data.py (frozen clock)."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.decision_log_data import fill_log
from tests.snapshots.test_screens import SnapCompare, steps
from tests.ui.helpers import PROJECTOR, SIZE, make_app


@pytest.mark.parametrize("size", [SIZE, PROJECTOR], ids=["80x24", "projector"])
def test_decision_log(
    snap_compare: SnapCompare, db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """The log of all teams, opened with d from home: "All teams · 6 decisions, 2 open,
    2 due for review", the filter line with [4 All] and "Method: any", the search field,
    and the six decisions newest first (Date, Question, Status, Review; at the projector
    size a Method column too), "review due" in words on two of them; under the table, the
    highlighted decision's question, outcome and facts (method, status, review date,
    meeting and team)."""
    fill_log(db)
    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps("d"))


def test_decision_record(snap_compare: SnapCompare, db: Database, pack: Pack) -> None:
    """Enter on the last decision (Riverside's majority vote): its question, the meeting
    it was taken in, then as the minutes give it the method, the threshold, who was
    present, the yes and no groups, the counted result ("Carried: 2 of 3 ..."), status,
    outcome, rationale, review date, and "Due: carry it forward ..."."""
    fill_log(db)
    app = make_app(db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("d", *["down"] * 5, "enter"))
