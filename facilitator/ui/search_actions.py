"""The search screen's actions (keys, footer, help and palette entries).

The search box keeps the focus while results come and go, as the command palette's
does: the keys that move through the results and open one belong to the box
(`scope="search-box"`), so typing, moving and opening never change focus.
"""

from __future__ import annotations

from facilitator.ui.actions import UiAction

SEARCH_ACTIONS = (
    UiAction(
        "open_result",
        "Search: open the highlighted result",
        "Open its meeting at what was found: the plan of one still to come at its agenda "
        "item, the minutes of one held at its item or section.",
        key="enter",
        footer="Open",
        scope="search-box",
    ),
    UiAction(
        "cursor_up",
        "Search: previous result",
        "Highlight the result above.",
        key="up",
        key_display="↑",
        footer="Move",
        group="Move",
        scope="search-box",
    ),
    UiAction(
        "cursor_down",
        "Search: next result",
        "Highlight the result below.",
        key="down",
        key_display="↓",
        footer="Move",
        group="Move",
        scope="search-box",
    ),
    UiAction(
        "toggle_order",
        "Search: newest first or best match first",
        "Switch the order of the results between the newest meetings first and the best "
        "matches first.",
        key="ctrl+r",
        footer="Order",
    ),
    UiAction(
        "next_team",
        "Search: every team or one team",
        "Search one team's meetings, the next team each time, then every team's again.",
        key="ctrl+t",
        footer="Team",
    ),
    UiAction(
        "back",
        "Search: back",
        "Clear the search box, or return to the previous screen when it is empty.",
        key="escape",
        footer="Back",
    ),
)
