"""The demo team's November decisions: at least one recorded by each of the six methods,
so a new user sees how each is recorded and counted.

Only the members present vote (Lena Fischer was excused; Sam Ortiz, a guest, has no
vote). The results are never written here: the minutes count them from the votes.
Each method's reason is the recommender's own, read from the content pack by its rank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from facilitator.domain.decision_tally import ThresholdKind
from facilitator.domain.enums import AfterBlock, DecisionMethod, DecisionStatus, VoteChoice
from facilitator.pack.deciding import decision_rules
from facilitator.services.demo.builder import Builder
from facilitator.store.tables import Decision, DecisionOption, Vote, row_id

PRESENT = 7  # the November meeting's members present (all eight but Lena)
DECIDING = "Decisions and adjustments"


@dataclass(frozen=True)
class DemoDecision:
    """One decision as the demo records it."""

    item: str
    """The title of the agenda item it was taken under."""
    minute: int
    """Minutes after the meeting's start it was recorded."""
    question: str
    method: DecisionMethod
    outcome: str
    rationale: str
    reason_rank: int
    """The recommender's rule (content/decision_methods.toml) the team followed."""
    status: DecisionStatus = DecisionStatus.DECIDED
    continuum_point: int = 4
    review_in: int | None = None
    """Days from the demo's today to the review date."""
    votes: Mapping[VoteChoice, tuple[str, ...]] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    """A member's reason beside their vote (a block's)."""
    columns: Mapping[str, Any] = field(default_factory=dict)
    """The method's own columns: threshold, quorum, after a block, decider..."""


FOCUS = DemoDecision(
    item=DECIDING,
    minute=49,
    question="Which writing strategies do we focus on through February?",
    method=DecisionMethod.MULTI_VOTE,
    outcome="A shared opinion-writing rubric and weekly writing conferences.",
    rationale="Round 1 narrowed six strategies to three, keeping both strategies tied for "
    "second. In round 2 the rubric and conferences came clearly ahead; mentor texts stay in "
    "every unit plan without a focus of their own.",
    reason_rank=40,
    columns={"dot_budget": 2, "voting_round": 2, "present_count": PRESENT},
)
# (text, last round it was on the list for, chosen)
FOCUS_OPTIONS = (
    ("Shared rubric for opinion writing", 2, True),
    ("Weekly writing conferences", 2, True),
    ("Mentor texts in every unit", 2, False),
    ("Peer feedback protocol", 1, False),
    ("Twenty minutes of writing every day", 1, False),
    ("Writing portfolios that move up with each class", 1, False),
)
# Each round: member -> {option position: dots}; two dots each (a third of six options).
FOCUS_DOTS: tuple[dict[str, dict[int, int]], ...] = (
    {
        "Maria Alvarez": {0: 1, 3: 1},
        "Daniel Okafor": {1: 1, 2: 1},
        "Priya Raman": {0: 1, 2: 1},
        "Tom Becker": {0: 1, 1: 1},
        "Aisha Karimi": {0: 1, 1: 1},
        "Jorge Medina": {2: 1, 4: 1},
        "Grace Liu": {3: 1, 5: 1},
    },
    {
        "Maria Alvarez": {0: 1, 1: 1},
        "Daniel Okafor": {1: 2},
        "Priya Raman": {0: 1, 2: 1},
        "Tom Becker": {0: 2},
        "Aisha Karimi": {0: 1, 1: 1},
        "Jorge Medina": {1: 1, 2: 1},
        "Grace Liu": {0: 1, 2: 1},
    },
)

CONFERENCES = DemoDecision(
    item=DECIDING,
    minute=51,
    question="How often does each teacher confer with each student about their writing?",
    method=DecisionMethod.COMPROMISE,
    outcome="Every student at least every two weeks, about five minutes each; students "
    "below the rubric's 'developing' band every week.",
    rationale="Grade 5 wanted every student seen weekly; the primary grades said a whole "
    "class each week cannot be done well. The middle keeps weekly feedback for the "
    "students who need it most. We review it before the December meeting.",
    reason_rank=30,
    review_in=5,
)
# (position, what the side holding it gives)
CONFERENCE_POSITIONS = (
    ("Every student, every week (Tom, grade 5)", "Shorter conferences: about five minutes."),
    (
        "A third of the class each week, in rotation (Jorge, grade 1)",
        "Students below the 'developing' band are seen every week.",
    ),
)

