"""What reading a Markdown agenda gives (see `domain.agenda_markdown`): the meeting's
fields, its items with their steps, and every line that could not be read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from facilitator.domain.enums import ItemKind
from facilitator.domain.planning import MEETING_MINUTES


@dataclass(frozen=True)
class Problem:
    """A line that cannot be read (`line` counts from 1; 0 is the file as a whole)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class ParsedStep:
    """A step listed under an item; `media_ranges` are a video segment's times."""

    title: str
    media_ranges: str = ""


@dataclass(frozen=True)
class ParsedItem:
    """An agenda item as read; `line` is where it was written."""

    line: int
    title: str
    minutes: int
    kind: str = ItemKind.DISCUSSION.value
    presenter: str = ""
    goal: str = ""
    process: str = ""
    steps: tuple[ParsedStep, ...] = ()
    method: str = ""
    """How it will be decided, as written (the import finds the method by its name)."""
    method_line: int = 0
    """Where `method` was written."""


@dataclass(frozen=True)
class ParsedRole:
    """A role line ("Facilitator: Dana"): `role` is a core role id or "custom" (with its
    `label`); `holder` is "" for an open role; `guest` when the file marks them "(guest)"."""

    line: int
    role: str
    holder: str
    label: str = ""
    guest: bool = False


@dataclass(frozen=True)
class ParsedAgenda:
    """Everything read from an agenda file; with `problems` it must not be saved.

    `length` is None when the file gives neither a length nor an end time;
    `field_lines` says on which line each header field was given.
    """

    title: str = ""
    team: str = ""
    date: date | None = None
    time: time | None = None
    length: int | None = None
    location: str = ""
    purpose: str = ""
    goals: tuple[str, ...] = ()
    items: tuple[ParsedItem, ...] = ()
    roles: tuple[ParsedRole, ...] = ()
    problems: tuple[Problem, ...] = ()
    field_lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def planned_minutes(self) -> int:
        """The length given, else the items' total (within a meeting's limits)."""
        if self.length is not None:
            return self.length
        low, high = MEETING_MINUTES
        return min(max(sum(item.minutes for item in self.items), low), high)
