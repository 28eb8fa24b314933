"""A footer that wraps: every key of a busy screen stays in view, on two rows at 80
columns and on one on a wide screen (Textual's footer keeps to one row and scrolls)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widget import Widget

KEY_STYLE = "bold"


def pack_lines(pairs: Sequence[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Greedily fill lines of at most `width` cells with "key label" pairs (a pair is
    never split; one wider than a line gets a line of its own)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for key, label in pairs:
        size = len(key) + 1 + len(label)
        gap = 2 if lines[-1] else 0
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used, gap = 0, 0
        lines[-1].append((key, label))
        used += gap + size
    return lines


class KeyBar(Widget):
    """Shows `pairs` of (key, what it does), wrapped to the width."""

    DEFAULT_CSS = """
    KeyBar { height: auto; width: 1fr; background: $footer-background; padding: 0 1; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    """
    COMPONENT_CLASSES = {"key-bar--key"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pairs: tuple[tuple[str, str], ...] = ()

    def show(self, pairs: Sequence[tuple[str, str]]) -> None:
        if tuple(pairs) != self.pairs:
            self.pairs = tuple(pairs)
            self.refresh(layout=True)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(pack_lines(self.pairs, max(width, 1))) if self.pairs else 1

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text = Text(no_wrap=True, overflow="crop")
        for number, line in enumerate(pack_lines(self.pairs, max(self.content_size.width, 1))):
            if number:
                text.append("\n")
            for index, (key, label) in enumerate(line):
                if index:
                    text.append("  ")
                text.append(key, key_style)
                text.append(" " + label)
        return text
