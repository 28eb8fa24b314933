"""A meeting's record as the minutes tell it: built from what was recorded, never typed twice.

One `Minutes` value feeds every minutes format (Markdown, HTML, text, e-mail, calendar,
spreadsheet, JSON) and the preview in the app, so they cannot disagree. Names are resolved
(`Person`); times are UTC and renderers put them on a wall clock. The evaluation results
it carries are those of `facilitator.domain.evaluation_results`, counted once for the
results screen, `facilitator evaluation` and the minutes alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from facilitator.domain.enums import ActionStatus, ParkingStatus
from facilitator.domain.evaluation_results import InstrumentResult
from facilitator.domain.meeting_date import held_at
from facilitator.domain.meeting_view import Attendee, Person, RoleLine, StepLine
from facilitator.domain.timer import Segment, run_seconds


@dataclass(frozen=True)
class ActionLine:
    """An action item: what, who, by when, and where it came from."""

    id: int
    what: str
    owner: Person | None
    due: date | None
    status: str = ActionStatus.OPEN
    owner_to_be_decided: bool = False
    agenda_item_id: int | None = None
    done_at: datetime | None = None

    @property
    def complete(self) -> bool:
        """Closure's rule: an owner and a due date, or the team said "owner to be decided"
        (a due date is still wanted then)."""
        return self.due is not None and (self.owner is not None or self.owner_to_be_decided)

    @property
    def owner_label(self) -> str:
        if self.owner is not None:
            return self.owner.name
        return "owner to be decided" if self.owner_to_be_decided else "no owner yet"


@dataclass(frozen=True)
class VoteLine:
    """One vote cast: dots on an option, a yes/no, or a consensus level with a block."""

    voter: Person | None
    option: str | None
    points: int = 1
    level: int | None = None
    blocks: bool = False
    note: str = ""
    choice: str | None = None
    """A `VoteChoice` value; None for dots on an option."""
    voting_round: int = 1


@dataclass(frozen=True)
class OptionLine:
    """An option on the table for a decision."""

    text: str
    chosen: bool = False
    voting_round: int = 1
    """The multi-vote round it was on the list for."""
    gives: str = ""
    """For a compromise: what the side holding this position gives."""


@dataclass(frozen=True)
class DecisionLine:
    """A decision: the question, how it was decided (method and its name), the result."""

    id: int
    question: str
    method: str | None
    method_name: str | None
    outcome: str
    status: str
    decided_at: datetime | None = None
    agenda_item_id: int | None = None
    decider: Person | None = None
    continuum_point: int | None = None
    threshold_percent: int | None = None
    options: tuple[OptionLine, ...] = ()
    votes: tuple[VoteLine, ...] = ()
    continuum_words: str = ""
    """The continuum point said in words: "Joint decision: co-construct"."""
    method_reason: str = ""
    threshold_kind: str | None = None
    quorum: int | None = None
    present_count: int | None = None
    """Members present when the vote was taken (for the quorum)."""
    ballot: tuple[int, int, int] | None = None
    """A secret ballot's yes, no and abstain counts (no votes recorded then)."""
    dot_budget: int | None = None
    voting_round: int = 1
    anonymous: bool = False
    after_block: str | None = None
    fallback_method: str | None = None
    fallback_name: str | None = None
    rationale: str = ""
    review_on: date | None = None


