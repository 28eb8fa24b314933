"""The action-item list's actions (keys, footer, help and palette entries)."""

from __future__ import annotations

from facilitator.ui.actions import UiAction

ACTION_LIST_ACTIONS = (
    UiAction(
        "toggle_done",
        "Action items: mark done or open again",
        "Mark the highlighted action item done, or open it again; it is saved at once.",
        key="space,x",
        key_display="space/x",
        footer="Done/open",
    ),
    UiAction(
        "show_open",
        "Action items: show the open ones",
        "Every action item not done yet, overdue ones included.",
        key="1",
        footer="Open",
        group="Show",
    ),
    UiAction(
        "show_overdue",
        "Action items: show the overdue ones",
        "Open action items whose due date has passed.",
        key="2",
        footer="Overdue",
        group="Show",
    ),
    UiAction(
        "show_done",
        "Action items: show the done ones",
        "Action items marked done.",
        key="3",
        footer="Done",
        group="Show",
    ),
    UiAction(
        "show_all",
        "Action items: show all",
        "Open, done and dropped action items alike.",
        key="4",
        footer="All",
        group="Show",
    ),
    UiAction(
        "toggle_grouping",
        "Action items: group by owner or by due date",
        "Switch between one list by due date and one group per owner.",
        key="g",
        footer="Group",
    ),
    UiAction(
        "search",
        "Action items: search",
        "Type words to find action items by what is to be done (words in any form, "
        '"a phrase", -word to leave one out).',
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "back",
        "Action items: back",
        "Clear the search, or return to the previous screen.",
        key="escape",
        footer="Back",
    ),
)
