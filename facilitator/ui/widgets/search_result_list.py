"""The search screen's results: what was found, in which meeting, with the matching
words highlighted.

The snippet is people's text, so it is shown literally (`lit`): the highlight is a
style laid over the service's (start, end) offsets, never markup put into the text.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.domain.search_results import KIND_NAMES, SearchResult
from facilitator.domain.text import day_label
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.panel import PANEL
from facilitator.ui.widgets.wrapping_list import WrappingOptionList

HIGHLIGHT = "bold underline $text-accent"
"""The matching words: bold and underlined as well as coloured, so they show in shape
on any terminal, not in colour alone."""


def highlighted(snippet: str, highlights: tuple[tuple[int, int], ...]) -> Content:
    """`snippet` literally, with each (start, end) span in the highlight style."""
    content = lit(snippet)
    for start, end in highlights:
        if 0 <= start < end <= len(snippet):
            content = content.stylize(HIGHLIGHT, start, end)
    return content


def result_prompt(result: SearchResult) -> Content:
    """Three lines: the kind of record and its meeting; the meeting's team and day; the
    snippet (a long one wraps, so no line is indented)."""
    kind = KIND_NAMES.get(result.kind, result.kind).capitalize()
    return join(
        (kind, "bold"),
        " · ",
        lit(result.meeting_title, "bold"),
        "\n",
        lit(f"{result.team_name} · {day_label(result.day)}", "$text-muted"),
        "\n",
        highlighted(result.snippet, result.highlights),
    )


class SearchResultList(WrappingOptionList, can_focus=False):
    """The results of one query, one option each; the search box keeps the focus and
    moves the highlight (a click opens a result too)."""

    DEFAULT_CSS = """
    SearchResultList {
        height: 1fr;
        & > .option-list--option-highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, classes=PANEL)
        self.results: tuple[SearchResult, ...] = ()

    def show(self, results: tuple[SearchResult, ...]) -> None:
        """Replace the results, a rule between each two; the first is highlighted."""
        self.results = results
        options: list[Option | None] = []
        for result in results:
            options += [Option(result_prompt(result)), None]
        self.set_options(options[:-1])
        self.highlighted = 0 if results else None
        self.scroll_home(animate=False)

    def selected(self) -> SearchResult | None:
        """The highlighted result, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.results):
            return None
        return self.results[index]