@dataclass(frozen=True)
class ItemRecord:
    """One agenda item as it went: planned against actual time, notes, what came of it."""

    id: int
    position: int
    title: str
    goal: str
    kind: str
    presenter: Person | None
    planned_minutes: int
    extra_seconds: int = 0
    process_id: str | None = None
    process: str | None = None
    facilitator_notes: str = ""
    steps: tuple[StepLine, ...] = ()
    segments: tuple[Segment, ...] = ()
    notes: str = ""
    decisions: tuple[DecisionLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()

    @property
    def actual_seconds(self) -> float:
        """Seconds the item's clock ran (an open segment counts to its start: a meeting's
        minutes are read after its clock has stopped)."""
        ends = [s.stopped_at for s in self.segments if s.stopped_at is not None]
        latest = max(ends, default=None)
        return run_seconds(self.segments, latest) if latest else 0.0

    @property
    def actual_minutes(self) -> int | None:
        """Whole minutes the item took, rounded; None if its clock never ran."""
        if not self.segments:
            return None
        return round(self.actual_seconds / 60)


@dataclass(frozen=True)
class ParkingLine:
    """A parking-lot entry and what the team did with it."""

    id: int
    text: str
    raised_by: Person | None
    status: str = ParkingStatus.OPEN
    disposition_note: str = ""
    disposed_at: datetime | None = None
    agenda_item_id: int | None = None
    action_item_id: int | None = None

    @property
    def decided(self) -> bool:
        """A disposition was chosen (keeping it open on the team's list is one)."""
        return self.status != ParkingStatus.OPEN or self.disposed_at is not None


@dataclass(frozen=True)
class NextAgendaLine:
    """An item set aside for the next meeting's agenda."""

    id: int
    title: str
    note: str = ""
    status: str = "open"


@dataclass(frozen=True)
class CommunicationLine:
    """Who tells which stakeholders what, how and when."""

    id: int
    key_message: str
    stakeholders: str = ""
    messenger: Person | None = None
    method: str = ""
    timeline: str = ""


@dataclass(frozen=True)
class RatingLine:
    """The team's read of one norm in a norms check."""

    norm: str
    reading: str
    note: str = ""


@dataclass(frozen=True)
class NormsCheckLine:
    checked_at: datetime
    agenda_item_id: int | None
    ratings: tuple[RatingLine, ...]


@dataclass(frozen=True)
class ProcessCheckLine:
    checked_at: datetime
    agenda_item_id: int | None
    progress: str
    everyone_in: str
    note: str = ""


@dataclass(frozen=True)
class TimeOutLine:
    started_at: datetime
    ended_at: datetime | None
    agenda_item_id: int | None
    note: str = ""


@dataclass(frozen=True)
class TurnLine:
    """A speaker-queue entry: queued, given the floor, done."""

    speaker: Person
    queued_at: datetime
    agenda_item_id: int | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True)
class NextMeeting:
    """The team's next meeting, if one is scheduled (for the calendar file)."""

    title: str
    scheduled_start: datetime
    planned_minutes: int
    location: str = ""

    @property
    def ends_at(self) -> datetime:
        return self.scheduled_start + timedelta(minutes=self.planned_minutes)


@dataclass(frozen=True)
class Recipient:
    """A team member with an e-mail address (the minutes' To: line)."""

    name: str
    email: str


@dataclass(frozen=True)
class Minutes:
    """Everything about a meeting that its minutes tell."""

    meeting_id: int
    team_name: str
    team_purpose: str
    title: str
    purpose: str
    goals: tuple[str, ...]
    scheduled_start: datetime
    planned_minutes: int
    location: str
    status: str
    started_at: datetime | None
    ended_at: datetime | None
    closed_at: datetime | None
    corrected_at: datetime | None
    sent_at: datetime | None
    roles: tuple[RoleLine, ...]
    attendees: tuple[Attendee, ...]
    norms: tuple[str, ...]
    items: tuple[ItemRecord, ...]
    other_actions: tuple[ActionLine, ...] = ()
    """Action items not tied to an agenda item (raised at closure, or from the parking lot)."""
    other_decisions: tuple[DecisionLine, ...] = ()
    meeting_notes: str = ""
    """Notes for the meeting as a whole, not for one item."""
    parking: tuple[ParkingLine, ...] = ()
    takeaways: tuple[str, ...] = ()
    next_agenda: tuple[NextAgendaLine, ...] = ()
    communication: tuple[CommunicationLine, ...] = ()
    norms_checks: tuple[NormsCheckLine, ...] = ()
    process_checks: tuple[ProcessCheckLine, ...] = ()
    time_outs: tuple[TimeOutLine, ...] = ()
    turns: tuple[TurnLine, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    next_meeting: NextMeeting | None = None
    team_kind: str | None = None
    template_id: str | None = None
    warning_seconds: int = 120
    evaluation: tuple[InstrumentResult, ...] = ()
    """The meeting's evaluation results, instrument by instrument: none when it was not
    evaluated or the facilitator left them out of the minutes."""

    @property
    def held_at(self) -> datetime | None:
        """When the meeting was held (`facilitator.domain.meeting_date.held_at`): the
        minutes are dated by its day, not the planned one."""
        starts = (s.started_at for item in self.items for s in item.segments)
        return held_at(self.started_at, starts)

    @property
    def actions(self) -> tuple[ActionLine, ...]:
        """Every action item of the meeting: by agenda item, then the others."""
        return (*(a for item in self.items for a in item.actions), *self.other_actions)

    @property
    def decisions(self) -> tuple[DecisionLine, ...]:
        return (*(d for item in self.items for d in item.decisions), *self.other_decisions)

    @property
    def present(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.status == "present")

    @property
    def absent(self) -> tuple[Attendee, ...]:
        """Everyone expected who did not come (absent or excused, or not marked present)."""
        return tuple(a for a in self.attendees if a.status != "present")

    def item_title(self, agenda_item_id: int | None) -> str | None:
        """The title of the agenda item with this id, if it is one of the meeting's."""
        return next((i.title for i in self.items if i.id == agenda_item_id), None)
