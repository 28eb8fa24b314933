"""Action items as CSV: the demo meeting's file is the golden one, it parses back to the
minutes' action items, and no cell of the team's text can run as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.domain.minutes import Minutes
from facilitator.pack.loader import Pack
from facilitator.render.minutes_csv import CSV_BOM, HEADER, action_items_csv, safe_cell
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import TZ
from tests.render.exports import small_minutes, with_owner
from tests.render.golden import check_golden

TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    return meeting_minutes(demo_db, meeting_id=1, pack=pack)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def expected_cell(text: str) -> str:
    """What the spreadsheet-safe rule makes of a cell: an apostrophe before a leading
    = + - @ tab or carriage return, nothing else changed."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def test_the_demo_meeting_matches_its_golden_file(november: Minutes) -> None:
    check_golden("minutes-1.csv", action_items_csv(november, TZ).encode())


def test_the_rows_are_the_minutes_action_items(november: Minutes) -> None:
    text = action_items_csv(november, TZ)
    assert not text.startswith(CSV_BOM)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    header, *body = rows(text)
    assert tuple(header) == HEADER == ("meeting", "date", "item", "what", "owner", "due", "status")
    assert len(body) == len(november.actions) == 5
    for row, action in zip(body, november.actions, strict=True):
        assert row[0] == "November leadership team meeting"
        assert row[1] == "2026-11-09"
        assert row[2] == "Next steps and closure"
        assert row[3] == action.what
        assert row[4] == (action.owner.name if action.owner else "")
        assert row[5] == (action.due.isoformat() if action.due else "")
        assert row[6] == action.status
    assert [row[6] for row in body] == ["done", "open", "open", "open", "open"]


def test_the_date_is_the_day_it_was_held_on_the_wall_clock() -> None:
    base = small_minutes()
    late = replace(
        base,
        scheduled_start=base.scheduled_start.replace(day=16),  # held a week early
        started_at=base.scheduled_start.replace(hour=23),
    )
    assert rows(action_items_csv(late, ZoneInfo("Europe/Berlin")))[1][1] == "2026-11-10"
    assert rows(action_items_csv(late, ZoneInfo("America/New_York")))[1][1] == "2026-11-09"
    # Not held: no start and no clock segment (a segment alone would date it).
    items = tuple(replace(item, segments=()) for item in late.items)
    planned = replace(late, started_at=None, items=items)
    assert rows(action_items_csv(planned, ZoneInfo("UTC")))[1][1] == "2026-11-16"


def test_an_action_without_an_item_owner_or_date_has_empty_cells() -> None:
    minutes = small_minutes()
    tbd, nobody = rows(action_items_csv(minutes, TZ))[2], None
    assert tbd == [
        *("November meeting", "2026-11-09", "", "Book the hall"),
        *("owner to be decided", "", "open"),
    ]
    loose = replace(minutes.other_actions[0], owner_to_be_decided=False, owner=nobody)
    assert rows(action_items_csv(replace(minutes, other_actions=(loose,)), TZ))[2][4] == ""


@pytest.mark.parametrize("what", ["=cmd()", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_formula_comes_back_with_an_apostrophe_first(what: str) -> None:
    minutes = small_minutes(what=what, owner=what, title=what)
    minutes = replace(minutes, title=what)
    row = rows(action_items_csv(minutes, TZ))[1]
    assert row[3] == "'" + what
    assert row[3][1:] == what
    assert row[0] == row[2] == row[4] == "'" + what


def test_quotes_commas_and_line_breaks_are_quoted() -> None:
    what = 'Say "hi", then\nleave'
    text = action_items_csv(small_minutes(what=what), TZ)
    assert '"Say ""hi"", then\nleave"' in text
    assert rows(text)[1][3] == what


def test_dates_and_statuses_never_get_an_apostrophe(november: Minutes) -> None:
    for row in rows(action_items_csv(november, TZ))[1:]:
        assert not row[1].startswith("'") and not row[5].startswith("'")
        assert safe_cell(row[1]) == row[1] and safe_cell(row[6]) == row[6]


@settings(max_examples=50, deadline=None)
@given(what=TEXT, owner=TEXT.filter(lambda name: bool(name.strip())))
@example(what="<script>", owner="[bold]")
@example(what="*", owner="|")
@example(what=",", owner="=cmd()")
@example(what="+1", owner="-2")
@example(what="@x", owner="a\nb")
@example(what='"quoted"', owner=";")
@example(what="\\", owner="\t\r\n")
def test_any_text_comes_back_exactly(what: str, owner: str) -> None:
    minutes = with_owner(small_minutes(what=what), owner)
    row = rows(action_items_csv(minutes, TZ))[1]
    assert row[3] == expected_cell(what)
    assert row[4] == expected_cell(owner)
