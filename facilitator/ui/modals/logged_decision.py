"""One decision of the log, in full: the facts the minutes give (the same functions
write them, `facilitator.render.minutes_decision`), the meeting it was taken in, and
where its review stands."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from facilitator.domain.decision_log import LoggedDecision
from facilitator.domain.text import day_label
from facilitator.render.minutes_decision import decision_after, decision_fields, decision_texts
from facilitator.render.minutes_parts import Field
from facilitator.ui.literal import lit
from facilitator.ui.widgets.keys_footer import KeysFooter


def review_words(entry: LoggedDecision, today: date) -> str:
    """Where the review stands: on an agenda, due, or still to come ("" with no review
    date)."""
    review_on = entry.line.review_on
    if review_on is None:
        return ""
    if entry.review_meeting is not None:
        return f"On the agenda of {entry.review_meeting}."
    if entry.review_due:
        return "Due: carry it forward in the plan of the team's next meeting."
    days = (review_on - today).days
    return f"In {days} day{'s' if days != 1 else ''}."


class LoggedDecisionModal(ModalScreen[None]):
    """The full record of a decision; escape, enter or q closes it."""

    DEFAULT_CSS = """
    LoggedDecisionModal { align: center middle; }
    LoggedDecisionModal > VerticalScroll {
        width: 94%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; border-title-color: $accent;
        background: $surface; padding: 0 1;
    }
    LoggedDecisionModal #record-question { text-style: bold; }
    LoggedDecisionModal #record-meeting { color: $text-muted; margin-bottom: 1; }
    LoggedDecisionModal Grid {
        grid-size: 2; grid-columns: 17 1fr; grid-rows: auto; height: auto;
    }
    LoggedDecisionModal .label { text-style: bold; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, entry: LoggedDecision, today: date) -> None:
        super().__init__()
        self.entry = entry
        self.today = today

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll() as scroll:
            scroll.border_title = "Decision"
            yield Static(lit(entry.line.question or "(no question)"), id="record-question")
            meeting = f"{entry.meeting_title} · {day_label(entry.meeting_date)} · {entry.team_name}"
            yield Static(lit(f"Taken in {meeting}"), id="record-meeting")
            with Grid(id="record-fields"):
                yield from self._rows(self.fields())
        yield KeysFooter()

    def fields(self) -> list[Field]:
        """Every fact shown, label and value, in order: as the minutes give them, then
        where the review stands."""
        line = self.entry.line
        fields = [*decision_fields(line), *decision_texts(line), *decision_after(line)]
        if not line.method:
            fields.insert(0, ("Method", "not recorded"))
        review = review_words(self.entry, self.today)
        return fields + ([("Review", review)] if review else [])

    @staticmethod
    def _rows(fields: list[Field]) -> Iterator[Widget]:
        for label, value in fields:
            yield Static(lit(label), classes="label")
            yield Static(_value(value), classes="value")

    def action_close(self) -> None:
        self.dismiss()


def _value(text: str) -> Content:
    """A value as typed, its lines kept (an outcome or rationale may have several)."""
    return lit(text.strip("\n"))
