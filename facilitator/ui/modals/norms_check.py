"""The norms check: the team's quick read of each norm, one row per norm.

One list and one note field, however many norms the team has: a row shows the norm, its
read and its note; a key sets the read of the highlighted norm, and the note field below
holds that norm's note. (A form with a select and a note per norm mounted some twenty
widgets and kept the live screen's event loop busy for tens of milliseconds.)
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from facilitator.domain.enums import NormReading
from facilitator.domain.room import NormLine
from facilitator.ui.literal import join, lit
from facilitator.ui.modals.form import FormModal, Values
from facilitator.ui.widgets.wrapping_list import WrappingOptionList

READ_LABELS = {
    NormReading.HONOURED.value: ("✔ Honoured", "$success"),
    NormReading.PARTLY.value: ("◐ Partly", "$warning"),
    NormReading.NOT_HONOURED.value: ("✘ Not", "$error"),
}
UNREAD = ("· not read", "$text-muted")
LABEL_WIDTH = 10

INTRO = (
    "↑↓ choose a norm, h p n give the team's read, x clears it, tab writes a note. "
    "Norms left unread are skipped."
)


class NormReadings(WrappingOptionList):
    """The norms, each with the team's read; keys set the highlighted norm's read."""

    BINDINGS = [
        Binding("h,1", "read('honoured')", "Honoured"),
        Binding("p,2", "read('partly')", "Partly"),
        Binding("n,3", "read('not_honoured')", "Not"),
        Binding("x,0,delete", "read('')", "Clear", show=False),
        Binding("right", "cycle(1)", "Next read", show=False),
        Binding("left", "cycle(-1)", "Previous read", show=False),
    ]
    ORDER = ("", *READ_LABELS)

    def __init__(self, norms: Sequence[NormLine], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.norms = tuple(norms)
        self.readings: dict[int, str] = {}
        self.notes: dict[int, str] = {}

    KEYS: ClassVar[dict[str, Callable[[NormReadings], None]]] = {
        "h": lambda rows: rows.action_read("honoured"),
        "1": lambda rows: rows.action_read("honoured"),
        "p": lambda rows: rows.action_read("partly"),
        "2": lambda rows: rows.action_read("partly"),
        "n": lambda rows: rows.action_read("not_honoured"),
        "3": lambda rows: rows.action_read("not_honoured"),
        "x": lambda rows: rows.action_read(""),
        "0": lambda rows: rows.action_read(""),
        "delete": lambda rows: rows.action_read(""),
        "right": lambda rows: rows.action_cycle(1),
        "left": lambda rows: rows.action_cycle(-1),
        "down": lambda rows: rows.action_cursor_down(),
        "up": lambda rows: rows.action_cursor_up(),
    }

    def on_key(self, event: events.Key) -> None:
        # Handled here rather than left to the bindings (which show in the footer): a
        # binding is looked up against whatever has focus when the key gets there, so
        # in a quick "p, tab" the tab (a priority key) has moved focus to the note
        # before p is looked up, and p is lost.
        run = self.KEYS.get(event.key)
        if run is not None:
            event.stop()
            event.prevent_default()
            run(self)

    def on_mount(self) -> None:
        # Built here, where the theme's colours are known.
        self.add_options(Option(self._prompt(n, i)) for i, n in enumerate(self.norms))
        if self.norms:
            self.highlighted = 0

    @property
    def current(self) -> NormLine | None:
        index = self.highlighted
        return self.norms[index] if index is not None else None

    def action_read(self, reading: str) -> None:
        norm = self.current
        if norm is None:
            return
        self.readings[norm.id] = reading
        self.refresh_norm(norm)

    def action_cycle(self, step: int) -> None:
        norm = self.current
        if norm is None:
            return
        position = self.ORDER.index(self.readings.get(norm.id, ""))
        self.action_read(self.ORDER[(position + step) % len(self.ORDER)])

    def set_note(self, norm: NormLine, note: str) -> None:
        self.notes[norm.id] = note
        self.refresh_norm(norm)

    def refresh_norm(self, norm: NormLine) -> None:
        index = self.norms.index(norm)
        self.replace_option_prompt_at_index(index, self._prompt(norm, index))

    def on_resize(self) -> None:
        # The rows wrap by hand (see `_prompt`), so they are rebuilt for a new width.
        for index, norm in enumerate(self.norms):
            self.replace_option_prompt_at_index(index, self._prompt(norm, index))

    def _prompt(self, norm: NormLine, index: int) -> Content:
        """The read, then the norm wrapped under its own text (not under the read), and
        its note in italics on the lines below. (Rich tables wrap like this by
        themselves, but ten of them took a third of the time the check took to open.)"""
        label, colour = READ_LABELS.get(self.readings.get(norm.id, ""), UNREAD)
        width = max(self.scrollable_content_region.width - LABEL_WIDTH - 1, 20)
        indent = "\n" + " " * (LABEL_WIDTH + 1)
        lines = textwrap.wrap(f"{index + 1}. {norm.text}", width) or [""]
        parts: list[Content | str | tuple[str, str]] = [
            (f"{label:<{LABEL_WIDTH}} ", f"bold {colour}"),
            lit(indent.join(lines)),
        ]
        note = self.notes.get(norm.id, "").strip()
        if note:
            parts.append(lit(indent + indent.join(textwrap.wrap(f"– {note}", width)), "italic"))
        return join(*parts)


class NormsCheckModal(FormModal[object]):
    """The norms check; ctrl+s records it through `submit`, whose values are
    `reading-<norm id>` and `note-<norm id>` for every norm."""

    DEFAULT_CSS = """
    NormsCheckModal NormReadings, NormsCheckModal NormReadings:focus {
        height: auto; max-height: 45vh; margin: 0; border: none; padding: 0;
    }
    NormsCheckModal #norm-note-label { margin-top: 1; }
    """
    AUTO_FOCUS = "NormReadings"

    def __init__(
        self, norms: Sequence[NormLine], submit: Callable[[Values], object], *, title: str
    ) -> None:
        super().__init__(title, (), submit, save_label="Record", intro=INTRO)
        self.norms = tuple(norms)

    def compose_fields(self) -> ComposeResult:
        yield NormReadings(self.norms, id="norm-readings")
        yield Label(id="norm-note-label", classes="form-label")
        yield Input(id="norm-note", compact=True, placeholder="What the team noticed")

    @property
    def readings(self) -> NormReadings:
        return self.query_one(NormReadings)

    def values(self) -> Values:
        readings = self.readings
        result: Values = {}
        for norm in self.norms:
            result[f"reading-{norm.id}"] = readings.readings.get(norm.id, "")
            result[f"note-{norm.id}"] = readings.notes.get(norm.id, "")
        return result

    @on(OptionList.OptionHighlighted)
    def _norm_highlighted(self) -> None:
        readings = self.readings
        norm = readings.current
        if norm is None:
            return
        number = readings.norms.index(norm) + 1
        self.query_one("#norm-note-label", Label).update(f"Note on norm {number} (optional)")
        note = self.query_one("#norm-note", Input)
        with note.prevent(Input.Changed):
            note.value = readings.notes.get(norm.id, "")

    @on(Input.Changed, "#norm-note")
    def _note_changed(self, event: Input.Changed) -> None:
        readings = self.readings
        norm = readings.current
        if norm is not None:
            readings.set_note(norm, event.value)

    @on(Input.Submitted, "#norm-note")
    def _note_done(self, event: Input.Submitted) -> None:
        # Back to the list, on the next norm: read, note, read, note...
        event.prevent_default()
        readings = self.readings
        self.set_focus(readings)
        readings.action_cursor_down()
