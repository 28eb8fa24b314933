"""The history screen's actions (keys, footer, help and palette entries).

The status keys are digits and the others plain letters: they belong to the screen, so
while a date field has the focus they type into it instead (escape or enter gives the
focus back to the list).
"""

from __future__ import annotations

from facilitator.ui.actions import UiAction

HISTORY_ACTIONS = (
    UiAction(
        "open_meeting",
        "History: open the highlighted meeting",
        "The plan of a meeting still to come, the live screen of one running, the minutes "
        "of one held.",
        key="enter",
        footer="Open",
        scope="history-list",
    ),
    UiAction(
        "show_any",
        "History: every status",
        "Show meetings whatever their status.",
        key="1",
        footer="All",
        group="Show",
    ),
    UiAction(
        "show_planned",
        "History: planned meetings",
        "Show only the meetings still to come.",
        key="2",
        footer="Planned",
        group="Show",
    ),
    UiAction(
        "show_running",
        "History: running meetings",
        "Show only the meetings under way.",
        key="3",
        footer="Running",
        group="Show",
    ),
    UiAction(
        "show_closed",
        "History: closed meetings",
        "Show only the meetings held and closed (or reopened for corrections).",
        key="4",
        footer="Closed",
        group="Show",
    ),
    UiAction(
        "show_minutes_not_sent",
        "History: closed meetings whose minutes were not sent",
        "Show only the closed meetings whose minutes are not marked as sent.",
        key="5",
        footer="Not sent",
        group="Show",
    ),
    UiAction(
        "next_team",
        "History: the next team (or all teams)",
        "Show one team's meetings; press again for the next team, and after the last for "
        "every team's.",
        key="t",
        footer="Team",
    ),
    UiAction(
        "toggle_archived",
        "History: with or without archived teams",
        "Show the meetings of archived teams too, or leave them out again.",
        key="a",
        footer="Archived",
    ),
    UiAction(
        "dates",
        "History: date range",
        "Type the first and last day to show (YYYY-MM-DD; either may stay empty); tab "
        "moves between them, enter or escape returns to the list.",
        key="f",
        footer="Dates",
    ),
    UiAction(
        "search_meetings",
        "Search: every meeting's records",
        "Find words in every team's meetings: titles, notes, decisions, action items, "
        "parking lot, take-aways, time-outs and evaluation comments; enter opens one.",
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "back",
        "History: back",
        "Leave a date field for the list, or return to the previous screen.",
        key="escape",
        footer="Back",
    ),
)
