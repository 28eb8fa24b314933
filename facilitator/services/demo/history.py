"""The demo team's September and October meetings: closed and evaluated, so the trends
have a history to show against November (see `earlier.py`).

They are written after everything else so the demo's first meetings keep their ids (1 to 3,
which the README and many tests name). No decisions, action items or parking-lot entries:
the decision log and the action lists count November's.

The Effective Team Assessment tells a small story with November's figures: goals, control
and procedures, problem solving and evaluation rise meeting by meeting; trust and conflict
resolution rises in October and dips in November (the tension over the walkthrough day).
Norms checks move the same way: a late start and little pausing in September, paraphrasing
in October, talking over each other in November.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from facilitator.domain.enums import MeetingStatus, NormReading
from facilitator.services.demo.builder import MEETING_TIME, Builder
from facilitator.services.demo.earlier import (
    AgendaRow,
    AssessmentRow,
    PlusDeltaRow,
    agenda_items,
    evaluation,
    norms_check,
)
from facilitator.store.tables import Meeting, row_id

# A norm's position in the team's norms (the pack's seven norms of collaboration, then
# the team's own two; see `data.CUSTOM_NORMS`).
PAUSING, PARAPHRASING, PAYING_ATTENTION, ADVOCACY_AND_INQUIRY, ON_TIME = 0, 1, 4, 6, 7

Readings = dict[int, tuple[NormReading, str]]


@dataclass(frozen=True)
class PastMeeting:
    """One earlier, closed meeting of the demo team and its record."""

    title: str
    purpose: str
    goals: str
    weeks_before: int
    """Weeks before November's meeting it was held."""
    late: int
    """Minutes after the scheduled start it began."""
    absent: tuple[str, ...]
    agenda: tuple[AgendaRow, ...]
    checks: tuple[tuple[str, int, Readings], ...]
    """Norms checks: (agenda item title, minutes after the start, readings not honoured)."""
    plus_delta: tuple[PlusDeltaRow, ...]
    assessment: tuple[AssessmentRow, ...]


SEPTEMBER = PastMeeting(
    title="September leadership team meeting",
    purpose="Set up the year and see where students' writing stands.",
    goals="Confirm roles and the meeting calendar.\nAgree what September's writing samples show.",
    weeks_before=8,
    late=6,
    absent=("Jorge Medina",),
    agenda=(
        (
            "Welcome, purpose and norms",
            "Restate the team's purpose for the year and read the norms.",
            "Maria Alvarez",
            5,
            7,
            "information",
            "Started 15:36: bus duty ran late. Maria restated the purpose: every student "
            "reads and writes with confidence by the end of grade 5.",
        ),
        (
            "Roles and meeting calendar for the year",
            "Agree who holds each role and when we meet.",
            "Maria Alvarez",
            10,
            9,
            "information",
            "Maria chairs, Aisha facilitates, Priya records, Tom keeps time.\n"
            "We meet monthly on a Monday at 15:30 in the library.",
        ),
        (
            "Writing baseline: September samples",
            "See where opinion writing stands in grades 3-5.",
            "Aisha Karimi",
            20,
            26,
            "discussion",
            "33% of grade 3-5 opinion-writing samples at or above 'proficient'.\n"
            "Each grade scored its samples its own way; there is no shared rubric yet.",
        ),
        (
            "Next steps and closure",
            "What each grade level brings in October.",
            "Maria Alvarez",
            5,
            6,
            "discussion",
            "Each grade-level team brings scored samples to October's meeting.\n"
            "Ended about ten minutes late.",
        ),
    ),
    checks=(
        (
            "Writing baseline: September samples",
            30,
            {
                ON_TIME: (NormReading.NOT_HONOURED, "We started six minutes late."),
                PAUSING: (NormReading.PARTLY, "Replies came before people had finished."),
                ADVOCACY_AND_INQUIRY: (
                    NormReading.PARTLY,
                    "More telling than asking how each grade scored its samples.",
                ),
            },
        ),
    ),
    plus_delta=(
        ("Maria Alvarez", "Everyone brought student writing.", "Start on time."),
        (
            "Tom Becker",
            "Clear roles for the year.",
            "The baseline discussion went round in circles without a shared rubric.",
        ),
        (None, "Seeing the data across grades.", "We ran ten minutes over."),
        ("Grace Liu", "A short, clear purpose.", "Put the norms up where we can see them."),
    ),
    assessment=(
        ("Maria Alvarez", (5, 4, 5, 5, 4, 4, 5, 4, 3)),
        ("Tom Becker", (4, 3, 4, 4, 3, 4, 4, 3, 2)),
        ("Lena Fischer", (3, 3, 4, 4, 3, 4, 3, 3, 2)),
        ("Grace Liu", (4, 4, 5, 5, 4, 4, 4, 4, 3)),
    ),
)

