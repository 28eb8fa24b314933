"""The forms of the planning screens: meeting details, an agenda item, a role, a guest.

Each function returns the fields and the function that saves them (run by `FormModal`
in a thread); the services check the values and raise InvalidInput with sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from facilitator.domain.enums import ItemKind
from facilitator.domain.meeting_view import AgendaLine, MeetingPlan, RoleLine
from facilitator.domain.planning import ItemDraft, MeetingDraft
from facilitator.domain.text import clock_label, local
from facilitator.pack.deciding import method_options
from facilitator.ui.modals.form import Field, Values

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.ui.backend import Backend

KINDS = (
    ("Information: share and hear", ItemKind.INFORMATION.value),
    ("Discussion: think it through together", ItemKind.DISCUSSION.value),
    ("Decision: decide, saying how first", ItemKind.DECISION.value),
)


def meeting_fields(plan: MeetingPlan | None, backend: Backend, today: date) -> list[Field]:
    """Title, date, time, length, place, purpose and goals, filled from `plan` if any."""
    if plan is not None:
        start = local(plan.scheduled_start, backend.tz)
        values = (plan.title, f"{start:%Y-%m-%d}", clock_label(start), str(plan.planned_minutes))
        extra = (plan.location, plan.purpose, "\n".join(plan.goals))
    else:
        values = ("", f"{today + timedelta(days=7):%Y-%m-%d}", "15:30", "60")
        extra = ("", "", "")
    return [
        Field("title", "Title", values[0], placeholder="e.g. December leadership team meeting"),
        Field("date", "Date", values[1], help="2026-12-07, 7 Dec 2026, Dec 7, tomorrow, fri..."),
        Field("time", "Start time", values[2], help="15:30 or 3:30 pm"),
        Field("minutes", "Planned length in minutes", values[3]),
        Field("location", "Location", extra[0], placeholder="e.g. Library"),
        Field("purpose", "Purpose: the problem to work on", extra[1]),
        Field("goals", "A few specific goals, one per line", extra[2], kind="text"),
    ]


def meeting_draft(values: Values) -> MeetingDraft:
    return MeetingDraft(
        title=str(values["title"]),
        date=str(values["date"]),
        time=str(values["time"]),
        minutes=str(values["minutes"]),
        location=str(values["location"]),
        purpose=str(values["purpose"]),
        goals=str(values["goals"]),
    )


def item_fields(line: AgendaLine | None, plan: MeetingPlan, pack: Pack) -> list[Field]:
    """The agenda-item form, filled from `line` when editing."""
    protocols = tuple((p.name, pid) for pid, p in pack.protocols.items())
    presenter = line.presenter if line else None
    return [
        Field("title", "Title", line.title if line else ""),
        Field("minutes", "Planned minutes", str(line.minutes) if line else "10"),
        Field(
            "kind",
            "Kind",
            line.kind if line else ItemKind.DISCUSSION.value,
            kind="select",
            options=KINDS,
        ),
        Field(
            "presenter",
            "Presenter",
            presenter.name if presenter else "",
            suggestions=tuple(m.name for m in plan.members),
            help="A team member (type a few letters, then → to complete), or tick guest.",
        ),
        Field(
            "guest",
            "The presenter is a guest",
            bool(presenter and presenter.is_guest),
            kind="check",
        ),
        Field("goal", "Goal of the discussion", line.goal if line else ""),
        Field(
            "process",
            "Process or protocol",
            (line.process_id or "") if line else "",
            kind="select",
            options=protocols,
            help="Its steps come with it; see the library (l) for each protocol.",
        ),
        Field(
            "method",
            "How it will be decided",
            (line.decision_method or "") if line else "",
            kind="select",
            options=method_options(pack),
            help="For a decision item: the live decision form starts with it. Not sure? "
            "ctrl+r asks how you should decide and recommends a method.",
        ),
        Field("notes", "Notes for the facilitator", line.notes if line else "", kind="text"),
    ]


def item_draft(values: Values) -> ItemDraft:
    return ItemDraft(
        title=str(values["title"]),
        minutes=str(values["minutes"]),
        goal=str(values["goal"]),
        presenter=str(values["presenter"]),
        presenter_is_guest=bool(values["guest"]),
        kind=str(values["kind"]) or ItemKind.DISCUSSION.value,
        process_id=str(values["process"]) or None,
        decision_method=str(values["method"]),
        continuum=str(values.get("continuum", "")),
        decision_reason=str(values.get("reason", "")),
        notes=str(values["notes"]),
    )


def role_fields(role: RoleLine, plan: MeetingPlan) -> list[Field]:
    holder = role.holder
    return [
        Field(
            "holder",
            f"Who is the {role.label.lower()}?",
            holder.name if holder else "",
            suggestions=tuple(m.name for m in plan.members),
            help="Type a member's name (→ completes it); leave it empty to leave the role open.",
        ),
        Field(
            "guest",
            "They are a guest, not a team member",
            bool(holder and holder.is_guest),
            kind="check",
        ),
    ]


def role_intro(role: RoleLine, pack: Pack) -> str:
    """The role's focus from the content pack, shown above the form."""
    entry = pack.roles.get(role.role)
    return entry.focus if entry is not None else f"{role.label}: a role of the team's own."


def role_duties(role: RoleLine, pack: Pack) -> str:
    """The role's duties from the content pack, shown under the form ("" for a role of
    the team's own)."""
    entry = pack.roles.get(role.role)
    if entry is None:
        return ""
    lines = ["What the role does:"]
    for heading, duties in (
        ("", entry.duties),
        ("Before: ", entry.before),
        ("During: ", entry.during),
        ("After: ", entry.after),
    ):
        lines += [f"• {heading}{duty}" for duty in duties]
    return "\n".join(lines)


Saver = Callable[[Values], object]
