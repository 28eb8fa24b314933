"""`facilitator trends`: a team's evaluation and norms-check trends as plain text or
as JSON.

Each rating instrument of the content pack the team's meetings were evaluated with
comes in the pack's order, each item in the instrument's order, and each item's points
oldest first (a meeting is dated by the day it was held; see
`facilitator.domain.meeting_date`). Text instruments (plus/delta) and levels are not
trended. The team's norms follow in the team's order, retired ones too, each over the
meetings whose norms checks read it, as the share of readings honoured ("partly"
counting half; see `facilitator.domain.norms_trends`). The team's text and an
instrument a school added are written literally, with control characters left out.

**Text** (`trends_as_text`): a heading naming the team; then per instrument its name
and scale, and per item the change since the previous evaluation in words ("Trust and
conflict resolution: 4.1 → 5.3", or "…: 4.1 (one evaluation so far)") followed by its
points as "date mean" pairs ("2026-11-02 4.1"), four to a line; then "Norms checks"
and per norm its change ("Listen to understand: 50% → 100% honoured", a retired norm
marked "(retired)") and its points as "date share" pairs ("2026-11-02 100%"). A part
with nothing to show says so in a sentence. Plain characters only: nothing is said by
colour.

**JSON** (`trends_as_json`): an object

    {"format": "facilitator-trends", "version": 1, "team": the team's name,
     "instruments": [{"id", "name",
                      "items": [{"id", "text",
                                 "points": [{"meeting_id", "date" (YYYY-MM-DD),
                                             "title" (the meeting's), "mean" (to two
                                             decimals), "answered" (how many rated it)}],
                                 "change" (the words above)}]}],
     "norms": [{"id" (the norm's), "text" (the team's words), "retired" (true or
                false), "points": [{"meeting_id", "date", "title", "honoured",
                                    "partly", "not_honoured" (how many readings
                                    said so), "percent" (the share honoured, partly
                                    counting half, to one decimal)}],
                "change" (the words above)}]}

An item nobody rated is left out, and an instrument with no rated item; a norm no check
read is left out. Fields keep their meaning once shipped (added in issue 17; "norms"
added later in issue 17, which left version 1 as it was: it only adds).
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.domain.clean import clean_line, escape_json_controls
from facilitator.domain.evaluation_trends import InstrumentTrends, TeamTrends, Trend
from facilitator.domain.norms_trends import NormTrend, percent

FORMAT = "facilitator-trends"
VERSION = 1
POINTS_PER_LINE = 4
""""2026-11-02 4.1" pairs on a line: four fit 80 columns with the indent."""
NO_RATINGS = "No rated evaluations yet. A meeting is evaluated once it has ended."
NO_CHECKS = "No norms checks yet. A norms check is taken during a meeting (h on its live screen)."


def trends_as_json(trends: TeamTrends) -> str:
    """The JSON object (see the module's docstring), control characters escaped."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "team": trends.team,
        "instruments": [_json_instrument(instrument) for instrument in trends.instruments],
        "norms": [_json_norm(norm) for norm in trends.norms],
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


def _json_norm(norm: NormTrend) -> dict[str, Any]:
    return {
        "id": norm.norm_id,
        "text": norm.text,
        "retired": norm.retired,
        "points": [
            {
                "meeting_id": point.meeting_id,
                "date": point.day.isoformat(),
                "title": point.title,
                "honoured": point.honoured,
                "partly": point.partly,
                "not_honoured": point.not_honoured,
                "percent": round(point.percent, 1),
            }
            for point in norm.points
        ],
        "change": norm.change,
    }


def trends_as_text(trends: TeamTrends) -> str:
    """The heading, then one block per instrument and one for the norms checks (see
    the module's docstring)."""
    team = _one_line(trends.team)
    if trends.empty:
        return (
            f"No rated evaluations or norms checks yet for {team}. A meeting is evaluated "
            "once it has ended, and its norms are checked during it; both show here."
        )
    blocks = [f"Evaluation trends for {team}"]
    blocks += [_text_block(instrument) for instrument in trends.instruments] or [NO_RATINGS]
    blocks.append(_norms_block(trends.norms) if trends.norms else NO_CHECKS)
    return "\n\n".join(blocks)


def _text_block(instrument: InstrumentTrends) -> str:
    form = instrument.form
    lines = [f"{_one_line(form.name)} (rated {form.low} to {form.high})"]
    for trend in instrument.trends:
        lines.append(f"  {_one_line(trend.change)}")
        lines += [f"    {row}" for row in _point_rows(trend)]
    return "\n".join(lines)


def _norms_block(norms: tuple[NormTrend, ...]) -> str:
    lines = ["Norms checks (share of readings honoured; partly counts half)"]
    for norm in norms:
        lines.append(f"  {_one_line(norm.change)}")
        pairs = [f"{point.day.isoformat()} {percent(point.percent)}" for point in norm.points]
        lines += [f"    {row}" for row in _rows(pairs)]
    return "\n".join(lines)


def _point_rows(trend: Trend) -> list[str]:
    return _rows([f"{point.day.isoformat()} {point.mean:.1f}" for point in trend.points])


def _rows(pairs: list[str]) -> list[str]:
    return [
        "   ".join(pairs[start : start + POINTS_PER_LINE])
        for start in range(0, len(pairs), POINTS_PER_LINE)
    ]


def _one_line(text: str) -> str:
    return " ".join(clean_line(text).split())
