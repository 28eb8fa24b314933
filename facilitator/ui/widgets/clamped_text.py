"""Text that wraps to its width but keeps to a number of lines, ending in "…" where it
is cut, so a long title or warning never just stops at the edge of its box."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.scalar import Unit
from textual.widget import Widget

ELLIPSIS = "…"

Part = tuple[Content, int] | tuple[Content, int, Content]
"""A paragraph, the most lines it may take, and optionally a tail kept whole at its end
(a title's "· reopened for corrections": the title gives way, not what follows it)."""


def clamp(lines: list[Content], most: int, width: int, *, whole: bool = False) -> list[Content]:
    """The first `most` of `lines` (wrapped to `width`), the last ending in "…" when
    some were left out; after a space when that line is `whole` (ends its paragraph),
    so it does not look cut itself."""
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    mark = " " + ELLIPSIS if whole else ELLIPSIS
    last = kept[-1].rstrip()
    if last.cell_length + len(mark) > width:
        last, mark = last.truncate(width - 1), ELLIPSIS
    kept[-1] = last + mark
    return kept


def clamped_lines(parts: Sequence[Part], width: int, total: int | None = None) -> list[Content]:
    """Each part wrapped to `width` and kept to its lines; all of them to `total`."""
    width = max(width, 2)
    lines: list[Content] = []
    ends: list[int] = []  # the index of each part's last line
    for content, most, *tail in parts:
        lines += (
            _with_tail(content, tail[0], most, width) if tail else _wrapped(content, most, width)
        )
        ends.append(len(lines) - 1)
    if total is None or len(lines) <= total:
        return lines
    return clamp(lines, total, width, whole=total - 1 in ends)


def _wrapped(content: Content, most: int, width: int) -> list[Content]:
    wrapped = [line for piece in content.split() for line in piece.wrap(width)]
    return clamp(wrapped, most, width)


def _with_tail(content: Content, tail: Content, most: int, width: int) -> list[Content]:
    """`content` then `tail`; if they need more than `most` lines, `content` is cut
    (with "…") where the tail still fits on the last line."""
    whole = _wrapped(content + tail, most + 1, width)
    if len(whole) <= most or tail.cell_length + 2 > width:
        return clamp(whole, most, width)
    lines = [line for piece in content.split() for line in piece.wrap(width)][:most]
    room = width - tail.cell_length - 1
    lines[-1] = lines[-1].rstrip().truncate(room) + ELLIPSIS + tail
    return lines


class ClampedText(Widget):
    """Paragraphs, each wrapped and kept to its own number of lines; a `max-height` in
    cells (from CSS) keeps the whole to that many lines the same way."""

    DEFAULT_CSS = "ClampedText { height: auto; }"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.parts: tuple[Part, ...] = ()

    def show(self, parts: Sequence[Part]) -> None:
        """Show `parts`: (paragraph, most lines) pairs, in order."""
        if tuple(parts) != self.parts:
            self.parts = tuple(parts)
            self.refresh(layout=True)

    @property
    def text(self) -> str:
        """Everything it holds, uncut, one part a line."""
        return "\n".join("".join(piece.plain for piece in part[::2]) for part in self.parts)

    def _total(self) -> int | None:
        limit = self.styles.max_height
        if limit is None or limit.unit != Unit.CELLS:
            return None
        spacing = self.styles.gutter.height
        return max(int(limit.value) - spacing, 1)

    def _lines(self, width: int) -> list[Content]:
        return clamped_lines(self.parts, width, self._total())

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))
