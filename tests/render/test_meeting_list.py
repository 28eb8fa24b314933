"""`facilitator list`: a meeting held on another day than planned is listed on the day it
was held, with the planned day beside it; the JSON keeps its fields and adds the held
moment and both days.

Regression (issue 15, defect 4): the list dated a meeting by its plan.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from facilitator.domain.overview import MeetingSummary
from facilitator.render.meeting_list import meetings_as_json, meetings_as_text

JANUARY = datetime(2027, 1, 11, 15, 30, tzinfo=UTC)
HELD = datetime(2026, 12, 7, 15, 31, tzinfo=UTC)


def summary(meeting_id: int, held_at: datetime | None, status: str) -> MeetingSummary:
    return MeetingSummary(
        id=meeting_id,
        team_id=1,
        team_name="Harbour Team",
        title=f"Meeting {meeting_id}",
        scheduled_start=JANUARY,
        planned_minutes=60,
        location="Room 4",
        status=status,
        held_at=held_at,
    )


def test_regression_the_text_list_dates_a_meeting_by_when_it_was_held() -> None:
    """Regression (issue 15, defect 4): held 7 Dec, planned 11 Jan: listed on 7 Dec."""
    text = meetings_as_text([summary(1, HELD, "closed"), summary(2, None, "planned")], UTC)
    lines = [line.split() for line in text.splitlines()]
    assert lines[1][:5] == ["1", "2026-12-07", "15:31", "closed,", "planned"]
    assert lines[1][5] == "2027-01-11"
    assert lines[2][:4] == ["2", "2027-01-11", "15:30", "planned"]


def test_held_on_the_planned_day_says_nothing_more() -> None:
    on_time = summary(1, JANUARY.replace(minute=32), "closed")
    assert "planned 2027" not in meetings_as_text([on_time], UTC)


def test_the_json_adds_when_it_was_held_and_keeps_the_plan() -> None:
    rows = json.loads(
        meetings_as_json([summary(1, HELD, "closed"), summary(2, None, "planned")], UTC)
    )
    assert rows[0]["scheduled_start"] == "2027-01-11T15:30:00+00:00"
    assert rows[0]["held_at"] == "2026-12-07T15:31:00+00:00"
    assert (rows[0]["held_on"], rows[0]["scheduled_for"]) == ("2026-12-07", "2027-01-11")
    assert (rows[1]["held_at"], rows[1]["held_on"]) == (None, None)
    assert list(rows[1])[:8] == [
        *("id", "team_id", "team", "title", "scheduled_start"),
        *("planned_minutes", "location", "status"),
    ]


def test_the_days_are_on_the_local_wall_clock() -> None:
    late = summary(1, datetime(2026, 12, 7, 23, 30, tzinfo=UTC), "closed")
    berlin = ZoneInfo("Europe/Berlin")
    row = json.loads(meetings_as_json([late], berlin))[0]
    assert row["held_on"] == "2026-12-08"
    assert meetings_as_text([late], berlin).splitlines()[1].split()[1:3] == ["2026-12-08", "00:30"]
