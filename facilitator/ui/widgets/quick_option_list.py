"""An OptionList that draws its empty rows once per repaint instead of once per row."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class QuickOptionList(OptionList):
    """Textual's OptionList works out the style of every blank row below its options
    on its own (and brings its line table up to date for each row): an empty list the
    height of the home screen cost about 15 ms of the first paint's 250. Here the blank
    row is made once per repaint and reused."""

    _blank: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._blank = None  # the style may have changed since the last repaint
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self.scroll_offset.y + y < len(self._line_cache.lines):
            return super().render_line(y)
        if self._blank is None:
            self._blank = super().render_line(y)
        return self._blank
