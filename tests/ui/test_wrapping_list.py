"""Options that wrap keep every line when the list's scroll bar shows (issue 15,
defect 7: at 80x24 closure's notes lost the end of an entry, "(+1" without "lines)")."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from facilitator.ui.widgets.wrapping_list import WrappingOptionList
from tests.ui.screen_lines import shown_text

# Each option takes two lines of the list's 21 cells, three of the 19 left beside the
# scroll bar: "aaaaaaaaa bbbbbbbbbb" no longer fits on one line.
OPTION = "aaaaaaaaa bbbbbbbbbb cccccc end"


class ListApp(App[None]):
    CSS = "OptionList { width: 21; height: 6; border: none; padding: 0; }"

    def compose(self) -> ComposeResult:
        yield WrappingOptionList("short")


async def test_the_last_line_of_a_wrapped_option_stays_when_the_scroll_bar_shows() -> None:
    """Regression (issue 15, defect 7)."""
    app = ListApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        # Replaced while the list has no scroll bar, as closure does at each step.
        options.clear_options()
        options.add_options([f"{OPTION}{n}" for n in range(4)])
        await pilot.pause()
        assert options.show_vertical_scrollbar
        text = shown_text(options)
        assert "end0" in text, text
