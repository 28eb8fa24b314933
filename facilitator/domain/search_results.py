"""What a full-text search found, as the search box and `facilitator search` show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitator.domain.clean import clean_line

KIND_NAMES = {
    "meeting": "meeting",
    "item": "agenda item",
    "note": "note",
    "decision": "decision",
    "action": "action item",
    "parking": "parking lot",
    "takeaway": "take-away",
    "timeout": "time-out",
    "comment": "evaluation comment",
}
"""Each kind of record found, in words."""


QUERY_SHOWN = 60
"""Characters of a query a sentence repeats at most ("Nothing found for …")."""


def query_shown(query: str) -> str:
    """`query` as a sentence repeats it: one line, its spaces collapsed, control
    characters removed, cut with "…" after QUERY_SHOWN characters (a pasted page
    must not fill the screen)."""
    line = " ".join(clean_line(query).split())
    return line if len(line) <= QUERY_SHOWN else line[: QUERY_SHOWN - 1].rstrip() + "…"


@dataclass(frozen=True)
class SearchResult:
    """One record found: its `kind` (a key of KIND_NAMES) and id, the meeting it belongs
    to, that meeting's day, and the matching text (one line, control characters
    removed) with the (start, end) offsets of its matching words in `highlights`;
    `item_id` is the agenda item it belongs to (an agenda item's own id), if any."""

    kind: str
    record_id: int
    meeting_id: int
    meeting_title: str
    team_name: str
    day: date
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    item_id: int | None = None


@dataclass(frozen=True)
class SearchResults:
    """The results of one query, newest first (or best first when `ranked`), with a
    sentence saying why there are none when the query asked for nothing."""

    query: str
    results: tuple[SearchResult, ...]
    ranked: bool = False
    message: str | None = None
