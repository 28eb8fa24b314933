"""The history's reads (`facilitator.store.history_queries` through
`facilitator.services.history`): keyset pages newest first with ties by id, no meeting
skipped or repeated, each filter, archived teams only on request, the counts right; on
SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from facilitator.domain.enums import ActionStatus, MeetingStatus
from facilitator.domain.history import HistoryFilter, HistoryPage, HistoryRow, HistoryStatus
from facilitator.services.history import history_page
from facilitator.store.bulk import insert_rows, new_row
from facilitator.store.database import Database
from facilitator.store.quick_read import reader
from facilitator.store.tables import ActionItem, Decision, Meeting, Team
from tests.conftest import FROZEN_NOW, TZ
from tests.store.rows import add

NOW = FROZEN_NOW


def read_all(db: Database, history_filter: HistoryFilter, *, limit: int) -> list[HistoryRow]:
    """Every page of `history_filter`, `limit` rows at a time, one after the other."""
    rows: list[HistoryRow] = []
    page = history_page(db.target, history_filter, limit=limit, tz=TZ)
    rows += page.rows
    while page.next is not None:
        assert len(page.rows) == limit
        page = history_page(db.target, history_filter, after=page.next, limit=limit, tz=TZ)
        assert page.total is None and page.teams is None  # only the first page says them
        rows += page.rows
    return rows


def many_meetings(db: Database, team_id: int, count: int) -> list[int]:
    """`count` planned meetings, three to a day (so moments tie), in one statement."""
    rows = [
        new_row(
            Meeting,
            team_id=team_id,
            title=f"Meeting {n}",
            scheduled_start=NOW - timedelta(days=n // 3),
            status=MeetingStatus.PLANNED.value,
        )
        for n in range(count)
    ]
    with db.write(now=NOW) as session:
        return insert_rows(session, Meeting, rows)


def test_pages_hold_every_meeting_once_newest_first_ties_by_id(db: Database) -> None:
    team = add(db, Team(name="Reading team"))
    ids = many_meetings(db, team, 25)

    rows = read_all(db, HistoryFilter(), limit=4)

    assert sorted(row.meeting_id for row in rows) == sorted(ids)
    assert len({row.meeting_id for row in rows}) == len(rows) == 25
    keys = [(row.day, row.meeting_id) for row in rows]
    assert keys == sorted(keys, reverse=True)  # newest day first, then the higher id
    first = history_page(db.target, HistoryFilter(), limit=4, tz=TZ)
    assert first.total == 25
    assert [t.name for t in first.teams or ()] == ["Reading team"]


def test_a_page_of_exactly_the_rest_says_there_is_no_next(db: Database) -> None:
    team = add(db, Team(name="Reading team"))
    many_meetings(db, team, 8)
    page = history_page(db.target, HistoryFilter(), limit=4, tz=TZ)
    assert page.next is not None
    last = history_page(db.target, HistoryFilter(), after=page.next, limit=4, tz=TZ)
    assert len(last.rows) == 4 and last.next is None


def test_a_held_meeting_is_dated_by_the_day_it_was_held(db: Database) -> None:
    team = add(db, Team(name="Reading team"))
    held = NOW - timedelta(days=10)
    add(
        db,
        Meeting(
            team_id=team,
            title="Held early",
            scheduled_start=NOW + timedelta(days=40),
            started_at=held,
            status=MeetingStatus.CLOSED,
        ),
    )
    add(db, Meeting(team_id=team, title="Between", scheduled_start=NOW - timedelta(days=5)))

    rows = read_all(db, HistoryFilter(), limit=10)

    assert [row.title for row in rows] == ["Between", "Held early"]
    assert rows[1].day == held.date()
    day = held.date()
    assert [r.title for r in read_all(db, HistoryFilter(since=day, until=day), limit=5)] == [
        "Held early"
    ]


@dataclass(frozen=True)
class World:
    team: int
    other: int
    archived_team: int
    planned: int
    running: int
    sent: int
    not_sent: int
    reopened: int
    archived: int


@pytest.fixture
def world(db: Database) -> World:
    team = add(db, Team(name="Reading team"))
    other = add(db, Team(name="Math team"))
    gone = add(db, Team(name="Old team", archived_at=NOW))

    def meeting(team_id: int, title: str, days_ago: int, status: MeetingStatus, **more: Any) -> int:
        start = NOW - timedelta(days=days_ago)
        return add(
            db,
            Meeting(team_id=team_id, title=title, scheduled_start=start, status=status, **more),
        )

    return World(
        team=team,
        other=other,
        archived_team=gone,
        planned=meeting(team, "Planned", -3, MeetingStatus.PLANNED),
        running=meeting(other, "Running", 0, MeetingStatus.RUNNING, started_at=NOW),
        sent=meeting(team, "Sent", 10, MeetingStatus.CLOSED, minutes_sent_at=NOW),
        not_sent=meeting(other, "Not sent", 20, MeetingStatus.CLOSED),
        reopened=meeting(team, "Reopened", 30, MeetingStatus.REOPENED),
        archived=meeting(gone, "Archived", 15, MeetingStatus.CLOSED),
    )


def ids(db: Database, history_filter: HistoryFilter) -> list[int]:
    page = history_page(db.target, history_filter, limit=50, tz=TZ)
    assert page.total == len(page.rows)
    return [row.meeting_id for row in page.rows]


def test_each_status_filter(db: Database, world: World) -> None:
    w = world
    assert ids(db, HistoryFilter()) == [w.planned, w.running, w.sent, w.not_sent, w.reopened]
    by_status = {
        HistoryStatus.PLANNED: [w.planned],
        HistoryStatus.RUNNING: [w.running],
        HistoryStatus.CLOSED: [w.sent, w.not_sent, w.reopened],
        HistoryStatus.MINUTES_NOT_SENT: [w.not_sent, w.reopened],
    }
    for status, expected in by_status.items():
        assert ids(db, HistoryFilter(status=status)) == expected, status


def test_the_team_filter(db: Database, world: World) -> None:
    assert ids(db, HistoryFilter(team_id=world.other)) == [world.running, world.not_sent]
    assert ids(db, HistoryFilter(team_id=world.archived_team)) == []
    assert ids(db, HistoryFilter(team_id=world.archived_team, with_archived=True)) == [
        world.archived
    ]


def test_archived_teams_only_on_request(db: Database, world: World) -> None:
    assert world.archived not in ids(db, HistoryFilter())
    assert world.archived in ids(db, HistoryFilter(with_archived=True))
    page = history_page(db.target, HistoryFilter(with_archived=True), tz=TZ)
    archived = [row for row in page.rows if row.meeting_id == world.archived]
    assert archived[0].team_archived
    assert [(t.name, t.archived) for t in page.teams or ()] == [
        ("Math team", False),
        ("Old team", True),
        ("Reading team", False),
    ]
    plain = history_page(db.target, HistoryFilter(), tz=TZ)
    assert [t.name for t in plain.teams or ()] == ["Math team", "Reading team"]


def test_the_date_range_includes_both_days(db: Database, world: World) -> None:
    day = (NOW - timedelta(days=20)).date()  # "Not sent"
    assert ids(db, HistoryFilter(since=day, until=day)) == [world.not_sent]
    upto = (NOW - timedelta(days=10)).date()
    assert ids(db, HistoryFilter(since=day, until=upto)) == [world.sent, world.not_sent]
    assert ids(db, HistoryFilter(since=NOW.date())) == [world.planned, world.running]
    assert ids(db, HistoryFilter(until=date(2000, 1, 1))) == []


def test_filters_combine_across_pages(db: Database, world: World) -> None:
    many_meetings(db, world.team, 12)  # three a day, today and the 3 days before
    since = (NOW - timedelta(days=2)).date()
    combined = HistoryFilter(team_id=world.team, since=since, status=HistoryStatus.PLANNED)

    rows = read_all(db, combined, limit=2)

    assert len(rows) == 9 + 1  # the 9 of the last three days, and "Planned"
    assert len({row.meeting_id for row in rows}) == len(rows)
    assert all(row.team_id == world.team and row.day >= since for row in rows)
    assert history_page(db.target, combined, limit=2, tz=TZ).total == 10


def test_counts_of_decisions_and_action_items(db: Database, world: World) -> None:
    for question in ("Adopt?", "When?"):
        add(db, Decision(meeting_id=world.sent, question=question))
    statuses = [ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.DROPPED]
    for status in statuses:
        add(db, ActionItem(team_id=world.team, meeting_id=world.sent, what="x", status=status))
    add(db, ActionItem(team_id=world.team, meeting_id=world.reopened, what="y"))

    rows = {row.meeting_id: row for row in read_all(db, HistoryFilter(), limit=2)}

    sent = rows[world.sent]
    assert (sent.decisions, sent.actions_open, sent.actions_done) == (2, 1, 2)
    reopened = rows[world.reopened]
    assert (reopened.decisions, reopened.actions_open, reopened.actions_done) == (0, 1, 0)
    assert (rows[world.planned].decisions, rows[world.planned].actions_open) == (0, 0)
    assert sent.minutes_sent and not rows[world.not_sent].minutes_sent
    assert rows[world.running].status == MeetingStatus.RUNNING


def test_a_page_read_through_an_open_reader(db: Database, world: World) -> None:
    with reader(db.target) as read:
        page: HistoryPage = history_page(read, HistoryFilter(team_id=world.team), tz=TZ)
    assert [row.title for row in page.rows] == ["Planned", "Sent", "Reopened"]


def test_the_demo_history(demo_db: Database) -> None:
    """The demo: every meeting of both teams, dated as home dates them."""
    rows = read_all(demo_db, HistoryFilter(), limit=2)
    assert rows and all(isinstance(row.day, date) for row in rows)
    days = [row.day for row in rows]
    assert days == sorted(days, reverse=True)
    assert datetime.combine(days[-1], datetime.min.time()) < NOW.replace(tzinfo=None)
