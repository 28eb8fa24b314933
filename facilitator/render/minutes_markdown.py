"""A meeting's minutes as CommonMark: the record the recorder sends, readable as plain
text and rendered by any Markdown viewer (and by `minutes_html` for print).

A pure function of a `Minutes` value and a time zone; the output says nothing about
"now", so the same record always gives the same file. Every piece of user text is
escaped (`facilitator.render.markdown_text`), so a viewer shows it literally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import tzinfo

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
from facilitator.render import minutes_parts as parts
from facilitator.render.evaluation import instrument_markdown
from facilitator.render.markdown_text import md_block, md_inline
from facilitator.render.minutes_decision import decision_after, decision_fields, decision_texts
from facilitator.render.minutes_parts import Field
from facilitator.render.user_text import inline

NESTED = "    "  # the content column of a list inside a list item


def minutes_markdown(minutes: Minutes, tz: tzinfo | None) -> str:
    """The minutes as CommonMark, from the title to the footer."""
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
    return "\n\n".join(blocks) + "\n"


# Building blocks -----------------------------------------------------------------------


def _fields(fields: Iterable[Field], indent: str = "") -> str:
    """ "- **Label:** value" lines (labels and values one-line)."""
    return "\n".join(
        f"{indent}- **{md_inline(label)}:** {md_inline(value)}" for label, value in fields
    )


def _bullets(texts: Iterable[str], indent: str = "") -> str:
    """A list of multi-line texts, one item each."""
    return "\n".join(f"{indent}- {md_block(text, indent + '  ')}" for text in texts)


def _section(heading: str, *blocks: str) -> list[str]:
    """A heading and its blocks, or nothing when every block is empty."""
    kept = [block for block in blocks if block]
    return [heading, *kept] if kept else []


def _labelled(label: str, text: str, indent: str) -> str:
    """ "**Label:** text" for a multi-line text, continued at `indent`."""
    return f"**{label}:** {md_block(text, indent)}"


# The parts of the minutes ------------------------------------------------------------------


def _heading(minutes: Minutes, tz: tzinfo | None) -> list[str]:
    blocks = [f"# Minutes: {md_inline(minutes.title) or 'untitled meeting'}"]
    if inline(minutes.team_purpose):
        blocks.append(f"> **Team purpose:** {md_inline(minutes.team_purpose)}")
    blocks.append(_fields(parts.header_fields(minutes, tz)))
    return blocks + _section("## Roles", _fields(parts.role_fields(minutes)))


def _purpose(minutes: Minutes) -> list[str]:
    purpose = f"**Purpose:** {md_inline(minutes.purpose)}" if inline(minutes.purpose) else ""
    goals = [inline(goal) for goal in minutes.goals if inline(goal)]
    return _section("## Purpose and goals", purpose, _bullets(goals))


def _norms(minutes: Minutes, tz: tzinfo | None) -> list[str]:
    norms = _bullets(inline(norm) for norm in minutes.norms if inline(norm))
    checks = [block for check in minutes.norms_checks for block in _norms_check(minutes, check, tz)]
    return _section("## Norms", norms, *checks)


def _norms_check(minutes: Minutes, check: NormsCheckLine, tz: tzinfo | None) -> list[str]:
    when = parts.at(check.checked_at, tz, meeting_day(minutes, tz))
    heading = f"Norms check at {when}{parts.during(minutes, check.agenda_item_id)}"
    ratings = []
    for rating in check.ratings:
        line = f"- {md_inline(parts.rating_line(rating.norm, rating.reading))}"
        ratings.append(line + (f" — {md_block(rating.note, '  ')}" if inline(rating.note) else ""))
    return [f"### {md_inline(heading)}", "\n".join(ratings) or "No norms were rated."]


def _agenda(minutes: Minutes) -> list[str]:
    blocks = [block for n, item in enumerate(minutes.items, 1) for block in _item(n, item)]
    return _section("## Agenda items", *blocks)


def _item(number: int, item: ItemRecord) -> list[str]:
    return [
        f"### {number}. {md_inline(parts.item_title(item))}",
        _fields(parts.item_fields(item)),
        *_section("#### Notes", md_block(item.notes)),
        *_section("#### Decisions", _decisions(item.decisions)),
        *_section("#### Action items", _actions(item.actions)),
    ]


def _decisions(decisions: Sequence[DecisionLine]) -> str:
    blocks = []
    for decision in decisions:
        question = md_block(decision.question, "  ") or "(no question recorded)"
        details = [_fields(decision_fields(decision), "  ")]
        details += [
            f"  - {_labelled(label, text, NESTED)}" for label, text in decision_texts(decision)
        ]
        if after := decision_after(decision):
            details.append(_fields(after, "  "))
        blocks.append(f"- {question}\n" + "\n".join(details))
    return "\n".join(blocks)


def _actions(actions: Sequence[ActionLine]) -> str:
    return "\n".join(
        f"- {md_block(action.what, '  ') or '(no description)'} — "
        f"{md_inline(parts.action_tail(action))}"
        for action in actions
    )


def _others(minutes: Minutes) -> list[str]:
    return [
        *_section("## Other action items", _actions(minutes.other_actions)),
        *_section("## Other decisions", _decisions(minutes.other_decisions)),
        *_section("## Meeting notes", md_block(minutes.meeting_notes)),
    ]


def _parking(entries: Sequence[ParkingLine]) -> list[str]:
    lines = []
    for entry in entries:
        line = f"- {md_block(entry.text, '  ') or '(no text)'}"
        if entry.raised_by is not None and inline(entry.raised_by.name):
            line += f" (raised by {md_inline(entry.raised_by.name)})"
        outcome = parts.word(parts.PARKING, entry.status)
        if inline(entry.disposition_note):
            outcome = _labelled(md_inline(outcome), entry.disposition_note, NESTED)
        else:
            outcome = f"**{md_inline(outcome)}**"
        lines.append(f"{line}\n  - {outcome}")
    return _section("## Parking lot", "\n".join(lines))


def _closure(minutes: Minutes, tz: tzinfo | None) -> list[str]:
    takeaways = _bullets(text for text in minutes.takeaways if inline(text))
    next_agenda = []
    for entry in minutes.next_agenda:
        line = f"- {md_inline(entry.title) or '(untitled)'}"
        if entry.status in parts.NEXT_AGENDA:
            line += f" ({parts.NEXT_AGENDA[entry.status]})"
        next_agenda.append(
            line + (f" — {md_block(entry.note, '  ')}" if inline(entry.note) else "")
        )
    meeting = minutes.next_meeting
    return _section(
        "## Closure",
        *_section("### Key take-aways", takeaways),
        *_section("### For the next agenda", "\n".join(next_agenda)),
        *_section("### Communication plan", _communication(minutes.communication)),
        *_section(
            "### Next meeting", md_inline(parts.next_meeting_line(meeting, tz)) if meeting else ""
        ),
    )


def _communication(lines: Sequence[CommunicationLine]) -> str:
    blocks = []
    for line in lines:
        details = _fields(parts.communication_fields(line), "  ")
        message = md_block(line.key_message, "  ") or "(no message recorded)"
        blocks.append(f"- {message}" + (f"\n{details}" if details else ""))
    return "\n".join(blocks)


def _evaluation(minutes: Minutes) -> list[str]:
    """The evaluation results as `facilitator evaluation` writes them, a level down."""
    blocks = [
        block for result in minutes.evaluation for block in instrument_markdown(result, level=3)
    ]
    return _section("## Evaluation", *blocks)


def _checks(minutes: Minutes, tz: tzinfo | None) -> list[str]:
    day = meeting_day(minutes, tz)
    checks = []
    for check in minutes.process_checks:
        fields = [
            ("Making progress", parts.word({}, check.progress)),
            ("Everyone in", parts.word({}, check.everyone_in)),
        ]
        details = _fields(fields, "  ")
        if inline(check.note):
            details += f"\n  - {_labelled('Note', check.note, NESTED)}"
        when = parts.at(check.checked_at, tz, day) + parts.during(minutes, check.agenda_item_id)
        checks.append(f"- {md_inline(when)}\n{details}")
    time_outs = []
    for time_out in minutes.time_outs:
        when = parts.span(time_out.started_at, time_out.ended_at, tz, day)
        line = f"- {md_inline(when + parts.during(minutes, time_out.agenda_item_id))}"
        if inline(time_out.note):
            line += f"\n  - {_labelled('Note', time_out.note, NESTED)}"
        time_outs.append(line)
    return [
        *_section("## Process checks", "\n".join(checks)),
        *_section("## Time-outs", "\n".join(time_outs)),
    ]


def _footer(minutes: Minutes, tz: tzinfo | None) -> list[str]:
    facts = _fields(parts.footer_fields(minutes, tz))
    return ["---", *([facts] if facts else []), f"*{parts.GENERATED}*"]
