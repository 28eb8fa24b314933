"""A team's action items across its meetings: open, overdue, done, by owner or by due
date, searched by text through the search index (in a thread worker); space marks the
highlighted one done (or open again)."""

from __future__ import annotations

import threading
from collections import deque
from datetime import date

from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from facilitator.domain.action_list import ActionFilter, ActionList, toggled_status
from facilitator.domain.enums import ActionStatus
from facilitator.domain.text import local, short_day_label
from facilitator.domain.text_filter import TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.action_list_actions import ACTION_LIST_ACTIONS
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.text_filtered import ListFailed, TextFiltered, TextFilteredScreen
from facilitator.ui.widgets.action_table import ActionTable, Group
from facilitator.ui.widgets.clamped_text import ClampedText

FILTERS = (
    ("1", ActionFilter.OPEN, "Open"),
    ("2", ActionFilter.OVERDUE, "Overdue"),
    ("3", ActionFilter.DONE, "Done"),
    ("4", ActionFilter.ALL, "All"),
)

EMPTY_SENTENCES = {
    ActionFilter.OPEN: "No open action items. Nice.",
    ActionFilter.OVERDUE: "Nothing is overdue: every open action item is on time.",
    ActionFilter.DONE: "Nothing is marked done yet. Press 1, highlight an item and press space.",
    ActionFilter.ALL: "No action items yet. A meeting records them at its close.",
}
"""What the list says when a filter shows nothing."""

TABLE_TITLES = {
    ActionFilter.OPEN: "Open action items",
    ActionFilter.OVERDUE: "Overdue action items",
    ActionFilter.DONE: "Done action items",
    ActionFilter.ALL: "All action items",
}


class ActionsLoaded(Message):
    """The action items were read, with the text filter of request `number` (see
    `ActionsFiltered`)."""

    def __init__(self, actions: ActionList, today: date, number: int, text: TextFilter) -> None:
        super().__init__()
        self.actions = actions
        self.today = today
        self.number = number
        self.text = text


class ActionsFiltered(TextFiltered):
    """The action items the search box's text finds, for request `number`."""


class ActionsFailed(ListFailed):
    """The action items could not be read; the sentence says why."""


class ActionMarked(Message):
    """An action item was saved as done or open again."""

    def __init__(self, what: str, status: str) -> None:
        super().__init__()
        self.what = what
        self.status = status


