"""The items of a team's self-assessment, drawn from the instrument's form: for each
item its text, a row of levels (a digit or ←/→ chooses one, delete takes it back), what
the chosen level looks like for that item (the rubric's descriptor, else the level's
meaning) and a note beside it (the evidence); an instrument answered in words has a line
for the words instead. Each change is posted as the item's whole answer
(`AssessmentAnswered`), so the screen saves it at once; a note a moment after typing
stops and when it is left."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, Static

from facilitator.domain.evaluation_results import Answer, Form, FormItem
from facilitator.domain.self_assessment import chosen, describe, level_label, note_label
from facilitator.ui.literal import lit
from facilitator.ui.widgets.evaluation_items import PausedInput

MOVE_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("up", "app.focus_previous", "Previous field", show=False),
    Binding("down", "app.focus_next", "Next field", show=False),
]


class AssessmentAnswered(Message):
    """An item's answer changed (None: nothing chosen and nothing written)."""

    def __init__(self, item_id: str, answer: Answer | None) -> None:
        super().__init__()
        self.item_id = item_id
        self.answer = answer


class LevelChoice(Widget, can_focus=True):
    """The scale across, the chosen value marked ● (the others ○), each level with the
    digit that chooses it. Levels are named in full where the line has room, else by
    their short codes ("N/A I B P S"; the line below names the chosen one)."""

    DEFAULT_CSS = """
    LevelChoice { height: auto; width: 1fr; padding: 0 1; }
    LevelChoice:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Lower", show=False),
        Binding("right", "move(1)", "Higher", show=False),
        Binding("delete,backspace", "clear", "Clear", show=False),
        *MOVE_KEYS,
    ]

    value: reactive[str | None] = reactive(None)

    class Changed(Message):
        def __init__(self, value: str | None) -> None:
            super().__init__()
            self.value = value

    def __init__(self, form: Form, value: str | None = None) -> None:
        super().__init__()
        self.form = form
        self.set_reactive(LevelChoice.value, value)

    def render(self) -> Content:
        values = self.form.values
        labels = self._labels()
        parts: list[Content | str | tuple[str, str]] = []
        for index, (value, label) in enumerate(zip(values, labels, strict=True)):
            digit = f"{index + 1} " if self.form.kind == "levels" and index < 9 else ""
            picked = value == self.value
            mark = "●" if picked else "○"
            style = "bold reverse" if picked and self.has_focus else "bold" if picked else ""
            parts += ["  " if index else "", (f"{mark} {digit}", style), lit(label, style)]
        return Content.assemble(*parts)

    def _labels(self) -> list[str]:
        """Full names where they fit on one line, else the short labels."""
        names = [dict(self.form.levels).get(value, value) for value in self.form.values]
        line = sum(len(name) + 6 for name in names)
        if self.form.kind == "levels" and line <= self.content_size.width:
            return names
        return [level_label(self.form, value) for value in self.form.values]

    def on_key(self, event: events.Key) -> None:
        """A digit chooses at once: the nth level, or that rating."""
        if event.character is None or not event.character.isdigit():
            return
        values = self.form.values
        if self.form.kind == "rating":
            found = event.character if event.character in values else None
        else:
            index = int(event.character) - 1
            found = values[index] if 0 <= index < len(values) else None
        if found is not None:
            event.stop()
            event.prevent_default()
            self._choose(found)

    def action_move(self, step: int) -> None:
        values = self.form.values
        if self.value not in values:
            self._choose(values[0])
            return
        index = max(0, min(len(values) - 1, values.index(self.value) + step))
        self._choose(values[index])

    def action_clear(self) -> None:
        self._choose(None)

    def _choose(self, value: str | None) -> None:
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(value))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class NoteField(PausedInput):
    """The note beside an answer (or the answer itself, in words): posted a moment
    after typing stops and when it is left."""

    BINDINGS = MOVE_KEYS

    class Paused(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, value: str, placeholder: str) -> None:
        # Moving into a note to add to it must not select it, or the first key typed
        # would replace the evidence written before.
        super().__init__(value, placeholder=placeholder, select_on_focus=False)

    def paused(self) -> None:
        self.post_message(self.Paused(self.value.strip()))


class AssessmentItem(Vertical):
    """One item: its text, its levels and what the chosen one says, and its note."""

    DEFAULT_CSS = """
    AssessmentItem { height: auto; margin-top: 1; }
    AssessmentItem .item-text { text-style: bold; }
    AssessmentItem .hint { color: $text-muted; padding: 0 1; }
    AssessmentItem .note { height: auto; padding: 0 1; }
    AssessmentItem .note-label { color: $text-muted; margin-right: 1; }
    AssessmentItem NoteField { background: $boost; }
    AssessmentItem NoteField:focus { background: $surface-lighten-1; }
    """

    def __init__(self, form: Form, item: FormItem, given: Answer | None) -> None:
        super().__init__()
        self.form, self.item = form, item
        self.value = chosen(given)
        self.note = given.text if given else ""

    def compose(self) -> ComposeResult:
        form, item = self.form, self.item
        yield Static(lit(item.text), classes="item-text")
        if form.kind == "text":
            for question in item.questions:
                yield Static(lit(f"· {question}"), classes="hint")
        else:
            if item.low or item.high:
                ends = f"{form.low}: {item.low}  {form.high}: {item.high}"
                yield Static(lit(ends), classes="hint")
            yield LevelChoice(form, self.value)
            yield Static(self._described(), classes="hint described")
        words = form.kind == "text"
        with Horizontal(classes="note"):
            yield Label(lit("Answer:" if words else f"{note_label(form)}:"), classes="note-label")
            yield NoteField(self.note, "in words" if words else "optional")

    def _described(self) -> Content:
        words = describe(self.form, self.item, self.value)
        return lit(words) if words else lit("Not answered yet.", "italic")

    @on(LevelChoice.Changed)
    def _chose(self, event: LevelChoice.Changed) -> None:
        event.stop()
        self.value = event.value
        self.query_one(".described", Static).update(self._described())
        self._post()

    @on(NoteField.Paused)
    def _noted(self, event: NoteField.Paused) -> None:
        event.stop()
        if event.text != self.note:
            self.note = event.text
            self._post()

    def answer(self) -> Answer | None:
        """The item's answer as it stands (None: nothing chosen, nothing written)."""
        if self.value is None and not self.note:
            return None
        if self.form.kind == "rating" and self.value is not None:
            return Answer(score=int(self.value), text=self.note)
        return Answer(level=self.value, text=self.note)

    def _post(self) -> None:
        self.post_message(AssessmentAnswered(self.item.id, self.answer()))

    def pending(self) -> AssessmentAnswered | None:
        """The note still waiting for its typing pause, taken now (its timer stopped),
        as the answer to save before the screen is left; None if nothing waits."""
        for field in self.query(NoteField):
            if field.take_waiting() and field.value.strip() != self.note:
                self.note = field.value.strip()
                return AssessmentAnswered(self.item.id, self.answer())
        return None
