"""Agendas written as Markdown: the import format, read forgivingly, and the escaping
the Markdown export uses so that what it writes reads back the same.

The format is documented in the README ("Agendas in and out"). In short: the first "# "
line is the title; "Key: value" lines give Team, Date, Time, Length, Location, Purpose
and Goals (any case, with or without a bullet or bold); under "## Agenda" each item is a
list line that starts with its minutes: "- 10 min Budget review - goal: choose two (Ana)
[decision]", with optional indented details and steps below it. Blank lines, <!--
comments -->, > quotes and "## Roles" / "## Norms" sections are skipped. Text is
Markdown: a backslash before punctuation, or an entity such as &#8212;, stands for the
character itself, never for structure.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any, TypeVar

from facilitator.domain.agenda_parsed import ParsedAgenda as ParsedAgenda
from facilitator.domain.agenda_parsed import ParsedItem as ParsedItem
from facilitator.domain.agenda_parsed import ParsedStep as ParsedStep
from facilitator.domain.agenda_parsed import Problem as Problem
from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.enums import ItemKind
from facilitator.domain.planning import ITEM_MINUTES, MEETING_MINUTES
from facilitator.domain.timeparse import Unreadable, parse_date, parse_minutes, parse_time

_T = TypeVar("_T")

# Escaping (shared with the Markdown export) ---------------------------------------------

_PUNCTUATION = r"!-/:-@\[-`{-~"  # ASCII punctuation: what CommonMark lets a backslash escape
_LITERAL = re.compile(
    rf"\\([{_PUNCTUATION}])|&(#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
)
_INLINE = re.compile(r"[\\`*_\[\]<>()#|~&!]")
_LONE_DASH = re.compile(r"(?:(?<=\s)|^)-|-(?=\s|$)")
_LONE_WIDE_DASH = re.compile(r"(?:(?<=\s)|^)[—–]|[—–](?=\s|$)")
_GOAL_LABEL = re.compile(r"(?i)\b(goal\s*):")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([+=])")


def one_line(text: str) -> str:
    """`text` with every run of whitespace (line breaks too) as one space, trimmed."""
    return " ".join(text.split())


def escape_markdown(text: str) -> str:
    """`text` on one line, written so that a CommonMark viewer shows it literally and
    `parse_agenda` reads it back as text, never as structure."""
    value = _INLINE.sub(lambda m: "\\" + m[0], one_line(text))
    value = _LONE_DASH.sub(r"\\-", value)
    value = _LONE_WIDE_DASH.sub(lambda m: f"&#{ord(m[0])};", value)
    value = _GOAL_LABEL.sub(r"\1\\:", value)
    value = "".join(f"&#{ord(c)};" if _is_control(c) else c for c in value)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", value)


def unescape_markdown(text: str) -> str:
    """Backslash escapes and entities replaced by the characters they stand for."""
    return _LITERAL.sub(_literal, text)


def _literal(match: re.Match[str]) -> str:
    if match[1] is not None:
        return match[1]
    name = match[2]
    if name[0] != "#":
        return html.unescape(match[0])
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _mask(text: str) -> str:
    """`text` with escapes and entities blanked out (same length), so that the patterns
    below see only the structure the writer meant."""
    return _LITERAL.sub(lambda m: "\x00" * len(m[0]), text)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0


# Patterns (matched against masked text) ---------------------------------------------------

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z /]{0,30}?)[ \t]*:(?P<value>.*)$")
_BOLD_KEY = re.compile(
    r"^(\*\*|__)(?P<key>[A-Za-z][A-Za-z /]{0,30}?)[ \t]*(?::\1|\1[ \t]*:)(?P<value>.*)$"
)
_ITEM = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}[ \t]*(?:[·|,][ \t]*|[—–-][ \t]+)?)?"
    r"(?P<minutes>\d+)[ \t]*(?:minutes|minute|mins|min|m)\b\.?"
    r"[ \t]*(?:[·|,:][ \t]*|[—–-][ \t]+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
_KIND_END = re.compile(r"\[([^\[\]]*)\][ \t]*$")
_PRESENTER_END = re.compile(r"\(([^()]*)\)[ \t]*$")
_GOAL_SPLIT = re.compile(
    r"[ \t]+[—–-][ \t]+(?:goal[ \t]*:[ \t]*)?|[,;]?[ \t]+goal[ \t]*:[ \t]*", re.I
)
_MEDIA_END = re.compile(r"[ \t]*\((?:video|clip)[ \t]+([^()]*)\)[ \t]*$", re.I)
_RANGE = re.compile(r"^(.+?)[ \t]*(?:[—–-]|\bto\b|\buntil\b)[ \t]*(.+)$", re.I)
_HOURS = re.compile(
    r"^(\d{1,3})[ \t]*(?:h|hr|hrs|hour|hours)(?![A-Za-z])"
    r"(?:[ \t]*(\d{1,3})[ \t]*(?:m|min|mins|minutes)?)?\.?$",
    re.I,
)
_MERIDIEM = re.compile(r"[ \t]*(?:am|pm|a\.m\.|p\.m\.)$", re.I)
_COMMENT = re.compile(rf"\\[{_PUNCTUATION}]|<!--(?:.*?-->|.*\Z)", re.DOTALL)
_INNER_SPACE = re.compile(r"(?<=[^ \t])[ \t]{2,}")


def _aliases(**names: str) -> dict[str, str]:
    """{alias: name} from name="alias, alias"."""
    return {alias.strip(): name for name, aliases in names.items() for alias in aliases.split(",")}


KINDS = {
    alias: ItemKind(name)
    for alias, name in _aliases(
        information="information, info",
        discussion="discussion, discuss",
        decision="decision, decide",
    ).items()
}
FIELDS = _aliases(
    title="title, meeting",
    team="team",
    date="date, day",
    time="time, start, starts, start time",
    end="end, ends, end time",
    length="length, duration",
    location="location, place, room, where",
    purpose="purpose",
    goals="goals, goal",
    agenda="agenda",
)
FIELDS |= {"total": "", "team purpose": ""}  # the export's own lines: read, and left alone
DETAILS = _aliases(
    goal="goal",
    presenter="presenter, presented by, who",
    kind="kind, type",
    process="process, protocol",
    steps="steps",
)
SECTIONS = {"goal": "goals", "outcome": "goals", "agenda": "agenda", "item": "agenda"}
SKIPPED_SECTIONS = ("role", "norm")
LABELS = {"time": "start time", "end": "end time"}
ITEM_EXAMPLE = 'write it like "- 10 min Budget review"'


@dataclass(frozen=True)
class _Line:
    number: int
    raw: str
    masked: str

    @property
    def indent(self) -> int:
        lead = self.raw[: len(self.raw) - len(self.raw.lstrip(" \t"))]
        return len(lead.expandtabs(4))

    def body(self) -> tuple[str, str, bool]:
        """The line without its list marker (raw, masked) and whether it had one."""
        bullet = _BULLET.match(self.masked)
        start = bullet.end() if bullet else len(self.raw) - len(self.raw.lstrip(" \t"))
        return self.raw[start:].rstrip(), self.masked[start:].rstrip(), bullet is not None

    def quoted(self) -> str:
        text = one_line(self.raw)
        return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


# Reading ---------------------------------------------------------------------------------


def parse_agenda(text: str, *, today: date) -> ParsedAgenda:
    """Read an agenda file; every line that cannot be read becomes a Problem (this never
    raises). `today` completes dates written without a year."""
    cleaned, unclosed = _without_comments(_newlines(text))
    reader = _Reader(today)
    if unclosed:
        reader.problem(unclosed, 'This comment is never closed; end it with "-->".')
    for number, raw in enumerate(cleaned.split("\n"), start=1):
        # A run of spaces inside a line means one space (the text is read as one line
        # anyway); squeezing it first keeps every pattern below linear in the line's
        # length, where a long run made them backtrack quadratically.
        squeezed = _INNER_SPACE.sub(" ", raw)
        reader.read(_Line(number, squeezed, _mask(squeezed)))
    return reader.result()


def _newlines(text: str) -> str:
    # Line breaks as "\n" and no control characters, so a problem quoting a line is clean.
    return clean_text(text.removeprefix("\ufeff"))


def _without_comments(text: str) -> tuple[str, int]:
    """`text` without <!-- comments --> (their line breaks kept, so line numbers hold), and
    the line of a comment that is never closed (0 when there is none)."""
    unclosed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal unclosed
        token = match[0]
        if not token.startswith("<!--"):
            return token
        if not (token.endswith("-->") and len(token) >= 7) and not unclosed:
            unclosed = text.count("\n", 0, match.start()) + 1
        return "\n" * token.count("\n")

    return _COMMENT.sub(drop, text), unclosed


def _key(masked: str) -> tuple[str, int] | None:
    """The key of a "Key: value" line (bold or not) and where its value starts."""
    match = _BOLD_KEY.match(masked) or _KEY.match(masked)
    if match is None:
        return None
    return " ".join(match["key"].split()).casefold(), match.start("value")


def _section(heading: str) -> str:
    """The section a heading opens: goals, agenda, skip (roles, norms) or "" (unknown)."""
    for word in heading.casefold().split():
        if word.startswith(SKIPPED_SECTIONS):
            return "skip"
        for stem, section in SECTIONS.items():
            if word.startswith(stem):
                return section
    return ""


def _parse_length(text: str) -> int:
    low, high = MEETING_MINUTES
    value = text.strip()
    if match := _HOURS.match(value):
        value = str(int(match[1]) * 60 + int(match[2] or 0))
    return parse_minutes(value, low=low, high=high)


def _text(raw: str) -> str:
    # Cleaned after unescaping: an entity such as &#27; stands for a control character.
    return one_line(clean_line(unescape_markdown(raw)))


class _Reader:
    """What has been read so far, line by line, and what could not be read."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.section = "header"  # header, goals, agenda or skip
        self.text: dict[str, str] = {}
        self.date: date | None = None
        self.start: time | None = None
        self.end: time | None = None
        self.length: int | None = None
        self.goals: list[str] = []
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

    def read(self, line: _Line) -> None:
        if not line.raw.strip() or _RULE.match(line.masked) or line.masked.lstrip().startswith(">"):
            return  # blank lines, rules and > quotes are for the people reading
        if heading := _HEADING.match(line.masked):
            self._heading(line, heading)
            return
        raw, masked, bulleted = line.body()
        if self.section == "skip" or not masked.strip():
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

    def _heading(self, line: _Line, match: re.Match[str]) -> None:
        text = _text(line.raw[match.start(2) : match.end(2)]) if match[2] is not None else ""
        if len(match[1]) == 1 and "title" not in self.lines:
            if text:
                self._claim("title", line.number)
                self.text["title"] = text
            self.section = "header"
            return
        section = _section(text)
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
        found = None if bulleted else _key(masked)
        if found is not None and found[0] in FIELDS:
            return False  # a field after the goals ends them
        self.goals.append(_text(raw))
        return True

    def _item(self, line: _Line, raw: str, masked: str) -> bool:
        match = _ITEM.match(masked)
        if match is None:
            return False
        self.section, self.item_indent, self.steps_open = "agenda", line.indent, False
        minutes = self._minutes(line, match["minutes"])
        rest = match.start("rest")
        ending = _item_ending(raw[rest:], masked[rest:])
        if isinstance(ending, str):
            return self._trouble(line.number, ending)
        raw, masked, kind, presenter = ending
        split = _GOAL_SPLIT.search(masked)
        title_end = split.start() if split else len(masked)
        goal = _text(raw[split.end() :]) if split else ""
        title = _text(_unbold(raw[:title_end], masked[:title_end]))
        if not title:
            return self._trouble(line.number, f"{line.quoted()} has no title; {ITEM_EXAMPLE}.")
        if minutes is not None:
            self.items.append(ParsedItem(line.number, title, minutes, kind, presenter, goal))
            self.steps.append([])
        return True

    def _minutes(self, line: _Line, digits: str) -> int | None:
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

    def _detail(self, line: _Line, raw: str, masked: str, bulleted: bool) -> None:
        """An indented line under an item: a detail ("Goal: ...") or one of its steps."""
        item = self.items[-1]
        found = _key(masked)
        name = DETAILS.get(found[0], "") if found else ""
        if found and name:
            self._item_detail(line, item, name, _text(raw[found[1] :]))
        elif bulleted or self.steps_open:
            media = _MEDIA_END.search(masked)
            title = _text(raw[: media.start()] if media else raw)
            ranges = _text(raw[media.start(1) : media.end(1)]) if media else ""
            if title:
                self.steps[-1].append(ParsedStep(title, ranges))
        else:
            self._trouble(
                line.number,
                f"{line.quoted()} is not a goal, presenter, kind, process or step of the item "
                'above; write details like "  - Goal: agree what it shows".',
            )

    def _item_detail(self, line: _Line, item: ParsedItem, name: str, value: str) -> None:
        if name in ("steps", "process"):
            self.steps_open = True
        if name == "steps":
            return
        if name == "kind":
            kind = KINDS.get(value.strip("[]").casefold())
            if kind is None:
                self._trouble(line.number, _kind_problem(value))
            else:
                self.items[-1] = replace(item, kind=kind.value)
        elif getattr(item, name):
            self._trouble(line.number, f"The item above already has a {name}; keep one.")
        else:
            changes: dict[str, Any] = {name: value}  # goal, presenter or process
            self.items[-1] = replace(item, **changes)

    def _field(self, line: _Line, raw: str, masked: str) -> bool:
        found = _key(masked)
        name = FIELDS.get(found[0]) if found else None
        if found is None or name is None:
            return False
        value = raw[found[1] :]
        if self.section == "goals":
            self.section = "header"
        if name in ("goals", "agenda"):
            self.section = name
            if name == "goals" and _text(value):
                self.goals.append(_text(value))
            elif _text(value):
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
            span = _RANGE.match(_mask(value))
            if span is not None and self._claim("end", number):
                value, end = _shared_suffix(value[: span.end(1)], value[span.start(2) :])
                self.end = self._read(number, lambda: parse_time(end))
            self.start = self._read(number, lambda: parse_time(value))
        elif name == "end":
            self.end = self._read(number, lambda: parse_time(value))
        elif name == "length":
            self.length = self._read(number, lambda: _parse_length(value))
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

    def _unreadable(self, line: _Line, masked: str, bulleted: bool) -> None:
        found = _key(masked)
        if bulleted and (self.section == "agenda" or found is None):
            message = f"{line.quoted()} has no minutes; {ITEM_EXAMPLE}."
        elif found is not None:
            message = (
                f'"{found[0]}" is not a field this format knows; use Team, Date, Time, Length, '
                "Location, Purpose or Goals."
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
        if any(_ITEM.match(_mask(goal)) for goal in self.goals):
            return (
                'The agenda has no items: the lines after "Goals" are read as goals; put '
                '"## Agenda" before the items.'
            )
        return (
            'The agenda has no items; list them under "## Agenda", like "- 10 min Budget review".'
        )


def _item_ending(raw: str, masked: str) -> tuple[str, str, str, str] | str:
    """The item text without the kind and presenter at its end, with them: (raw, masked,
    kind, presenter), or the sentence saying why the kind cannot be read."""
    kind, presenter = ItemKind.DISCUSSION.value, ""
    seen: set[str] = set()
    for _ in range(2):
        if "kind" not in seen and (match := _KIND_END.search(masked)):
            word = _text(raw[match.start(1) : match.end(1)])
            found = KINDS.get(word.casefold())
            if found is None:
                return _kind_problem(word)
            kind, seen = found.value, seen | {"kind"}
        elif "presenter" not in seen and (match := _PRESENTER_END.search(masked)):
            presenter, seen = _text(raw[match.start(1) : match.end(1)]), seen | {"presenter"}
        else:
            break
        end = len(masked[: match.start()].rstrip())
        raw, masked = raw[:end], masked[:end]
    return raw, masked, kind, presenter


def _shared_suffix(start: str, end: str) -> tuple[str, str]:
    """ "3-4pm" means 3pm to 4pm: the start takes the end's am/pm when that makes a
    span of twelve hours or less."""
    suffix = _MERIDIEM.search(end)
    if suffix is None or _MERIDIEM.search(start):
        return start, end
    try:
        first, last = parse_time(start + suffix[0]), parse_time(end)
    except Unreadable:
        return start, end
    span = (last.hour - first.hour) * 60 + last.minute - first.minute
    return (start + suffix[0], end) if 0 < span <= 12 * 60 else (start, end)


def _unbold(raw: str, masked: str) -> str:
    """A title without the ** the export puts around it."""
    bold = len(masked) >= 5 and masked.startswith("**") and masked.endswith("**")
    return raw[2:-2] if bold else raw


def _kind_problem(word: str) -> str:
    return f'"[{word}]" is not a kind of item; use [information], [discussion] or [decision].'
