"""One person's turn at an evaluation, drawn from the instruments' forms: a row of
choices for each rated item (1 to 7, or the levels), a line for each comment. Each
answer is posted as it is given (`Answered`), so the screen saves it at once; a comment
is posted a moment after typing stops and when the line is left."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from facilitator.domain.evaluation_results import Answer, Form, FormItem
from facilitator.ui.literal import lit
from facilitator.ui.widgets.form_checkbox import MarkedRadioButton

TYPING_PAUSE = 0.6
"""Seconds after the last key before a comment is saved."""


class Answered(Message):
    def __init__(self, response_id: int, item_id: str, answer: Answer | None) -> None:
        super().__init__()
        self.response_id = response_id
        self.item_id = item_id
        self.answer = answer


class RatedItem(RadioSet):
    """An item's choices across; choosing one answers it."""

    DEFAULT_CSS = "RatedItem { layout: horizontal; width: auto; height: auto; }"

    def __init__(
        self, form: Form, item: FormItem, response_id: int, given: Answer | None = None
    ) -> None:
        labels = form.values if form.kind == "rating" else [name for _, name in form.levels]
        chosen = str(given.score) if given and given.score is not None else (given and given.level)
        buttons = [
            MarkedRadioButton(lit(label), value=value == chosen, compact=True)
            for label, value in zip(labels, form.values, strict=True)
        ]
        super().__init__(*buttons, compact=True)
        self.form, self.item, self.response_id = form, item, response_id

    def on_key(self, event: events.Key) -> None:
        """A digit chooses that rating at once (1 to 7) and moves on to the next
        question (←/→ change the choice and stay)."""
        values = self.form.values
        if self.form.kind == "rating" and event.character in values:
            event.stop()
            event.prevent_default()
            self.query(RadioButton)[values.index(event.character)].value = True
            self.screen.focus_next()

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        value = self.form.values[event.index]
        answer = Answer(score=int(value)) if self.form.kind == "rating" else Answer(level=value)
        self.post_message(Answered(self.response_id, self.item.id, answer))


class PausedInput(Input):
    """A line whose words are taken a moment after typing stops and when it is left
    (`paused`), so each answer is saved as it is given without a write per key."""

    def __init__(self, value: str, **options: Any) -> None:
        super().__init__(value, compact=True, **options)
        self._pause: Timer | None = None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(TYPING_PAUSE, self.flush)

    def on_blur(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Take the words now (the pause's timer stopped)."""
        self.take_waiting()
        self.paused()

    def take_waiting(self) -> bool:
        """Stop the typing pause; True if words were waiting for it."""
        waiting = self._pause is not None
        if self._pause is not None:
            self._pause.stop()
            self._pause = None
        return waiting

    def paused(self) -> None:
        """The words are ready to save."""


class CommentItem(PausedInput):
    """A comment line, saved a moment after typing stops and when it is left."""

    def __init__(self, item: FormItem, response_id: int, given: Answer | None = None) -> None:
        super().__init__(given.text if given else "", placeholder=item.text)
        self.item, self.response_id = item, response_id

    def answered(self) -> Answered:
        text = self.value.strip()
        return Answered(self.response_id, self.item.id, Answer(text=text) if text else None)

    def paused(self) -> None:
        self.post_message(self.answered())


class TurnForm(Vertical):
    """Every instrument of the evaluation, blank, for one person's turn."""

    DEFAULT_CSS = """
    TurnForm { height: auto; }
    TurnForm .instrument { text-style: bold; margin-top: 1; color: $accent; }
    TurnForm .section { text-style: bold; margin-top: 1; }
    TurnForm .item { margin-top: 1; }
    TurnForm .ends { color: $text-muted; }
    """

    QUESTIONS = "RatedItem, CommentItem"
    """What the turn's first question is looked for as."""

    def __init__(
        self,
        forms: Sequence[tuple[Form, int, str]],
        given: Mapping[tuple[int, str], Answer] | None = None,
    ) -> None:
        """`forms`: (form, the turn's response id for it, its instructions); `given`:
        the answers a resumed turn already holds."""
        super().__init__()
        self.forms = forms
        self.given = dict(given or {})

    def compose(self) -> ComposeResult:
        for form, response_id, instructions in self.forms:
            yield Label(lit(form.name), classes="instrument")
            if instructions:
                yield Static(lit(instructions), classes="ends")
            for section in form.sections:
                if len(form.sections) > 1:
                    yield Label(lit(section.title), classes="section")
                for item in section.items:
                    yield Label(lit(item.text), classes="item")
                    if form.kind != "text" and (item.low or item.high):
                        ends = f"{form.low}: {item.low}  {form.high}: {item.high}"
                        yield Static(lit(ends), classes="ends")
                    yield self.question(form, item, response_id)

    def question(self, form: Form, item: FormItem, response_id: int) -> Widget:
        """What answers `item`: a comment line or a row of choices."""
        given = self.given.get((response_id, item.id))
        if form.kind == "text":
            return CommentItem(item, response_id, given)
        return RatedItem(form, item, response_id, given)

    def on_mount(self) -> None:
        """The turn starts on its first question (it started on the scrolling box
        around it, so the first digit typed answered nothing: found in tmux)."""
        questions = self.query(self.QUESTIONS)
        if questions:
            questions.first().focus()

    def pending(self) -> list[Answered]:
        """The comments still waiting for their typing pause, taken now (their timers
        stopped): the screen saves them before the turn ends."""
        return [comment.answered() for comment in self.query(CommentItem) if comment.take_waiting()]
