"""Agendas written as Markdown: the import format, read forgivingly, and the escaping
the Markdown export uses so that what it writes reads back the same.

The format is documented in the README ("Agendas in and out"). In short: the first "# "
line is the title; "Key: value" lines give Team, Date, Time, Length, Location, Purpose
and Goals (any case, with or without a bullet or bold); "Facilitator: Dana" lines
(Recorder, Timekeeper, Chair) or a "## Roles" list name who holds each role; under "##
Agenda" each item is a list line that starts with its minutes: "- 10 min Budget review
- goal: choose two (Ana) [decision]", with optional indented details ("Process:
Consensus", "Decided by: Multi-voting") and steps below it. Blank lines, <!-- comments
-->, > quotes and a "## Norms" section are skipped. Text is Markdown: a backslash before
punctuation, or an entity such as &#8212;, stands for the character itself, never for
structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from typing import Any, TypeVar

from facilitator.domain.agenda_markdown_syntax import (
    DETAILS,
    FIELDS,
    GOAL_SPLIT,
    HEADING,
    INNER_SPACE,
    ITEM,
    ITEM_EXAMPLE,
    KINDS,
    LABELS,
    MEDIA_END,
    RANGE,
    ROLES,
    RULE,
    Line,
    field_key,
    item_ending,
    kind_problem,
    normal_lines,
    parse_length,
    role_line,
    section_of,
    shared_suffix,
    text_of,
    unbold,
    without_comments,
)
from facilitator.domain.agenda_parsed import ParsedAgenda as ParsedAgenda
from facilitator.domain.agenda_parsed import ParsedItem as ParsedItem
from facilitator.domain.agenda_parsed import ParsedRole as ParsedRole
from facilitator.domain.agenda_parsed import ParsedStep as ParsedStep
from facilitator.domain.agenda_parsed import Problem as Problem
from facilitator.domain.clean import clean_line
from facilitator.domain.markdown_escape import mask, one_line, unescape_markdown
from facilitator.domain.planning import ITEM_MINUTES, MEETING_MINUTES
from facilitator.domain.timeparse import Unreadable, parse_date, parse_minutes, parse_time

_T = TypeVar("_T")


def parse_agenda(text: str, *, today: date) -> ParsedAgenda:
    """Read an agenda file; every line that cannot be read becomes a Problem (this never
    raises). `today` completes dates written without a year."""
    cleaned, unclosed = without_comments(normal_lines(text))
    reader = _Reader(today)
    if unclosed:
        reader.problem(unclosed, 'This comment is never closed; end it with "-->".')
    for number, raw in enumerate(cleaned.split("\n"), start=1):
        # A run of spaces inside a line means one space (the text is read as one line
        # anyway); squeezing it first keeps every pattern below linear in the line's
        # length, where a long run made them backtrack quadratically.
        squeezed = INNER_SPACE.sub(" ", raw)
        reader.read(Line(number, squeezed, mask(squeezed)))
    return reader.result()


class _Reader:
    """What has been read so far, line by line, and what could not be read."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.section = "header"  # header, goals, agenda, roles or skip
        self.text: dict[str, str] = {}
        self.date: date | None = None
        self.start: time | None = None
        self.end: time | None = None
        self.length: int | None = None
        self.goals: list[str] = []
        self.roles: dict[str, ParsedRole] = {}
        self.items: list[ParsedItem] = []
        self.steps: list[list[ParsedStep]] = []  # each item's, kept apart: appending is O(1)
        self.item_indent = 0
        self.steps_open = False
        self.item_trouble = False
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}

    def problem(self, line: int, message: str) -> bool:
        self.problems.append(Problem(line, message))
        return True

    def read(self, line: Line) -> None:
        if not line.raw.strip() or RULE.match(line.masked) or line.masked.lstrip().startswith(">"):
            return  # blank lines, rules and > quotes are for the people reading
        if heading := HEADING.match(line.masked):
            self._heading(line, heading)
            return
        raw, masked, bulleted = line.body()
        if self.section == "skip" or not masked.strip():
            return
        if self.section == "roles":
            self._role(line.number, raw, masked)
            return
        if self.section == "goals" and self._goal(raw, masked, bulleted):
            return
        if self.section == "agenda" and self.items and line.indent >= self.item_indent + 2:
            self._detail(line, raw, masked, bulleted)
            return
        if bulleted and self.section != "goals" and self._item(line, raw, masked):
            return
        if not self._field(line, raw, masked):
            self._unreadable(line, masked, bulleted)

    def _heading(self, line: Line, match: re.Match[str]) -> None:
        text = text_of(line.raw[match.start(2) : match.end(2)]) if match[2] is not None else ""
        if len(match[1]) == 1 and "title" not in self.lines:
            if text:
                self._claim("title", line.number)
                self.text["title"] = text
            self.section = "header"
            return
        section = section_of(text)
        self.section = section or "skip"
        if section:
            return
        if len(match[1]) == 1:
            self.problem(line.number, f'{line.quoted()} is a second title; keep one "# " line.')
        else:
            self.problem(
                line.number,
                f'{line.quoted()} is not a section this format knows; use "## Goals" or '
                '"## Agenda".',
            )

    def _goal(self, raw: str, masked: str, bulleted: bool) -> bool:
        found = None if bulleted else field_key(masked)
        if found is not None and (found[0] in FIELDS or found[0] in ROLES):
            return False  # a field after the goals ends them
        self.goals.append(text_of(raw))
        return True

    def _item(self, line: Line, raw: str, masked: str) -> bool:
        match = ITEM.match(masked)
        if match is None:
            return False
        self.section, self.item_indent, self.steps_open = "agenda", line.indent, False
        minutes = self._minutes(line, match["minutes"])
        rest = match.start("rest")
        ending = item_ending(raw[rest:], masked[rest:])
        if isinstance(ending, str):
            return self._trouble(line.number, ending)
        raw, masked, kind, presenter = ending
        split = GOAL_SPLIT.search(masked)
        title_end = split.start() if split else len(masked)
        goal = text_of(raw[split.end() :]) if split else ""
        title = text_of(unbold(raw[:title_end], masked[:title_end]))
        if not title:
            return self._trouble(line.number, f"{line.quoted()} has no title; {ITEM_EXAMPLE}.")
        if minutes is not None:
            self.items.append(ParsedItem(line.number, title, minutes, kind, presenter, goal))
            self.steps.append([])
        return True

    def _minutes(self, line: Line, digits: str) -> int | None:
        low, high = ITEM_MINUTES
        if len(digits.lstrip("0")) > 6:
            self._trouble(line.number, f"That is more than {high} minutes; use {high} or fewer.")
            return None
        try:
            return parse_minutes(digits, low=low, high=high)
        except Unreadable as error:
            self._trouble(line.number, str(error))
            return None

    def _trouble(self, line: int, message: str) -> bool:
        self.item_trouble = True
        return self.problem(line, message)

    def _detail(self, line: Line, raw: str, masked: str, bulleted: bool) -> None:
        """An indented line under an item: a detail ("Goal: ...") or one of its steps."""
        item = self.items[-1]
        found = field_key(masked)
        name = DETAILS.get(found[0], "") if found else ""
        if found and name:
            self._item_detail(line, item, name, text_of(raw[found[1] :]))
        elif bulleted or self.steps_open:
            media = MEDIA_END.search(masked)
            title = text_of(raw[: media.start()] if media else raw)
            ranges = text_of(raw[media.start(1) : media.end(1)]) if media else ""
            if title:
                self.steps[-1].append(ParsedStep(title, ranges))
        else:
            self._trouble(
                line.number,
                f"{line.quoted()} is not a goal, presenter, kind, process, decision method or "
                'step of the item above; write details like "  - Goal: agree what it shows".',
            )

    def _item_detail(self, line: Line, item: ParsedItem, name: str, value: str) -> None:
        if name in ("steps", "process"):
            self.steps_open = True
        if name == "steps":
            return
        if name == "kind":
            kind = KINDS.get(value.strip("[]").casefold())
            if kind is None:
                self._trouble(line.number, kind_problem(value))
            else:
                self.items[-1] = replace(item, kind=kind.value)
        elif getattr(item, name):
            self._trouble(line.number, f"The item above already has a {name}; keep one.")
        else:
            changes: dict[str, Any] = {name: value}  # goal, presenter, process or method
            if name == "method":
                changes["method_line"] = line.number
            self.items[-1] = replace(item, **changes)

    def _role(self, number: int, raw: str, masked: str) -> None:
        """A role line; naming a role twice, or one this format does not know, is a problem."""
        role = role_line(number, raw, masked)
        if isinstance(role, str):
            self.problem(number, role)
            return
        key = role.label.casefold() if role.role == "custom" else role.role
        first = self.roles.setdefault(key, role)
        if first is not role:
            name = role.label or LABELS.get(role.role, role.role)
            self.problem(
                number, f"The {name} is given again (first on line {first.line}); keep one."
            )

    def _field(self, line: Line, raw: str, masked: str) -> bool:
        found = field_key(masked)
        if found is not None and found[0] in ROLES:
            if self.section == "goals":
                self.section = "header"
            self._role(line.number, raw, masked)
            return True
        name = FIELDS.get(found[0]) if found else None
        if found is None or name is None:
            return False
        value = raw[found[1] :]
        if self.section == "goals":
            self.section = "header"
        if name in ("goals", "agenda"):
            self.section = name
            if name == "goals" and text_of(value):
                self.goals.append(text_of(value))
            elif text_of(value):
                self.problem(
                    line.number,
                    'Put the agenda items on their own lines, like "- 10 min Budget review".',
                )
        elif name and self._claim(name, line.number):
            self._value(line.number, name, clean_line(unescape_markdown(value)))
        return True

    def _claim(self, name: str, number: int) -> bool:
        first = self.lines.setdefault(name, number)
        if first == number:
            return True
        label = LABELS.get(name, name)
        return not self.problem(
            number, f"The {label} is given again (first on line {first}); keep one."
        )

    def _value(self, number: int, name: str, value: str) -> None:
        if name == "date":
            self.date = self._read(number, lambda: parse_date(value, today=self.today))
        elif name == "time":
            span = RANGE.match(mask(value))
            if span is not None and self._claim("end", number):
                value, end = shared_suffix(value[: span.end(1)], value[span.start(2) :])
                self.end = self._read(number, lambda: parse_time(end))
            self.start = self._read(number, lambda: parse_time(value))
        elif name == "end":
            self.end = self._read(number, lambda: parse_time(value))
        elif name == "length":
            self.length = self._read(number, lambda: parse_length(value))
        else:
            self.text[name] = one_line(value)

    def _read(self, number: int, read: Callable[[], _T]) -> _T | None:
        try:
            return read()
        except Unreadable as error:
            self.problem(number, str(error))
        except ValueError:  # e.g. a number too long for int(); say so rather than crash
            self.problem(number, "That value cannot be read; write it like the examples.")
        return None

    def _unreadable(self, line: Line, masked: str, bulleted: bool) -> None:
        found = field_key(masked)
        if bulleted and (self.section == "agenda" or found is None):
            message = f"{line.quoted()} has no minutes; {ITEM_EXAMPLE}."
        elif found is not None:
            message = (
                f'"{found[0]}" is not a field this format knows; use Team, Date, Time, Length, '
                "Location, Purpose, Goals or a role (Facilitator, Recorder, Timekeeper, Chair)."
            )
        elif self.section == "agenda":
            message = f"{line.quoted()} is not an agenda item; {ITEM_EXAMPLE}."
        else:
            message = (
                f"{line.quoted()} is neither a field nor an agenda item; write fields like "
                '"Date: 2026-12-07" and items like "- 10 min Budget review".'
            )
        if bulleted or self.section == "agenda":
            self.item_trouble = True  # an item was meant: "no items" would say it twice
        self.problem(line.number, message)

    def result(self) -> ParsedAgenda:
        length = self._length()
        missing = (
            ("title", 'The agenda has no title; start it with a line like "# Team meeting".'),
            ("date", 'The agenda has no date; add a line like "Date: 2026-12-07".'),
            ("time", 'The agenda has no start time; add a line like "Time: 15:30".'),
        )
        for name, message in missing:
            if name not in self.lines:
                self.problem(0, message)
        if not self.items and not self.item_trouble:
            self.problem(0, self._no_items())
        return ParsedAgenda(
            title=self.text.get("title", ""),
            team=self.text.get("team", ""),
            date=self.date,
            time=self.start,
            length=length,
            location=self.text.get("location", ""),
            purpose=self.text.get("purpose", ""),
            goals=tuple(goal for goal in self.goals if goal),
            items=tuple(
                replace(i, steps=tuple(s)) for i, s in zip(self.items, self.steps, strict=True)
            ),
            roles=tuple(self.roles.values()),
            problems=tuple(sorted(self.problems, key=lambda p: p.line)),
            field_lines=dict(self.lines),
        )

    def _length(self) -> int | None:
        if self.start is None or self.end is None:
            return self.length
        where = self.lines["end"]
        span = (self.end.hour - self.start.hour) * 60 + self.end.minute - self.start.minute
        span %= 24 * 60
        low, high = MEETING_MINUTES
        if span == 0:
            self.problem(where, "The meeting ends when it starts; give a later end time.")
        elif self.length is None:
            return self._read(where, lambda: parse_minutes(str(span), low=low, high=high))
        elif self.length != span:
            self.problem(
                self.lines["length"],
                f"The length is {self.length} minutes but the times give {span}; make them agree.",
            )
        return self.length

    def _no_items(self) -> str:
        if any(ITEM.match(mask(goal)) for goal in self.goals):
            return (
                'The agenda has no items: the lines after "Goals" are read as goals; put '
                '"## Agenda" before the items.'
            )
        return (
            'The agenda has no items; list them under "## Agenda", like "- 10 min Budget review".'
        )
