"""The rules a meeting plan and its agenda items must meet before they are saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Generic, TypeVar

from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.enums import DecisionMethod, ItemKind
from facilitator.domain.meeting_view import Person, RoleLine
from facilitator.domain.timeparse import (
    Unreadable,
    local_moment,
    parse_date,
    parse_minutes,
    parse_time,
)

T = TypeVar("T")

TITLE_MAX = 120
TEXT_MAX = 2000
MEETING_MINUTES = (5, 600)
ITEM_MINUTES = (1, 600)
AGENDA_ITEMS_MAX = 500
"""The most items a file may bring in (an agenda or minutes): a longer one is refused
before anything is written, so an import never holds the database for long."""
AGENDA_STEPS_MAX = 3_000
"""The most process steps an imported agenda may bring (written out or from the
protocols it names): 500 items with a six-step protocol each."""


@dataclass(frozen=True)
class MeetingDraft:
    """The meeting form as typed."""

    title: str
    date: str
    time: str
    minutes: str = "60"
    location: str = ""
    purpose: str = ""
    goals: str = ""


@dataclass(frozen=True)
class MeetingFields:
    """A meeting form that passed the rules, ready to save."""

    title: str
    start: datetime
    planned_minutes: int
    location: str
    purpose: str
    goals: str


@dataclass(frozen=True)
class Checked(Generic[T]):
    """The result of checking a form: the value, or problems by field, plus notes that do
    not stop saving (e.g. a date in the past)."""

    value: T | None
    problems: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def check_meeting(draft: MeetingDraft, *, today: date, tz: tzinfo | None) -> Checked[MeetingFields]:
    """Check the meeting form; a date before `today` is allowed but noted. Control
    characters are dropped (see `facilitator.domain.clean`)."""
    draft = _clean_meeting(draft)
    problems: dict[str, str] = {}
    notes: dict[str, str] = {}
    title = " ".join(draft.title.split())
    if not title:
        problems["title"] = "Give the meeting a title."
    elif len(title) > TITLE_MAX:
        problems["title"] = f"Keep the title under {TITLE_MAX} characters."
    day = _read(problems, "date", lambda: parse_date(draft.date, today=today))
    clock = _read(problems, "time", lambda: parse_time(draft.time))
    low, high = MEETING_MINUTES
    minutes = _read(problems, "minutes", lambda: parse_minutes(draft.minutes, low=low, high=high))
    for name, text in (("location", draft.location), ("purpose", draft.purpose)):
        if len(text.strip()) > TEXT_MAX:
            problems[name] = f"Keep this under {TEXT_MAX} characters."
    if day is not None and day < today:
        notes["date"] = "That date has passed: the meeting will be recorded as an earlier one."
    if problems or day is None or clock is None or minutes is None:
        return Checked(None, problems, notes)
    goals = "\n".join(line.strip() for line in draft.goals.splitlines() if line.strip())
    return Checked(
        MeetingFields(
            title=title,
            start=local_moment(day, clock, tz),
            planned_minutes=minutes,
            location=draft.location.strip(),
            purpose=draft.purpose.strip(),
            goals=goals,
        ),
        problems,
        notes,
    )


@dataclass(frozen=True)
class ItemDraft:
    """The agenda-item form as typed."""

    title: str
    minutes: str
    goal: str = ""
    presenter: str = ""
    presenter_is_guest: bool = False
    kind: str = ItemKind.DISCUSSION.value
    process_id: str | None = None
    notes: str = ""
    decision_method: str = ""
    continuum: str = ""
    """The continuum point "How should we decide?" was answered with, "1" to "7"."""
    decision_reason: str = ""
    """Its reason for the method, when the method is the one it gave."""


@dataclass(frozen=True)
class ItemFields:
    """An agenda item that passed the rules."""

    title: str
    minutes: int
    goal: str
    presenter_member_id: int | None
    presenter_name: str | None
    kind: ItemKind
    process_id: str | None
    notes: str
    decision_method: DecisionMethod | None = None
    """For a decision item: how the team plans to decide it."""
    continuum_point: int | None = None
    decision_reason: str = ""


def check_item(
    draft: ItemDraft, *, members: Sequence[Person], processes: Sequence[str] = ()
) -> Checked[ItemFields]:
    """Check the item form against the team's members and the pack's protocols.
    Control characters are dropped (see `facilitator.domain.clean`)."""
    draft = _clean_item(draft)
    problems: dict[str, str] = {}
    title = " ".join(draft.title.split())
    if not title:
        problems["title"] = "Give the item a title."
    elif len(title) > TITLE_MAX:
        problems["title"] = f"Keep the title under {TITLE_MAX} characters."
    low, high = ITEM_MINUTES
    minutes = _read(problems, "minutes", lambda: parse_minutes(draft.minutes, low=low, high=high))
    member_id, guest = _presenter(draft, members, problems)
    try:
        kind = ItemKind(draft.kind)
    except ValueError:
        problems["kind"] = "Choose information, discussion or decision."
        kind = ItemKind.DISCUSSION
    if draft.process_id and processes and draft.process_id not in processes:
        problems["process"] = f"There is no protocol called {draft.process_id}."
    method = _method(draft.decision_method, problems)
    point = _point(draft.continuum, problems) if method else None
    if problems or minutes is None:
        return Checked(None, problems)
    return Checked(
        ItemFields(
            title=title,
            minutes=minutes,
            goal=draft.goal.strip(),
            presenter_member_id=member_id,
            presenter_name=guest,
            kind=kind,
            process_id=draft.process_id or None,
            notes=draft.notes.strip(),
            decision_method=method,
            continuum_point=point,
            decision_reason=" ".join(draft.decision_reason.split()) if method else "",
        )
    )


def _point(text: str, problems: dict[str, str]) -> int | None:
    """The continuum point planned with the method, if any (1 to 7)."""
    if not text.strip():
        return None
    if not text.strip().isdigit() or not 1 <= int(text) <= 7:
        problems["method"] = "A continuum point is 1 to 7."
        return None
    return int(text)


def _method(text: str, problems: dict[str, str]) -> DecisionMethod | None:
    """The planned decision method, if one is chosen (one of the six)."""
    if not text.strip():
        return None
    try:
        return DecisionMethod(text.strip())
    except ValueError:
        problems["method"] = "Choose one of the six decision methods."
        return None


def _clean_meeting(draft: MeetingDraft) -> MeetingDraft:
    line, text = clean_line, clean_text
    return replace(
        draft,
        title=line(draft.title),
        date=line(draft.date),
        time=line(draft.time),
        minutes=line(draft.minutes),
        location=line(draft.location),
        purpose=text(draft.purpose),
        goals=text(draft.goals),
    )


def _clean_item(draft: ItemDraft) -> ItemDraft:
    line, text = clean_line, clean_text
    return replace(
        draft,
        title=line(draft.title),
        minutes=line(draft.minutes),
        goal=text(draft.goal),
        presenter=line(draft.presenter),
        notes=text(draft.notes),
    )


def _presenter(
    draft: ItemDraft, members: Sequence[Person], problems: dict[str, str]
) -> tuple[int | None, str | None]:
    name = " ".join(draft.presenter.split())
    if not name:
        return None, None
    match = next((m for m in members if m.name.casefold() == name.casefold()), None)
    if match is not None and match.member_id is not None:
        return match.member_id, None
    if draft.presenter_is_guest:
        return None, name
    problems["presenter"] = (
        f"{name} is not on the team; choose a member, or mark the presenter as a guest."
    )
    return None, None


def _read(problems: dict[str, str], name: str, read: Callable[[], T]) -> T | None:
    try:
        return read()
    except Unreadable as error:
        problems[name] = str(error)
        return None


CORE_ROLES = ("chair", "facilitator", "recorder", "timekeeper")


def role_warnings(roles: Sequence[RoleLine]) -> list[str]:
    """Warnings (never blocks) about the plan's roles: empty core roles, and the same
    person holding facilitator and chair (process and content want different people)."""
    warnings = []
    by_role = {role.role: role for role in roles}
    open_roles = [
        (role.label if role else role_id.capitalize()).lower()
        for role_id in CORE_ROLES
        if (role := by_role.get(role_id)) is None or role.holder is None
    ]
    if len(open_roles) == 1:
        warnings.append(f"No one is the {open_roles[0]} yet.")
    elif open_roles:
        listed = ", ".join(open_roles[:-1]) + f" and {open_roles[-1]}"
        warnings.append(f"No one holds these roles yet: {listed}.")
    chair, facilitator = by_role.get("chair"), by_role.get("facilitator")
    same = (
        chair is not None
        and facilitator is not None
        and chair.holder is not None
        and facilitator.holder is not None
        and chair.holder.name.casefold() == facilitator.holder.name.casefold()
    )
    if same and chair is not None and chair.holder is not None:
        warnings.append(
            f"{chair.holder.name} is both chair and facilitator; the facilitator keeps "
            "the process, so it helps if someone else leads the content."
        )
    return warnings
