"""The help screen: every key and action of the screen below and of the app."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.ui.actions import UiAction
from facilitator.ui.literal import join

KEY_WIDTH = 10


class HelpModal(ModalScreen[None]):
    """Lists actions with their keys; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpModal { align: center middle; }
    HelpModal > VerticalScroll {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpModal .section { text-style: bold; margin-top: 1; }
    HelpModal .keys { height: auto; }
    HelpModal #help-footer { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(
        self, screen_name: str, screen_actions: Sequence[UiAction], app_actions: Sequence[UiAction]
    ) -> None:
        super().__init__()
        self.screen_name = screen_name
        self.screen_actions = screen_actions
        self.app_actions = app_actions

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            yield Static(f"Keys on this screen ({self.screen_name})", classes="section")
            yield self._table(self.screen_actions, "screen-keys")
            yield Static("Everywhere", classes="section")
            yield self._table(self.app_actions, "app-keys")
            yield Static(
                "tab and shift+tab move between panels; arrows move within one. "
                "Every action is also in the command palette (ctrl+p) under the name shown. "
                "Press escape to close this help.",
                id="help-footer",
            )

    def _table(self, actions: Sequence[UiAction], table_id: str) -> Static:
        lines = [
            join(
                ((action.shown_key or "palette").ljust(KEY_WIDTH), "bold $accent"),
                (action.name, "bold"),
                "\n",
                " " * KEY_WIDTH,
                (action.help, "dim"),
            )
            for action in actions
        ]
        return Static(Content("\n").join(lines), id=table_id, classes="keys")

    def action_close(self) -> None:
        self.dismiss()
