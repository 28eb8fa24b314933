"""Panels: the bordered lists and panes a screen is made of, several to a screen.

Every panel carries the `panel` class, whose look (app.tcss) draws the one with focus
with a heavy border and a bold, accented title: it shows in shape as well as colour.
A list panel also lands on a row when it gets focus, so enter acts at once, without an
arrow key first: the row used last if it is still there, else the first one that can
be chosen.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import OptionList

from facilitator.ui.widgets.form_checkbox import MarkedSelectionList
from facilitator.ui.widgets.wrapping_list import WrappingOptionList

PANEL = "panel"
"""The class that makes a widget or container look like a panel (see app.tcss)."""


Row = tuple[str | None, int | None]
"""A row remembered by its id (if it has one) and its place."""


def land_on_a_row(options: OptionList, remembered: Row) -> None:
    """Highlight a row that can be chosen, unless one is highlighted already: the one
    remembered (by id, else by place) if it still can be, else the first."""
    current = options.highlighted
    if current is not None and not options.get_option_at_index(current).disabled:
        return
    enabled = [
        index
        for index in range(options.option_count)
        if not options.get_option_at_index(index).disabled
    ]
    if not enabled:
        return
    row_id, place = remembered
    by_id = {options.get_option_at_index(index).id: index for index in enabled}
    if row_id is not None and row_id in by_id:
        options.highlighted = by_id[row_id]
    elif place is not None and place in enabled:
        options.highlighted = place
    else:
        options.highlighted = enabled[0]


def highlighted_row(options: OptionList) -> Row:
    """The highlighted row (id and place), or (None, None)."""
    index = options.highlighted
    if index is None or not options.option_count:
        return None, None
    return options.get_option_at_index(index).id, index


class _LandsOnARow:
    """Remembers the highlighted row on blur and lands on a row on focus (an option
    list or a selection list: both keep `highlighted` and their options by index)."""

    _last_row: Row = (None, None)

    def on_focus(self, _: events.Focus) -> None:
        land_on_a_row(self, self._last_row)  # type: ignore[arg-type]

    def on_blur(self, _: events.Blur) -> None:
        if self.highlighted is not None:  # type: ignore[attr-defined]
            self._last_row = highlighted_row(self)  # type: ignore[arg-type]


class PanelList(_LandsOnARow, WrappingOptionList):
    """An option list that is a panel: it looks like one, and lands on a row when
    focused (see the module's docstring); its wrapped options keep all their lines
    (`WrappingOptionList`). `framed=False`: a list inside a panel container, which
    draws the frame."""

    def __init__(self, *content: Any, framed: bool = True, **options: Any) -> None:
        super().__init__(*content, **options)
        self.set_class(framed, PANEL)


class PanelSelectionList(_LandsOnARow, MarkedSelectionList):
    """A selection list that is a panel, as `PanelList` is."""

    def __init__(self, *content: Any, **options: Any) -> None:
        super().__init__(*content, **options)
        self.add_class(PANEL)
