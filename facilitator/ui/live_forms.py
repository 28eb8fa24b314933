"""The live screen's forms and cards: captures, checks, the time-out card, the norms.

Each function returns what `FormModal` needs; the services check the values and raise
InvalidInput with sentences shown beside the fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.enums import CheckAnswer
from facilitator.domain.room import Room
from facilitator.errors import InvalidInput
from facilitator.pack.deciding import method_options
from facilitator.ui.modals.form import Field, Values

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.services.room import Queued

ANSWERS = (
    ("Yes", CheckAnswer.YES.value),
    ("Partly", CheckAnswer.PARTLY.value),
    ("No", CheckAnswer.NO.value),
)


def member_names(room: Room) -> tuple[str, ...]:
    """Everyone on the speakers list: the members present, then the guests."""
    return tuple(member.name for member in room.members)


def queue_fields(room: Room) -> list[Field]:
    return [
        Field(
            "name",
            "Who wants the floor",
            suggestions=member_names(room),
            help="Anyone here: type a few letters, then → to complete. A name not on the "
            "list joins as a guest of this meeting.",
        )
    ]


def queued_words(queued: Queued) -> str:
    """What the screen says once `q` has queued someone."""
    who = f"{queued.name} (a guest of this meeting)" if queued.new_guest else queued.name
    if not queued.queued:
        return f"{who} is already waiting or speaking."
    return f"{who} joins the speaker queue."


def action_fields(room: Room) -> list[Field]:
    return [
        Field("what", "What will be done", placeholder="e.g. Share the data summary with staff"),
        Field(
            "owner",
            "Who will do it",
            suggestions=member_names(room),
            help="A member (→ completes the name) or anyone else; may wait for closure.",
        ),
        Field("due", "By when", help="Dec 14, 2026-12-14, tomorrow, fri...; may wait for closure."),
    ]


def parking_fields(room: Room) -> list[Field]:
    return [
        Field("text", "What to set aside", placeholder="An idea or issue for later"),
        Field("raised_by", "Raised by", suggestions=member_names(room), help="Optional."),
    ]


def takeaway_fields() -> list[Field]:
    return [Field("text", "Key take-away message", kind="text")]


def method_for_process(process_id: str | None, pack: Pack) -> str:
    """The decision method an item's process stands for ("consensus" for the Consensus
    protocol), matched by id or name; "" when the process is not a decision method."""
    if not process_id:
        return ""
    protocol = pack.protocols.get(process_id)
    names = {process_id.casefold(), protocol.name.casefold() if protocol else ""} - {""}
    for entry_id, entry in pack.decision_methods.items():
        if names & {entry_id.casefold(), entry.method.value, entry.name.casefold()}:
            return entry.method.value
    return ""


def decision_fields(item_title: str, pack: Pack, method: str = "") -> list[Field]:
    """The decision form; `method` is chosen already (from the item's process)."""
    methods = method_options(pack)
    return [
        Field("question", "What was decided on", item_title),
        Field(
            "method",
            "How it was decided",
            method,
            kind="select",
            options=methods,
            help="Not sure? ctrl+r asks how you should decide and recommends a method.",
        ),
        Field(
            "outcome",
            "The outcome",
            kind="text",
            help="Leave empty if it is still open: saving opens the decision screen, "
            "which records the votes (or dots, positions) by the method and counts them.",
        ),
    ]


def minutes_fields(label: str, value: str = "", help: str = "") -> list[Field]:
    return [Field("minutes", label, value, help=help)]


def signed_minutes(values: Values, *, low: int, high: int) -> int:
    """A whole number of minutes from the form (a sign allowed), within low..high."""
    text = str(values["minutes"]).strip().replace("−", "-").removesuffix("min").strip()
    try:
        minutes = int(text)
    except ValueError:
        raise InvalidInput({"minutes": f'"{text}" is not a whole number of minutes.'}) from None
    if not low <= minutes <= high:
        raise InvalidInput({"minutes": f"Give a number from {low} to {high}."})
    return minutes


def process_check_fields() -> list[Field]:
    return [
        Field("progress", "Are we making progress?", kind="select", options=ANSWERS),
        Field("everyone_in", "Is everyone in?", kind="select", options=ANSWERS),
        Field("note", "What we will do about it (optional)"),
    ]


def process_check_intro(pack: Pack) -> str:
    protocol = pack.protocols.get("process-check")
    if protocol is None:
        return ""
    return "Questions to ask:\n" + "\n".join(f"• {q}" for q in protocol.questions)


def time_out_card(pack: Pack) -> str:
    """The time-out card: the conflict strategies, the ladder of inference questions and
    the interest-based principles, from the content pack."""
    parts: list[str] = []
    strategies = pack.protocols.get("conflict-time-out")
    if strategies is not None:
        parts.append("Conflict strategies")
        parts += [f"• {step.title}: {step.detail}" for step in strategies.steps]
    ladder = pack.protocols.get("ladder-of-inference")
    if ladder is not None:
        parts += ["", "Ladder of inference: ask"]
        parts += [f"• {question}" for question in ladder.questions]
    interests = pack.protocols.get("interest-based-problem-solving")
    if interests is not None and interests.contrasts:
        parts += ["", "Interest-based principles"]
        parts += [f"• {c.prefer} (instead of: {c.instead_of.lower()})" for c in interests.contrasts]
    sources = [p for p in (strategies, ladder, interests) if p is not None]
    if sources:
        names = "; ".join(sorted({p.source.section for p in sources}))
        parts += ["", f"From the guidebook: {names}."]
    return "\n".join(parts)


def time_out_fields(resume: bool) -> list[Field]:
    return [
        Field("note", "What came of it (optional)"),
        Field("resume", "Start the item's clock again", resume, kind="check"),
    ]


def norms_card(room: Room) -> str:
    if not room.norms:
        return "The team has no norms yet; add them on the team screen."
    lines = [f"{number}. {norm.text}" for number, norm in enumerate(room.norms, start=1)]
    checks = room.norms_checks
    lines += ["", f"Norms checks this meeting: {checks}."]
    return "\n".join(lines)
