"""Every minutes format dates a meeting by the day it was held, and names the planned day
beside it where the two differ.

Regression (issue 15, defect 4): a meeting planned for one day and held on another was
dated by its plan in some places and by the day it was held in others.
"""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, datetime
from email import policy
from zoneinfo import ZoneInfo

from icalendar import Calendar

from facilitator.domain.minutes import Minutes
from facilitator.render.minutes_calendar import minutes_calendar
from facilitator.render.minutes_csv import action_items_csv
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_json import minutes_from_json, minutes_json
from facilitator.render.minutes_mail import minutes_email, subject
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import minutes_text
from tests.conftest import FROZEN_NOW, TZ
from tests.render.exports import small_minutes
from tests.render.pages import read_html

PLANNED = datetime(2026, 11, 16, 15, 30, tzinfo=UTC)
"""A week after the day `small_minutes` was held (Monday 9 November 2026, 15:30)."""
HELD = "Monday 9 November 2026"
BOTH = "Monday 9 November 2026 (scheduled Monday 16 November 2026)"


def held_early() -> Minutes:
    """The small minutes of a meeting planned for 16 November and held on 9 November."""
    return replace(small_minutes(), scheduled_start=PLANNED)


def test_regression_markdown_and_html_say_the_held_day_and_the_planned_one() -> None:
    """Regression (issue 15, defect 4): the header's date is the day it was held."""
    markdown = minutes_markdown(held_early(), TZ)
    assert f"- **Date:** {BOTH}\n" in markdown
    assert "- **Scheduled:** 15:30–16:30 (60 minutes)\n" in markdown
    assert "- **Held:** 15:30–16:30 (60 minutes)\n" in markdown
    text, _ = read_html(minutes_html(held_early(), TZ))
    assert f"Date: {BOTH}" in text


def test_plain_text_and_the_e_mail_say_the_held_day() -> None:
    text = minutes_text(held_early(), TZ)
    assert f"Date:       {BOTH}\n" in text
    assert "Scheduled:  15:30–16:30 (60 minutes)\n" in text
    assert subject(held_early(), TZ) == "Minutes: Harbour Team, 9 November 2026"
    message = email.message_from_bytes(minutes_email(held_early(), TZ), policy=policy.default)
    assert message["Subject"] == "Minutes: Harbour Team, 9 November 2026"


def test_the_calendar_and_the_spreadsheet_date_action_items_by_the_held_day() -> None:
    calendar = Calendar.from_ical(minutes_calendar(held_early(), TZ, stamp=FROZEN_NOW))
    todo = next(iter(calendar.walk("VTODO")))
    assert f"Meeting: November meeting, {HELD}" in str(todo["description"])
    rows = action_items_csv(held_early(), TZ).splitlines()
    assert all(row.split(",")[1] == "2026-11-09" for row in rows[1:])


def test_json_keeps_both_moments_and_reads_back_to_the_same_day() -> None:
    back = minutes_from_json(minutes_json(held_early(), exported_at=FROZEN_NOW))
    assert back.scheduled_start == PLANNED
    assert back.held_at == datetime(2026, 11, 9, 15, 30, tzinfo=UTC)


def test_held_on_the_planned_day_the_date_is_said_once() -> None:
    markdown = minutes_markdown(small_minutes(), TZ)
    assert f"- **Date:** {HELD}\n" in markdown
    assert "scheduled Monday" not in markdown


def test_the_day_is_the_one_on_the_wall_clock() -> None:
    # 23:30 UTC on 9 November is 10 November in Berlin; it was planned for 16 November.
    late = replace(held_early(), started_at=datetime(2026, 11, 9, 23, 30, tzinfo=UTC))
    berlin = ZoneInfo("Europe/Berlin")
    assert "Date: Tuesday 10 November 2026 (scheduled Monday 16 November 2026)" in (
        " ".join(minutes_text(late, berlin).split())
    )
    assert subject(late, berlin) == "Minutes: Harbour Team, 10 November 2026"
