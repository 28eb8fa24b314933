"""An option list whose wrapped options keep all their lines when its scroll bar shows."""

from __future__ import annotations

from facilitator.ui.widgets.quick_option_list import QuickOptionList


class WrappingOptionList(QuickOptionList):
    """Textual's option list, measuring its options again when its scroll bar comes or
    goes.

    Textual works out how many lines each option wraps to at the list's width when the
    option is added. When the options then overflow, the scroll bar takes two columns
    without the list being resized, so an option that now wraps to one more line kept
    its old count and lost its last line: at 80x24 closure's notes showed "(+1" without
    "lines)", a long parking-lot entry lost its end (issue 15, defect 7)."""

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        self._clear_caches()
