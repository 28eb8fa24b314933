""" "How should we decide?": the pack's questions, one row each, and the method their
answers point to, recomputed at every change.

↑↓ choose a question, ←→ (or space) change its answer; ctrl+s takes the recommended
method, ctrl+r the runner-up. The form's values are `method`, `continuum` (the point,
"1" to "7") and `reason` (why that method, as the minutes will say it).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator.domain.deciding import Question, Recommendation, Rule, recommend, with_defaults
from facilitator.ui.literal import join, lit
from facilitator.ui.modals.form import FormModal, Values
from facilitator.ui.widgets.wrapping_list import WrappingOptionList

INTRO = "↑↓ choose a question, ←→ change its answer."


class DecisionAnswers(WrappingOptionList):
    """The questions, each with its answer; ←→ and space change the highlighted one."""

    KEYS = {"right": 1, "space": 1, "left": -1}
    MOVES = {"down": OptionList.action_cursor_down, "up": OptionList.action_cursor_up}

    def __init__(
        self, questions: Sequence[Question], answers: Mapping[str, str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.questions = tuple(questions)
        self.answers = with_defaults(self.questions, answers)

    def on_mount(self) -> None:
        self.add_options(Option(self._prompt(question)) for question in self.questions)
        if self.questions:
            self.highlighted = 0

    def on_key(self, event: events.Key) -> None:
        # ↑↓ too are handled here, not left to the bindings: in a burst of keys (a fast
        # typist, keys sent together) the bindings' moves came after the ← or → that
        # followed them, which changed the answer of the question left behind.
        move, step = self.MOVES.get(event.key), self.KEYS.get(event.key)
        if move is None and step is None:
            return
        event.stop()
        event.prevent_default()
        if move is not None:
            move(self)
        elif step is not None and self.highlighted is not None:
            self.cycle(self.highlighted, step)

    def cycle(self, index: int, step: int) -> None:
        question = self.questions[index]
        values = [value for value, _ in question.answers]
        position = values.index(self.answers[question.id])
        self.answers[question.id] = values[(position + step) % len(values)]
        self.replace_option_prompt_at_index(index, self._prompt(question))
        self.post_message(AnswersChanged())

    def on_resize(self) -> None:
        for index, question in enumerate(self.questions):
            self.replace_option_prompt_at_index(index, self._prompt(question))

    def _prompt(self, question: Question) -> Content:
        width = max(self.scrollable_content_region.width - 4, 20)
        answer = question.label(self.answers[question.id])
        lines = textwrap.wrap(f"‹ {answer} ›", width)
        return join((question.prompt, "bold"), lit("\n  " + "\n  ".join(lines)))


class AnswersChanged(Message):
    """An answer changed: the recommendation is worked out again."""


class HowToDecideModal(FormModal[object]):
    """The questions and the recommendation; `submit` gets `method`, `continuum` and
    `reason` for the method taken."""

    DEFAULT_CSS = """
    HowToDecideModal DecisionAnswers, HowToDecideModal DecisionAnswers:focus {
        height: auto; max-height: 50vh; margin: 0; border: none; padding: 0;
    }
    HowToDecideModal #recommendation { margin-top: 1; }
    """
    BINDINGS = [Binding("ctrl+r", "runner_up", "Use the runner-up")]
    AUTO_FOCUS = "DecisionAnswers"

    def __init__(
        self,
        questions: Sequence[Question],
        rules: Sequence[Rule],
        method_names: Mapping[str, str],
        submit: Callable[[Values], object],
        *,
        answers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__("How should we decide?", (), submit, save_label="Use it", intro=INTRO)
        self.questions = tuple(questions)
        self.rules = tuple(rules)
        self.method_names = dict(method_names)
        self.start_answers = dict(answers or {})
        self.take_runner_up = False

    def compose_fields(self) -> ComposeResult:
        yield DecisionAnswers(self.questions, self.start_answers, id="decision-answers")
        yield Static(id="recommendation")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_recommendation()

    @property
    def recommendation(self) -> Recommendation:
        return recommend(self.query_one(DecisionAnswers).answers, self.rules)

    @on(AnswersChanged)
    def _show_recommendation(self) -> None:
        best = self.recommendation
        name = self.method_names.get(best.method, best.method)
        second = self.method_names.get(best.runner_up, best.runner_up)
        self.query_one("#recommendation", Static).update(
            join(
                ("Recommended: ", "bold"),
                (name, "bold $success"),
                lit(f"\n{best.reason}\n"),
                ("Runner-up (ctrl+r): ", "bold"),
                lit(f"{second}. {best.runner_up_reason}"),
            )
        )

    def values(self) -> Values:
        answers = self.query_one(DecisionAnswers).answers
        best = self.recommendation
        method, reason = (
            (best.runner_up, best.runner_up_reason)
            if self.take_runner_up
            else (best.method, best.reason)
        )
        return {"method": method.value, "continuum": answers.get("continuum", ""), "reason": reason}

    def has_changes(self) -> bool:
        return False  # nothing is lost by leaving: the answers are a moment's work

    def action_runner_up(self) -> None:
        self.take_runner_up = True
        self.action_save()  # reads the values at once
        self.take_runner_up = False

    @on(OptionList.OptionSelected, "#decision-answers")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(DecisionAnswers).cycle(event.option_index, 1)
