"""Every meeting of a team (or of every team), newest first, a page at a time: what the
history screen shows (read without the ORM, like the home screen; see `quick_read`)."""

from __future__ import annotations

from datetime import timedelta, tzinfo

from facilitator.domain.history import (
    HistoryCursor,
    HistoryFilter,
    HistoryPage,
    HistoryRow,
    HistoryTeam,
    day_start,
)
from facilitator.domain.text import local
from facilitator.store import history_queries as queries
from facilitator.store.quick_read import Reader, Row, reader, to_datetime
from facilitator.store.target import DatabaseTarget

PAGE_SIZE = 50
"""Meetings read at a time: a screenful or two at a projector's size."""


def history_page(
    target: DatabaseTarget | Reader,
    history_filter: HistoryFilter,
    *,
    after: HistoryCursor | None = None,
    limit: int = PAGE_SIZE,
    tz: tzinfo | None = None,
) -> HistoryPage:
    """The `limit` meetings matching `history_filter` that come after `after` (from the
    newest when None), newest first; a first page (no `after`) also says how many
    match and which teams there are to choose from. `target` is a database, or a
    reader already open on one (its snapshot is used)."""
    if isinstance(target, DatabaseTarget):
        with reader(target) as read:
            return _page(read, history_filter, after=after, limit=limit, tz=tz)
    return _page(target, history_filter, after=after, limit=limit, tz=tz)


def _page(
    read: Reader,
    history_filter: HistoryFilter,
    *,
    after: HistoryCursor | None,
    limit: int,
    tz: tzinfo | None,
) -> HistoryPage:
    scope = _scope(history_filter, tz)
    key = (after.moment, after.meeting_id) if after is not None else None
    # One more than asked says whether there is a next page without a second query.
    found = queries.history_meetings(read, scope, after=key, limit=limit + 1)
    rows = found[:limit]
    more = len(found) > limit
    cursor = HistoryCursor(rows[-1][6], int(rows[-1][0])) if more else None
    if after is not None:
        return HistoryPage(tuple(_row(row, tz) for row in rows), cursor)
    teams = queries.history_teams(read, with_archived=history_filter.with_archived)
    return HistoryPage(
        tuple(_row(row, tz) for row in rows),
        cursor,
        total=queries.history_count(read, scope) if more else len(rows),
        teams=tuple(HistoryTeam(int(t[0]), str(t[1]), bool(t[2])) for t in teams),
    )


def _scope(history_filter: HistoryFilter, tz: tzinfo | None) -> queries.MeetingScope:
    since, until = history_filter.since, history_filter.until
    return queries.MeetingScope(
        status=history_filter.status,
        team_id=history_filter.team_id,
        since=day_start(since, tz) if since is not None else None,
        before=day_start(until + timedelta(days=1), tz) if until is not None else None,
        with_archived=history_filter.with_archived,
    )


def _row(row: Row, tz: tzinfo | None) -> HistoryRow:
    moment = to_datetime(row[6])
    assert moment is not None, "scheduled_start is NOT NULL"
    return HistoryRow(
        meeting_id=int(row[0]),
        team_id=int(row[1]),
        team_name=str(row[2]),
        team_archived=bool(row[3]),
        title=str(row[4]),
        status=str(row[5]),
        day=local(moment, tz).date(),
        minutes_sent=bool(row[7]),
        decisions=int(row[8]),
        actions_open=int(row[9]),
        actions_done=int(row[10]),
    )