DECISIONS = (
    DemoDecision(
        item="Guiding question: what does strong writing instruction look like here?",
        minute=46,
        question="Do we adopt today's picture of strong writing instruction as our own?",
        method=DecisionMethod.CONSENSUS,
        outcome="Adopted: modelling with mentor texts, time to write every day, and feedback "
        "while students write. Aisha writes it up for the staff bulletin.",
        rationale="Every classroom has to recognise itself in the picture before we choose "
        "what to focus on.",
        reason_rank=75,
        votes={
            VoteChoice.SUPPORT: (
                "Maria Alvarez",
                "Daniel Okafor",
                "Aisha Karimi",
                "Tom Becker",
                "Grace Liu",
            ),
            VoteChoice.LIVE_WITH: ("Priya Raman", "Jorge Medina"),
        },
        columns={"present_count": PRESENT},
    ),
    FOCUS,
    CONFERENCES,
    DemoDecision(
        item=DECIDING,
        minute=56,
        question="Move classroom walkthroughs from Thursdays to Tuesdays?",
        method=DecisionMethod.MAJORITY,
        outcome="Walkthroughs move to Tuesdays from December.",
        rationale="Thursday assemblies cut two November walkthroughs short. The change "
        "touches every classroom, so we asked for two thirds; the review checks Priya's "
        "and Jorge's worry about Tuesday PLC time.",
        reason_rank=90,
        review_in=0,
        votes={
            VoteChoice.YES: ("Maria Alvarez", "Daniel Okafor", "Aisha Karimi", "Tom Becker"),
            VoteChoice.NO: ("Priya Raman", "Jorge Medina"),
            VoteChoice.ABSTAIN: ("Grace Liu",),
        },
        columns={
            "threshold_kind": ThresholdKind.TWO_THIRDS.value,
            "quorum": 5,
            "present_count": PRESENT,
        },
    ),
    DemoDecision(
        item=DECIDING,
        minute=58,
        question="When the timetable is full, do teachers hold writing conferences at lunch?",
        method=DecisionMethod.CONSENSUS,
        outcome="Deferred to January: Priya takes the question to the staff council first.",
        rationale="A block is a reason to stop, not to outvote: the council meets before "
        "our January meeting.",
        reason_rank=70,
        status=DecisionStatus.DEFERRED,
        votes={
            VoteChoice.SUPPORT: ("Tom Becker",),
            VoteChoice.LIVE_WITH: (
                "Maria Alvarez",
                "Daniel Okafor",
                "Aisha Karimi",
                "Jorge Medina",
                "Grace Liu",
            ),
            VoteChoice.BLOCK: ("Priya Raman",),
        },
        notes={
            "Priya Raman": "Lunch is teachers' duty-free time; the staff council has to "
            "agree to any change first."
        },
        columns={"after_block": AfterBlock.DEFER.value, "present_count": PRESENT},
    ),
    DemoDecision(
        item="Next steps and closure",
        minute=61,
        question="How does Aisha's coaching time make room for modelling conferences?",
        method=DecisionMethod.ONE_PERSON,
        outcome="Through February Aisha models writing conferences in grades 3-5 on "
        "Wednesday afternoons; her small reading groups move to mornings.",
        rationale="Coaching schedules are the principal's call. Aisha knows the classrooms; "
        "Priya knows the contract's limits on release time.",
        reason_rank=10,
        continuum_point=3,
        votes={VoteChoice.CONSULTED: ("Aisha Karimi", "Priya Raman")},
        columns={"decider": "Maria Alvarez"},
    ),
    DemoDecision(
        item="Next steps and closure",
        minute=63,
        question="Hold the family writing night on a Thursday evening in January?",
        method=DecisionMethod.UNANIMOUS,
        outcome="No date yet: Grace offers two other evenings by e-mail, and we answer by Friday.",
        rationale="Jorge teaches the family English class on Thursday evenings; a night the "
        "whole team can come to matters more than the day.",
        reason_rank=55,
        status=DecisionStatus.NO_DECISION,
        votes={
            VoteChoice.YES: (
                "Maria Alvarez",
                "Daniel Okafor",
                "Priya Raman",
                "Tom Becker",
                "Aisha Karimi",
                "Grace Liu",
            ),
            VoteChoice.NO: ("Jorge Medina",),
        },
        columns={"present_count": PRESENT},
    ),
)


def november_decisions(
    b: Builder, meeting_id: int, items: Mapping[str, int], start: datetime
) -> None:
    """Write DECISIONS (with the multi-vote's options and dots, and the compromise's
    positions) under their items of the meeting that started at `start`."""
    reasons = {rule.rank: rule.reason for rule in decision_rules(b.pack)}
    for spec in DECISIONS:
        decision_id = _decision(b, meeting_id, items[spec.item], start, spec, reasons)
        for choice, names in spec.votes.items():
            for name in names:
                b.add(
                    Vote(
                        decision_id=decision_id,
                        member_id=b.members[name],
                        choice=choice.value,
                        blocks=choice is VoteChoice.BLOCK,
                        note=spec.notes.get(name, ""),
                    )
                )
        if spec is FOCUS:
            _dots(b, decision_id)
        elif spec is CONFERENCES:
            for position, (text, gives) in enumerate(CONFERENCE_POSITIONS):
                b.add(
                    DecisionOption(
                        decision_id=decision_id, position=position, text=text, gives=gives
                    )
                )


def _decision(
    b: Builder,
    meeting_id: int,
    item_id: int,
    start: datetime,
    spec: DemoDecision,
    reasons: Mapping[int, str],
) -> int:
    columns = dict(spec.columns)
    decider = columns.pop("decider", None)
    decided = spec.status is DecisionStatus.DECIDED
    decision = b.add(
        Decision(
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            question=spec.question,
            method=spec.method.value,
            continuum_point=spec.continuum_point,
            decider_member_id=b.members[decider] if decider else None,
            method_reason=reasons.get(spec.reason_rank, ""),
            outcome=spec.outcome,
            rationale=spec.rationale,
            status=spec.status.value,
            decided_at=start + timedelta(minutes=spec.minute) if decided else None,
            review_on=b.today + timedelta(days=spec.review_in)
            if spec.review_in is not None
            else None,
            **columns,
        )
    )
    return row_id(decision)


def _dots(b: Builder, decision_id: int) -> None:
    """The multi-vote's options and each round's dots."""
    option_ids = [
        row_id(
            b.add(
                DecisionOption(
                    decision_id=decision_id,
                    position=position,
                    text=text,
                    voting_round=last_round,
                    chosen=chosen,
                )
            )
        )
        for position, (text, last_round, chosen) in enumerate(FOCUS_OPTIONS)
    ]
    for voting_round, dots in enumerate(FOCUS_DOTS, start=1):
        for name, placed in dots.items():
            for position, points in placed.items():
                b.add(
                    Vote(
                        decision_id=decision_id,
                        option_id=option_ids[position],
                        member_id=b.members[name],
                        points=points,
                        voting_round=voting_round,
                    )
                )
