"""A team's action items across its meetings: open, done, overdue, by owner.

Plain values the action-item screen shows; `facilitator.services.action_list` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from facilitator.domain.enums import ActionStatus
from facilitator.domain.overview import is_overdue
from facilitator.domain.text_filter import EVERYTHING, TextFilter

NO_OWNER = "No owner yet"
"""The group of action items nobody has taken yet."""
OWNER_TO_BE_DECIDED = "Owner to be decided"
"""The group of action items the team said, on purpose, it would find an owner for later."""


@dataclass(frozen=True)
class ActionEntry:
    """One action item as the team's list shows it."""

    id: int
    team_name: str
    what: str
    owner: str
    """The member's name, or the name typed for someone outside the team; "" if none."""
    owner_to_be_decided: bool
    due: date | None
    status: str
    """An `ActionStatus` value: open, done or dropped."""
    done_at: datetime | None
    meeting_title: str | None
    """The meeting that recorded it (None when that meeting was deleted)."""
    meeting_date: date | None
    """The day that meeting was held (planned for, if it has not been)."""
    overdue: bool
    """Open and due before today."""

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN

    @property
    def is_done(self) -> bool:
        return self.status == ActionStatus.DONE

    @property
    def owner_label(self) -> str:
        """The owner's name, or which of the two owner-less groups it belongs to."""
        if self.owner:
            return self.owner
        return OWNER_TO_BE_DECIDED if self.owner_to_be_decided else NO_OWNER

    @property
    def status_label(self) -> str:
        """The Status column's word: "overdue" for an overdue open item."""
        return "overdue" if self.overdue else self.status


class ActionFilter(StrEnum):
    """Which action items the list shows."""

    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    ALL = "all"


@dataclass(frozen=True)
class ActionList:
    """A team's (or every active team's) action items, earliest due first."""

    entries: tuple[ActionEntry, ...]
    team_name: str | None = None
    """The team's name; None for the list of every team."""

    @property
    def open(self) -> tuple[ActionEntry, ...]:
        return tuple(e for e in self.entries if e.is_open)

    @property
    def done(self) -> tuple[ActionEntry, ...]:
        return tuple(e for e in self.entries if e.is_done)

    @property
    def overdue(self) -> tuple[ActionEntry, ...]:
        return tuple(e for e in self.entries if e.overdue)

    @property
    def open_count(self) -> int:
        return len(self.open)

    @property
    def done_count(self) -> int:
        return len(self.done)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    def counts_label(self) -> str:
        """E.g. "5 open, 2 overdue, 3 done"."""
        return f"{self.open_count:,} open, {self.overdue_count:,} overdue, {self.done_count:,} done"

    def shown(
        self,
        view: ActionFilter,
        *,
        keep: frozenset[int] = frozenset(),
        text: TextFilter = EVERYTHING,
    ) -> ActionList:
        """The entries `view` shows, plus those in `keep` (just marked, so they stay in
        view until the filter changes and a slip of the key can be undone), of those the
        text filter `text` keeps (the search index found them)."""
        wanted = {
            ActionFilter.OPEN: self.open,
            ActionFilter.OVERDUE: self.overdue,
            ActionFilter.DONE: self.done,
            ActionFilter.ALL: self.entries,
        }[view]
        ids = {e.id for e in wanted} | keep
        return replace(
            self, entries=tuple(e for e in self.entries if e.id in ids and text.keeps(e.id))
        )

    def by_due(self) -> list[ActionEntry]:
        """Earliest due first, undated last."""
        return sorted(self.entries, key=_due_order)

    def by_owner(self) -> list[tuple[str, list[ActionEntry]]]:
        """(owner, entries by due date) groups, owners by name; the items without an
        owner come last, in "No owner yet" and "Owner to be decided" groups."""
        groups: dict[str, list[ActionEntry]] = {}
        for entry in self.by_due():
            groups.setdefault(entry.owner_label, []).append(entry)
        placeholders = (NO_OWNER, OWNER_TO_BE_DECIDED)
        named = sorted((g for g in groups if g not in placeholders), key=str.casefold)
        order = named + [g for g in placeholders if g in groups]
        return [(owner, groups[owner]) for owner in order]

    def marked(self, action_id: int, status: str, *, now: datetime, today: date) -> ActionList:
        """The list as it will be once action item `action_id` has `status`."""
        return replace(
            self,
            entries=tuple(
                _with_status(e, status, now=now, today=today) if e.id == action_id else e
                for e in self.entries
            ),
        )

    def get(self, action_id: int) -> ActionEntry | None:
        return next((e for e in self.entries if e.id == action_id), None)


def toggled_status(status: str) -> str:
    """Space on the list: an open item becomes done; a done (or dropped) one opens again."""
    return ActionStatus.DONE if status == ActionStatus.OPEN else ActionStatus.OPEN


def _with_status(entry: ActionEntry, status: str, *, now: datetime, today: date) -> ActionEntry:
    is_open = status == ActionStatus.OPEN
    return replace(
        entry,
        status=status,
        done_at=now if status == ActionStatus.DONE else None,
        overdue=is_open and is_overdue(entry.due, today),
    )


def _due_order(entry: ActionEntry) -> tuple[bool, date, int]:
    return (entry.due is None, entry.due or date.min, entry.id)
