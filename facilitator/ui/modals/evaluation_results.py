"""A meeting's evaluation results, as `facilitator evaluation` writes them, with its
deltas a key away from being next steps: p puts the highlighted delta on the team's
parking lot, g on the agenda of the team's next planned meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.render.evaluation import evaluation_markdown
from facilitator.services.evaluation_minutes import (
    evaluation_in_minutes,
    set_evaluation_in_minutes,
)
from facilitator.services.evaluation_results import MeetingEvaluation
from facilitator.services.evaluation_steps import delta_to_next_agenda, park_delta
from facilitator.ui.literal import lit
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp


class EvaluationResults(ModalScreen[None]):
    DEFAULT_CSS = """
    EvaluationResults { align: center middle; }
    EvaluationResults > Vertical {
        width: 90%; max-width: 110; height: 90%;
        border: round $accent; border-title-color: $accent; background: $surface;
    }
    EvaluationResults VerticalScroll { height: 1fr; }
    EvaluationResults #deltas { height: auto; max-height: 6; margin: 0 1; }
    EvaluationResults .form-label { text-style: bold; padding: 0 1; }
    """
    BINDINGS = [
        Binding("p", "park", "Delta to parking lot"),
        Binding("g", "agenda", "Delta to next agenda"),
        Binding("m", "minutes", "In the minutes"),
        Binding("n", "new", "New evaluation"),
        Binding("t", "trends", "Team trends"),
        Binding("escape", "close", "Close"),
        Binding("pageup", "scroll_results(-1)", "Scroll up", show=False, priority=True),
        Binding("pagedown", "scroll_results(1)", "Scroll down", show=False, priority=True),
    ]

    app: FacilitatorApp

    def __init__(
        self, evaluation: MeetingEvaluation, new: Callable[[], object] | None = None
    ) -> None:
        super().__init__()
        self.evaluation = evaluation
        self.new = new
        """Sets up another evaluation of the meeting (n), where one can be."""
        self.included = True
        """Whether the meeting's minutes carry the results (m changes it)."""
        self.deltas = [
            comment.text
            for result in evaluation.results
            for comment in result.comments
            if comment.item.id == "delta"
        ]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = lit(f"Evaluation: {self.evaluation.title}")
            with VerticalScroll():
                yield Markdown(evaluation_markdown(self.evaluation, heading=False))
            yield Static(id="in-minutes", classes="form-label")
            if self.deltas:
                yield Label(
                    "Deltas: p to the parking lot, g to the next agenda", classes="form-label"
                )
                deltas = [Option(lit(text)) for text in self.deltas]
                yield OptionList(*deltas, id="deltas", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_in_minutes(
            evaluation_in_minutes(self.app.backend.db, meeting_id=self.evaluation.meeting_id)
        )
        if self.deltas:
            deltas = self.query_one("#deltas", OptionList)
            deltas.highlighted = 0
            deltas.focus()

    def _show_in_minutes(self, included: bool) -> None:
        self.included = included
        said = (
            "In the minutes: yes (m leaves the results out)"
            if included
            else "In the minutes: no (m puts the results in)"
        )
        self.query_one("#in-minutes", Static).update(said)

    def action_minutes(self) -> None:
        """Put the results into the meeting's minutes, or leave them out."""
        backend = self.app.backend
        include = not self.included
        set_evaluation_in_minutes(
            backend.db, meeting_id=self.evaluation.meeting_id, include=include, now=backend.now()
        )
        self._show_in_minutes(include)
        self.app.notify(
            "The results are in the minutes." if include else "The minutes leave the results out.",
            markup=False,
        )

    def _highlighted(self) -> str | None:
        if not self.deltas:
            return None
        index = self.query_one("#deltas", OptionList).highlighted
        return self.deltas[index] if index is not None else None

    def action_park(self) -> None:
        text = self._highlighted()
        if text is None:
            return
        backend = self.app.backend
        try:
            park_delta(
                backend.db, meeting_id=self.evaluation.meeting_id, text=text, now=backend.now()
            )
        except FacilitatorError as bad:
            self.app.notify(bad.sentence, severity="warning", markup=False)
            return
        self.app.notify("On the team's parking lot.", markup=False)

    def action_agenda(self) -> None:
        text = self._highlighted()
        if text is None:
            return
        backend = self.app.backend
        try:
            said = delta_to_next_agenda(
                backend.db,
                meeting_id=self.evaluation.meeting_id,
                text=text,
                pack=backend.pack,
                now=backend.now(),
            )
        except InvalidInput as bad:
            self.app.notify(" ".join(bad.problems.values()), severity="warning", markup=False)
            return
        except FacilitatorError as bad:
            self.app.notify(bad.sentence, severity="warning", markup=False)
            return
        self.app.notify(said, markup=False)

    def action_new(self) -> None:
        if self.new is not None:
            self.dismiss(None)
            self.new()

    def action_trends(self) -> None:
        """The team's trends, over these results (escape there comes back here)."""
        from facilitator.ui.screens.evaluation_trends import show_trends

        if self.evaluation.team_id is not None:
            show_trends(self.app, self.evaluation.team_id, self.evaluation.team)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new":
            return self.new is not None
        if action == "trends":
            return self.evaluation.team_id is not None
        return True

    def action_scroll_results(self, pages: int) -> None:
        """Page up/down read the results while the deltas keep the focus."""
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_relative(y=pages * max(scroll.size.height - 1, 1), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
