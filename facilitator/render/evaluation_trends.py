"""`facilitator trends`: a team's evaluation trends as plain text or as JSON.

Each rating instrument of the content pack the team's meetings were evaluated with
comes in the pack's order, each item in the instrument's order, and each item's points
oldest first (a meeting is dated by the day it was held; see
`facilitator.domain.meeting_date`). Text instruments (plus/delta) and levels are not
trended. The team's text and an instrument a school added are written literally, with
control characters left out.

**Text** (`trends_as_text`): a heading naming the team; then per instrument its name
and scale, and per item the change since the previous evaluation in words ("Trust and
conflict resolution: 4.1 → 5.3", or "…: 4.1 (one evaluation so far)") followed by its
points as "date mean" pairs ("2026-11-02 4.1"), four to a line. Plain characters only:
nothing is said by colour.

**JSON** (`trends_as_json`): an object

    {"format": "facilitator-trends", "version": 1, "team": the team's name,
     "instruments": [{"id", "name",
                      "items": [{"id", "text",
                                 "points": [{"meeting_id", "date" (YYYY-MM-DD),
                                             "title" (the meeting's), "mean" (to two
                                             decimals), "answered" (how many rated it)}],
                                 "change" (the words above)}]}]}

An item nobody rated is left out, and an instrument with no rated item. Fields keep
their meaning once shipped (added in issue 17).
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.evaluation_trends import InstrumentTrends, TeamTrends, Trend

FORMAT = "facilitator-trends"
VERSION = 1
POINTS_PER_LINE = 4
""""2026-11-02 4.1" pairs on a line: four fit 80 columns with the indent."""


def trends_as_json(trends: TeamTrends) -> str:
    """The JSON object (see the module's docstring), control characters escaped."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "team": trends.team,
        "instruments": [_json_instrument(instrument) for instrument in trends.instruments],
    }
    return escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False))


def _json_instrument(instrument: InstrumentTrends) -> dict[str, Any]:
    return {
        "id": instrument.form.id,
        "name": instrument.form.name,
        "items": [
            {
                "id": trend.item_id,
                "text": trend.text,
                "points": [
                    {
                        "meeting_id": point.meeting_id,
                        "date": point.day.isoformat(),
                        "title": point.title,
                        "mean": round(point.mean, 2),
                        "answered": point.answered,
                    }
                    for point in trend.points
                ],
                "change": trend.change,
            }
            for trend in instrument.trends
        ],
    }


def trends_as_text(trends: TeamTrends) -> str:
    """The heading, then one block per instrument (see the module's docstring)."""
    team = _one_line(trends.team)
    if not trends.instruments:
        return (
            f"No rated evaluations yet for {team}. A meeting is evaluated once it has ended; "
            "its ratings show here."
        )
    blocks = [f"Evaluation trends for {team}"]
    blocks += [_text_block(instrument) for instrument in trends.instruments]
    return "\n\n".join(blocks)


def _text_block(instrument: InstrumentTrends) -> str:
    form = instrument.form
    lines = [f"{_one_line(form.name)} (rated {form.low} to {form.high})"]
    for trend in instrument.trends:
        lines.append(f"  {_one_line(trend.change)}")
        lines += [f"    {row}" for row in _point_rows(trend)]
    return "\n".join(lines)


def _point_rows(trend: Trend) -> list[str]:
    pairs = [f"{point.day.isoformat()} {point.mean:.1f}" for point in trend.points]
    return [
        "   ".join(pairs[start : start + POINTS_PER_LINE])
        for start in range(0, len(pairs), POINTS_PER_LINE)
    ]


def _one_line(text: str) -> str:
    return " ".join(clean_line(text).split())
