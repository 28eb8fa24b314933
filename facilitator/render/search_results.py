"""`facilitator search`: full-text search results as plain text or as JSON.

Results come newest first (a meeting is dated by the day it was held, else the day it
is planned for; see `facilitator.domain.meeting_date`), or best match first.

The text shows two lines per result: the meeting's date, the kind of record, the
meeting's title and team and its id (for `facilitator export`); then the matching text
with each matching word between « and », literally (user text is never markup).

The JSON is an object, {"format": "facilitator-search", "version": 1, "query": the
query as typed, "results": [...]}, with one object per result in that order:

    kind                  what was found: meeting (its title, purpose or goals), item
                          (an agenda item), note, decision (its question, options,
                          outcome or rationale), action, parking (a parking-lot entry),
                          takeaway, timeout (a time-out's outcome) or comment (an
                          evaluation comment)
    record_id             that record's id (for a decision found by an option, the
                          decision's)
    meeting_id            the meeting it belongs to
    meeting_title, team   that meeting's title and team
    date                  the meeting's day, YYYY-MM-DD on the local wall clock
    snippet               the matching text on one line, shortened around the
                          matching words ("…" where cut)
    highlights            the matching words as [start, end] offsets into `snippet`
                          (Unicode code points, end excluded)
    item_id               the agenda item the record belongs to (an item's own id; a
                          note's, decision's, action item's, parking-lot entry's or
                          time-out's item), or null when it belongs to none

The shape was added in issue 19 (`item_id` came later, still version 1: fields are
only added); fields keep their meaning once shipped.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.search_results import (
    KIND_NAMES,
    SearchResult,
    SearchResults,
    query_shown,
)

FORMAT = "facilitator-search"
VERSION = 1
OPEN, CLOSE = "«", "»"
"""Around each matching word in the text output."""


def results_as_json(found: SearchResults) -> str:
    """The JSON object (see the module's docstring); control characters escaped."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "query": found.query,
        "results": [_json_row(result) for result in found.results],
    }
    return escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False))


def _json_row(result: SearchResult) -> dict[str, Any]:
    return {
        "kind": result.kind,
        "record_id": result.record_id,
        "meeting_id": result.meeting_id,
        "meeting_title": result.meeting_title,
        "team": result.team_name,
        "date": result.day.isoformat(),
        "snippet": result.snippet,
        "highlights": [list(span) for span in result.highlights],
        "item_id": result.item_id,
    }


def results_as_text(found: SearchResults) -> str:
    """Two lines per result (see the module's docstring), or a sentence when none."""
    if found.message is not None:
        return found.message
    if not found.results:
        return f"Nothing found for {query_shown(found.query)}."
    return "\n".join(_text_lines(result) for result in found.results)


def _text_lines(result: SearchResult) -> str:
    heading = (
        f"{result.day.isoformat()}  {KIND_NAMES.get(result.kind, result.kind)} in "
        f"{_one_line(result.meeting_title)} ({_one_line(result.team_name)}, "
        f"meeting {result.meeting_id})"
    )
    return f"{heading}\n    {marked(result)}"


def marked(result: SearchResult) -> str:
    """The snippet with each matching word between « and »."""
    parts: list[str] = []
    at = 0
    for start, end in result.highlights:
        parts += [result.snippet[at:start], OPEN, result.snippet[start:end], CLOSE]
        at = end
    parts.append(result.snippet[at:])
    return "".join(parts)


def _one_line(text: str) -> str:
    return " ".join(clean_line(text).split())
