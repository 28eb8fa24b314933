"""A checkbox whose long label wraps under it instead of running past the form's edge,
and toggles (radio buttons, selection lists) that say their state without colour."""

from __future__ import annotations

from typing import cast

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist


def marked(button: Checkbox | RadioButton, drawn: Content) -> Content:
    """`drawn` (Textual's button, which shows its mark whether on or off and tells
    them apart by colour alone: found in tmux, where every box looked ticked) with the
    mark only when on."""
    if button.value:
        return drawn
    start = len(button.BUTTON_LEFT)
    end = start + len(button.BUTTON_INNER)
    left, inner, right = drawn.divide([start, end])
    blank = (" " * len(inner.plain), drawn.get_style_at_offset(start))
    return Content.assemble(left, blank, right)


class FormCheckbox(Checkbox):
    """Textual's checkbox keeps to one line, so at 80x24 "No one can take it yet: owner
    to be decided (the minutes say so)" lost its end at the form's border. This one
    takes the lines its label needs at its width."""

    DEFAULT_CSS = "FormCheckbox { width: 1fr; height: auto; text-wrap: wrap; }"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(self.render().get_height(cast(RulesMap, self.styles), width), 1)

    @property
    def _button(self) -> Content:
        return marked(self, super()._button)


class MarkedRadioButton(RadioButton):
    """A radio button whose dot shows only when it is chosen."""

    @property
    def _button(self) -> Content:
        return marked(self, super()._button)


class MarkedSelectionList(SelectionList[str]):
    """A selection list whose boxes show their X only when ticked."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if selection.value in self.selected or len(segments) < 2:
            return strip
        inner = segments[1]
        segments[1] = Segment(" " * len(inner.text), inner.style, inner.control)
        return Strip(segments, strip.cell_length)
