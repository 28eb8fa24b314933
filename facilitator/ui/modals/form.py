"""A small form in a modal: labelled fields, problems shown beside them, saved by a
function the caller gives (run in a thread, since it writes to the database)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    Static,
    TextArea,
)

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.ui.literal import lit
from facilitator.ui.modals.confirm import (
    ConfirmModal as ConfirmModal,  # re-exported: it lived here first
)
from facilitator.ui.widgets.form_checkbox import FormCheckbox
from facilitator.ui.widgets.form_select import FormSelect
from facilitator.ui.widgets.keys_footer import KeysFooter

ResultT = TypeVar("ResultT")
Values = dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One field of a form."""

    id: str
    label: str
    value: str | bool = ""
    kind: Literal["input", "text", "select", "check"] = "input"
    placeholder: str = ""
    help: str = ""
    options: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs for a select."""
    suggestions: tuple[str, ...] = ()
    """Completions an input offers as you type (e.g. member names)."""


class FormSaved(Message):
    def __init__(self, result: object) -> None:
        super().__init__()
        self.result = result


class FormRejected(Message):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__()
        self.problems = problems


class FormModal(ModalScreen[ResultT | None], Generic[ResultT]):
    """Shows `fields`; ctrl+s runs `submit(values)`; its InvalidInput problems appear
    beside their fields; success closes the form with `submit`'s result."""

    DEFAULT_CSS = """
    FormModal { align: center middle; }
    FormModal > VerticalScroll {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-color: $accent;
        background: $surface;
        padding: 0 1;
    }
    FormModal .form-label { text-style: bold; }
    FormModal .form-help { color: $text-muted; }
    FormModal Input { background: $boost; }
    FormModal Input:focus { background: $surface-lighten-1; }
    FormModal TextArea { height: 5; }
    FormModal .form-error { color: $error; text-style: bold; display: none; }
    FormModal .form-error.-shown { display: block; }
    FormModal .form-note { color: $warning; display: none; }
    FormModal .form-note.-shown { display: block; }
    FormModal .form-outro { margin-top: 1; }
    FormModal #form-buttons { height: auto; margin: 1 0 0 0; }
    FormModal #form-buttons Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]
    AUTO_FOCUS = "Input, TextArea, Select, Checkbox"

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[Values], ResultT],
        *,
        save_label: str = "Save",
        intro: str = "",
        outro: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.submit = submit
        self.save_label = save_label
        if save_label != "Save":  # the footer names the key the way the button does
            self._bindings.key_to_bindings["ctrl+s"] = [Binding("ctrl+s", "save", save_label)]
        self.intro = intro
        self.outro = outro
        self.saving = False
        self.opened_with: Values = {}
        """What the fields held when the form opened (escape asks once they differ)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = lit(self.form_title)  # may be a custom role's name
            if self.intro:
                yield Static(lit(self.intro), classes="form-help")
            yield from self.compose_fields()
            yield Static(classes="form-error", id="error-form")
            if self.outro:
                yield Static(lit(self.outro), classes="form-help form-outro")
            with Horizontal(id="form-buttons"):
                yield Button(
                    f"{self.save_label} (ctrl+s)", id="form-save", variant="primary", compact=True
                )
                yield Button("Cancel (esc)", id="form-cancel", compact=True)
        yield KeysFooter()

    def compose_fields(self) -> ComposeResult:
        """The form's body: each field with its label, help and problem line. A form
        with its own widgets overrides this and `values`."""
        for field in self.fields:
            if field.kind != "check":
                yield Label(lit(field.label), classes="form-label")
            yield self._widget(field)
            if field.help:
                yield Static(lit(field.help), classes="form-help")
            yield Static(classes="form-error", id=f"error-{field.id}")

    def _widget(self, field: Field) -> Widget:
        widget_id = f"field-{field.id}"
        if field.kind == "text":
            return TextArea(str(field.value), id=widget_id, soft_wrap=True)
        if field.kind == "select":
            return FormSelect(
                [(label, value) for label, value in field.options],
                value=str(field.value) if field.value else Select.NULL,
                id=widget_id,
                allow_blank=not field.value,
                compact=True,
            )
        if field.kind == "check":
            return FormCheckbox(field.label, bool(field.value), id=widget_id, compact=True)
        suggester = (
            SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None
        )
        return Input(
            str(field.value),
            placeholder=field.placeholder,
            id=widget_id,
            compact=True,
            suggester=suggester,
        )

    def on_mount(self) -> None:
        self.opened_with = self.values()
        self.call_after_refresh(self._reveal_top)

    def _reveal_top(self) -> None:
        # Focusing the first field scrolls it into view but can hide its label and the
        # intro above it (every form puts its first field near the top).
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def values(self) -> Values:
        """What the form holds now, by field id."""
        result: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.id}")
            if isinstance(widget, TextArea):
                result[field.id] = widget.text
            elif isinstance(widget, Select):
                result[field.id] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, (Checkbox, Input)):
                result[field.id] = widget.value
        return result

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        if not self.saving:
            self.saving = True
            self._run(self.values())

    @work(thread=True, exclusive=True, group="form-save")
    def _run(self, values: Values) -> None:
        try:
            result = self.submit(values)
        except InvalidInput as error:
            self.post_message(FormRejected(error.problems))
            return
        except FacilitatorError as error:
            self.post_message(FormRejected({"form": error.sentence}))
            return
        self.post_message(FormSaved(result))

    def on_form_rejected(self, message: FormRejected) -> None:
        self.saving = False
        known = {field.id for field in self.fields}
        shown = {key: text for key, text in message.problems.items() if key in known}
        general = [text for key, text in message.problems.items() if key not in known]
        for field in self.fields:
            self._show(f"error-{field.id}", shown.get(field.id, ""))
        self._show("error-form", " ".join(general))
        first = next(iter(shown), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus()

    def _show(self, static_id: str, text: str) -> None:
        error = self.query_one(f"#{static_id}", Static)
        error.update(lit(text))
        error.set_class(bool(text), "-shown")

    def on_form_saved(self, message: FormSaved) -> None:
        self.dismiss(message.result)  # type: ignore[arg-type]

    def has_changes(self) -> bool:
        """Whether the form holds anything other than what it opened with."""
        return self.values() != self.opened_with

    def action_cancel(self) -> None:
        """Close without saving: at once if nothing changed, else once the user says to
        discard the changes (keep editing is the default)."""
        from facilitator.ui.modals.discard import leave_form

        leave_form(self, lambda: self.dismiss(None), changed=self.has_changes())
