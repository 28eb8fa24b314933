"""What a minutes file's values must be, beyond their JSON types: the lists a status or
a choice comes from, the ranges of numbers, names that may not be blank, text kept on
one line, and what the parts of the file must agree on (ids each naming one thing, an
anonymous vote naming no one).

Each problem is one sentence naming the field by its path
(`meeting.items[5].decisions[0].continuum_point`), raised as `UnreadableMinutes`.
"""

from __future__ import annotations

import json
from enum import StrEnum

from facilitator.domain.decision_tally import ThresholdKind
from facilitator.domain.enums import (
    ActionStatus,
    AfterBlock,
    AttendanceStatus,
    CheckAnswer,
    DecisionMethod,
    DecisionStatus,
    ItemKind,
    MeetingStatus,
    NextAgendaStatus,
    NormReading,
    ParkingStatus,
    VoteChoice,
)
from facilitator.domain.meeting_view import Attendee, Person, RoleLine, StepLine
from facilitator.domain.minutes import (
    ActionLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    NextAgendaLine,
    NextMeeting,
    OptionLine,
    ParkingLine,
    ProcessCheckLine,
    RatingLine,
    Recipient,
    VoteLine,
)


class UnreadableMinutes(ValueError):
    """A minutes file that cannot be read: `sentence` says why, and `path` where
    ("meeting.items[2].actions[0].due"; empty for the file as a whole)."""

    def __init__(self, sentence: str, path: str = "") -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.path = path


CHOICES: dict[tuple[type, str], type[StrEnum]] = {
    (Minutes, "status"): MeetingStatus,
    (Attendee, "status"): AttendanceStatus,
    (ItemRecord, "kind"): ItemKind,
    (DecisionLine, "method"): DecisionMethod,
    (DecisionLine, "status"): DecisionStatus,
    (DecisionLine, "threshold_kind"): ThresholdKind,
    (DecisionLine, "after_block"): AfterBlock,
    (DecisionLine, "fallback_method"): DecisionMethod,
    (VoteLine, "choice"): VoteChoice,
    (ActionLine, "status"): ActionStatus,
    (ParkingLine, "status"): ParkingStatus,
    (NextAgendaLine, "status"): NextAgendaStatus,
    (RatingLine, "reading"): NormReading,
    (ProcessCheckLine, "progress"): CheckAnswer,
    (ProcessCheckLine, "everyone_in"): CheckAnswer,
}
"""Text fields stored as one of an enumeration's values: a reader refuses any other."""

RANGES: dict[tuple[type, str], tuple[int, int | None]] = {
    (DecisionLine, "continuum_point"): (1, 7),
    (DecisionLine, "threshold_percent"): (1, 100),
    (DecisionLine, "quorum"): (1, None),
    (DecisionLine, "present_count"): (0, None),
    (DecisionLine, "dot_budget"): (1, None),
    (DecisionLine, "voting_round"): (1, None),
    (OptionLine, "voting_round"): (1, None),
    (VoteLine, "voting_round"): (1, None),
    (VoteLine, "points"): (0, None),
}
"""Whole numbers with a lowest (and perhaps a highest) value."""

NAMES = {(Person, "name"), (Minutes, "team_name"), (Minutes, "title")}
"""Text fields that may not be blank (an importer makes teams and members from them)."""

ONE_LINE = NAMES | {
    (Minutes, "location"),
    (ItemRecord, "title"),
    (NextAgendaLine, "title"),
    (NextMeeting, "title"),
    (NextMeeting, "location"),
    (RoleLine, "label"),
    (StepLine, "title"),
    (Recipient, "name"),
    (Recipient, "email"),
}
"""Text fields on one line: they lose line breaks and bidirectional controls too."""


def check_value(cls: type, name: str, value: object, path: str) -> None:
    """`value`, read for the field `name` of `cls`, is one of its choices, in its range
    and not a blank name."""
    choices = CHOICES.get((cls, name))
    if choices is not None and value is not None and value not in set(choices):
        listed = ", ".join(choice.value for choice in choices)
        raise UnreadableMinutes(f"{path} should be one of {listed}, not {shown(value)}.", path)
    limits = RANGES.get((cls, name))
    if limits is not None and isinstance(value, int):
        check_range(value, limits, path)
    if (cls, name) in NAMES and isinstance(value, str) and not value.strip():
        raise UnreadableMinutes(f"{path} is blank; it needs a name.", path)


def check_range(value: int, limits: tuple[int, int | None], path: str) -> None:
    low, high = limits
    if value < low or (high is not None and value > high):
        wanted = f"from {low} to {high}" if high is not None else f"from {low} up"
        raise wrong(path, f"a whole number {wanted}", value)


def check_parts(minutes: Minutes) -> None:
    """Ids others refer to (items, actions) must each name one thing, and the decisions
    must agree with themselves."""
    unique([(f"meeting.items[{n}].id", item.id) for n, item in enumerate(minutes.items)])
    actions = [
        (f"meeting.items[{n}].actions[{k}].id", action.id)
        for n, item in enumerate(minutes.items)
        for k, action in enumerate(item.actions)
    ]
    actions += [
        (f"meeting.other_actions[{k}].id", a.id) for k, a in enumerate(minutes.other_actions)
    ]
    unique(actions)
    decisions = [
        (f"meeting.items[{n}].decisions[{k}]", decision)
        for n, item in enumerate(minutes.items)
        for k, decision in enumerate(item.decisions)
    ]
    decisions += [
        (f"meeting.other_decisions[{k}]", d) for k, d in enumerate(minutes.other_decisions)
    ]
    for path, decision in decisions:
        _check_decision(decision, path)


def _check_decision(decision: DecisionLine, path: str) -> None:
    """A percentage threshold says its percentage; an anonymous vote names no one."""
    if decision.threshold_kind == ThresholdKind.PERCENT and decision.threshold_percent is None:
        where = f"{path}.threshold_percent"
        wanted = 'a whole number from 1 to 100 when threshold_kind is "percent"'
        raise wrong(where, wanted, None)
    if decision.anonymous:
        for number, vote in enumerate(decision.votes):
            if vote.voter is not None:
                where = f"{path}.votes[{number}].voter"
                raise UnreadableMinutes(
                    f"{where} should be null: the vote was anonymous, so it names no one.", where
                )


def unique(ids: list[tuple[str, int]]) -> None:
    seen: dict[int, str] = {}
    for path, key in ids:
        if key in seen:
            raise UnreadableMinutes(f"{path} is {key}, the same id as {seen[key]}.", path)
        seen[key] = path


def wrong(path: str, wanted: str, value: object) -> UnreadableMinutes:
    return UnreadableMinutes(f"{path} should be {wanted}, not {shown(value)}.", path)


def shown(value: object) -> str:
    """A JSON value as the file writes it, cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
