"""The decision log: a team's decisions across its meetings (or every team's), newest
first; filtered by status, by review due and by method, searched by text through the
search index (in a thread worker, as the box changes and as the log is read again; a
stale reply is never shown over a newer one's); enter opens the full record."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from facilitator.domain.decision_log import DecisionFilter, DecisionLog, LoggedDecision
from facilitator.domain.text import local
from facilitator.domain.text_filter import TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.decision_log_actions import DECISION_LOG_ACTIONS
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.text_filtered import ListFailed, TextFiltered, TextFilteredScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.decision_table import DecisionTable, log_day, status_word

FILTERS = (
    ("1", DecisionFilter.OPEN, "Open"),
    ("2", DecisionFilter.DECIDED, "Decided"),
    ("3", DecisionFilter.REVIEW_DUE, "Review due"),
    ("4", DecisionFilter.ALL, "All"),
)
EMPTY_SENTENCES = {
    DecisionFilter.OPEN: "No decision is waiting to be made.",
    DecisionFilter.DECIDED: "No decision has been made yet.",
    DecisionFilter.REVIEW_DUE: "No decision is due for review.",
    DecisionFilter.ALL: "No decisions yet. A meeting records them with d on its live screen.",
}
"""What the log says when a filter shows nothing."""


class DecisionsLoaded(Message):
    """The decision log was read, with the names of the methods the pack knows and the
    text filter of request `number` (see `DecisionsFiltered`)."""

    def __init__(
        self,
        decisions: DecisionLog,
        methods: dict[str, str],
        today: date,
        number: int,
        text: TextFilter,
    ) -> None:
        super().__init__()
        self.decisions = decisions
        self.methods = methods
        self.today = today
        self.number = number
        self.text = text


class DecisionsFiltered(TextFiltered):
    """The decisions the search box's text finds, for request `number`."""


class DecisionsFailed(ListFailed):
    """The decision log could not be read; the sentence says why."""


class DecisionLogScreen(TextFilteredScreen):
    """One team's decisions (or every team's), filtered by keys and searched by text."""

    CSS_PATH = "decision_log.tcss"
    ACTIONS = DECISION_LOG_ACTIONS
    BINDINGS = bindings(DECISION_LOG_ACTIONS)
    AUTO_FOCUS = "#decisions"
    SUB_TITLE = "Decision log"
    TABLE = DecisionTable
    LIST_ID = "decisions"
    SEARCH_ID = "decision-search"
    KIND = "decision"
    FILTERED = DecisionsFiltered
    FAILED = DecisionsFailed

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__(team_id, team_name)
        self.decisions: DecisionLog | None = None
        self.methods: dict[str, str] = {}
        self.today: date | None = None
        self.view = DecisionFilter.ALL
        self.method: str | None = None

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the log again, and what the search box's text finds in it."""
        self._load(*self.ask_reading())

    @work(thread=True, exclusive=True, group="decision-log-load")
    def _load(self, number: int, typed: str) -> None:
        """Read the log in a thread (the pack too: its method names)."""
        from facilitator.pack.deciding import method_names
        from facilitator.services.decision_log import decision_log

        backend = self.app.backend
        today = local(backend.now(), backend.tz).date()
        try:
            pack = backend.pack
            decisions = decision_log(
                backend.db, team_id=self.team_id, today=today, pack=pack, tz=backend.tz
            )
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(DecisionsFailed(error.sentence))
            return
        self.post_message(DecisionsLoaded(decisions, method_names(pack), today, number, text))

    def on_decisions_loaded(self, message: DecisionsLoaded) -> None:
        if not self.took_reading(message.number, message.text):
            return
        self.decisions, self.methods, self.today = message.decisions, message.methods, message.today
        self.team_name = message.decisions.team_name or self.team_name
        self._show()

    # Showing ------------------------------------------------------------------------

    def _show(self) -> None:
        if self.decisions is None:
            return
        self._show_heading(self.decisions.counts_label())
        shown = self.decisions.shown(self.view, method=self.method, text=self.text)
        table = self.query_one(DecisionTable)
        table.border_title = f"Decisions · {len(shown.entries):,}"
        table.show(shown.entries)
        filtered = self.method is not None or self._words().strip()
        self._show_rows_or(
            "Nothing matches; try other words, another method (m) or 4 for all."
            if filtered
            else EMPTY_SENTENCES[self.view],
            rows=bool(shown.entries),
        )
        self._show_detail()

    def _show_filter(self) -> None:
        parts: list[Content | str | tuple[str, str]] = ["Show: "]
        for key, view, label in FILTERS:
            active = view == self.view
            parts += [(f"[{key} {label}]", "bold $accent") if active else (f"{key} {label}", "")]
            parts.append(" ")
        method = self.methods.get(self.method, self.method) if self.method else "any"
        parts += ["· Method: ", (method, "bold" if self.method else "")]
        self.query_one("#decisions-filter", Static).update(join(*parts))

    def _show_detail(self) -> None:
        detail = self.query_one("#decisions-detail", ClampedText)
        entry = self._selected()
        detail.display = entry is not None
        if entry is None:
            return
        facts = [entry.method_label, status_word(entry)]
        if entry.line.review_on is not None:
            facts.append(f"review {log_day(entry.line.review_on)}")
        facts.append(f"{entry.meeting_title} ({log_day(entry.meeting_date)})")
        if self.team_id is None:
            facts.append(entry.team_name)
        outcome = entry.line.outcome.strip()
        detail.show(
            [
                (lit(entry.line.question, "bold"), 2),
                (lit(f"Outcome: {outcome}") if outcome else lit("No outcome recorded.", "dim"), 2),
                (lit(" · ".join(facts), "dim"), 2),
            ]
        )

    def _selected(self) -> LoggedDecision | None:
        """The decision under the table's cursor, if the table shows any."""
        table = self.query_one(DecisionTable)
        decision_id = table.selected_id() if table.display else None
        if self.decisions is None or decision_id is None:
            return None
        return self.decisions.get(decision_id)

    @on(DataTable.RowSelected, "#decisions")
    def _row_chosen(self) -> None:
        self.action_open_record()

    # Keys ---------------------------------------------------------------------------

    def _set_view(self, view: DecisionFilter) -> None:
        self.view = view
        self._show()

    def action_show_open(self) -> None:
        self._set_view(DecisionFilter.OPEN)

    def action_show_decided(self) -> None:
        self._set_view(DecisionFilter.DECIDED)

    def action_show_review_due(self) -> None:
        self._set_view(DecisionFilter.REVIEW_DUE)

    def action_show_all(self) -> None:
        self._set_view(DecisionFilter.ALL)

    def action_next_method(self) -> None:
        """Any method, then each of the pack's in its order, then any again."""
        order: list[str | None] = [None, *self.methods]
        at = order.index(self.method) if self.method in order else 0
        self.method = order[(at + 1) % len(order)]
        self._show()

    def action_open_record(self) -> None:
        from facilitator.ui.modals.logged_decision import LoggedDecisionModal

        entry = self._selected()
        if entry is None or self.today is None:
            return
        self.app.push_screen(LoggedDecisionModal(entry, self.today))
