"""The parking-lot list's actions (keys, footer, help and palette entries)."""

from __future__ import annotations

from facilitator.ui.actions import UiAction

PARKING_ACTIONS = (
    UiAction(
        "open_meeting",
        "Parking lot: open the meeting the entry was raised in",
        "Plan it if it is still to come, go back into it if it is running, read its "
        "minutes if it is closed.",
        key="enter",
        footer="Open meeting",
        scope="parking",
    ),
    UiAction(
        "show_open",
        "Parking lot: show the open entries",
        "Entries still waiting for a disposition.",
        key="1",
        footer="Open",
        group="Show",
    ),
    UiAction(
        "show_all",
        "Parking lot: show every entry",
        "Open entries first, then those dealt with (next agenda, action item, resolved, dropped).",
        key="2",
        footer="All",
        group="Show",
    ),
    UiAction(
        "search",
        "Parking lot: search",
        'Type words to find entries and disposition notes (words in any form, "a phrase", '
        "-word to leave one out).",
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "back",
        "Parking lot: back",
        "Clear the search, or return to the previous screen.",
        key="escape",
        footer="Back",
    ),
)
