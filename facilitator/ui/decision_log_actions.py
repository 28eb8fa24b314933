"""The decision log's actions (keys, footer, help and palette entries)."""

from __future__ import annotations

from facilitator.ui.actions import UiAction

DECISION_LOG_ACTIONS = (
    UiAction(
        "open_record",
        "Decisions: open the highlighted decision",
        "Its full record: method, options, votes, the counted result, outcome, rationale "
        "and review date.",
        key="enter",
        footer="Open",
        scope="decisions",
    ),
    UiAction(
        "show_open",
        "Decisions: show the open ones",
        "Decisions not made yet: open or deferred.",
        key="1",
        footer="Open",
        group="Show",
    ),
    UiAction(
        "show_decided",
        "Decisions: show the decided ones",
        "Decisions the team has made.",
        key="2",
        footer="Decided",
        group="Show",
    ),
    UiAction(
        "show_review_due",
        "Decisions: show those due for review",
        "Decisions whose review date has come and whose review is on no agenda yet.",
        key="3",
        footer="Review due",
        group="Show",
    ),
    UiAction(
        "show_all",
        "Decisions: show all",
        "Every decision, whatever its status.",
        key="4",
        footer="All",
        group="Show",
    ),
    UiAction(
        "next_method",
        "Decisions: filter by method (the next one)",
        "Show only the decisions made by one method; press again for the next method, and "
        "after the last for any method.",
        key="m",
        footer="Method",
    ),
    UiAction(
        "search",
        "Decisions: search",
        "Type words to find in questions, options, outcomes and rationales.",
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "back",
        "Decisions: back",
        "Clear the search, or return to the previous screen.",
        key="escape",
        footer="Back",
    ),
)
