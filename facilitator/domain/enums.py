"""Enumerations of the product, stored in the database as their plain string values."""

from __future__ import annotations

from enum import StrEnum


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"
    REOPENED = "reopened"
    """Closed once, opened again for corrections; closing it again dates the correction."""


class ItemKind(StrEnum):
    """What an agenda item asks of the team (Meetings That Work: a goal for each discussion)."""

    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"


class AttendanceStatus(StrEnum):
    """Whether an expected person came."""

    EXPECTED = "expected"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class ActionStatus(StrEnum):
    """An action item's state across meetings."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ParkingStatus(StrEnum):
    """A parking-lot item's disposition; open items stay on the team's list."""

    OPEN = "open"
    NEXT_AGENDA = "next_agenda"
    ACTION = "action"
    RESOLVED = "resolved"
    DROPPED = "dropped"


PARKING_WORDS = {
    ParkingStatus.OPEN: "kept open on the team's parking lot",
    ParkingStatus.NEXT_AGENDA: "on the next agenda",
    ParkingStatus.ACTION: "became an action item",
    ParkingStatus.RESOLVED: "resolved",
    ParkingStatus.DROPPED: "dropped",
}
"""How the minutes and the closure screen say each disposition."""


class NextAgendaStatus(StrEnum):
    """An item set aside for a later meeting's agenda."""

    OPEN = "open"
    CARRIED = "carried"
    DROPPED = "dropped"


class DecisionMethod(StrEnum):
    """The six methods of "Deciding How to Decide"."""

    UNANIMOUS = "unanimous"
    ONE_PERSON = "one_person"
    COMPROMISE = "compromise"
    MULTI_VOTE = "multi_vote"
    MAJORITY = "majority"
    CONSENSUS = "consensus"


class DecisionStatus(StrEnum):
    """Whether a decision has been reached."""

    OPEN = "open"
    DECIDED = "decided"
    DEFERRED = "deferred"
    NO_DECISION = "no_decision"


class VoteChoice(StrEnum):
    """What one member said: yes / no / abstain (majority vote, unanimous roll call),
    support / can live with / block (consensus), or consulted (one person decides)."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    SUPPORT = "support"
    LIVE_WITH = "live_with"
    BLOCK = "block"
    CONSULTED = "consulted"


class AfterBlock(StrEnum):
    """What follows a consensus that someone blocked."""

    DISCUSS = "discuss"  # more discussion
    FALLBACK = "fallback"  # the fallback method chosen in advance
    DEFER = "defer"  # the decision is deferred


class NormReading(StrEnum):
    """The team's quick read of one norm during a norms check."""

    HONOURED = "honoured"
    PARTLY = "partly"
    NOT_HONOURED = "not_honoured"


class CheckAnswer(StrEnum):
    """An answer in a process check ("are we making progress? is everyone in?")."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class EvaluationMode(StrEnum):
    """How an evaluation's responses are collected."""

    LAPTOP = "laptop"  # each member present answers in turn on a clean screen
    ROOM = "room"  # the facilitator enters the room's answers
