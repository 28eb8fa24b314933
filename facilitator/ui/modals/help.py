"""The help screen: every key and action of the screen below and of the app."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from facilitator.ui.actions import UiAction
from facilitator.ui.literal import join, lit


class HelpModal(ModalScreen[None]):
    """Lists actions with their keys; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpModal { align: center middle; }
    HelpModal > VerticalScroll {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: round $accent;
        border-title-color: $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpModal .section { text-style: bold; margin-top: 1; color: $text-muted; }
    HelpModal Grid {
        grid-size: 2;
        grid-columns: 12 1fr;
        grid-rows: auto;
        height: auto;
    }
    HelpModal .key { text-style: bold; color: $accent; }
    HelpModal #help-footer { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(
        self,
        screen_name: str,
        screen_actions: Sequence[UiAction],
        app_actions: Sequence[UiAction],
    ) -> None:
        super().__init__()
        self.screen_name = screen_name
        self.screen_actions = screen_actions
        self.app_actions = app_actions

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            yield Static(lit(f"On this screen ({self.screen_name})"), classes="section")
            with Grid(id="screen-keys"):
                yield from self._rows(self.screen_actions)
            yield Static("Everywhere", classes="section")
            with Grid(id="app-keys"):
                yield from self._rows(self.app_actions)
            yield Static(
                "tab and shift+tab move between panels; the arrow keys move within one. "
                "Every action is also in the command palette (ctrl+p) under the name shown. "
                "escape closes this help.",
                id="help-footer",
            )

    @staticmethod
    def _rows(actions: Sequence[UiAction]) -> Iterator[Widget]:
        for action in actions:
            yield Static(lit(action.shown_key or "palette"), classes="key")
            yield Static(join((action.name, "bold"), "\n", (action.help, "dim")), name=action.id)

    def action_close(self) -> None:
        self.dismiss()
