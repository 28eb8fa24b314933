"""A checkbox whose long label wraps under it instead of running past the form's edge."""

from __future__ import annotations

from typing import cast

from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import Checkbox


class FormCheckbox(Checkbox):
    """Textual's checkbox keeps to one line, so at 80x24 "No one can take it yet: owner
    to be decided (the minutes say so)" lost its end at the form's border. This one
    takes the lines its label needs at its width."""

    DEFAULT_CSS = "FormCheckbox { width: 1fr; height: auto; text-wrap: wrap; }"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(self.render().get_height(cast(RulesMap, self.styles), width), 1)
