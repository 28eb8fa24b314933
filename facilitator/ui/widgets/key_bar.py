"""A footer that wraps: every key of a busy screen stays in view, on two rows at 80
columns and on one on a wide screen (Textual's footer keeps to one row and scrolls)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widget import Widget

KEY_STYLE = "bold"


def pack(sizes: Sequence[int], width: int, gap: int = 0) -> list[list[int]]:
    """Greedily fill rows of at most `width` cells with items of `sizes` (`gap` cells
    between two on a row), keeping their order; returns each row's item indexes. An
    item is never split; one wider than a row gets a row of its own."""
    rows: list[list[int]] = [[]]
    used = 0
    for index, size in enumerate(sizes):
        space = gap if rows[-1] else 0
        if rows[-1] and used + space + size > width:
            rows.append([])
            used, space = 0, 0
        rows[-1].append(index)
        used += space + size
    return rows


def pack_lines(pairs: Sequence[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Lines of at most `width` cells of "key label" pairs, two spaces apart."""
    sizes = [len(key) + 1 + len(label) for key, label in pairs]
    return [[pairs[i] for i in row] for row in pack(sizes, width, gap=2)]


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
