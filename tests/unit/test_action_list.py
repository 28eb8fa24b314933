"""The rules of the action-item list: filters, grouping, and marking one done or open."""

from __future__ import annotations

from datetime import UTC, date, datetime

from facilitator.domain.action_list import (
    NO_OWNER,
    ActionEntry,
    ActionFilter,
    ActionList,
    toggled_status,
)

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def entry(
    action_id: int, owner: str = "", due: date | None = None, status: str = "open"
) -> ActionEntry:
    return ActionEntry(
        id=action_id,
        team_name="Team",
        what=f"Action {action_id}",
        owner=owner,
        owner_to_be_decided=False,
        due=due,
        status=status,
        done_at=None,
        meeting_title=None,
        meeting_date=None,
        overdue=status == "open" and due is not None and due < TODAY,
    )


LIST = ActionList(
    (
        entry(1, "ben", date(2026, 11, 20)),  # overdue
        entry(2, "Ana", date(2026, 11, 30)),
        entry(3, "", None),
        entry(4, "Ana", date(2026, 11, 10), status="done"),
        entry(5, "Ana", None, status="dropped"),
    )
)


def ids(entries: tuple[ActionEntry, ...] | list[ActionEntry]) -> list[int]:
    return [e.id for e in entries]


def test_filters() -> None:
    assert ids(LIST.shown(ActionFilter.OPEN).entries) == [1, 2, 3]
    assert ids(LIST.shown(ActionFilter.OVERDUE).entries) == [1]
    assert ids(LIST.shown(ActionFilter.DONE).entries) == [4]
    assert ids(LIST.shown(ActionFilter.ALL).entries) == [1, 2, 3, 4, 5]
    assert ids(LIST.shown(ActionFilter.DONE, keep=frozenset({2})).entries) == [2, 4]


def test_grouped_by_owner_name_then_by_due_date() -> None:
    groups = [(owner, ids(entries)) for owner, entries in LIST.by_owner()]
    assert groups == [("Ana", [4, 2, 5]), ("ben", [1]), (NO_OWNER, [3])]


def test_by_due_date_undated_last() -> None:
    assert ids(LIST.by_due()) == [4, 1, 2, 3, 5]


def test_marked_done_then_open_again() -> None:
    done = LIST.marked(1, toggled_status("open"), now=NOW, today=TODAY)
    marked = done.get(1)
    assert marked is not None and marked.is_done and marked.done_at == NOW and not marked.overdue
    assert done.counts_label() == "2 open, 0 overdue, 2 done"

    reopened = done.marked(1, toggled_status("done"), now=NOW, today=TODAY).get(1)
    assert reopened is not None and reopened.is_open and reopened.overdue
    assert reopened.done_at is None


def test_a_dropped_item_opens_again() -> None:
    assert toggled_status("dropped") == "open"
