"""Developing norms together: one Developing Norms topic at a time (time, listening,
confidentiality, decision making, participation, expectations), its questions shown,
the team's answer saved as a norm the moment it moves on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.pack.schema import NormPrompt
    from facilitator.ui.app import FacilitatorApp


class StepSaved(Message):
    """The answer to a step was saved (or there was nothing to save)."""


class StepRejected(Message):
    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class NormsWizard(ModalScreen[int]):
    """Walks the prompts; dismisses with the number of norms added."""

    DEFAULT_CSS = """
    NormsWizard { align: center middle; }
    NormsWizard > VerticalScroll {
        width: 85%; max-width: 100; height: 90%;
        border: round $accent; border-title-color: $accent;
        background: $surface; padding: 0 1;
    }
    NormsWizard #wizard-step { color: $text-muted; }
    NormsWizard #wizard-topic { text-style: bold; color: $accent; margin-top: 1; }
    NormsWizard #wizard-questions { margin: 1 0; }
    NormsWizard TextArea { height: 4; }
    NormsWizard #wizard-error { color: $error; text-style: bold; }
    NormsWizard #wizard-buttons { height: auto; margin-top: 1; }
    NormsWizard Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "next", "Save & next"),
        Binding("ctrl+b", "back", "Back"),
        Binding("escape", "finish", "Finish"),
    ]

    app: FacilitatorApp

    def __init__(self, team_id: int) -> None:
        super().__init__()
        self.team_id = team_id
        self.prompts: list[NormPrompt] = []
        self.index = 0
        self.added = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Develop norms together"
            yield Static(id="wizard-step")
            yield Static(id="wizard-topic")
            yield Static(id="wizard-questions")
            yield Static("The norm we agree on (leave empty to skip this topic):")
            yield TextArea(id="wizard-answer", soft_wrap=True)
            yield Static(id="wizard-error")
            with Horizontal(id="wizard-buttons"):
                yield Button(
                    "Save & next (ctrl+s)", id="wizard-next", variant="primary", compact=True
                )
                yield Button("Back (ctrl+b)", id="wizard-back", compact=True)
                yield Button("Finish (esc)", id="wizard-finish", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.prompts = list(self.app.backend.pack.norm_prompts.values())
        self._show()

    def _show(self) -> None:
        prompt = self.prompts[self.index]
        self.query_one("#wizard-step", Static).update(
            f"Topic {self.index + 1} of {len(self.prompts)} · norms added so far: {self.added}"
        )
        self.query_one("#wizard-topic", Static).update(lit(prompt.topic))
        questions = [join("  • ", lit(q)) for q in prompt.questions]
        self.query_one("#wizard-questions", Static).update(
            join(*[p for q in questions for p in (q, "\n")])
        )
        answer = self.query_one("#wizard-answer", TextArea)
        answer.text = ""
        answer.focus()
        self.query_one("#wizard-error", Static).update("")

    @on(Button.Pressed, "#wizard-next")
    def action_next(self) -> None:
        self._save(self.query_one("#wizard-answer", TextArea).text)

    @work(thread=True, exclusive=True, group="wizard-save")
    def _save(self, text: str) -> None:
        from facilitator.services.team_admin import add_norm

        wording = " ".join(text.split())
        if wording:
            backend = self.app.backend
            try:
                add_norm(
                    backend.db,
                    team_id=self.team_id,
                    text=wording,
                    prompt_category=self.prompts[self.index].id,
                    now=backend.now(),
                )
            except (InvalidInput, FacilitatorError) as error:
                self.post_message(StepRejected(error.sentence))
                return
            self.added += 1
        self.post_message(StepSaved())

    def on_step_saved(self) -> None:
        if self.index + 1 >= len(self.prompts):
            self.dismiss(self.added)
            return
        self.index += 1
        self._show()

    def on_step_rejected(self, message: StepRejected) -> None:
        self.query_one("#wizard-error", Static).update(lit(message.sentence))

    @on(Button.Pressed, "#wizard-back")
    def action_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    @on(Button.Pressed, "#wizard-finish")
    def action_finish(self) -> None:
        """End the walk; a norm written for this topic but not saved is only dropped
        once the user says so (ctrl+s saves it)."""
        from facilitator.ui.modals.discard import leave_form

        written = self.query_one("#wizard-answer", TextArea).text.strip()
        topic = self.prompts[self.index].topic if self.prompts else ""
        leave_form(
            self,
            lambda: self.dismiss(self.added),
            changed=bool(written),
            sentence=f'The norm you wrote for "{topic}" is not saved yet (ctrl+s saves it).',
            yes="Finish without it",
        )
