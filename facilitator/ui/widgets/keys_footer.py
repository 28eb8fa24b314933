"""The footer every screen shows: the keys that work where you are."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

PALETTE_HINT_MIN_WIDTH = 100
"""Below this width the footer's room goes to the screen's own keys; ctrl+p still opens
the palette, and the help (?) says so."""

Shown = tuple[tuple[str, str, bool, str], ...]
FIRST_BUILD_POLL_SECONDS = 0.005


class KeysFooter(Footer):
    """A compact footer that drops the command-palette hint on narrow terminals.

    Textual's footer rebuilds its keys every time the screen's bindings may have
    changed: each focus change, once per change even when several come together.
    Opening a form did it three or four times, a few milliseconds each, with the
    event loop held. This one rebuilds once per batch of changes, and only when the
    keys it shows are not the ones it already shows."""

    DEFAULT_CSS = """
    KeysFooter.-compact FooterLabel { margin: 0 1 0 0; }
    KeysFooter.-compact KeyGroup.-compact { padding-left: 0; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        # Right from the start, or the first resize would rebuild the keys at once.
        self.set_reactive(Footer.show_command_palette, self._wide(self.app.size.width))
        self._shown: Shown | None = None
        self._rebuild_asked = False

    @staticmethod
    def _wide(width: int) -> bool:
        return width >= PALETTE_HINT_MIN_WIDTH

    def on_resize(self, event: events.Resize) -> None:
        wide = self._wide(event.size.width)
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            self._ask_rebuild()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._ask_rebuild()

    def _ask_rebuild(self) -> None:
        if not self._rebuild_asked:
            self._rebuild_asked = True
            if self._shown is None:
                self._first_build()
            else:
                self.call_after_refresh(self._rebuild)

    def _first_build(self) -> None:
        """Build the keys once the screen around them has been shown.

        At start-up the first keys were built while the app still held its first frame
        back (Textual draws nothing until the app has mounted), and building them (some
        15 keys, each a widget) held it back longer: the home screen appeared a third
        later than a bare Textual app's. Now the screen is drawn first and the keys a
        moment after."""
        if getattr(self.app, "_batch_count", 0):  # the first frame is still held back
            self.set_timer(FIRST_BUILD_POLL_SECONDS, self._first_build)
            return
        self.screen.refresh()
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_asked = False
        if not self.is_attached:  # its screen closed while the rebuild waited
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> Shown:
        """What `Footer.compose` would show, to compare with what is on screen."""
        keys = tuple(
            (binding.key, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (*keys, ("palette", "", self.show_command_palette, ""))
