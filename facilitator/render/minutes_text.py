"""A meeting's minutes as plain text, the body of the e-mail: the same content as the
Markdown, no markup, wrapped to about 78 columns with hanging indents.

What the plain text guarantees about user text: every word (run of non-whitespace) is
kept, in order and unchanged; wrapping happens only at spaces and tabs, never inside a
word (so a word longer than a line makes a long line); a multi-line field (notes, an
outcome) keeps its own line breaks, each of its non-blank lines starting a new output
line with its own indentation (tabs as spaces); a run of blank lines inside it is kept
as one blank line. User text is always indented under a label, a number or a bullet,
so it cannot be mistaken for a section heading (headings are capitals at the margin).
Control characters other than line breaks and tabs show as U+FFFD.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from datetime import tzinfo

from facilitator.domain.evaluation_results import InstrumentResult, SectionResult
from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.minutes import (
    ActionLine,
    CommunicationLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    NormsCheckLine,
    ParkingLine,
)
from facilitator.render import evaluation as said
from facilitator.render import minutes_parts as parts
from facilitator.render.minutes_decision import decision_after, decision_fields, decision_texts
from facilitator.render.minutes_parts import Field
from facilitator.render.user_text import inline, text_lines

WIDTH = 78
BULLET = "• "
MAX_LABEL = 20  # a longer label gets a line of its own


def minutes_text(minutes: Minutes, tz: tzinfo | None) -> str:
    """The minutes as plain text, from the title to the footer."""
    blocks = [
        *_heading(minutes, tz),
        *_purpose(minutes),
        *_norms(minutes, tz),
        *_agenda(minutes),
        *_others(minutes),
        *_parking(minutes.parking),
        *_closure(minutes, tz),
        *_evaluation(minutes),
        *_checks(minutes, tz),
        *_footer(minutes, tz),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


# Building blocks -----------------------------------------------------------------------


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """One line of text wrapped at spaces, never inside a word."""
    lines = textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _block(text: str, first: str, rest: str, suffix: str = "") -> list[str]:
    """A multi-line field: each of its lines wrapped on its own, keeping its indentation;
    `suffix` ends the last line."""
    lines = text_lines(text) or [""]
    lines[-1] += suffix
    out: list[str] = []
    lead = first
    for line in lines:
        if not line:
            if out[-1:] != [""]:
                out.append("")
            continue
        own = line[: len(line) - len(line.lstrip())].expandtabs(4)
        out += _wrap(line.strip(), lead + own, rest + own)
        lead = rest
    return out


def _columns(fields: Sequence[Field], indent: str, blocks: Sequence[Field] = ()) -> list[str]:
    """ "Label:  value" lines with the values in one column; `blocks` are multi-line
    values, after the one-line ones."""
    labels = [f"{label}:" for label, _ in (*fields, *blocks)]
    width = min(max((len(label) for label in labels), default=0), MAX_LABEL) + 2
    pad = indent + " " * width
    out: list[str] = []
    for index, (label, (_, value)) in enumerate(zip(labels, (*fields, *blocks), strict=True)):
        lead = indent + label.ljust(width)
        if len(label) > MAX_LABEL:
            out += _wrap(label, indent, indent)
            lead = pad
        out += _wrap(value, lead, pad) if index < len(fields) else _block(value, lead, pad)
    return out


def _bullets(texts: Iterable[str], indent: str) -> list[str]:
    """A bulleted list of multi-line texts."""
    pad = indent + " " * len(BULLET)
    return [line for text in texts for line in _block(text, indent + BULLET, pad)]


def _section(heading: str, *blocks: list[str]) -> list[list[str]]:
    """A heading (joined to its first block) and its blocks, or nothing when every block
    is empty."""
    kept = [block for block in blocks if block]
    return [[heading, *kept[0]], *kept[1:]] if kept else []


# The parts of the minutes ------------------------------------------------------------------


def _heading(minutes: Minutes, tz: tzinfo | None) -> list[list[str]]:
    title = _wrap(f"Minutes: {inline(minutes.title) or 'untitled meeting'}")
    purpose = inline(minutes.team_purpose)
    if purpose:
        title += _wrap(purpose, "Team purpose: ", " " * 14)
    blocks = [title, _columns(parts.header_fields(minutes, tz), "")]
    return blocks + _section("ROLES", _columns(parts.role_fields(minutes), "  "))


def _purpose(minutes: Minutes) -> list[list[str]]:
    purpose = _wrap(inline(minutes.purpose), "  Purpose: ", "  " + " " * 9)
    goals = _bullets((inline(goal) for goal in minutes.goals if inline(goal)), "  ")
    return _section("PURPOSE AND GOALS", purpose if inline(minutes.purpose) else [], goals)


def _norms(minutes: Minutes, tz: tzinfo | None) -> list[list[str]]:
    norms = _bullets((inline(norm) for norm in minutes.norms if inline(norm)), "  ")
    checks = [_norms_check(minutes, check, tz) for check in minutes.norms_checks]
    return _section("NORMS", norms, *checks)


def _norms_check(minutes: Minutes, check: NormsCheckLine, tz: tzinfo | None) -> list[str]:
    when = parts.at(check.checked_at, tz, meeting_day(minutes, tz))
    lines = _wrap(f"Norms check at {when}{parts.during(minutes, check.agenda_item_id)}", "  ")
    pad = "  " + " " * len(BULLET)
    for rating in check.ratings:
        line = parts.rating_line(rating.norm, rating.reading)
        if inline(rating.note):
            lines += _block(rating.note, f"  {BULLET}{line} — ", pad)
        else:
            lines += _wrap(line, f"  {BULLET}", pad)
    return lines if check.ratings else [*lines, "  No norms were rated."]


def _agenda(minutes: Minutes) -> list[list[str]]:
    items = [_item(number, item) for number, item in enumerate(minutes.items, 1)]
    return [["AGENDA ITEMS"], *items] if items else []


def _item(number: int, item: ItemRecord) -> list[str]:
    lead = f"{number}. "
    pad = " " * len(lead)
    lines = _wrap(parts.item_title(item), lead, pad)
    lines += _columns(parts.item_fields(item), pad)
    if inline(item.notes):
        lines += [f"{pad}Notes:", *_block(item.notes, pad + "  ", pad + "  ")]
    if item.decisions:
        lines += [f"{pad}Decisions:", *_decisions(item.decisions, pad)]
    if item.actions:
        lines += [f"{pad}Action items:", *_actions(item.actions, pad)]
    return lines


def _decisions(decisions: Sequence[DecisionLine], indent: str) -> list[str]:
    pad = indent + " " * len(BULLET)
    lines = []
    for decision in decisions:
        question = decision.question if inline(decision.question) else "(no question recorded)"
        lines += _block(question, indent + BULLET, pad)
        after = [*decision_texts(decision), *decision_after(decision)]  # one-line ones last
        lines += _columns(decision_fields(decision), pad, after)
    return lines


def _actions(actions: Sequence[ActionLine], indent: str) -> list[str]:
    pad = indent + " " * len(BULLET)
    lines = []
    for action in actions:
        what = action.what if inline(action.what) else "(no description)"
        lines += _block(what, indent + BULLET, pad)
        lines += _wrap(parts.action_tail(action), pad, pad)
    return lines


def _others(minutes: Minutes) -> list[list[str]]:
    notes = _block(minutes.meeting_notes, "  ", "  ") if inline(minutes.meeting_notes) else []
    return [
        *_section("OTHER ACTION ITEMS", _actions(minutes.other_actions, "  ")),
        *_section("OTHER DECISIONS", _decisions(minutes.other_decisions, "  ")),
        *_section("MEETING NOTES", notes),
    ]


def _parking(entries: Sequence[ParkingLine]) -> list[list[str]]:
    pad = "  " + " " * len(BULLET)
    lines = []
    for entry in entries:
        raised = ""
        if entry.raised_by is not None and inline(entry.raised_by.name):
            raised = f" (raised by {inline(entry.raised_by.name)})"
        text = entry.text if inline(entry.text) else "(no text)"
        lines += _block(text, f"  {BULLET}", pad, raised)
        outcome = parts.word(parts.PARKING, entry.status)
        if inline(entry.disposition_note):
            lines += _block(entry.disposition_note, f"{pad}{outcome}: ", pad)
        else:
            lines += _wrap(outcome, pad, pad)
    return _section("PARKING LOT", lines)


def _closure(minutes: Minutes, tz: tzinfo | None) -> list[list[str]]:
    takeaways = _bullets((text for text in minutes.takeaways if inline(text)), "  ")
    next_agenda = []
    for entry in minutes.next_agenda:
        line = inline(entry.title) or "(untitled)"
        if entry.status in parts.NEXT_AGENDA:
            line += f" ({parts.NEXT_AGENDA[entry.status]})"
        if inline(entry.note):
            next_agenda += _block(entry.note, f"  {BULLET}{line} — ", "    ")
        else:
            next_agenda += _wrap(line, f"  {BULLET}", "    ")
    meeting = minutes.next_meeting
    upcoming = _wrap(parts.next_meeting_line(meeting, tz), "    ", "    ") if meeting else []
    return _section(
        "CLOSURE",
        *_section("  Key take-aways", takeaways),
        *_section("  For the next agenda", next_agenda),
        *_section("  Communication plan", _communication(minutes.communication)),
        *_section("  Next meeting", upcoming),
    )


def _communication(lines: Sequence[CommunicationLine]) -> list[str]:
    pad = "  " + " " * len(BULLET)
    out = []
    for line in lines:
        message = line.key_message if inline(line.key_message) else "(no message recorded)"
        out += _block(message, f"  {BULLET}", pad)
        out += _columns(parts.communication_fields(line), pad)
    return out


def _evaluation(minutes: Minutes) -> list[list[str]]:
    """Each instrument's results in the words of `facilitator evaluation`: its name,
    its figures indented beneath it, each section of an instrument in sections (the Norms
    Inventory) a block of its own."""
    return _section("EVALUATION", *(b for r in minutes.evaluation for b in _instrument(r)))


def _instrument(result: InstrumentResult) -> list[list[str]]:
    first = [
        f"  {inline(result.form.name) or '(untitled)'}",
        *_wrap(said.responses_line(result), "    ", "    "),
    ]
    if result.extremes:
        first += _wrap(inline(result.extremes), "    ", "    ")
    if len(result.sections) == 1:
        return [first + _results(result, result.sections[0])]
    blocks = [first]
    for section in result.sections:
        title = _wrap(inline(section.section.title) or "(untitled)", "    ", "    ")
        mean = said.section_mean(section)
        title += _wrap(mean, "    ", "    ") if mean else []
        blocks.append(title + _results(result, section))
    return blocks


def _results(result: InstrumentResult, section: SectionResult) -> list[str]:
    """A section's rated items with their spread, or its comments item by item."""
    pad = "    " + " " * len(BULLET)
    lines = []
    for item in section.items:
        text = inline(item.item.text) or "(untitled)"
        if result.form.kind != "text":
            lines += _rated(f"    {BULLET}", pad, text, said.item_figures(item))
            lines += _wrap(said.spread_line(result, item, inline), pad, pad)
            continue
        lines += _wrap(text, "    ", "    ")
        comments = said.comments_on(result, item)
        for comment in comments:
            who = inline(comment.respondent or "") or said.ANONYMOUS
            lines += _block(comment.text, f"    {BULLET}{who}: ", pad)
        lines += [] if comments else [f"    {said.NO_COMMENTS}"]
    return lines


