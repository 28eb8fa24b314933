"""`facilitator assessments`: a team's periodic self-assessments side by side, as
Markdown, CSV or JSON.

Each periodic instrument the team has taken comes in the content pack's order (one
only with `--instrument`), its assessments oldest first, each dated by the day it was
taken (see `facilitator.services.self_assessments`). The notes are the team's text and
a school's own instrument is its text too: all of it is written literally.

**Markdown** (`assessments_markdown`): a heading naming the team; per instrument its
name, what changed since the previous assessment in words ("Since Mon 2 Nov 2026: 3 up,
1 down, 11 the same.") and the levels with their names; then per section a table with
one row per item, one column per assessment (headed by its date, YYYY-MM-DD) holding the
level chosen (a short code such as "P", else the level's name, or a rating; "–" for none),
and, from a second assessment on, a last column saying what changed from the previous
assessment to the latest ("Beginning → Progressing, up 1 level"); the notes follow the
table, each after its item and date. An instrument answered in words lists each item's
answers by date instead of a table. Text is escaped as `facilitator.render.markdown_text` does.

**CSV** (`assessments_csv`): one header row, then long ("tidy") rows, CRLF line ends, no
byte-order mark, the rules against formulas in cells of `facilitator.render.minutes_csv`.
One row per item per assessment, so a spreadsheet's pivot table lays them side by side:

    instrument   the instrument's name
    section      the section's title
    item         the item's text
    date         the day the assessment was taken (YYYY-MM-DD)
    value        the level's code or the rating as recorded (empty: not answered; an
                 instrument answered in words: empty, the words are the note)
    value_name   the level's name (the rating again for a rating)
    note         the note beside the answer (the evidence), or the words answered
    change       on the latest assessment's row, what changed since the previous one

**JSON** (`assessments_json`): an object

    {"format": "facilitator-self-assessments", "version": 1, "team": the team's name,
     "instruments": [{"id", "name", "kind" (levels, rating or text), "note_label",
                      "levels": [{"code", "name"}] (empty unless levels),
                      "summary" (the changes in words),
                      "assessments": [{"id", "date" (YYYY-MM-DD)}] (oldest first),
                      "sections": [{"id", "title",
                                    "items": [{"id", "text", "change",
                                               "answers": [one per assessment, in
                                                 its order: null (not answered) or
                                                 {"value", "name", "note"}]}]}]}],
     "unknown": [ids of instruments the team took that the pack no longer has]}

Fields keep their meaning once shipped (added in issue 17).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Protocol

from facilitator.domain.clean import clean_line, clean_text, escape_json_controls
from facilitator.domain.evaluation_results import Answer, Form, FormSection
from facilitator.domain.self_assessment import (
    ComparedItem,
    Comparison,
    chosen,
    level_label,
    level_name,
    note_label,
)
from facilitator.render.markdown_text import md_block, md_inline
from facilitator.render.minutes_csv import safe_cell

FORMAT = "facilitator-self-assessments"
VERSION = 1
HEADER = ("instrument", "section", "item", "date", "value", "value_name", "note", "change")
NOT_ANSWERED = "–"
"""A cell for an item an assessment left unanswered."""


class TeamAssessments(Protocol):
    """What is rendered: `facilitator.services.self_assessments.team_assessments`'s
    value (render sits below services, so it names the shape)."""

    @property
    def team(self) -> str: ...
    @property
    def comparisons(self) -> tuple[Comparison, ...]: ...
    @property
    def unknown(self) -> tuple[str, ...]: ...


# Markdown ----------------------------------------------------------------------------


def assessments_markdown(found: TeamAssessments) -> str:
    """The assessments as CommonMark (see the module's docstring)."""
    blocks = [f"# Self-assessments: {md_inline(found.team)}"]
    if not found.comparisons:
        blocks.append("No self-assessments yet. Take one from the team's screen (s).")
    for comparison in found.comparisons:
        blocks += _md_instrument(comparison)
    if found.unknown:
        names = ", ".join(md_inline(name) for name in found.unknown)
        blocks.append(f"Also taken, with instruments this content pack does not have: {names}.")
    return "\n\n".join(blocks) + "\n"


def _md_instrument(comparison: Comparison) -> list[str]:
    form = comparison.form
    blocks = [f"## {md_inline(form.name)}", md_inline(comparison.summary)]
    if form.kind == "levels":
        levels = " · ".join(md_inline(level_name(form, code)) for code, _ in form.levels)
        blocks.append(f"Levels: {levels}.")
    if not comparison.assessments:
        return blocks
    for section in form.sections:
        items = [item for item in comparison.items if item.section == section]
        if len(form.sections) > 1:
            blocks.append(f"### {md_inline(section.title)}")
        if form.kind == "text":
            blocks += _md_words(comparison, items)
            continue
        blocks.append(_md_table(comparison, items))
        notes = _md_notes(comparison, items)
        if notes:
            blocks += [f"{md_inline(note_label(form))}:", notes]
    return blocks


def _md_table(comparison: Comparison, items: list[ComparedItem]) -> str:
    """Item, a column per date, and (from a second assessment on) the change."""
    changed = len(comparison.assessments) > 1
    heads = ["Item", *(day.isoformat() for day in comparison.dates)] + ["Change"] * changed
    rows = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for item in items:
        cells = [md_inline(item.item.text)]
        cells += [_md_value(comparison.form, answer) for answer in item.answers]
        cells += [md_inline(item.change)] * changed
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _md_value(form: Form, answer: Answer | None) -> str:
    value = chosen(answer)
    return md_inline(level_label(form, value)) if value is not None else NOT_ANSWERED


def _md_notes(comparison: Comparison, items: list[ComparedItem]) -> str:
    lines = [
        f"- {md_inline(item.item.text)} ({day.isoformat()}): {md_block(answer.text, '  ')}"
        for item in items
        for day, answer in zip(comparison.dates, item.answers, strict=True)
        if answer is not None and answer.text.strip()
    ]
    return "\n".join(lines)


def _md_words(comparison: Comparison, items: list[ComparedItem]) -> list[str]:
    blocks = []
    for item in items:
        lines = [
            f"- {day.isoformat()}: {_md_written(answer)}"
            for day, answer in zip(comparison.dates, item.answers, strict=True)
        ]
        change = f" ({md_inline(item.change)})" if item.change else ""
        blocks += [f"**{md_inline(item.item.text)}**{change}", "\n".join(lines)]
    return blocks


def _md_written(answer: Answer | None) -> str:
    return md_block(answer.text, "  ") if answer and answer.text.strip() else NOT_ANSWERED


# CSV ---------------------------------------------------------------------------------


def assessments_csv(found: TeamAssessments) -> str:
    """The assessments as CSV text (see the module's docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for comparison in found.comparisons:
        writer.writerows(_csv_rows(comparison))
    return out.getvalue()


def _csv_rows(comparison: Comparison) -> Iterator[tuple[str, ...]]:
    form = comparison.form
    last = len(comparison.assessments) - 1
    for item in comparison.items:
        for index, (day, answer) in enumerate(zip(comparison.dates, item.answers, strict=True)):
            value = chosen(answer) or ""
            yield (
                _cell(form.name),
                _cell(item.section.title),
                _cell(item.item.text),
                day.isoformat(),
                _cell(value),
                _cell(dict(form.levels).get(value, value)),
                safe_cell(clean_text(answer.text)) if answer else "",
                _cell(item.change) if index == last else "",
            )


def _cell(text: str) -> str:
    """A one-line field as a cell: on one line, and never run as a formula."""
    return safe_cell(" ".join(clean_line(text).split()))


# JSON --------------------------------------------------------------------------------


def assessments_json(found: TeamAssessments) -> str:
    """The assessments as a JSON object (see the module's docstring), control
    characters escaped."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "team": found.team,
        "instruments": [_json_instrument(comparison) for comparison in found.comparisons],
        "unknown": list(found.unknown),
    }
    return escape_json_controls(json.dumps(document, indent=2, ensure_ascii=False))


def _json_instrument(comparison: Comparison) -> dict[str, Any]:
    form = comparison.form
    return {
        "id": form.id,
        "name": form.name,
        "kind": form.kind,
        "note_label": note_label(form),
        "levels": [{"code": code, "name": name} for code, name in form.levels],
        "summary": comparison.summary,
        "assessments": [
            {"id": a.id, "date": a.taken_on.isoformat()} for a in comparison.assessments
        ],
        "sections": [_json_section(comparison, section) for section in form.sections],
    }


def _json_section(comparison: Comparison, section: FormSection) -> dict[str, Any]:
    items = [item for item in comparison.items if item.section == section]
    return {
        "id": section.id,
        "title": section.title,
        "items": [
            {
                "id": item.item.id,
                "text": item.item.text,
                "change": item.change,
                "answers": [_json_answer(comparison.form, answer) for answer in item.answers],
            }
            for item in items
        ],
    }


def _json_answer(form: Form, answer: Answer | None) -> dict[str, str | None] | None:
    if answer is None:
        return None
    value = chosen(answer)
    name = dict(form.levels).get(value, value) if value is not None else None
    return {"value": value, "name": name, "note": answer.text}
