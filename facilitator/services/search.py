"""Full-text search over every team's meetings: what the search box and `facilitator
search` call (read without the ORM, like the home screen; see `quick_read`).

The search box asks on every key, so the app's backend passes a `KeptReader`: one
connection kept for the screen's searches, with its statements compiled once; the
command line, which searches once, passes the database's target."""

from __future__ import annotations

from datetime import tzinfo

from facilitator.domain.clean import clean_line
from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_date import MeetingTimes, meeting_day
from facilitator.domain.search_query import marked_text, parse_search
from facilitator.domain.search_results import SearchResult, SearchResults
from facilitator.errors import NotFoundError
from facilitator.store.meeting_search import active_teams
from facilitator.store.quick_read import KeptReader, Reader, reader
from facilitator.store.search import FoundRecord, search_records
from facilitator.store.search_places import record_items
from facilitator.store.target import DatabaseTarget

DEFAULT_LIMIT = 50
"""Results a search returns unless asked for more."""
NOTHING_ASKED = "Type a word to search for: the query holds no word, only punctuation or spaces."


def search(
    source: DatabaseTarget | KeptReader,
    text: str,
    *,
    team: str | None = None,
    team_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
    ranked: bool = False,
    tz: tzinfo | None = None,
    as_you_type: bool = True,
) -> SearchResults:
    """The records of every active team's meetings (or team `team`'s, by its name, or
    team `team_id`'s) matching `text`, newest first or best first when `ranked`, at
    most `limit`, each with the agenda item it belongs to; see
    `facilitator.domain.search_query` for how `text` is read. Read through `source`'s
    kept connection, or a connection of its own to the database `source`. NotFoundError
    with a sentence if there is no team `team`; an empty query finds nothing and says so."""
    query = parse_search(text, as_you_type=as_you_type)
    reading = source.reading() if isinstance(source, KeptReader) else reader(source)
    with reading as read:
        if team is not None:
            team_id = _team_named(read, team)
        if query.is_empty:
            return SearchResults(text, (), ranked, NOTHING_ASKED)
        found = search_records(read, query, team_id=team_id, limit=limit, ranked=ranked)
        items = record_items(read, ((record.kind, record.record_id) for record in found))
    results = (_result(record, tz, items.get((record.kind, record.record_id))) for record in found)
    return SearchResults(text, tuple(results), ranked)


def _result(record: FoundRecord, tz: tzinfo | None, item_id: int | None) -> SearchResult:
    snippet, highlights = marked_text(" ".join(clean_line(record.snippet).split()))
    return SearchResult(
        kind=record.kind,
        record_id=record.record_id,
        meeting_id=record.meeting_id,
        meeting_title=record.meeting_title,
        team_name=record.team_name,
        day=meeting_day(MeetingTimes(record.scheduled_start, record.started_at), tz),
        snippet=snippet,
        highlights=highlights,
        item_id=item_id,
    )


def _team_named(read: Reader, name: str) -> int:
    """The id of the active team called `name` (any case, any spacing), or NotFoundError
    naming the teams there are (as `facilitator decisions --team` says it)."""
    wanted = one_line(name).casefold()
    teams = [(int(row[0]), str(row[1])) for row in active_teams(read)]
    for team_id, team_name in teams:
        if one_line(team_name).casefold() == wanted:
            return team_id
    names = ", ".join(one_line(team_name) for _, team_name in teams)
    hint = f"name one of: {names}." if teams else "there are no teams yet."
    raise NotFoundError(f'There is no team called "{one_line(name)}"; {hint}')
