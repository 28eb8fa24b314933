"""The footer every screen shows: the keys that work where you are."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

PALETTE_HINT_MIN_WIDTH = 100
"""Below this width the footer's room goes to the screen's own keys; ctrl+p still opens
the palette, and the help (?) says so."""


class KeysFooter(Footer):
    """A compact footer that drops the command-palette hint on narrow terminals."""

    DEFAULT_CSS = """
    KeysFooter.-compact FooterLabel { margin: 0 1 0 0; }
    KeysFooter.-compact KeyGroup.-compact { padding-left: 0; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= PALETTE_HINT_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            self.call_after_refresh(self.recompose)
