"""Pass the laptop: each member present answers in turn on a clean screen.

The screen lists who has yet to answer; enter gives the highlighted member the laptop
and a blank form (nothing of earlier answers shows). Each answer is saved as it is given.
ctrl+n ("Next person") ends the turn and clears the form; ctrl+k skips the member;
escape leaves, and the evaluation resumes where it stopped (a turn cut short included).
Once everyone has had a turn, ctrl+f finishes it and shows the results.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.domain.evaluation_results import answered_words
from facilitator.pack.evaluation import form_of
from facilitator.services.evaluations import (
    EvaluationState,
    begin_turn,
    end_turn,
    evaluation_state,
    save_answer,
    turn_answers,
)
from facilitator.ui.literal import lit
from facilitator.ui.screens.evaluation_base import EvaluationScreen
from facilitator.ui.widgets.evaluation_items import Answered, TurnForm
from facilitator.ui.widgets.keys_footer import KeysFooter


class EvaluationRoundScreen(EvaluationScreen):
    """One evaluation's round; dismissed with True once finished."""

    DEFAULT_CSS = """
    EvaluationRoundScreen #progress { text-style: bold; padding: 0 1; }
    EvaluationRoundScreen #turn { padding: 0 1; }
    EvaluationRoundScreen #waiting { height: auto; max-height: 14; margin: 1 1; }
    EvaluationRoundScreen #problem { color: $error; text-style: bold; padding: 0 1; }
    """
    BINDINGS = [
        Binding("ctrl+n", "next_person", "Next person"),
        Binding("ctrl+k", "skip_person", "Skip"),
        Binding("ctrl+f", "finish", "Finish"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, evaluation_id: int) -> None:
        super().__init__(evaluation_id)
        self.state: EvaluationState | None = None
        self.member: int | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="progress")
        yield Static(id="problem")
        with VerticalScroll(id="turn"):
            yield OptionList(id="waiting")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Evaluation"
        self.refresh_state()

    def refresh_state(self) -> None:
        backend = self.app.backend
        self.state = state = evaluation_state(backend.db, evaluation_id=self.evaluation_id)
        answered = len(state.done)
        words = answered_words(answered, len(state.present))
        hidden = " · anonymous" if state.anonymous else ""
        if state.turn_member_id is not None:
            self.member = state.turn_member_id
            self._show_turn(state.turn_responses)
            return
        waiting = self.query_one("#waiting", OptionList)
        waiting.clear_options()
        waiting.add_options([Option(lit(name), id=str(member)) for member, name in state.waiting])
        if state.waiting:
            progress = f"{words}{hidden}. Who answers next? (enter gives them the laptop)"
        else:
            progress = f"{words}{hidden}. Everyone present has had a turn: ctrl+f finishes."
        self.query_one("#progress", Static).update(lit(progress))
        waiting.display = bool(state.waiting)
        if state.waiting:
            waiting.highlighted = 0
        waiting.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        member = int(event.option.id)
        done, responses = self._said(
            lambda: begin_turn(
                self.app.backend.db,
                evaluation_id=self.evaluation_id,
                member_id=member,
                now=self.app.backend.now(),
            )
        )
        if done and responses is not None:
            self.member = member
            self._show_turn(responses)

    def _show_turn(self, responses: tuple[int, ...]) -> None:
        assert self.state is not None
        pack = self.app.backend.pack
        name = dict(self.state.present).get(self.member or 0, "")
        forms = [
            (form_of(pack.instruments[i]), response, pack.instruments[i].instructions)
            for i, response in zip(self.state.instruments, responses, strict=True)
        ]
        self.query_one("#waiting").display = False
        self.query(TurnForm).remove()
        given = turn_answers(self.app.backend.db, response_ids=responses)
        self.query_one("#turn").mount(TurnForm(forms, given))
        self.query_one("#progress", Static).update(
            lit(f"{name}'s turn. Every answer is saved as you give it; ctrl+n when done.")
        )

    def on_answered(self, message: Answered) -> None:
        """Saved at once, in the order given (one short write): "Next person" then
        never overtakes the last answer."""
        backend = self.app.backend
        self._said(
            lambda: save_answer(
                backend.db,
                evaluation_id=self.evaluation_id,
                response_id=message.response_id,
                item_id=message.item_id,
                answer=message.answer,
                pack=backend.pack,
                now=backend.now(),
            )
        )

    def _end(self, *, skipped: bool) -> None:
        for form in self.query(TurnForm):
            for answer in form.pending():  # saved before the turn ends
                self.on_answered(answer)
        self._ended(skipped)

    def _ended(self, skipped: bool) -> None:
        backend = self.app.backend
        member = self.member
        if member is None:
            return
        ended, _ = self._said(
            lambda: end_turn(
                backend.db,
                evaluation_id=self.evaluation_id,
                member_id=member,
                skipped=skipped,
                now=backend.now(),
            )
        )
        if not ended:
            return
        self.member = None
        self.query(TurnForm).remove()
        self.refresh_state()

    def action_next_person(self) -> None:
        if self.member is not None:
            self._end(skipped=False)

    def action_skip_person(self) -> None:
        if self.member is not None:
            self._end(skipped=True)
        elif self.state and self.state.waiting:
            highlighted = self.query_one("#waiting", OptionList).highlighted_option
            if highlighted is not None and highlighted.id is not None:
                self.member = int(highlighted.id)
                self._ended(True)

    def action_finish(self) -> None:
        if self.member is not None:
            self._problem("Finish this person's turn first (ctrl+n).")
            return
        self.finish_now()

    def action_leave(self) -> None:
        for form in self.query(TurnForm):
            for answer in form.pending():
                self.on_answered(answer)
        self.dismiss(False)
