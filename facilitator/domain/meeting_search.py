"""Finding a meeting by the words of its title or its team's name (the command palette)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MeetingMatch:
    """A meeting found by its words, with what the palette needs to name and open it."""

    id: int
    title: str
    team_name: str
    status: str
    day: date
    """The day it was held, or is planned for if it has not started."""


def like_pattern(word: str) -> str:
    """A `LIKE` pattern finding `word` anywhere, its `%`, `_` and the escape character
    itself taken literally (the statement says `ESCAPE '\\'`)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