class ActionListScreen(TextFilteredScreen):
    """One team's action items (or every team's), filtered and grouped by keys."""

    CSS_PATH = "action_list.tcss"
    ACTIONS = ACTION_LIST_ACTIONS
    BINDINGS = bindings(ACTION_LIST_ACTIONS)
    AUTO_FOCUS = "#actions"
    SUB_TITLE = "Action items"
    TABLE = ActionTable
    LIST_ID = "actions"
    SEARCH_ID = "action-search"
    KIND = "action"
    FILTERED = ActionsFiltered
    FAILED = ActionsFailed

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__(team_id, team_name)
        self.actions: ActionList | None = None
        self.today: date | None = None
        self.view = ActionFilter.OPEN
        self.by_owner = False
        # Marked since the filter last changed: they stay in view, so a slip is undone
        # with the same key.
        self.kept: frozenset[int] = frozenset()
        # Saves run in the order the keys were pressed, whichever thread starts first.
        self._writes: deque[tuple[int, str, str]] = deque()
        self._write_lock = threading.Lock()

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the action items again (a reading already under way is ignored)."""
        self._load(*self.ask_reading())

    @work(thread=True, exclusive=True, group="action-list-load")
    def _load(self, number: int, typed: str) -> None:
        from facilitator.services.action_list import team_actions

        backend = self.app.backend
        today = local(backend.now(), backend.tz).date()
        try:
            actions = team_actions(backend.db, team_id=self.team_id, today=today, tz=backend.tz)
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(ActionsFailed(error.sentence))
            return
        self.post_message(ActionsLoaded(actions, today, number, text))

    def on_actions_loaded(self, message: ActionsLoaded) -> None:
        # While saves are pending, a later reading is on its way.
        if self._writes or not self.took_reading(message.number, message.text):
            return
        self.actions, self.today = message.actions, message.today
        self.team_name = message.actions.team_name or self.team_name
        self._show()

    # Showing ------------------------------------------------------------------------

    def _show(self) -> None:
        if self.actions is None or self.today is None:
            return
        self._show_heading(self.actions.counts_label())
        shown = self.actions.shown(self.view, keep=self.kept, text=self.text)
        groups: list[Group] = list(shown.by_owner()) if self.by_owner else [(None, shown.by_due())]
        table = self.query_one(ActionTable)
        table.border_title = f"{TABLE_TITLES[self.view]} · {len(shown.entries):,}"
        table.show(groups, self.today)
        searched = "Nothing matches; try other words, or 4 for all."
        sentence = searched if self._words().strip() else EMPTY_SENTENCES[self.view]
        self._show_rows_or(sentence, rows=bool(shown.entries))
        self._show_detail()

    def _show_filter(self) -> None:
        parts: list[Content | str | tuple[str, str]] = ["Show: "]
        for key, view, label in FILTERS:
            active = view == self.view
            parts += [(f"[{key} {label}]", "bold $accent") if active else (f"{key} {label}", "")]
            parts.append(" ")
        grouping = "owner (g: by due date)" if self.by_owner else "due date (g: by owner)"
        parts += ["· Grouped by ", grouping]
        self.query_one("#actions-filter", Static).update(join(*parts))

    def _show_detail(self) -> None:
        detail = self.query_one("#actions-detail", ClampedText)
        table = self.query_one(ActionTable)
        action_id = table.selected_id() if table.display else None
        entry = self.actions.get(action_id) if self.actions and action_id is not None else None
        detail.display = entry is not None
        if entry is None or self.today is None:
            return
        today = self.today
        facts = [f"Owner: {entry.owner_label}"]
        facts.append(f"due {short_day_label(entry.due, today)}" if entry.due else "no due date")
        if entry.overdue:
            facts.append("OVERDUE")
        if entry.done_at is not None and entry.is_done:
            done_day = local(entry.done_at, self.app.backend.tz).date()
            facts.append(f"done {short_day_label(done_day, today)}")
        elif entry.status == ActionStatus.DROPPED:
            facts.append("dropped")
        if entry.meeting_title is not None and entry.meeting_date is not None:
            meeting_day = short_day_label(entry.meeting_date, today)
            facts.append(f"from {entry.meeting_title} ({meeting_day})")
        if self.team_id is None:
            facts.append(entry.team_name)
        # Each keeps to two lines ("…" where cut): a long "what" no longer hides the owner.
        detail.show([(lit(entry.what, "bold"), 2), (lit(" · ".join(facts), "dim"), 2)])

    # Keys ---------------------------------------------------------------------------

    def _set_view(self, view: ActionFilter) -> None:
        self.view, self.kept = view, frozenset()
        self._show()

    def action_show_open(self) -> None:
        self._set_view(ActionFilter.OPEN)

    def action_show_overdue(self) -> None:
        self._set_view(ActionFilter.OVERDUE)

    def action_show_done(self) -> None:
        self._set_view(ActionFilter.DONE)

    def action_show_all(self) -> None:
        self._set_view(ActionFilter.ALL)

    def action_toggle_grouping(self) -> None:
        self.by_owner = not self.by_owner
        self._show_filter()
        self._show()

    def action_toggle_done(self) -> None:
        action_id = self.query_one(ActionTable).selected_id()
        entry = self.actions.get(action_id) if self.actions and action_id is not None else None
        if self.actions is None or entry is None or self.today is None:
            return
        status = toggled_status(entry.status)
        # Shown at once; the saved state replaces it when the list is read again.
        self.actions = self.actions.marked(
            entry.id, status, now=self.app.backend.now(), today=self.today
        )
        self.kept |= {entry.id}
        self._show()
        self._writes.append((entry.id, status, entry.what))
        self._save()

    @work(thread=True, group="action-list-save")
    def _save(self) -> None:
        from facilitator.services.closure_actions import set_action_status

        backend = self.app.backend
        with self._write_lock:
            action_id, status, what = self._writes[0]
            try:
                set_action_status(backend.db, action_id=action_id, status=status, now=backend.now())
            except FacilitatorError as error:
                self.app.notify(error.sentence, severity="error", markup=False)
                status = ""
            finally:
                self._writes.popleft()
        self.post_message(ActionMarked(what, status))

    def on_action_marked(self, message: ActionMarked) -> None:
        if message.status:
            said = "Marked done" if message.status == ActionStatus.DONE else "Open again"
            self.notify(f"{said}: {message.what}", markup=False)
        self.reload()
