"""The closure and minutes screens' actions (see `facilitator.ui.actions`)."""

from __future__ import annotations

from facilitator.ui.actions import UiAction

CLOSURE_ACTIONS = (
    UiAction(
        "next_step",
        "Closure: next step",
        "Go on to the next closure step.",
        key="n",
        footer="Next",
    ),
    UiAction(
        "previous_step",
        "Closure: previous step",
        "Go back to the step before.",
        key="b",
        footer="Back",
    ),
    UiAction(
        "add",
        "Closure: add",
        "Add an action item, a next-agenda item, a take-away or a "
        "line of the communication plan (the step shown).",
        key="a",
        footer="Add",
    ),
    UiAction(
        "edit",
        "Closure: edit the highlighted entry",
        "Change it; for a parking-lot entry, choose its disposition.",
        key="enter",
        footer="Edit",
    ),
    UiAction(
        "remove",
        "Closure: remove the highlighted entry",
        "Delete an action item, next-agenda item, take-away or communication line "
        "recorded by mistake.",
        key="delete",
        footer="Remove",
    ),
    UiAction(
        "to_be_decided",
        "Closure: owner to be decided",
        "Say, on purpose, that no one owns the highlighted action item yet; the minutes show it.",
        key="t",
        footer="TBD",
    ),
    UiAction("present", "Closure: mark present", "The highlighted person came.", key="p"),
    UiAction("absent", "Closure: mark absent", "The highlighted person did not come.", key="x"),
    UiAction("excused", "Closure: mark excused", "The highlighted person sent apologies.", key="e"),
    UiAction(
        "rest_present",
        "Closure: mark everyone else present",
        "Everyone not yet marked came.",
        key="r",
    ),
    UiAction(
        "close_meeting",
        "Closure: close the meeting",
        "Close it once every step is done (it can be reopened for corrections).",
        key="ctrl+s",
        footer="Close",
    ),
    UiAction(
        "reopen",
        "Closure: reopen for corrections",
        "Open a closed meeting again to correct its record; closing it again dates the "
        "correction in the minutes.",
        key="o",
    ),
    UiAction(
        "minutes",
        "Closure: preview the minutes",
        "Read the minutes as they will go out.",
        key="v",
        footer="Minutes",
    ),
    UiAction(
        "evaluate",
        "Evaluate: this meeting",
        "Plus/delta and the other instruments, each member present answering in turn "
        "(an evaluation left unfinished resumes).",
        key="E",
    ),
    UiAction(
        "back",
        "Closure: back",
        "Leave the closure screen (everything is saved).",
        key="escape",
        footer="Leave",
    ),
)

MINUTES_ACTIONS = (
    UiAction(
        "export",
        "Minutes: export",
        "Write the minutes as Markdown, a web page, text, "
        "an e-mail draft, a calendar, a spreadsheet of action items or JSON.",
        key="e",
        footer="Export",
    ),
    UiAction(
        "mark_sent",
        "Minutes: mark sent (or not sent)",
        "Record that the minutes went out now; press again to take it back.",
        key="s",
        footer="Mark sent",
    ),
    UiAction(
        "closure",
        "Minutes: closure",
        "Open the closure steps (reopen to correct).",
        key="c",
        footer="Closure",
    ),
    UiAction(
        "evaluate",
        "Evaluate: this meeting",
        "Plus/delta and the other instruments, each member present answering in turn "
        "(an evaluation left unfinished resumes).",
        key="E",
        footer="Evaluate",
    ),
    UiAction("back", "Minutes: back", "Return to where you were.", key="escape", footer="Back"),
)
