"""The footer every screen shows: the keys that work where you are, all of them.

Textual's footer keeps to one row and lets the keys that do not fit run off the right
edge: at 80 columns the home screen lost Refresh, Quit, Help and the palette hint. This
one wraps onto a second row (a third if ever needed) instead, so every key stays in
view, and the command palette's key is always shown, at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from facilitator.ui.widgets.key_bar import pack

Shown = tuple[object, ...]
FIRST_BUILD_POLL_SECONDS = 0.005


@dataclass(frozen=True)
class FooterEntry:
    """What one action shows: its key(s) and label, `width` cells with its margin."""

    bindings: tuple[tuple[Binding, bool, str], ...]
    """(binding, enabled, tooltip): one, or several sharing a group label."""
    keys: tuple[str, ...]
    label: str
    palette: bool = False

    @property
    def width(self) -> int:
        keys = sum(cell_len(key) for key in self.keys)
        if self.palette:
            return 1 + keys + 1 + cell_len(self.label)  # its left border, no margin
        return keys + 1 + cell_len(self.label) + 1


class KeysFooter(Footer):
    """A compact footer that wraps its keys onto as many rows as they need.

    Textual's footer rebuilds its keys every time the screen's bindings may have
    changed: each focus change, once per change even when several come together.
    Opening a form did it three or four times, a few milliseconds each, with the
    event loop held. This one rebuilds once per batch of changes, and only when the
    keys it shows (or the rows they need) differ from those it already shows."""

    DEFAULT_CSS = """
    KeysFooter { layout: vertical; height: auto; max-height: 3; }
    KeysFooter > HorizontalGroup { height: 1; width: 1fr; }
    KeysFooter.-compact FooterLabel { margin: 0 1 0 0; }
    KeysFooter.-compact KeyGroup.-compact { padding-left: 0; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=True)
        self._shown: Shown | None = None
        self._rebuild_asked = False
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
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
        shown = self._rows_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _available_width(self) -> int:
        # Before its first layout the footer has no size; it spans the screen.
        self._width = self.size.width or self.app.size.width
        return max(self._width, 1)

    def entries(self) -> list[FooterEntry]:
        """What the footer shows, in order: the focused widget's keys, the screen's, the
        app's (as Textual orders them), and the palette's key last."""
        active = self.screen.active_bindings
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        entries: list[FooterEntry] = []
        key_display = self.app.get_key_display
        firsts = [shown[0] for shown in by_action.values()]
        for group, members in groupby(firsts, lambda shown: shown[0].group):
            grouped = tuple(members)
            if group is not None and len(grouped) > 1:
                keys = tuple(key_display(binding) for binding, _, _ in grouped)
                entries.append(FooterEntry(grouped, keys, group.description))
            else:
                entries += [
                    FooterEntry((one,), (key_display(one[0]),), one[0].description)
                    for one in grouped
                ]
        palette = self._palette_binding()
        if palette is not None:
            shown = (palette, True, palette.tooltip or palette.description)
            entries.append(FooterEntry((shown,), (key_display(palette),), "palette", True))
        return entries

    def _palette_binding(self) -> Binding | None:
        """The command palette's key. Over a modal (a form) the screen's bindings leave
        out the app's, but the palette's key is a priority key and works there too."""
        app = self.app
        if not app.ENABLE_COMMAND_PALETTE:
            return None
        key = app.COMMAND_PALETTE_BINDING
        active = self.screen.active_bindings.get(key)
        if active is not None:
            return active.binding
        return next(iter(app._bindings.key_to_bindings.get(key, ())), None)

    def rows(self) -> list[list[FooterEntry]]:
        """The entries packed into rows of the footer's width."""
        entries = self.entries()
        width = self._available_width()
        return [[entries[i] for i in row] for row in pack([e.width for e in entries], width)]

    def _rows_shown(self) -> Shown:
        return tuple(
            tuple((entry.keys, entry.label, entry.bindings) for entry in row) for row in self.rows()
        )

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        for row in self.rows():
            with HorizontalGroup():
                for entry in row:
                    yield from self._entry_widgets(entry)

    def _entry_widgets(self, entry: FooterEntry) -> Iterator[FooterKey | FooterLabel | KeyGroup]:
        if entry.palette:
            ((binding, enabled, tooltip),) = entry.bindings
            yield FooterKey(
                binding.key,
                entry.keys[0],
                entry.label,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        elif len(entry.bindings) > 1:
            with KeyGroup(classes="-compact"):
                for (binding, enabled, tooltip), key in zip(
                    entry.bindings, entry.keys, strict=True
                ):
                    yield FooterKey(
                        binding.key,
                        key,
                        "",
                        binding.action,
                        disabled=not enabled,
                        tooltip=tooltip or binding.description,
                        classes="-grouped",
                    ).data_bind(compact=Footer.compact)
            yield FooterLabel(entry.label)
        else:
            ((binding, enabled, tooltip),) = entry.bindings
            yield FooterKey(
                binding.key,
                entry.keys[0],
                entry.label,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
