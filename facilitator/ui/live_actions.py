"""The live screen's actions (see `facilitator.ui.actions`).

The plain keys are the ones in ../shared/DESIGN.md; while the notes editor has focus
they type letters, so each meeting key that the recorder needs there also has a
function key (`typing_key`).
"""

from __future__ import annotations

from facilitator.ui.actions import UiAction

SPEAKER_KEYS = tuple(str(n) for n in range(1, 10))
"""Members 1 to 9 of the speaker list join (or leave) the queue with their number."""

LIVE_ACTIONS = (
    UiAction(
        "start_pause",
        "Timer: start or pause",
        "Start the item's clock (the first start begins the meeting), or pause it.",
        key="space",
        footer="Start/pause",
        typing_key="f2",
    ),
    UiAction(
        "next_item",
        "Timer: next item",
        "Move on to the next agenda item; a running clock moves with you.",
        key="n",
        footer="Next",
        typing_key="f4",
    ),
    UiAction(
        "previous_item",
        "Timer: previous item",
        "Go back to the item before; its time carries on from where it stopped.",
        key="b",
        footer="Back",
        typing_key="f3",
    ),
    UiAction(
        "extend",
        "Timer: extend the item by a minute",
        "Give the current item one more minute.",
        key="plus,equals_sign",
        key_display="+",
        footer="+1 min",
        typing_key="f6",
    ),
    UiAction(
        "shorten",
        "Timer: shorten the item by a minute",
        "Take a minute off the current item (it keeps at least one).",
        key="minus",
        key_display="-",
        footer="-1 min",
        typing_key="f5",
    ),
    UiAction(
        "change_time",
        "Timer: extend or shorten by a typed amount",
        "Type the minutes to add (a minus sign takes them off).",
        key="e",
    ),
    UiAction(
        "set_warning",
        "Timer: set the warning time",
        'How many minutes before the end the timer turns amber and says "2 min left".',
    ),
    UiAction(
        "dismiss_time_up",
        "Timer: dismiss the time-up prompt",
        "Hide the prompt that says time is up for this item; it comes back if the item "
        "runs out of time again.",
        key="i",
    ),
    UiAction(
        "step_next",
        "Steps: next step of the protocol",
        "Mark the next step of the item's process as the current one; its own time starts.",
        key="right_square_bracket",
        key_display="]",
    ),
    UiAction(
        "step_previous",
        "Steps: previous step of the protocol",
        "Go back to the step before.",
        key="left_square_bracket",
        key_display="[",
    ),
    UiAction(
        "notes",
        "Notes: type the minutes of this item",
        "Put the cursor in the notes; they save as you type. escape leaves them.",
        key="m",
        footer="Notes",
    ),
    UiAction(
        "action_item",
        "Capture: action item",
        "What will be done, by whom and by when (who and when may wait for closure).",
        key="a",
        footer="Action",
        typing_key="f7",
    ),
    UiAction(
        "parking_lot",
        "Capture: parking lot",
        "Set an idea or issue aside so the meeting keeps its focus.",
        key="p",
        footer="Park",
        typing_key="f8",
    ),
    UiAction(
        "takeaway",
        "Capture: key take-away",
        "A key message of the meeting, for the minutes and the communication plan.",
        key="k",
        footer="Take-away",
        typing_key="f9",
    ),
    UiAction(
        "decision",
        "Capture: decision",
        "What was decided, how (the method) and the outcome.",
        key="d",
        footer="Decision",
        typing_key="f10",
    ),
    UiAction(
        "record_decision",
        "Decide: record the decision by its method",
        "Votes, dots, positions or who decides, counted as you type, with the outcome, "
        "rationale, review date and status of the item's latest decision.",
        key="v",
        typing_key="f11",
    ),
    UiAction(
        "norms",
        "Norms: show the team's norms",
        "The norms on one card, with a norms check (enter) from there.",
        key="o",
        footer="Norms",
    ),
    UiAction(
        "norms_check",
        "Norms: take a norms check",
        "For each norm, the team's quick read: honoured, partly or not, with a note.",
        key="h",
    ),
    UiAction(
        "process_check",
        "Process: process check",
        "Are we making progress? Is everyone in? Record the team's answer.",
        key="c",
        footer="Check",
    ),
    UiAction(
        "time_out",
        "Conflict: time-out card",
        "Pause the clock and show the conflict strategies, the ladder of inference and "
        "the interest-based principles; the time-out is recorded.",
        key="t",
        footer="Time-out",
    ),
    UiAction(
        "queue_speaker",
        "Speakers: add someone to the queue",
        "Members 1 to 9 join with their number; this adds anyone by name.",
        key="q",
        footer="Queue",
    ),
    UiAction(
        "queue_number",
        "Speakers: a member joins or leaves the queue",
        "Press the member's number from the speakers list.",
        key="1",
        key_display="1–9",
        builtin=True,
    ),
    UiAction(
        "next_speaker",
        "Speakers: next speaker",
        "End the current turn and give the floor to the first in the queue.",
        key="s",
        footer="Next speaker",
    ),
    UiAction(
        "end_meeting",
        "Meeting: end it and go to closure",
        "Stop the clock and walk through closure: action items, next agenda, take-aways, "
        "who tells whom, the parking lot, attendance.",
        key="x",
        footer="End",
    ),
    UiAction(
        "back",
        "Live: back to home",
        "Leave the live screen; the meeting's clock keeps its state.",
        key="escape",
        footer="Home",
    ),
)

KEYS_IN_HELP_ONLY = ("back", "queue_speaker")
"""Keys left out of the key bar to keep it to two rows at 80 columns (help lists them;
the speakers panel's title names 1-9 and q)."""
PAIRED = {"next_item": "previous_item", "extend": "shorten"}
"""Keys shown as one pair in the key bar ("n/b Next/Back"), again to fit two rows."""
PAIR_LABELS = {"next_item": "Next/Back", "extend": "±1 min"}


def key_pairs(*, typing: bool, running: bool) -> list[tuple[str, str]]:
    """The live screen's key bar: (key, label) for the letter keys, or for the function
    keys while the notes have focus (`typing`)."""
    labels = {"start_pause": "Pause" if running else "Start"}
    if typing:
        keyed = sorted(
            (action for action in LIVE_ACTIONS if action.typing_key),
            key=lambda action: int(str(action.typing_key).removeprefix("f")),
        )
        pairs = [(str(a.typing_key).upper(), labels.get(a.id, a.footer or a.name)) for a in keyed]
        return [*pairs, ("esc", "Leave notes")]
    shown = {a.id: a for a in LIVE_ACTIONS if a.footer and a.id not in KEYS_IN_HELP_ONLY}
    pairs = []
    for action in shown.values():
        if action.id in PAIRED.values():
            continue
        key = _shown_key(action)
        if action.id in PAIRED:
            key = f"{key}/{_shown_key(shown[PAIRED[action.id]])}"
        pairs.append((key, PAIR_LABELS.get(action.id, labels.get(action.id, action.footer or ""))))
    return [*pairs, ("?", "Help")]


def _shown_key(action: UiAction) -> str:
    return action.key_display or str(action.key).split(",")[0]
