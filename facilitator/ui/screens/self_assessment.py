"""A team's self-assessment, taken together: the instrument's sections and items drawn
from its form (see `facilitator.ui.widgets.self_assessment_items`), every answer saved
as it is given. Leaving keeps everything; opening the same day again continues it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from facilitator.domain.evaluation_results import Answer
from facilitator.domain.self_assessment import answered_words
from facilitator.domain.text import day_label
from facilitator.errors import FacilitatorError
from facilitator.services.self_assessments import (
    TakenAssessment,
    save_self_assessment_answer,
    taken_assessment,
)
from facilitator.ui.actions import UiAction, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.self_assessment_items import AssessmentAnswered, AssessmentItem

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

SELF_ASSESSMENT_ACTIONS = (
    UiAction(
        "compare",
        "Self-assessment: compare with the team's earlier ones",
        "The team's assessments of this instrument side by side, a column per date.",
        key="ctrl+o",
        key_display="^o",
        footer="Compare",
    ),
    UiAction(
        "done",
        "Self-assessment: done for now",
        "Leave; every answer is already saved, and the same day opens it again.",
        key="escape",
        footer="Done",
    ),
)


class SelfAssessmentScreen(Screen[None]):
    """One self-assessment's items, answered in place."""

    DEFAULT_CSS = """
    SelfAssessmentScreen #heading { padding: 0 1; height: auto; }
    SelfAssessmentScreen #problem { color: $error; text-style: bold; padding: 0 1; height: auto; }
    SelfAssessmentScreen #items { padding: 0 1; }
    SelfAssessmentScreen .instructions { color: $text-muted; }
    SelfAssessmentScreen .section { text-style: bold; color: $accent; margin-top: 1; }
    """
    ACTIONS = SELF_ASSESSMENT_ACTIONS
    BINDINGS = bindings(SELF_ASSESSMENT_ACTIONS)

    app: FacilitatorApp

    def __init__(self, assessment_id: int) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.taken: TakenAssessment | None = None
        self.answers: dict[str, Answer] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="heading")
        yield Static(id="problem")
        yield VerticalScroll(id="items")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Self-assessment"
        backend = self.app.backend
        try:
            self.taken = taken_assessment(
                backend.db, assessment_id=self.assessment_id, pack=backend.pack
            )
        except FacilitatorError as error:
            self._problem(error.sentence)
            return
        self.answers = dict(self.taken.assessment.answers)
        self.query_one("#items").mount_all(self._items(self.taken))
        self._show_heading()
        self.call_after_refresh(self._focus_first)

    def _items(self, taken: TakenAssessment) -> list[Label | Static | AssessmentItem]:
        form = taken.form
        found: list[Label | Static | AssessmentItem] = []
        if taken.instructions:
            found.append(Static(lit(taken.instructions), classes="instructions"))
        for section in form.sections:
            if len(form.sections) > 1:
                found.append(Label(lit(section.title), classes="section"))
            found += [
                AssessmentItem(form, item, self.answers.get(item.id)) for item in section.items
            ]
        return found

    def _focus_first(self) -> None:
        """Start on the first item's levels, so the first digit answers it."""
        fields = self.query("LevelChoice, NoteField")
        if fields:
            fields.first().focus()

    def _show_heading(self) -> None:
        if self.taken is None:
            return
        form, taken = self.taken.form, self.taken
        if form.kind == "text":
            keys = "Write each answer; it is saved as you type. ↑/↓ or tab moves."
        else:
            count = len(form.values)
            digits = f"1–{count} or " if form.kind == "levels" and count <= 9 else "a digit or "
            keys = f"{digits}←/→ choose, delete clears, ↑/↓ or tab moves; saved as you go."
        self.query_one("#heading", Static).update(
            join(
                lit(form.name, "bold"),
                " · ",
                lit(taken.team),
                " · ",
                day_label(taken.assessment.taken_on),
                "\n",
                (answered_words(form, self.answers), "bold"),
                ". ",
                (keys, "dim"),
            )
        )

    def on_assessment_answered(self, message: AssessmentAnswered) -> None:
        """Saved at once (one short write); the progress line follows."""
        backend = self.app.backend
        try:
            save_self_assessment_answer(
                backend.db,
                assessment_id=self.assessment_id,
                item_id=message.item_id,
                answer=message.answer,
                pack=backend.pack,
                now=backend.now(),
            )
        except FacilitatorError as error:
            self._problem(error.sentence)
            return
        self._problem("")
        if message.answer is None:
            self.answers.pop(message.item_id, None)
        else:
            self.answers[message.item_id] = message.answer
        self._show_heading()

    def _problem(self, sentence: str) -> None:
        self.query_one("#problem", Static).update(lit(sentence))

    def _save_pending(self) -> None:
        for item in self.query(AssessmentItem):
            waiting = item.pending()
            if waiting is not None:
                self.on_assessment_answered(waiting)

    def action_compare(self) -> None:
        from facilitator.ui.screens.self_assessment_compare import SelfAssessmentCompareScreen

        if self.taken is not None:
            self._save_pending()
            self.app.push_screen(
                SelfAssessmentCompareScreen(self.taken.team_id, self.taken.form.id)
            )

    def action_done(self) -> None:
        self._save_pending()
        self.dismiss(None)
