"""A meeting's plan as people read it: header, roles, attendance, agenda with times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RoleLine:
    """Who holds a role."""

    role: str
    holder: str | None


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item with the time it starts if every item before keeps its time."""

    position: int
    starts_at: datetime
    title: str
    goal: str
    presenter: str | None
    minutes: int
    kind: str
    process: str | None
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingOverview:
    """Everything the meeting overview screen shows."""

    id: int
    team_name: str
    team_purpose: str
    title: str
    purpose: str
    goals: tuple[str, ...]
    scheduled_start: datetime
    planned_minutes: int
    location: str
    status: str
    roles: tuple[RoleLine, ...]
    attendees: tuple[str, ...]
    agenda: tuple[AgendaLine, ...]
    norms: tuple[str, ...]

    @property
    def agenda_minutes(self) -> int:
        return sum(line.minutes for line in self.agenda)


def start_times(start: datetime, minutes: Sequence[int]) -> list[datetime]:
    """When each item starts if all keep their planned minutes."""
    times = []
    moment = start
    for length in minutes:
        times.append(moment)
        moment += timedelta(minutes=length)
    return times


def goal_lines(goals: str) -> tuple[str, ...]:
    """A meeting's goals, stored one per line, as a tuple without blanks."""
    return tuple(line.strip() for line in goals.splitlines() if line.strip())
