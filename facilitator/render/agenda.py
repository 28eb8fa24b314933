"""A meeting's agenda to hand out: Markdown (which `facilitator import` reads back, see
`facilitator.domain.agenda_markdown`) and plain text for e-mail.

Both are pure functions of a MeetingPlan and a time zone, so the CLI, the app and the
tests all get the same page.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence
from datetime import date, tzinfo

from facilitator.domain.agenda_markdown_syntax import OWN_ROLE, ROLES
from facilitator.domain.markdown_escape import escape_markdown as md
from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_view import AgendaLine, MeetingPlan, Person, RoleLine, StepLine
from facilitator.domain.text import clock_label, local, plural
from facilitator.domain.timeparse import MONTH_NAMES

WIDTH = 78
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EXPORT_NOTE = "<!-- Agenda exported by facilitator; `facilitator import` reads this file back. -->"


def long_day(day: date) -> str:
    """E.g. "Monday 30 November 2026", in English whatever the locale (the import reads it)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def time_span(plan: MeetingPlan, tz: tzinfo | None) -> str:
    """E.g. "15:30–16:30", on the wall clock of `tz`."""
    return f"{clock_label(local(plan.scheduled_start, tz))}–{clock_label(local(plan.ends_at, tz))}"


def total_line(plan: MeetingPlan) -> str:
    """E.g. "60 of 60 minutes.", saying so in words when the agenda runs over."""
    line = f"{plan.agenda_minutes} of {plan.planned_minutes} minutes."
    if plan.minutes_over:
        line += f" The agenda runs {plural(plan.minutes_over, 'minute')} over the planned length."
    return line


# Markdown ------------------------------------------------------------------------------


def agenda_markdown(plan: MeetingPlan, tz: tzinfo | None) -> str:
    """The agenda as Markdown; every piece of user text is escaped, on one line."""
    blocks = [[EXPORT_NOTE], [f"# {md(plan.title)}"]]
    if plan.team_purpose.strip():
        blocks.append([f"> *{md(plan.team_purpose)}*"])
    blocks.append([f"- **{label}:** {value}" for label, value in _md_fields(plan, tz)])
    if plan.goals:
        blocks.append(["## Goals", "", *(f"- {md(goal)}" for goal in plan.goals)])
    if plan.roles:
        roles = [f"- {_md_role(role)}: {_md_holder(role.holder)}" for role in plan.roles]
        blocks.append(["## Roles", "", *roles])
    if plan.norms:
        blocks.append(["## Norms", "", *(f"- {md(norm)}" for norm in plan.norms)])
    items = [
        line for number, item in enumerate(plan.agenda, 1) for line in _md_item(number, item, tz)
    ]
    blocks.append(["## Agenda", "", *items] if items else ["## Agenda"])
    blocks.append([f"**Total:** {total_line(plan)}"])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _md_fields(plan: MeetingPlan, tz: tzinfo | None) -> list[tuple[str, str]]:
    fields = [
        ("Team", md(plan.team_name)),
        ("Date", long_day(local(plan.scheduled_start, tz).date())),
        ("Time", time_span(plan, tz)),
        ("Length", f"{plan.planned_minutes} min"),
    ]
    if plan.location.strip():
        fields.append(("Location", md(plan.location)))
    if plan.purpose.strip():
        fields.append(("Purpose", md(plan.purpose)))
    return fields


def _md_role(role: RoleLine) -> str:
    """The role as the import reads it: a core role by its label (or its id when the
    label is not a word the import knows), a role of the team's own marked as such."""
    label = " ".join(one_line(role.label).split()).casefold()
    if role.role in ROLES.values():
        return md(role.label) if ROLES.get(label) == role.role else role.role.capitalize()
    return md(role.label).replace(":", "\\:") + OWN_ROLE


def _md_holder(holder: Person | None) -> str:
    if holder is None:
        return "open"
    name = md(holder.name)
    if name.casefold() == "open":  # someone called Open, not an open role
        name = f"&#{ord(name[0])};{name[1:]}"
    return f"{name} (guest)" if holder.is_guest else name


def _md_item(number: int, item: AgendaLine, tz: tzinfo | None) -> list[str]:
    """ "1. 15:30 · 5 min · **Title** — goal: ... (Presenter) [kind]", then how it will be
    decided and its process."""
    title = md(item.title)
    line = f"{number}. {clock_label(local(item.starts_at, tz))} · {item.minutes} min · "
    line += f"**{title}**" if title else ""
    if one_line(item.goal):
        line += f" — goal: {md(item.goal)}"
    if item.presenter is not None and one_line(item.presenter.name):
        line += f" ({md(item.presenter.name)})"
    line += f" [{md(item.kind)}]"
    pad = " " * len(f"{number}. ")
    lines = [line]
    if item.decision_method_name:
        lines.append(f"{pad}- Decided by: {md(item.decision_method_name)}")
    if item.process:
        lines.append(f"{pad}- Process: {md(item.process)}")
    elif item.steps:
        lines.append(f"{pad}- Steps:")
    lines += [f"{pad}  {n}. {_md_step(step)}" for n, step in enumerate(item.steps, 1)]
    return lines


