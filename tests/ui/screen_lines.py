"""The terminal's picture as lines of text, to check what a region of it shows."""

from __future__ import annotations

import html
import re
from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget

_CELL = 12.2  # the width of a cell in Textual's SVG screenshots
_TEXT = re.compile(
    r'<text[^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]*line-(\d+)\)">(.*?)</text>', re.S
)


def screen_lines(app: App[Any]) -> list[str]:
    """What each row of the terminal shows (from Textual's own screenshot)."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        row, column = int(line), round(float(x) / _CELL)
        for offset, character in enumerate(html.unescape(text).replace("\xa0", " ")):
            if row < height and column + offset < width:
                rows[row][column + offset] = character
    return ["".join(row).rstrip() for row in rows]


def region_text(app: App[Any], region: Region) -> str:
    """The rows of `region`, cut to its columns."""
    lines = screen_lines(app)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right].rstrip() for line in lines)


def shown_text(widget: Widget) -> str:
    """What the screen shows where `widget` is, children included."""
    return region_text(widget.app, widget.region)
