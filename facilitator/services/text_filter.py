"""The text filter of the decision log, the action items and the parking lot: which
records hold what was typed, found in the search index (see `facilitator.store.search`)
and read without the ORM, like the search box (see `quick_read`)."""

from __future__ import annotations

from facilitator.domain.search_query import SearchQuery, parse_search
from facilitator.domain.text_filter import EVERYTHING, TextFilter
from facilitator.store.quick_read import Reader, reader
from facilitator.store.search import matching_ids
from facilitator.store.target import DatabaseTarget


def text_filter(
    target: DatabaseTarget, typed: str, *, kind: str, team_id: int | None
) -> TextFilter:
    """The records of `kind` ("decision", "action", "parking") of team `team_id` (None:
    any) that `typed` finds, read as the search box reads it while it is typed (words in
    any form, "a phrase", -word, the last word a prefix). Nothing to look for (an empty
    box, punctuation only) keeps every record; words to leave out alone keep every
    record but those holding any of them."""
    query = parse_search(typed)
    if query.is_empty and not query.excluded:
        return EVERYTHING
    with reader(target) as read:
        if not query.is_empty:
            return TextFilter(frozenset(_ids(read, query, kind, team_id)))
        left_out: set[int] = set()
        for word in query.excluded:
            left_out |= _ids(read, SearchQuery(words=(word,)), kind, team_id)
    return TextFilter(frozenset(left_out), excluding=True)


def _ids(read: Reader, query: SearchQuery, kind: str, team_id: int | None) -> set[int]:
    return matching_ids(read, query, kinds={kind}, team_id=team_id)[kind]
