"""Plain values the home screen and `facilitator list` show, and the rules behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

MINUTES_DUE_WITHIN = timedelta(hours=48)
"""The recorder sends the minutes within 48 hours (guidebook, the recorder's duties)."""


@dataclass(frozen=True)
class TeamSummary:
    """A team as listed on the home screen."""

    id: int
    name: str
    purpose: str
    member_count: int


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as listed on the home screen and by `facilitator list`."""

    id: int
    team_id: int
    team_name: str
    title: str
    scheduled_start: datetime
    planned_minutes: int
    location: str
    status: str
    closed_at: datetime | None = None
    minutes_sent_at: datetime | None = None
    held_at: datetime | None = None
    """When its clock first started; it is dated by that day from then on
    (`facilitator.domain.meeting_date`)."""
    minutes_corrected_at: datetime | None = None
    evaluated: bool | None = None
    """Whether anyone has answered an evaluation of it (None: not looked up)."""


@dataclass(frozen=True)
class ActionSummary:
    """An open action item as listed on the home screen."""

    id: int
    team_name: str
    what: str
    owner: str | None
    due_date: date | None


@dataclass(frozen=True)
class HomeOverview:
    """Everything the home screen shows, for all teams or one."""

    teams: tuple[TeamSummary, ...]
    team_id: int | None
    upcoming: tuple[MeetingSummary, ...]
    recent: tuple[MeetingSummary, ...]
    open_actions: tuple[ActionSummary, ...]
    open_action_count: int
    overdue_action_count: int
    open_parking_count: int
    review_due_count: int = 0
    """Decisions whose review date has come and whose review is on no agenda yet."""
    review_due: tuple[str, ...] = ()
    """The questions of the first few of them, the earliest review date first."""


def is_overdue(due_date: date | None, today: date) -> bool:
    """An action item is overdue once its due date has passed without it being done."""
    return due_date is not None and due_date < today


class MinutesState(StrEnum):
    """Where a meeting's minutes stand against the 48-hour rule."""

    NOT_CLOSED = "not_closed"
    DUE = "due"
    OVERDUE = "overdue"
    SENT = "sent"


def minutes_state(
    closed_at: datetime | None,
    sent_at: datetime | None,
    now: datetime,
    *,
    corrected_at: datetime | None = None,
) -> tuple[MinutesState, timedelta]:
    """The minutes' state and the time left (negative once overdue) before 48 hours pass.

    Corrected minutes (reopened and closed again) are new minutes: a sending before the
    correction does not count, and the 48 hours run from the correction."""
    if sent_since_correction(sent_at, corrected_at):
        return MinutesState.SENT, timedelta(0)
    if closed_at is None:
        return MinutesState.NOT_CLOSED, timedelta(0)
    due_from = max(closed_at, corrected_at) if corrected_at is not None else closed_at
    left = due_from + MINUTES_DUE_WITHIN - now
    return (MinutesState.DUE if left >= timedelta(0) else MinutesState.OVERDUE), left


def sent_since_correction(sent_at: datetime | None, corrected_at: datetime | None) -> bool:
    """Whether the minutes as they stand went out: sent, and not corrected since."""
    return sent_at is not None and (corrected_at is None or sent_at >= corrected_at)
