"""The closure screen's forms and its rows: how each entry of a step reads in the list.

Rows are `Content` built from user text, so names, notes and titles show literally.
"""

from __future__ import annotations

from textual.content import Content

from facilitator.domain.enums import PARKING_WORDS, AttendanceStatus, ParkingStatus
from facilitator.domain.minutes import (
    ActionLine,
    CommunicationLine,
    ItemRecord,
    Minutes,
    NextAgendaLine,
    ParkingLine,
)
from facilitator.domain.text import day_label
from facilitator.ui.literal import join, lit
from facilitator.ui.modals.form import Field

DISPOSITIONS = (
    ("Keep it open on the team's parking lot", ParkingStatus.OPEN.value),
    ("Put it on the next agenda", ParkingStatus.NEXT_AGENDA.value),
    ("Make it an action item", ParkingStatus.ACTION.value),
    ("Resolved", ParkingStatus.RESOLVED.value),
    ("Dropped", ParkingStatus.DROPPED.value),
)
ATTENDANCE_WORDS: dict[str, str] = {
    AttendanceStatus.EXPECTED: "not marked yet",
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.ABSENT: "absent",
    AttendanceStatus.EXCUSED: "excused",
}


def attendance_word(status: str) -> str:
    """How the attendance step says a person's status."""
    return ATTENDANCE_WORDS.get(status, status)


def people(minutes: Minutes) -> tuple[str, ...]:
    """Names to offer as owners and messengers: everyone expected, then role holders."""
    names = [a.person.name for a in minutes.attendees]
    names += [r.holder.name for r in minutes.roles if r.holder]
    return tuple(dict.fromkeys(names))


# Rows ------------------------------------------------------------------------------------


def parking_row(entry: ParkingLine) -> Content:
    raised = f" (raised by {entry.raised_by.name})" if entry.raised_by else ""
    if entry.decided:
        state: tuple[str, str] = (f"✔ {PARKING_WORDS[ParkingStatus(entry.status)]}", "$success")
    else:
        state = ("✘ needs a disposition", "bold $error")
    note = f" — {entry.disposition_note}" if entry.disposition_note else ""
    return join(lit(entry.text, "bold"), lit(raised, "dim"), "\n  ", state, lit(note))


def action_row(action: ActionLine) -> Content:
    mark: tuple[str, str] = ("✔ ", "$success") if action.complete else ("✘ ", "bold $error")
    due = f"due {day_label(action.due)}" if action.due else "no due date"
    owner_style = "italic" if action.owner is None else ""
    done = f" · {action.status}" if action.status != "open" else ""
    return join(
        mark,
        lit(action.what, "bold"),
        "\n  ",
        lit(action.owner_label, owner_style),
        " · ",
        due,
        done,
    )


def next_row(entry: NextAgendaLine) -> Content:
    note = join("\n  ", lit(entry.note, "dim")) if entry.note else ""
    carried = " (already on a later agenda)" if entry.status == "carried" else ""
    return join(lit(entry.title, "bold"), carried, note)


def communication_row(line: CommunicationLine) -> Content:
    teller = line.messenger.name if line.messenger else "someone to be named"
    details = " · ".join(
        part
        for part in (
            f"to {line.stakeholders}" if line.stakeholders else "",
            f"by {teller}",
            line.method,
            line.timeline,
        )
        if part
    )
    return join(lit(line.key_message, "bold"), "\n  ", lit(details))


def notes_row(item: ItemRecord) -> Content:
    first = next((line for line in item.notes.splitlines() if line.strip()), "")
    lines = len(item.notes.splitlines())
    more = f" (+{lines - 1} lines)" if lines > 1 else ""
    body = lit(first + more) if first else lit("no notes", "dim italic")
    return join(lit(f"{item.position + 1}. {item.title}", "bold"), "\n  ", body)


# Forms -----------------------------------------------------------------------------------


def action_fields(action: ActionLine | None, names: tuple[str, ...]) -> list[Field]:
    return [
        Field("what", "What will be done", action.what if action else ""),
        Field(
            "owner",
            "Who will do it",
            action.owner.name if action and action.owner else "",
            suggestions=names,
            help="A member (→ completes the name) or anyone else.",
        ),
        Field(
            "due",
            "By when",
            action.due.isoformat() if action and action.due else "",
            help="Dec 14, 2026-12-14, tomorrow, fri...",
        ),
        Field(
            "to_be_decided",
            "No one can take it yet: owner to be decided (the minutes say so)",
            bool(action and action.owner_to_be_decided),
            kind="check",
        ),
    ]


def disposition_fields(entry: ParkingLine) -> list[Field]:
    chosen = entry.status if entry.decided else ""
    return [
        Field("disposition", "What happens to it", chosen, kind="select", options=DISPOSITIONS),
        Field("note", "Note", entry.disposition_note, help="Optional: why, or who takes it."),
    ]


def next_fields(entry: NextAgendaLine | None) -> list[Field]:
    return [
        Field("title", "Item for the next agenda", entry.title if entry else ""),
        Field("note", "Note", entry.note if entry else "", help="Optional."),
    ]


def takeaway_fields(text: str = "") -> list[Field]:
    return [Field("text", "Key take-away message", text, kind="text")]


def communication_fields(line: CommunicationLine | None, names: tuple[str, ...]) -> list[Field]:
    return [
        Field("key_message", "Key message", line.key_message if line else ""),
        Field(
            "stakeholders",
            "Which stakeholders hear it",
            line.stakeholders if line else "",
            placeholder="e.g. All teaching staff, families",
        ),
        Field(
            "messenger",
            "Who tells them",
            line.messenger.name if line and line.messenger else "",
            suggestions=names,
        ),
        Field(
            "method",
            "How",
            line.method if line else "",
            placeholder="e.g. Staff meeting, newsletter",
        ),
        Field("timeline", "When", line.timeline if line else "", placeholder="e.g. By Friday"),
    ]


def notes_fields(item: ItemRecord | None, body: str) -> list[Field]:
    label = f"Notes: {item.title}" if item else "Notes for the whole meeting"
    return [Field("body", label, body, kind="text")]
