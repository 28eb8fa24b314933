"""Decisions of every method and status across three teams' meetings, for the decision
log's tests (services, command line, screen, home and carry-forward).

FROZEN_NOW is Monday 23 November 2026. Riverside's September meeting took a majority
vote (review date 1 November: due) and a deferred consensus (review 20 December: not
yet); its October meeting, planned for the 12th but held on the 5th, took a multi-vote,
a one-person decision still open and a question left with no decision. The PLC's
November meeting took a unanimous decision (review 20 November: due). An archived
team's compromise is due too, but an archived team is out of every list. Riverside's
December meeting is planned for the 14th.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from facilitator.domain.enums import DecisionMethod, DecisionStatus, MeetingStatus
from facilitator.store.database import Database
from facilitator.store.tables import (
    Decision,
    DecisionOption,
    Meeting,
    Member,
    Team,
    Vote,
    row_id,
)
from tests.conftest import FROZEN_NOW

RIVERSIDE = "Riverside Leadership"
PLC = "Oak Grade 3 PLC"
ARCHIVED = "Old committee"


@dataclass(frozen=True)
class LogData:
    """The ids the tests refer to."""

    teams: dict[str, int]
    meetings: dict[str, int]
    decisions: dict[str, int]
    members: dict[str, int]


def at(day: date, hour: int = 15, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def fill_log(db: Database) -> LogData:
    """Add the teams, meetings and decisions the module's docstring tells of."""
    with db.write(now=FROZEN_NOW) as session:
        builder = _Builder(session)
        builder.teams_and_meetings()
        builder.riverside_decisions()
        builder.other_decisions()
        return LogData(builder.teams, builder.meetings, builder.decisions, builder.members)


class _Builder:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.teams: dict[str, int] = {}
        self.meetings: dict[str, int] = {}
        self.decisions: dict[str, int] = {}
        self.members: dict[str, int] = {}

    def add(self, row: Any) -> Any:
        self.session.add(row)
        self.session.flush()
        return row

    def teams_and_meetings(self) -> None:
        for name in (RIVERSIDE, PLC, ARCHIVED):
            archived = FROZEN_NOW if name == ARCHIVED else None
            self.teams[name] = row_id(self.add(Team(name=name, archived_at=archived)))
        for team, people in ((RIVERSIDE, ("Ana", "Ben", "Cleo")), (PLC, ("Dee",))):
            for person in people:
                member = self.add(Member(team_id=self.teams[team], name=person))
                self.members[person] = row_id(member)
        closed = MeetingStatus.CLOSED
        for key, team, title, planned, held, status in (
            ("september", RIVERSIDE, "September meeting", date(2026, 9, 14), True, closed),
            ("october", RIVERSIDE, "October meeting", date(2026, 10, 12), True, closed),
            ("december", RIVERSIDE, "December meeting", date(2026, 12, 14), False, None),
            ("plc", PLC, "PLC November", date(2026, 11, 2), True, closed),
            ("old", ARCHIVED, "Old meeting", date(2026, 6, 1), True, closed),
        ):
            started = at(date(2026, 10, 5)) if key == "october" else at(planned, 15, 35)
            meeting = Meeting(
                team_id=self.teams[team],
                title=title,
                scheduled_start=at(planned),
                status=status or MeetingStatus.PLANNED,
                started_at=started if held else None,
            )
            self.meetings[key] = row_id(self.add(meeting))

    def decision(self, key: str, meeting: str, **fields: Any) -> int:
        decision = self.add(Decision(meeting_id=self.meetings[meeting], **fields))
        self.decisions[key] = row_id(decision)
        return self.decisions[key]

    def votes(self, decision_id: int, choices: dict[str, str], **fields: Any) -> None:
        for person, choice in choices.items():
            self.add(
                Vote(
                    decision_id=decision_id,
                    member_id=self.members[person],
                    choice=choice,
                    **fields,
                )
            )

    def riverside_decisions(self) -> None:
        majority = self.decision(
            "majority",
            "september",
            question="Adopt the new reading curriculum?",
            method=DecisionMethod.MAJORITY,
            threshold_kind="two_thirds",
            present_count=3,
            status=DecisionStatus.DECIDED,
            outcome="Adopted for grades 1 to 3.",
            rationale="The pilot classes read more.",
            review_on=date(2026, 11, 1),
        )
        self.votes(majority, {"Ana": "yes", "Ben": "yes", "Cleo": "no"})
        consensus = self.decision(
            "consensus",
            "september",
            question="Move walkthroughs to Tuesdays?",
            method=DecisionMethod.CONSENSUS,
            status=DecisionStatus.DEFERRED,
            after_block="discuss",
            review_on=date(2026, 12, 20),
        )
        self.votes(consensus, {"Ana": "support", "Ben": "live_with"})
        self.add(
            Vote(
                decision_id=consensus,
                member_id=self.members["Cleo"],
                choice="block",
                note="Tuesdays clash with coaching",
            )
        )
        self.multi_vote()
        self.decision(
            "one_person",
            "october",
            question="Who leads the book study?",
            method=DecisionMethod.ONE_PERSON,
            decider_member_id=self.members["Ana"],
            continuum_point=3,
            status=DecisionStatus.OPEN,
        )
        self.decision(
            "no_decision",
            "october",
            question="Should we change the bell schedule?",
            status=DecisionStatus.NO_DECISION,
            rationale="Not ours to decide.",
        )

    def multi_vote(self) -> None:
        decision = self.decision(
            "multi_vote",
            "october",
            question="Which strategies do we focus on?",
            method=DecisionMethod.MULTI_VOTE,
            dot_budget=2,
            status=DecisionStatus.DECIDED,
            outcome="Mentor texts.",
        )
        for position, (text, chosen, dots) in enumerate(
            (("Mentor texts", True, {"Ana": 2, "Ben": 1}), ("Peer feedback", False, {"Cleo": 2}))
        ):
            option = self.add(
                DecisionOption(decision_id=decision, position=position, text=text, chosen=chosen)
            )
            for person, points in dots.items():
                self.add(
                    Vote(
                        decision_id=decision,
                        option_id=row_id(option),
                        member_id=self.members[person],
                        points=points,
                    )
                )

    def other_decisions(self) -> None:
        unanimous = self.decision(
            "unanimous",
            "plc",
            question="Keep the Friday PLC slot?",
            method=DecisionMethod.UNANIMOUS,
            status=DecisionStatus.DECIDED,
            outcome="Kept.",
            review_on=date(2026, 11, 20),
        )
        self.votes(unanimous, {"Dee": "yes"})
        self.decision(
            "archived",
            "old",
            question="Split the committee?",
            method=DecisionMethod.COMPROMISE,
            status=DecisionStatus.DECIDED,
            review_on=date(2026, 7, 1),
        )
