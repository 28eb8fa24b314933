"""The list of teams on the home screen, with "All teams" first."""

from __future__ import annotations

from textual.widgets.option_list import Option

from facilitator.domain.overview import TeamSummary
from facilitator.domain.text import plural
from facilitator.ui.actions import HOME_ACTIONS, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.quick_option_list import QuickOptionList

ALL_TEAMS = "all"


class TeamList(QuickOptionList):
    """Teams to filter the home screen by; the option id is the team id or "all"."""

    DEFAULT_CSS = """
    TeamList { height: 1fr; }
    """
    BINDINGS = bindings(HOME_ACTIONS, scope="teams")

    def show_teams(self, teams: tuple[TeamSummary, ...], selected: int | None) -> None:
        """Replace the options, keeping the highlight on the selected team."""
        options = [Option(lit("All teams", "bold"), id=ALL_TEAMS)]
        options += [
            Option(
                join(lit(team.name), "\n", (plural(team.member_count, "member"), "dim")),
                id=str(team.id),
            )
            for team in teams
        ]
        self.set_options(options)
        wanted = ALL_TEAMS if selected is None else str(selected)
        self.highlighted = next(
            (index for index, option in enumerate(options) if option.id == wanted), 0
        )