def _md_step(step: StepLine) -> str:
    ranges = one_line(step.media_ranges)
    return md(step.title) + (f" (video {md(ranges)})" if ranges else "")


# Plain text ----------------------------------------------------------------------------

LABEL = 10  # the column where header values start
ITEM = 14  # the column where an item's text starts


def agenda_text(plan: MeetingPlan, tz: tzinfo | None) -> str:
    """The agenda as plain text for an e-mail, wrapped to about 78 columns."""
    blocks = [_text_heading(plan), _text_fields(plan, tz)]
    if plan.goals:
        blocks.append(["Goals", *(_wrap(goal, "  • ", "    ") for goal in plan.goals)])
    if plan.roles:
        blocks.append(["Roles", *_text_roles(plan)])
    if plan.norms:
        blocks.append(["Norms", *(_wrap(norm, "  • ", "    ") for norm in plan.norms)])
    agenda = ["Agenda", "  Start  Min  Item"]
    for item in plan.agenda:
        agenda += _text_item(item, tz)
    blocks.append(agenda if plan.agenda else ["Agenda", "  No items yet."])
    blocks.append([_wrap(total_line(plan), "Total: ", " " * 7)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _text_heading(plan: MeetingPlan) -> list[str]:
    lines = [_wrap(plan.title), _wrap(plan.team_name)]
    if plan.team_purpose.strip():
        lines.append(_wrap(f"“{_plain(plan.team_purpose)}”"))
    return lines


def _text_fields(plan: MeetingPlan, tz: tzinfo | None) -> list[str]:
    when = f"{long_day(local(plan.scheduled_start, tz).date())}, {time_span(plan, tz)}"
    fields = [("When:", f"{when} ({plural(plan.planned_minutes, 'minute')})")]
    if plan.location.strip():
        fields.append(("Where:", plan.location))
    if plan.purpose.strip():
        fields.append(("Purpose:", plan.purpose))
    return [_wrap(value, label.ljust(LABEL), " " * LABEL) for label, value in fields]


def _text_roles(plan: MeetingPlan) -> list[str]:
    labels = [_plain(role.label) for role in plan.roles]
    width = min(max(len(label) for label in labels), 24) + 2
    lines = []
    for label, role in zip(labels, plan.roles, strict=True):
        holder = "open" if role.holder is None else _plain(role.holder.name)
        if role.holder is not None and role.holder.is_guest:
            holder += " (guest)"
        lead = f"  {label.ljust(width)}"
        if len(lead) > width + 2:  # a label too long for the column gets a line of its own
            lines.append(_wrap(label, "  ", "  "))
            lead = " " * (width + 2)
        lines.append(_wrap(holder, lead, " " * (width + 2)))
    return lines


def _text_item(item: AgendaLine, tz: tzinfo | None) -> list[str]:
    indent = " " * ITEM
    lead = f"  {clock_label(local(item.starts_at, tz))}  {item.minutes:>3}  "
    about = _plain(item.kind)
    if item.presenter is not None and one_line(item.presenter.name):
        about += f" · {_plain(item.presenter.name)}"
    lines = [_wrap(item.title, lead, indent), _wrap(about, indent, indent)]
    if one_line(item.goal):
        lines.append(_wrap(f"Goal: {_plain(item.goal)}", indent, indent + "      "))
    if item.decision_method_name:
        lines.append(_wrap(f"Decided by: {_plain(item.decision_method_name)}", indent, indent))
    if item.process:
        lines.append(_wrap(f"Process: {_plain(item.process)}", indent, indent + "  "))
    elif item.steps:
        lines.append(f"{indent}Steps:")
    lines += _text_steps(item.steps, indent + "  ")
    return lines


def _text_steps(steps: Sequence[StepLine], indent: str) -> list[str]:
    lines = []
    for number, step in enumerate(steps, 1):
        ranges = _plain(step.media_ranges)
        text = _plain(step.title) + (f" (video {ranges})" if ranges else "")
        lead = f"{indent}{number}. "
        lines.append(_wrap(text, lead, " " * len(lead)))
    return lines


def _plain(text: str) -> str:
    """User text on one line, with control characters (which could drive a terminal)
    shown as replacement characters."""
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in one_line(text))


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    lines = textwrap.wrap(
        _plain(text),
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    )
    return "\n".join(lines) if lines else first.rstrip()
