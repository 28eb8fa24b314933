"""A meeting's plan as people read it: header, roles, attendance, agenda with times.

One value serves every screen and export that shows a plan (the planning screen, the
read-only overview, the agenda export), so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Person:
    """A team member (with an id) or a guest (without one)."""

    name: str
    member_id: int | None = None

    @property
    def is_guest(self) -> bool:
        return self.member_id is None


@dataclass(frozen=True)
class RoleLine:
    """Who holds a role: `role` is a content-pack role id or "custom"."""

    id: int
    role: str
    label: str
    holder: Person | None
    focus: str = ""


@dataclass(frozen=True)
class Attendee:
    """Someone expected at the meeting, and whether they came."""

    id: int
    person: Person
    status: str


@dataclass(frozen=True)
class StepLine:
    """A step of an item's process: a protocol step or a video segment."""

    id: int
    title: str
    detail: str = ""
    planned_minutes: int | None = None
    media_ranges: str = ""


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item with the time it starts if every item before keeps its time."""

    id: int
    position: int
    starts_at: datetime
    title: str
    goal: str
    presenter: Person | None
    minutes: int
    kind: str
    process_id: str | None = None
    process: str | None = None
    notes: str = ""
    steps: tuple[StepLine, ...] = ()
    carried_from: str | None = None
    decision_method: str | None = None
    """For a decision item: the method planned (a DecisionMethod value)."""
    decision_method_name: str | None = None
    """The planned method's name from the content pack ("Consensus")."""
    continuum_point: int | None = None
    """The continuum point planned with the method."""
    decision_reason: str = ""
    """Why that method ("How should we decide?"'s reason), when it gave it."""


@dataclass(frozen=True)
class MeetingPlan:
    """Everything about a meeting's plan, with names resolved."""

    id: int
    team_id: int
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
    attendees: tuple[Attendee, ...]
    agenda: tuple[AgendaLine, ...]
    norms: tuple[str, ...]
    members: tuple[Person, ...] = ()
    held_at: datetime | None = None
    """When its clock first started; it is dated by that day from then on
    (`facilitator.domain.meeting_date`)."""

    @property
    def agenda_minutes(self) -> int:
        return sum(line.minutes for line in self.agenda)

    @property
    def minutes_over(self) -> int:
        """How far the agenda runs past the planned length (0 when it fits)."""
        return max(0, self.agenda_minutes - self.planned_minutes)

    @property
    def ends_at(self) -> datetime:
        return self.scheduled_start + timedelta(minutes=self.planned_minutes)


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
