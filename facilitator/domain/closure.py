"""True closure: the steps a team walks through before a meeting is closed, and what
still stands in the way.

Guidebook ("Meetings That Work"): every action item has an owner and a date, items for
the next agenda, key take-away messages, who tells whom, how and when; the parking lot
gets a disposition. An action item may go out with "owner to be decided", but only when
the team says so: nothing incomplete is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain.enums import AttendanceStatus, MeetingStatus
from facilitator.domain.minutes import ActionLine, Minutes, ParkingLine
from facilitator.domain.text import plural


class Step(StrEnum):
    """The closure steps, in the order the screen walks them."""

    PARKING = "parking"
    ACTIONS = "actions"
    NEXT_AGENDA = "next_agenda"
    TAKEAWAYS = "takeaways"
    COMMUNICATION = "communication"
    ATTENDANCE = "attendance"
    NOTES = "notes"
    CLOSE = "close"


STEP_TITLES = {
    Step.PARKING: "Parking lot",
    Step.ACTIONS: "Action items",
    Step.NEXT_AGENDA: "Next agenda",
    Step.TAKEAWAYS: "Take-aways",
    Step.COMMUNICATION: "Communication plan",
    Step.ATTENDANCE: "Attendance",
    Step.NOTES: "Notes",
    Step.CLOSE: "Close the meeting",
}

STEP_GUIDANCE = {
    Step.PARKING: "Enter gives an entry its disposition: keep it on the team's list, next "
    "agenda, action item, resolved or dropped.",
    Step.ACTIONS: "Each needs an owner and a due date. If no one can take one yet, t marks "
    'it "owner to be decided"; the minutes say so.',
    Step.NEXT_AGENDA: "What goes on the next meeting's agenda? The next plan offers these.",
    Step.TAKEAWAYS: "The key messages everyone should leave with.",
    Step.COMMUNICATION: "Who tells which stakeholders what, how and by when.",
    Step.ATTENDANCE: "Who came? p present, x absent, e excused; r marks the rest present.",
    Step.NOTES: "Read the notes once more and correct them before the minutes go out.",
    Step.CLOSE: "Close the meeting when every step is done; it can be reopened for corrections.",
}


@dataclass(frozen=True)
class StepState:
    """How one step stands: `problem` is the sentence that keeps the meeting open."""

    step: Step
    summary: str
    problem: str = ""

    @property
    def done(self) -> bool:
        return not self.problem


def step_states(minutes: Minutes) -> tuple[StepState, ...]:
    """Every step with a one-line summary and what (if anything) still blocks closing."""
    undecided, incomplete, unconfirmed = _open_counts(
        minutes.parking, minutes.actions, (a.status for a in minutes.attendees)
    )
    states = [
        StepState(
            Step.PARKING,
            f"{plural(len(minutes.parking), 'entry', 'entries')} · {undecided} to decide",
            _parking_problem(undecided),
        ),
        StepState(
            Step.ACTIONS,
            f"{plural(len(minutes.actions), 'item')} · {incomplete} incomplete",
            _actions_problem(incomplete),
        ),
        StepState(Step.NEXT_AGENDA, plural(len(minutes.next_agenda), "item")),
        StepState(Step.TAKEAWAYS, plural(len(minutes.takeaways), "message")),
        StepState(Step.COMMUNICATION, plural(len(minutes.communication), "line")),
        StepState(
            Step.ATTENDANCE,
            f"{len(minutes.present)} present · {len(minutes.attendees) - len(minutes.present)} not",
            _attendance_problem(unconfirmed),
        ),
        StepState(
            Step.NOTES,
            plural(sum(1 for item in minutes.items if item.notes.strip()), "item") + " with notes",
        ),
    ]
    blocking = [s.problem for s in states if s.problem]
    states.append(
        StepState(Step.CLOSE, _close_summary(minutes.status, blocking), " ".join(blocking))
    )
    return tuple(states)


def _close_summary(status: str, blocking: list[str]) -> str:
    """The last step's line: what closing stands at, for this meeting as it is now."""
    if status == MeetingStatus.CLOSED:
        return "closed"
    if blocking:
        return f"{plural(len(blocking), 'step')} to finish"
    return "ready to close again" if status == MeetingStatus.REOPENED else "ready to close"


def closing_problems(minutes: Minutes) -> list[str]:
    """What still keeps the meeting from closing, one sentence each (none: it may close)."""
    return blocking_problems(
        minutes.parking, minutes.actions, (a.status for a in minutes.attendees)
    )


def blocking_problems(
    parking: Iterable[ParkingLine], actions: Iterable[ActionLine], attendance: Iterable[str]
) -> list[str]:
    """`closing_problems` from only what can block closing: the parking lot, the action
    items and the attendance statuses (a service reads just these inside its write)."""
    undecided, incomplete, unconfirmed = _open_counts(parking, actions, attendance)
    sentences = (
        _parking_problem(undecided),
        _actions_problem(incomplete),
        _attendance_problem(unconfirmed),
    )
    return [sentence for sentence in sentences if sentence]


def _open_counts(
    parking: Iterable[ParkingLine], actions: Iterable[ActionLine], attendance: Iterable[str]
) -> tuple[int, int, int]:
    """Parking-lot entries without a disposition, incomplete action items, people not yet
    marked present, absent or excused."""
    return (
        sum(not p.decided for p in parking),
        sum(not a.complete for a in actions),
        sum(status == AttendanceStatus.EXPECTED for status in attendance),
    )


def _parking_problem(undecided: int) -> str:
    if not undecided:
        return ""
    entries = plural(undecided, "parking-lot entry has", "parking-lot entries have")
    return f"{entries} no disposition yet."


def _actions_problem(incomplete: int) -> str:
    if not incomplete:
        return ""
    items = plural(incomplete, "action item lacks", "action items lack")
    return f'{items} an owner or a due date (or the team\'s "owner to be decided").'


def _attendance_problem(unconfirmed: int) -> str:
    if not unconfirmed:
        return ""
    people = plural(unconfirmed, "person is", "people are")
    return f"{people} not yet marked present, absent or excused."
