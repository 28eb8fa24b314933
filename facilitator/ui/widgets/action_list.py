"""Open action items on the home screen; overdue ones say so in words, not only colour."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.domain.overview import ActionSummary, is_overdue
from facilitator.domain.text import short_day_label
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.quick_option_list import QuickOptionList


class ActionList(QuickOptionList):
    """One entry per open action item: due date, what, owner (and team)."""

    DEFAULT_CSS = """
    ActionList { height: 1fr; }
    """

    def show_actions(
        self, actions: tuple[ActionSummary, ...], *, today: date, show_team: bool
    ) -> None:
        """Replace the entries."""
        if not actions:
            self.set_options([Option(lit("No open action items.", "dim italic"), disabled=True)])
            return
        self.set_options([Option(_prompt(a, today, show_team), id=str(a.id)) for a in actions])


def _prompt(action: ActionSummary, today: date, show_team: bool) -> Content:
    if action.due_date is None:
        due: tuple[str, str] = ("no due date", "$text-muted")
    elif is_overdue(action.due_date, today):
        due = (f"OVERDUE, due {short_day_label(action.due_date, today)}", "bold $error")
    else:
        due = (f"due {short_day_label(action.due_date, today)}", "")
    owner = lit(action.owner) if action.owner else lit("owner not set", "italic")
    parts: list[Content | str | tuple[str, str]] = [lit(action.what), "\n  ", due, " · ", owner]
    if show_team:
        parts += [" · ", lit(action.team_name, "dim")]
    return join(*parts)
