"""The team screen's actions (see `facilitator.ui.actions` for how the table is used)."""

from __future__ import annotations

from facilitator.ui.actions import UiAction

TEAM_ACTIONS = (
    UiAction(
        "edit_team",
        "Team: edit name, type and purpose",
        "Rename the team or change its type or purpose line.",
        key="e",
        footer="Edit team",
    ),
    UiAction(
        "add_member",
        "Members: add a member",
        "Add someone to the team.",
        key="a",
        footer="Add",
        scope="members",
    ),
    UiAction(
        "edit_member",
        "Members: edit the highlighted member",
        "Change their name, position or e-mail.",
        key="enter",
        footer="Edit",
        scope="members",
    ),
    UiAction(
        "remove_member",
        "Members: take the highlighted member off the team",
        "Old minutes keep their name.",
        key="delete",
        footer="Remove",
        scope="members",
    ),
    UiAction(
        "add_norm",
        "Norms: add a norm",
        "Adopt one of the Seven Norms or write your own.",
        key="a",
        footer="Add",
        scope="norms",
    ),
    UiAction(
        "develop_norms",
        "Norms: develop norms together",
        "Work through the Developing "
        "Norms prompts (time, listening, confidentiality...) one at a time.",
        key="w",
        footer="Develop norms",
    ),
    UiAction(
        "edit_norm",
        "Norms: reword the highlighted norm",
        "Change the norm's words.",
        key="enter",
        footer="Edit",
        scope="norms",
    ),
    UiAction(
        "norm_up",
        "Norms: move the highlighted norm up",
        "Reorder the team's norms.",
        key="ctrl+up,shift+up",
        key_display="^↑",
        footer="Up",
        scope="norms",
    ),
    UiAction(
        "norm_down",
        "Norms: move the highlighted norm down",
        "Reorder the team's norms.",
        key="ctrl+down,shift+down",
        key_display="^↓",
        footer="Down",
        scope="norms",
    ),
    UiAction(
        "retire_norm",
        "Norms: retire the highlighted norm",
        "It leaves the list; old minutes keep it.",
        key="delete",
        footer="Retire",
        scope="norms",
    ),
    UiAction(
        "archive_team",
        "Team: archive this team",
        "The team leaves the home screen; its meetings and minutes stay.",
        key="ctrl+a",
        key_display="^a",
    ),
    UiAction(
        "action_items",
        "Team: action items",
        "The team's action items across meetings: open, overdue, done; mark them done.",
        key="i",
        footer="Action items",
    ),
    UiAction(
        "self_assessment",
        "Team: take a self-assessment",
        "The leadership-team indicators, the coherence progression or another periodic "
        "instrument, taken by the team together and dated; a day already taken continues.",
        key="s",
    ),
    UiAction(
        "compare_self_assessments",
        "Team: compare its self-assessments",
        "The team's self-assessments of an instrument side by side, a column per date, "
        "with what changed in words.",
        key="c",
    ),
    UiAction("back", "Team: back", "Return to the previous screen.", key="escape", footer="Back"),
)
