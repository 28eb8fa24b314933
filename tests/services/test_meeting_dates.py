"""A meeting held on another day than planned is dated, and ordered, by the day it was
held in every service that lists meetings or what they recorded; its planned start is
kept.

Regression (issue 15, defect 4): a meeting planned for 11 January and held today was
listed under "Recent" as 11 January, and its action items looked as if they came from
January.

On the demo database at FROZEN_NOW (Monday 23 November 2026, 14:00 UTC): the November
meeting (1) was held on 9 November, after the September (4) and October (5) meetings on
14 September and 12 October; the December meeting (2) is planned for Monday 30 November,
15:30; the PLC meeting (3), of another team, for Wednesday 25 November, 14:45.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.overview import MeetingSummary
from facilitator.domain.planning import MeetingDraft
from facilitator.pack.loader import Pack
from facilitator.services import closure
from facilitator.services.action_list import team_actions
from facilitator.services.captures import add_action_item
from facilitator.services.home import load_home
from facilitator.services.live import start_or_pause
from facilitator.services.meetings import list_meetings, meeting_plan
from facilitator.services.minutes import meeting_minutes
from facilitator.services.planning import create_meeting
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ

NOVEMBER, DECEMBER, PLC = 1, 2, 3
SEPTEMBER, OCTOBER = 4, 5
DECEMBER_PLANNED = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
PLC_PLANNED = datetime(2026, 11, 25, 14, 45, tzinfo=UTC)


def hold(db: Database, pack: Pack, meeting_id: int, at: datetime) -> None:
    """Run the meeting from `at` for 40 minutes and close it."""
    start_or_pause(db, meeting_id=meeting_id, now=at)
    end = at + timedelta(minutes=40)
    closure.end_meeting(db, meeting_id=meeting_id, now=end)
    for attendee in meeting_minutes(db, meeting_id=meeting_id, pack=pack).attendees:
        closure.set_attendance(db, attendee_id=attendee.id, status="present", now=end)
    closure.close_meeting(db, meeting_id=meeting_id, now=end)


def ids_and_days(meetings: Sequence[MeetingSummary]) -> list[tuple[int, date]]:
    return [(m.id, meeting_day(m, TZ)) for m in meetings]


def test_regression_a_meeting_held_early_leads_the_upcoming_list(demo_db: Database) -> None:
    """Regression (issue 15, defect 4): started a week early, the December meeting is
    today's, ahead of the PLC meeting planned for Wednesday."""
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)

    home = load_home(demo_db.target, team_id=None, now=FROZEN_NOW, tz=TZ)

    assert ids_and_days(home.upcoming) == [
        (DECEMBER, date(2026, 11, 23)),
        (PLC, date(2026, 11, 25)),
    ]
    running = home.upcoming[0]
    assert running.held_at == FROZEN_NOW
    assert running.scheduled_start == DECEMBER_PLANNED  # kept


def test_regression_recent_meetings_are_in_the_order_they_were_held(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 4): December's meeting held on 23 November comes
    after the PLC meeting held on its planned day, 25 November, although it was planned
    for the 30th."""
    hold(demo_db, pack, DECEMBER, FROZEN_NOW)
    hold(demo_db, pack, PLC, PLC_PLANNED)

    home = load_home(demo_db.target, team_id=None, now=PLC_PLANNED, tz=TZ)

    assert ids_and_days(home.recent) == [
        (PLC, date(2026, 11, 25)),
        (DECEMBER, date(2026, 11, 23)),
        (NOVEMBER, date(2026, 11, 9)),
        (OCTOBER, date(2026, 10, 12)),
        (SEPTEMBER, date(2026, 9, 14)),
    ]
    assert home.upcoming == ()


def test_the_meeting_list_is_in_the_order_meetings_were_held(demo_db: Database) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)

    meetings = list_meetings(demo_db)

    assert ids_and_days(meetings) == [
        (SEPTEMBER, date(2026, 9, 14)),
        (OCTOBER, date(2026, 10, 12)),
        (NOVEMBER, date(2026, 11, 9)),
        (DECEMBER, date(2026, 11, 23)),
        (PLC, date(2026, 11, 25)),
    ]
    assert meetings[3].held_at == FROZEN_NOW
    assert meetings[3].scheduled_start == DECEMBER_PLANNED
    assert meetings[4].held_at is None


def test_action_items_are_dated_by_the_day_their_meeting_was_held(demo_db: Database) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)
    add_action_item(
        demo_db, meeting_id=DECEMBER, item_id=None, what="Order books", now=FROZEN_NOW, tz=TZ
    )

    entries = team_actions(demo_db, team_id=None, today=FROZEN_NOW.date(), tz=TZ).entries
    books = next(e for e in entries if e.what == "Order books")

    assert books.meeting_date == date(2026, 11, 23)
    assert {e.meeting_date for e in entries if e.what != "Order books"} == {date(2026, 11, 9)}


def test_the_plan_and_the_minutes_know_when_it_was_held(demo_db: Database, pack: Pack) -> None:
    start_or_pause(demo_db, meeting_id=DECEMBER, now=FROZEN_NOW)

    plan = meeting_plan(demo_db, meeting_id=DECEMBER, pack=pack)
    minutes = meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack)

    assert (plan.held_at, plan.scheduled_start) == (FROZEN_NOW, DECEMBER_PLANNED)
    assert (minutes.held_at, minutes.scheduled_start) == (FROZEN_NOW, DECEMBER_PLANNED)
    assert meeting_plan(demo_db, meeting_id=PLC, pack=pack).held_at is None


def test_the_next_meeting_is_the_first_planned_after_the_day_it_was_held(
    demo_db: Database, pack: Pack
) -> None:
    """December's meeting, held a week early, is followed by one planned for the 27th
    (before December's planned day)."""
    draft = MeetingDraft(title="Extra meeting", date="2026-11-27", time="15:30")
    create_meeting(demo_db, team_id=1, draft=draft, pack=pack, now=FROZEN_NOW, tz=TZ)
    hold(demo_db, pack, DECEMBER, FROZEN_NOW)

    minutes = meeting_minutes(demo_db, meeting_id=DECEMBER, pack=pack)

    assert minutes.next_meeting is not None
    assert minutes.next_meeting.title == "Extra meeting"
