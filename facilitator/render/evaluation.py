"""`facilitator evaluation`: a meeting's evaluation results as Markdown, CSV or JSON.

Each instrument the meeting was evaluated with comes in the content pack's order (see
`facilitator.services.evaluation_results`). The comments and names are the team's text,
and an instrument a school added is its text too: all of it is written literally.

**Markdown** (`evaluation_markdown`): a heading with the meeting's title, its team and
day; then per instrument its name and number of responses, the lowest- and highest-rated
items in words, and each rated item's figures ("median 6, mean 5.7, 3 answered") with
its spread over the whole scale ("1: 0 · 2: 1 · 3: 2 …", a level by its name); an
instrument in sections (the Norms Inventory) gives each section's mean above its items.
A text instrument (plus/delta) lists each item's comments, each after its respondent's
name or "(anonymous)". Text is escaped as `facilitator.render.markdown_text` does.

**CSV** (`evaluation_csv`): one header row, then long ("tidy") rows, CRLF line ends, no
byte-order mark (see `facilitator.render.minutes_csv`, whose rules against formulas in
cells apply here too). The columns:

    instrument   the instrument's name ("Effective Team Assessment")
    section      the section's title
    item         the item's text
    answered     how many answered the item
    skipped      how many responses left it out
    median       the median rating ("4" or "4.5"); empty for levels and text
    mean         the mean rating to two decimals; empty for levels and text
    value        a scale value as recorded (a rating, or a level's code)
    count        how many gave that value
    comment      a comment (text instruments); empty on the other rows
    respondent   who wrote the comment; empty when given anonymously

A rated item has one row per scale value, lowest first, with `value` and `count`; a text
item one row per comment with `comment` and `respondent` (one row with neither when it
has no comment). A meeting not evaluated gives the header alone.

**JSON** (`evaluation_json`): an object

    {"format": "facilitator-evaluation", "version": 1,
     "meeting": {"id", "title", "team", "date" (YYYY-MM-DD, the day it was held)},
     "instruments": [{"id", "name", "kind" (rating, levels or text), "responses",
                      "extremes" (the lowest and highest in words; null with no rating),
                      "sections": [{"id", "title", "mean" (null with no rating),
                                    "items": [{"id", "text", "answered", "skipped",
                                               "median", "mean" (null unless rated),
                                               "counts": {value: n, ...}}]}],
                      "comments": [{"item" (its id), "text",
                                    "respondent" (null when anonymous)}]}],
     "unknown": [ids of instruments responses were saved for that the pack lacks]}

Means are rounded to two decimals; `counts` runs over the whole scale, lowest first
(empty for a text item). Fields keep their meaning once shipped (added in issue 17).

The minutes' evaluation section says the same in the same words: its Markdown (and so
the HTML) is `instrument_markdown` a heading level down, its plain text is laid out by
`facilitator.render.minutes_text` from the shared wording below (`responses_line`,
`item_figures`, `spread_line`...), and its JSON entries are `instrument_json`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Protocol

from facilitator.domain.clean import clean_line, clean_text, escape_json_controls
from facilitator.domain.evaluation_results import (
    Comment,
    InstrumentResult,
    ItemResult,
    SectionResult,
    number,
)
from facilitator.render.markdown_text import md_block, md_inline
from facilitator.render.minutes_csv import safe_cell

FORMAT = "facilitator-evaluation"
VERSION = 1
HEADER = (
    "instrument",
    "section",
    "item",
    "answered",
    "skipped",
    "median",
    "mean",
    "value",
    "count",
    "comment",
    "respondent",
)
ANONYMOUS = "(anonymous)"
NO_COMMENTS = "No comments."
SPREAD_SEPARATOR = " · "


class MeetingEvaluation(Protocol):
    """What is rendered: a meeting's evaluation as `facilitator.services.
    evaluation_results.meeting_evaluation` reads it (render sits below services, so
    it names the shape rather than importing it)."""

    @property
    def meeting_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def held_on(self) -> date: ...
    @property
    def results(self) -> tuple[InstrumentResult, ...]: ...
    @property
    def unknown(self) -> tuple[str, ...]: ...


# Markdown ----------------------------------------------------------------------------


def evaluation_markdown(evaluation: MeetingEvaluation, *, heading: bool = True) -> str:
    """The results as CommonMark (see the module's docstring); without the heading
    where the meeting's title is shown already (the results screen's border)."""
    title = md_inline(evaluation.title) or "untitled meeting"
    blocks = [
        *([f"# Evaluation: {title}"] if heading else []),
        f"{md_inline(evaluation.team)}, {evaluation.held_on.isoformat()}.",
    ]
    if not evaluation.results:
        blocks.append("This meeting has not been evaluated.")
    for result in evaluation.results:
        blocks += instrument_markdown(result, level=2)
    if evaluation.unknown:
        names = ", ".join(md_inline(name) for name in evaluation.unknown)
        blocks.append(
            f"Responses were also saved for instruments this content pack does not have: {names}."
        )
    return "\n\n".join(blocks) + "\n"


def instrument_markdown(result: InstrumentResult, *, level: int) -> list[str]:
    """One instrument's results as Markdown blocks, its name a heading of `level` (2 in
    the export, 3 in the minutes' evaluation section) and its sections one level down."""
    heading = "#" * level
    blocks = [f"{heading} {md_inline(result.form.name)}", responses_line(result)]
    if result.extremes:
        blocks.append(md_inline(result.extremes))
    several = len(result.sections) > 1
    for section in result.sections:
        if several:
            blocks.append(f"{heading}# {md_inline(section.section.title)}")
            if mean := section_mean(section):
                blocks.append(mean)
        if result.form.kind == "text":
            blocks += _md_comments(result, section, heading + ("##" if several else "#"))
        elif section.items:
            blocks.append("\n".join(_md_rated(result, item) for item in section.items))
    return blocks


def _md_rated(result: InstrumentResult, item: ItemResult) -> str:
    spread = spread_line(result, item, md_inline)
    return f"- {md_inline(item.item.text)}: {item_figures(item)} \\\n  {spread}"


def _md_comments(result: InstrumentResult, section: SectionResult, heading: str) -> list[str]:
    blocks = []
    for item in section.items:
        lines = [
            f"- {md_inline(comment.respondent or '') or ANONYMOUS}: {md_block(comment.text, '  ')}"
            for comment in comments_on(result, item)
        ]
        blocks += [f"{heading} {md_inline(item.item.text)}", "\n".join(lines) or NO_COMMENTS]
    return blocks


# The words every format shares (plain: each format escapes them) ----------------------


def responses_line(result: InstrumentResult) -> str:
    """E.g. "3 responses, rated from 1 to 7." (a levels or text instrument: "3 responses.")."""
    form = result.form
    said = "response" if result.responses == 1 else "responses"
    scale = f", rated from {form.low} to {form.high}" if form.kind == "rating" else ""
    return f"{result.responses} {said}{scale}."


def section_mean(section: SectionResult) -> str:
    """E.g. "Mean of the section: 3.2." ("" with no rating in it)."""
    return f"Mean of the section: {section.mean:.1f}." if section.mean is not None else ""


def item_figures(item: ItemResult) -> str:
    """E.g. "median 6, mean 5.7, 3 answered, 1 skipped"."""
    skipped = f", {item.skipped} skipped" if item.skipped else ""
    return item.figures + skipped


def spread_line(
    result: InstrumentResult, item: ItemResult, show: Callable[[str], str] = str
) -> str:
    """The item's answers over the whole scale: "1: 0 · 2: 1 · 3: 2 …", a level by its
    name (a name is the pack's text, given to `show` to escape)."""
    names = dict(result.form.levels)
    return SPREAD_SEPARATOR.join(
        f"{show(names.get(value, value))}: {count}" for value, count in item.counts
    )


def comments_on(result: InstrumentResult, item: ItemResult) -> list[Comment]:
    """The comments written for `item`, in the order counting gave them."""
    return [comment for comment in result.comments if comment.item.id == item.item.id]


# CSV ---------------------------------------------------------------------------------


def evaluation_csv(evaluation: MeetingEvaluation) -> str:
    """The results as CSV text (see the module's docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for result in evaluation.results:
        writer.writerows(_csv_rows(result))
    return out.getvalue()


def _csv_rows(result: InstrumentResult) -> Iterator[tuple[str, ...]]:
    for section in result.sections:
        for item in section.items:
            start = (
                _cell(result.form.name),
                _cell(section.section.title),
                _cell(item.item.text),
                str(item.answered),
                str(item.skipped),
                number(item.median) if item.median is not None else "",
                f"{item.mean:.2f}" if item.mean is not None else "",
            )
            if result.form.kind != "text":
                yield from ((*start, _cell(v), str(n), "", "") for v, n in item.counts)
                continue
            comments = comments_on(result, item)
            yield from ((*start, "", "", *_csv_comment(c)) for c in comments)
            if not comments:
                yield (*start, "", "", "", "")


def _csv_comment(comment: Comment) -> tuple[str, str]:
    text = safe_cell(clean_text(comment.text))
    return text, _cell(comment.respondent or "")


def _cell(text: str) -> str:
    """A one-line field as a cell: on one line, and never run as a formula."""
    return safe_cell(" ".join(clean_line(text).split()))


# JSON --------------------------------------------------------------------------------


def evaluation_json(evaluation: MeetingEvaluation) -> str:
    """The results as a JSON object (see the module's docstring). Control characters in
    text are escaped (DEL, C1 and bidirectional controls as well as the C0 escapes)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "meeting": {
            "id": evaluation.meeting_id,
            "title": evaluation.title,
            "team": evaluation.team,
            "date": evaluation.held_on.isoformat(),
        },
        "instruments": [instrument_json(result) for result in evaluation.results],
        "unknown": list(evaluation.unknown),
    }
    return escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False))


def instrument_json(result: InstrumentResult) -> dict[str, Any]:
    """One instrument's results: an entry of the export's `instruments`, and of the
    minutes file's `evaluation` (`facilitator.render.minutes_json`)."""
    form = result.form
    return {
        "id": form.id,
        "name": form.name,
        "kind": form.kind,
        "responses": result.responses,
        "extremes": result.extremes or None,
        "sections": [
            {
                "id": section.section.id,
                "title": section.section.title,
                "mean": _rounded(section.mean),
                "items": [_json_item(item) for item in section.items],
            }
            for section in result.sections
        ],
        "comments": [
            {"item": comment.item.id, "text": comment.text, "respondent": comment.respondent}
            for comment in result.comments
        ],
    }


def _json_item(item: ItemResult) -> dict[str, Any]:
    median = item.median
    return {
        "id": item.item.id,
        "text": item.item.text,
        "answered": item.answered,
        "skipped": item.skipped,
        "median": int(median) if median is not None and median == int(median) else median,
        "mean": _rounded(item.mean),
        "counts": dict(item.counts),
    }


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None
