"""The decision log: a team's decisions across its meetings (or every team's), newest
first; filtered by status, by review due and by method, searched by text through the
search index (in a thread worker, as the box changes and as the log is read again; a
stale reply is never shown over a newer one's); enter opens the full record."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Static

from facilitator.domain.decision_log import DecisionFilter, DecisionLog, LoggedDecision
from facilitator.domain.text import local
from facilitator.domain.text_filter import EVERYTHING, TextFilter
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.decision_log_actions import DECISION_LOG_ACTIONS
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.decision_table import DecisionTable, log_day, status_word
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

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


class DecisionsFiltered(Message):
    """The decisions the search box's text finds, for request `number`."""

    def __init__(self, number: int, text: TextFilter) -> None:
        super().__init__()
        self.number = number
        self.text = text


class DecisionsFailed(Message):
    """The decision log could not be read; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class EmptyLog(Static, can_focus=True):
    """What the log says when it shows nothing, in the table's place; it takes the focus
    while the table is hidden."""


class DecisionLogScreen(FreshScreen[None]):
    """One team's decisions (or every team's), filtered by keys and searched by text."""

    CSS_PATH = "decision_log.tcss"
    ACTIONS = DECISION_LOG_ACTIONS
    BINDINGS = bindings(DECISION_LOG_ACTIONS)
    AUTO_FOCUS = "#decisions"

    app: FacilitatorApp

    def __init__(self, team_id: int | None, team_name: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.team_name = team_name
        self.decisions: DecisionLog | None = None
        self.methods: dict[str, str] = {}
        self.today: date | None = None
        self.view = DecisionFilter.ALL
        self.method: str | None = None
        self.text = EVERYTHING
        """The decisions the search box's text finds (all while it is empty)."""
        self.asked = 0
        """The number of the latest reading or search; replies to earlier ones are dropped."""
        self.read_number = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(self._title("Loading…"), id="decisions-heading")
        yield Static(id="decisions-filter")
        yield Input(placeholder="Search (/)", id="decision-search", compact=True)
        yield DecisionTable(id="decisions")
        yield EmptyLog(id="decisions-empty", classes=PANEL)
        yield ClampedText(id="decisions-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Decision log"
        self.query_one("#decisions-empty").display = False
        self._show_filter()
        self.reload()

    # Reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the log again, and what the search box's text finds in it."""
        self.asked += 1
        self.read_number = self.asked
        self._load(self.asked, self._words())

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

    @work(thread=True, exclusive=True, group="decision-log-search")
    def _search(self, number: int, typed: str) -> None:
        """Find the decisions holding `typed` (the log itself is not read again)."""
        try:
            text = self._found(typed)
        except FacilitatorError as error:
            self.post_message(DecisionsFailed(error.sentence))
            return
        self.post_message(DecisionsFiltered(number, text))

    def _found(self, typed: str) -> TextFilter:
        from facilitator.services.text_filter import text_filter

        target = self.app.backend.db.target
        return text_filter(target, typed, kind="decision", team_id=self.team_id)

    def on_decisions_failed(self, message: DecisionsFailed) -> None:
        self.query_one("#decisions-heading", Static).update(lit(message.sentence, "bold"))

    def on_decisions_loaded(self, message: DecisionsLoaded) -> None:
        if message.number != self.read_number:
            return  # a later reading is on its way
        self.decisions, self.methods, self.today = message.decisions, message.methods, message.today
        if message.number == self.asked:
            self.text = message.text
        self.team_name = message.decisions.team_name or self.team_name
        self._show()

    def on_decisions_filtered(self, message: DecisionsFiltered) -> None:
        if message.number == self.asked:
            self.text = message.text
            self._show()

    # Showing ------------------------------------------------------------------------

    def _title(self, counts: str) -> Content:
        name = self.team_name if self.team_id is not None else "All teams"
        return join(lit(name or "Team", "bold"), " · ", counts)

    def _words(self) -> str:
        return self.query_one("#decision-search", Input).value

    def _show(self) -> None:
        if self.decisions is None:
            return
        heading = self._title(self.decisions.counts_label())
        self.query_one("#decisions-heading", Static).update(heading)
        self._show_filter()
        shown = self.decisions.shown(self.view, method=self.method, text=self.text)
        table = self.query_one(DecisionTable)
        table.border_title = f"Decisions · {len(shown.entries)}"
        table.show(shown.entries)
        empty = self.query_one("#decisions-empty", EmptyLog)
        filtered = self.method is not None or self._words().strip()
        empty.update(
            "Nothing matches; try other words, another method (m) or 4 for all."
            if filtered
            else EMPTY_SENTENCES[self.view]
        )
        in_list = self.focused in (table, empty, None)
        empty.display = not shown.entries
        table.display = bool(shown.entries)
        if in_list:
            # Focus stays with the list, never falls to the search field, where the
            # filter keys would type.
            self._focus_list()
        self._show_detail()

    def _focus_list(self) -> None:
        """Focus the table, or the sentence in its place while it shows nothing."""
        table = self.query_one(DecisionTable)
        (table if table.display else self.query_one("#decisions-empty", EmptyLog)).focus()

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

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#decisions")
    def _row_chosen(self) -> None:
        self.action_open_record()

    @on(Input.Changed, "#decision-search")
    def _search_changed(self) -> None:
        self.asked += 1
        if self._words().strip():
            self._search(self.asked, self._words())
        else:
            self.text = EVERYTHING  # at once: the whole log is in memory
            self._show()

    @on(Input.Submitted, "#decision-search")
    def _search_submitted(self) -> None:
        self._focus_list()

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

    def action_search(self) -> None:
        self.query_one("#decision-search", Input).focus()

    def action_open_record(self) -> None:
        from facilitator.ui.modals.logged_decision import LoggedDecisionModal

        entry = self._selected()
        if entry is None or self.today is None:
            return
        self.app.push_screen(LoggedDecisionModal(entry, self.today))

    def action_back(self) -> None:
        search = self.query_one("#decision-search", Input)
        if search.value:
            search.value = ""  # shown again at once (Input.Changed), focus with the list
            self._focus_list()
        else:
            self.dismiss()
