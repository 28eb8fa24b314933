"""The first-run welcome: what facilitator is, and two ways to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button, Static

WELCOME = (
    "facilitator guides a team through a meeting: agenda and timekeeping, roles, norms, "
    "a parking lot, decisions, closure and minutes. "
    "Everything is saved on this computer as you go."
)


class Welcome(Vertical):
    """Shown on the home screen while there are no teams (mounted only then)."""

    DEFAULT_CSS = """
    Welcome {
        padding: 1 4;
        height: 1fr;
        #welcome-title { text-style: bold; color: $accent; margin-bottom: 1; }
        #welcome-body { margin-bottom: 1; }
        #welcome-hint { color: $text-muted; margin-bottom: 1; }
        #welcome-buttons { height: auto; width: auto; }
        #welcome-buttons Button { margin: 0 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Welcome to facilitator", id="welcome-title")
        yield Static(WELCOME, id="welcome-body")
        yield Static(
            "Start with your own team, or look around a demo school leadership team first.",
            id="welcome-hint",
        )
        with Center(), Horizontal(id="welcome-buttons"):
            yield Button("Create a team", id="create-team", variant="primary")
            yield Button("Load the demo team", id="load-demo")