OCTOBER = PastMeeting(
    title="October leadership team meeting",
    purpose="Compare writing across grade levels and list the strategies we could focus on.",
    goals="Look at each grade's scored samples side by side.\n"
    "List the writing strategies we could focus on.\nShare the walkthrough schedule.",
    weeks_before=4,
    late=0,
    absent=("Daniel Okafor",),
    agenda=(
        (
            "Welcome, purpose and norms",
            "Open on time and read the norms aloud.",
            "Maria Alvarez",
            5,
            5,
            "information",
            "Started 15:30. Grace read the norms aloud; they are now on the wall.",
        ),
        (
            "Writing samples by grade level",
            "Compare each grade's scored samples.",
            "Aisha Karimi",
            15,
            17,
            "discussion",
            "37% of grade 3-5 samples at or above 'proficient' (September: 33%).\n"
            "Special education samples were not in the set.",
        ),
        (
            "Writing strategies we could focus on",
            "List the options before choosing any.",
            "Aisha Karimi",
            15,
            15,
            "discussion",
            "Six strategies listed: a shared rubric, weekly conferences, mentor texts, a "
            "peer feedback protocol, twenty minutes of writing a day, writing portfolios.\n"
            "We choose in November, after the walkthroughs.",
        ),
        (
            "Walkthrough schedule",
            "Hear when the November walkthroughs happen.",
            "Maria Alvarez",
            10,
            8,
            "information",
            "Walkthroughs on Thursdays in November, two classrooms a week (Daniel's "
            "schedule, shared by Maria).",
        ),
        (
            "Next steps and closure",
            "What we bring to November's meeting.",
            "Maria Alvarez",
            5,
            5,
            "discussion",
            "Bring November's samples and the walkthrough notes. Ended on time.",
        ),
    ),
    checks=(
        (
            "Writing samples by grade level",
            20,
            {
                PARAPHRASING: (
                    NormReading.PARTLY,
                    "Some ideas were answered before anyone paraphrased them.",
                )
            },
        ),
        (
            "Writing strategies we could focus on",
            36,
            {PAYING_ATTENTION: (NormReading.PARTLY, "Two side conversations while we listed.")},
        ),
    ),
    plus_delta=(
        ("Priya Raman", "We started and ended on time.", "Paraphrase before answering."),
        (
            "Aisha Karimi",
            "Grade-level samples side by side.",
            "Send the samples beforehand so we can read them first.",
        ),
        (None, "The list of strategies feels like ours.", "We need a way to narrow the list."),
        ("Lena Fischer", "The norms were read aloud.", "Include special education samples."),
    ),
    assessment=(
        ("Priya Raman", (5, 4, 5, 4, 3, 5, 4, 4, 3)),
        ("Tom Becker", (5, 4, 5, 5, 5, 4, 5, 4, 3)),
        ("Aisha Karimi", (6, 5, 6, 5, 4, 4, 5, 5, 4)),
        ("Lena Fischer", (4, 3, 4, 4, 4, 3, 4, 3, 2)),
    ),
)


def earlier_history(b: Builder, team_id: int, norm_ids: list[int]) -> None:
    """September's and October's meetings of team `team_id`; `b.members` must be that
    team's members."""
    for past in (SEPTEMBER, OCTOBER):
        _past_meeting(b, team_id, norm_ids, past)


def _past_meeting(b: Builder, team_id: int, norm_ids: list[int], past: PastMeeting) -> None:
    meeting = _closed_meeting(b, team_id, past)
    meeting_id = row_id(meeting)
    assert meeting.started_at is not None and meeting.ended_at is not None
    b.roles_and_attendance(meeting_id, absent=past.absent, present=True)
    items = agenda_items(b, meeting_id, meeting.started_at, past.agenda)
    for title, minute, readings in past.checks:
        at = meeting.scheduled_start + timedelta(minutes=minute)
        norms_check(b, meeting_id, items[title], at, norm_ids, readings)
    evaluation(
        b,
        team_id,
        meeting_id,
        submitted=meeting.ended_at + timedelta(minutes=2),
        plus_delta=past.plus_delta,
        assessment=past.assessment,
    )


def _closed_meeting(b: Builder, team_id: int, past: PastMeeting) -> Meeting:
    # November's meeting was two weeks before the demo's today (see `earlier.py`).
    start = b.at(b.today - timedelta(days=14, weeks=past.weeks_before), MEETING_TIME)
    began = start + timedelta(minutes=past.late)
    ended = began + timedelta(minutes=sum(row[4] for row in past.agenda))
    return b.add(
        Meeting(
            team_id=team_id,
            title=past.title,
            purpose=past.purpose,
            goals=past.goals,
            scheduled_start=start,
            planned_minutes=sum(row[3] for row in past.agenda),
            location="Library",
            status=MeetingStatus.CLOSED,
            template_id="leadership-team",
            started_at=began,
            ended_at=ended,
            closed_at=ended + timedelta(minutes=1),
            minutes_sent_at=start + timedelta(days=1, hours=1),
        )
    )