def _rated(first: str, rest: str, text: str, figures: str) -> list[str]:
    """ "Item: figures" on one line, or the figures on a line of their own when the
    item is long (so they are not broken across lines)."""
    line = f"{first}{text}: {figures}"
    if len(line) <= WIDTH:
        return [line]
    return [*_wrap(text, first, rest), *_wrap(figures, rest, rest)]


def _checks(minutes: Minutes, tz: tzinfo | None) -> list[list[str]]:
    day = meeting_day(minutes, tz)
    pad = "  " + " " * len(BULLET)
    checks = []
    for check in minutes.process_checks:
        when = parts.at(check.checked_at, tz, day) + parts.during(minutes, check.agenda_item_id)
        fields = [
            ("Making progress", parts.word({}, check.progress)),
            ("Everyone in", parts.word({}, check.everyone_in)),
        ]
        note = [("Note", check.note)] if inline(check.note) else []
        checks += [*_wrap(when, f"  {BULLET}", pad), *_columns(fields, pad, note)]
    time_outs = []
    for time_out in minutes.time_outs:
        when = parts.span(time_out.started_at, time_out.ended_at, tz, day)
        when += parts.during(minutes, time_out.agenda_item_id)
        note = [("Note", time_out.note)] if inline(time_out.note) else []
        time_outs += [*_wrap(when, f"  {BULLET}", pad), *_columns([], pad, note)]
    return [*_section("PROCESS CHECKS", checks), *_section("TIME-OUTS", time_outs)]


def _footer(minutes: Minutes, tz: tzinfo | None) -> list[list[str]]:
    facts = _columns(parts.footer_fields(minutes, tz), "")
    return [*([facts] if facts else []), [parts.GENERATED]]
