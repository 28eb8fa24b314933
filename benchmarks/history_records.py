"""What the closed meetings of the history database hold (`history_db.py`): the
recorder's notes, decisions with their options, take-aways, time-outs and evaluation
comments, as plain column values for bulk inserts.

Proportions, per closed meeting: one note per agenda item (5 to 8 bullet lines, so
about 6.5 lines a note), a decision on its decision item two times in three (two or
three options, most decided, some deferred or not reached), one or two take-aways, a
time-out in one meeting of twelve, and a plus/delta evaluation in one meeting of four
(three responses, each a plus and a delta comment).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from history_text import RARE_WORD, Vocabulary

from facilitator.domain.decision_tally import ThresholdKind
from facilitator.domain.enums import (
    DecisionMethod,
    DecisionStatus,
    EvaluationMode,
    ItemKind,
    MeetingStatus,
)
from facilitator.store.bulk import new_row
from facilitator.store.tables import (
    Decision,
    DecisionOption,
    EvaluationAnswer,
    EvaluationResponse,
    Note,
    Takeaway,
    TimeOut,
)
from facilitator.store.tables.evaluation import Evaluation

Values = dict[str, Any]

NOTE_LINES = (5, 8)
METHODS = (
    DecisionMethod.CONSENSUS,
    DecisionMethod.MAJORITY,
    DecisionMethod.ONE_PERSON,
    DecisionMethod.UNANIMOUS,
)
EVALUATION_EVERY = 4
TIME_OUT_EVERY = 12
RESPONSES = 3
RANDOM_ID_BITS = 52


class Records:
    """The rows added to closed meetings, built from one vocabulary and one generator."""

    def __init__(self, vocabulary: Vocabulary, members: dict[int, list[int]], now: datetime):
        self.words = vocabulary
        self.rng: random.Random = vocabulary.rng
        self.members = members
        self.now = now
        self.note_lines = 0
        self.rare_note_meeting: int | None = None
        self._random_ids: set[int] = set()

    def stamped(self, table: type[Any], **given: Any) -> Values:
        return {**new_row(table, **given), "created_at": self.now, "updated_at": self.now}

    def random_id(self) -> int:
        """A random row id (the anonymous evaluation tables use them), seeded, unique."""
        while (found := self.rng.getrandbits(RANDOM_ID_BITS)) in self._random_ids or not found:
            pass
        self._random_ids.add(found)
        return found

    def notes(self, agenda: Sequence[Values], closed: dict[int, Values], rare: int) -> list[Values]:
        """One note per agenda item of a closed meeting; meeting `rare`'s first holds
        `RARE_WORD`."""
        rows = []
        for item in agenda:
            if item["meeting_id"] not in closed:
                continue
            lines = self.rng.randint(*NOTE_LINES)
            body = self.words.note(lines)
            if item["meeting_id"] == rare and self.rare_note_meeting is None:
                body += f"\n- Sam: the {RARE_WORD} fundraiser paid for the new reading books."
                lines += 1
                self.rare_note_meeting = rare
            self.note_lines += lines
            rows.append(
                self.stamped(
                    Note, meeting_id=item["meeting_id"], agenda_item_id=item["id"], body=body
                )
            )
        return rows

    def decisions(
        self, agenda: Sequence[Values], closed: dict[int, Values], first_id: int
    ) -> tuple[list[Values], list[Values]]:
        """A decision on two decision items in three of closed meetings, and its options."""
        decisions: list[Values] = []
        options: list[Values] = []
        for item in agenda:
            meeting = closed.get(item["meeting_id"])
            if meeting is None or item["kind"] != ItemKind.DECISION or item["id"] % 3 == 0:
                continue
            decision_id = first_id + len(decisions)
            decisions.append(self._decision(decision_id, item, meeting))
            count = self.rng.randint(2, 3)
            chosen = self.rng.randrange(count) if decisions[-1]["outcome"] else -1
            options.extend(
                self.stamped(
                    DecisionOption,
                    decision_id=decision_id,
                    position=position,
                    text=self.words.sentence(3, 7),
                    chosen=position == chosen,
                )
                for position in range(count)
            )
        return decisions, options

    def _decision(self, decision_id: int, item: Values, meeting: Values) -> Values:
        roll = self.rng.random()
        status = (
            DecisionStatus.DECIDED
            if roll < 0.8
            else DecisionStatus.DEFERRED
            if roll < 0.93
            else DecisionStatus.NO_DECISION
        )
        method = METHODS[decision_id % len(METHODS)]
        people = self.members.get(meeting["team_id"], [])
        decided = status is DecisionStatus.DECIDED
        return self.stamped(
            Decision,
            id=decision_id,
            meeting_id=meeting["id"],
            agenda_item_id=item["id"],
            question=self.words.sentence(5, 10).rstrip(".") + "?",
            method=method.value,
            continuum_point=3 if method is DecisionMethod.ONE_PERSON else 4,
            decider_member_id=people[0] if method is DecisionMethod.ONE_PERSON and people else None,
            threshold_kind=ThresholdKind.HALF.value if method is DecisionMethod.MAJORITY else None,
            present_count=len(people) or None,
            outcome=self.words.sentence(6, 14) if decided else "",
            rationale=self.words.sentence(8, 20),
            status=status.value,
            decided_at=meeting["started_at"] + timedelta(minutes=40) if decided else None,
        )

    def takeaways(self, closed: dict[int, Values]) -> list[Values]:
        return [
            self.stamped(
                Takeaway, meeting_id=meeting_id, position=position, text=self.words.sentence(6, 14)
            )
            for meeting_id in closed
            for position in range(1 + (meeting_id % 3 == 0))
        ]

    def time_outs(self, agenda: Sequence[Values], closed: dict[int, Values]) -> list[Values]:
        """A time-out on the decision item of one closed meeting in twelve, with its outcome."""
        rows = []
        for item in agenda:
            meeting = closed.get(item["meeting_id"])
            if meeting is None or item["kind"] != ItemKind.DECISION:
                continue
            if meeting["id"] % TIME_OUT_EVERY != 0:
                continue
            start = meeting["started_at"] + timedelta(minutes=35)
            rows.append(
                self.stamped(
                    TimeOut,
                    meeting_id=meeting["id"],
                    agenda_item_id=item["id"],
                    started_at=start,
                    ended_at=start + timedelta(minutes=3),
                    note=self.words.sentence(6, 16),
                )
            )
        return rows

    def evaluations(
        self, closed: dict[int, Values], first_id: int
    ) -> tuple[list[Values], list[Values], list[Values]]:
        """A finished plus/delta evaluation of one closed meeting in four: its record,
        three anonymous responses and their plus and delta comments."""
        records: list[Values] = []
        responses: list[Values] = []
        answers: list[Values] = []
        for meeting in closed.values():
            if meeting["id"] % EVALUATION_EVERY != 0:
                continue
            evaluation_id = first_id + len(records)
            at = meeting["ended_at"]
            records.append(self._evaluation(evaluation_id, meeting["id"], at))
            for _ in range(RESPONSES):
                response_id = self.random_id()
                responses.append(
                    self.stamped(
                        EvaluationResponse,
                        id=response_id,
                        team_id=meeting["team_id"],
                        meeting_id=meeting["id"],
                        instrument_id="plus-delta",
                        evaluation_id=evaluation_id,
                        submitted_at=at,
                    )
                )
                answers.extend(self._comments(response_id))
        return records, responses, answers

    def _evaluation(self, evaluation_id: int, meeting_id: int, at: datetime) -> Values:
        return self.stamped(
            Evaluation,
            id=evaluation_id,
            meeting_id=meeting_id,
            instruments="plus-delta",
            mode=EvaluationMode.LAPTOP.value,
            anonymous=True,
            started_at=at,
            finished_at=at + timedelta(minutes=5),
        )

    def _comments(self, response_id: int) -> Iterator[Values]:
        for item_id in ("plus", "delta"):
            yield self.stamped(
                EvaluationAnswer,
                id=self.random_id(),
                response_id=response_id,
                item_id=item_id,
                text=self.words.sentence(4, 12),
            )


def closed_meetings(meetings: Sequence[Values]) -> dict[int, Values]:
    return {row["id"]: row for row in meetings if row["status"] == MeetingStatus.CLOSED}
