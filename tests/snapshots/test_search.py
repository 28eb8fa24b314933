"""Snapshots of the search screen (issue 19) at 80x24 and at a 160x48 projector, on the
demo teams with the frozen clock."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.test_screens import SnapCompare, steps
from tests.ui.helpers import SIZE, make_app

SIZES = [SIZE, (160, 48)]
IDS = ["80x24", "160x48"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_search_results(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack, size: tuple[int, int]
) -> None:
    """/ from home, then "reading" typed: the box holding it, "9 results in every team ·
    newest first (ctrl+r: best match first)", and the results newest first (the PLC's planned
    meeting, then the leadership team's November, October and September meetings),
    three lines each: the kind (Agenda item, Meeting, Decision, Note, Evaluation
    comment) and the meeting's title; its team and day; the matching text with
    "reading" bold, underlined and in the accent colour; a rule between results. The
    first result is highlighted; the footer shows ↑↓ Move, ⏎ Open, ^r Order, ^t Team,
    esc Back."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=size, run_before=steps("slash", *"reading"))


def test_search_says_what_it_searches(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack
) -> None:
    """/ from home with nothing typed: the empty box, "Searching every team." under it
    and, in the results' place, the sentence saying what can be searched, that the word
    typed finds longer ones from its third letter, and how quotes and -word work."""
    app = make_app(demo_db.target, pack)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("slash"))
