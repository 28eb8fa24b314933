"""`facilitator decisions`: the decision log as aligned plain text or as JSON.

Decisions come newest first: the latest meeting's first (a meeting is dated by the day
it was held, else the day it is planned for; see `facilitator.domain.meeting_date`).

The JSON is an object, {"format": "facilitator-decisions", "version": 1, "team": the
team asked for by --team (or null for every team), "decisions": [...]}, with one object
per decision in that order:

    id, question                 the decision
    meeting_id, meeting_title    the meeting it was taken in
    team_id, team                that meeting's team
    date                         the meeting's day, YYYY-MM-DD on the local wall clock
    method                       how it was decided: unanimous, one_person, compromise,
                                 multi_vote, majority, consensus; null if not recorded
    method_name                  the method's name ("Majority voting"); null if none
    status                       open, decided, deferred or no_decision
    outcome, rationale           as recorded ("" if nothing was written)
    review_on                    the review date, YYYY-MM-DD; null if none was set
    review_due                   true once the review date has come, until the review
                                 is put on an agenda (carried forward)
    result                       the result its method counts from the votes and
                                 options, in words ("Not carried: 5 of 8 votes cast were
                                 yes: ..."); null when there is nothing to count
    decided                      whether that count decides it (carried, consensus
                                 reached, unanimous, an option chosen, ...); null with
                                 no count

The shape was added in issue 16; fields keep their meaning once shipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.decision_log import LoggedDecision

ARROW = " → "
"""Between a question and its outcome in the text table."""


FORMAT = "facilitator-decisions"
VERSION = 1


def decisions_as_json(entries: Sequence[LoggedDecision], *, team_name: str | None = None) -> str:
    """The JSON object (see the module's docstring). Control characters in text are
    escaped (DEL, C1 and bidirectional controls as well as the C0 JSON escapes)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "team": team_name,
        "decisions": [_json_row(entry) for entry in entries],
    }
    return escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False))


def _json_row(entry: LoggedDecision) -> dict[str, Any]:
    line, tally = entry.line, entry.tally
    return {
        "id": entry.id,
        "question": line.question,
        "meeting_id": entry.meeting_id,
        "meeting_title": entry.meeting_title,
        "team_id": entry.team_id,
        "team": entry.team_name,
        "date": entry.meeting_date.isoformat(),
        "method": line.method,
        "method_name": line.method_name,
        "status": line.status,
        "outcome": line.outcome,
        "rationale": line.rationale,
        "review_on": line.review_on.isoformat() if line.review_on else None,
        "review_due": entry.review_due,
        "result": tally.summary if tally else None,
        "decided": tally.decided if tally else None,
    }


def decisions_as_text(entries: Sequence[LoggedDecision], *, team_name: str | None = None) -> str:
    """One aligned line per decision: id, meeting date, method, status, review date
    ("due" once it has come), team (for the log of every team, `team_name` None), and
    the question with its outcome."""
    if not entries:
        whose = f" for {_one_line(team_name)}" if team_name else ""
        return (
            f"No decisions recorded yet{whose}. A meeting records them with d on its live screen."
        )
    header = ("ID", "DATE", "METHOD", "STATUS", "REVIEW", "TEAM", "DECISION")
    rows = [header, *(_text_row(entry) for entry in entries)]
    if team_name is not None:
        rows = [row[:5] + row[6:] for row in rows]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(value.ljust(width) for value, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _text_row(entry: LoggedDecision) -> tuple[str, ...]:
    return (
        str(entry.id),
        entry.meeting_date.isoformat(),
        _one_line(entry.method_label),
        entry.status_label,
        _review(entry),
        _one_line(entry.team_name),
        _decision(entry),
    )


def _review(entry: LoggedDecision) -> str:
    review_on = entry.line.review_on
    if review_on is None:
        return "-"
    return f"{review_on.isoformat()} due" if entry.review_due else review_on.isoformat()


def _decision(entry: LoggedDecision) -> str:
    question, outcome = _one_line(entry.line.question), _one_line(entry.line.outcome)
    return f"{question}{ARROW}{outcome}" if outcome else question


def _one_line(text: str) -> str:
    # Cleaned here, not only when printed, so the columns line up with what is shown.
    return " ".join(clean_line(text).split())
