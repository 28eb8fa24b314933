"""The countdown's big figure, drawn in block characters and as large as its space
allows: three rows on a laptop terminal, a screen-filling figure on a projector."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

GLYPHS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
PIXEL_ROWS = 5
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def pixels(text: str, scale: int) -> list[list[bool]]:
    """The figure as rows of pixels, each glyph pixel `scale` wide and high, with a
    one-pixel (scaled) gap between glyphs."""
    rows: list[list[bool]] = [[] for _ in range(PIXEL_ROWS * scale)]
    for index, char in enumerate(text):
        glyph = GLYPHS.get(char, GLYPHS[" "])
        for row_index, row in enumerate(glyph):
            line = [cell == "#" for cell in row for _ in range(scale)]
            if index:
                line = [False] * scale + line
            for repeat in range(scale):
                rows[row_index * scale + repeat].extend(line)
    return rows


def figure_width(text: str, scale: int) -> int:
    return sum(len(GLYPHS.get(c, GLYPHS[" "])[0]) * scale for c in text) + scale * max(
        len(text) - 1, 0
    )


def figure_height(scale: int) -> int:
    """Terminal rows the figure takes (two pixel rows to a row)."""
    return (PIXEL_ROWS * scale + 1) // 2


def render_figure(text: str, scale: int) -> list[str]:
    """The figure as lines of half-block characters (two pixel rows per line)."""
    rows = pixels(text, scale)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]) if rows else [])
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        lines.append("".join(HALF_BLOCKS[pair] for pair in zip(top, bottom, strict=True)))
    return lines


def best_scale(text: str, width: int, height: int, most: int = 6) -> int:
    """The largest scale (at least 1) at which `text` fits `width` x `height` cells."""
    scale = 1
    for candidate in range(2, most + 1):
        if figure_width(text, candidate) <= width and figure_height(candidate) <= height:
            scale = candidate
    return scale


class BigClock(Widget):
    """Shows `figure` ("12:30", "+1:05") centred, scaled to the widget's size. Its colour
    comes from CSS (the screen sets a class per phase)."""

    DEFAULT_CSS = """
    BigClock { height: 3; width: 1fr; content-align: center middle; }
    """

    figure: reactive[str] = reactive("", layout=False)
    largest_scale = 6
    """How large the figure may grow (a projector's view lets it fill a 4K screen)."""

    def render(self) -> Text:
        if not self.figure:
            return Text("")
        width, height = self.content_region.size
        # Size the figure for its widest likely text so it does not jump between
        # scales as "10:00" turns into "9:59".
        sizing = "8" * sum(ch.isdigit() for ch in self.figure) + ":" * self.figure.count(":")
        sizing += "+" if "+" in self.figure else ""
        scale = best_scale(sizing, width, height, self.largest_scale)
        lines = render_figure(self.figure, scale)
        return Text("\n".join(lines), no_wrap=True, overflow="crop")
