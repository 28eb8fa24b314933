"""What happened during a meeting, written back from its minutes for
`minutes_restore.Restorer`: norms checks with their ratings, process checks, time-outs
and speaker turns, each table in one bulk insert."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session

from facilitator.domain.minutes import Minutes, TurnLine
from facilitator.services.minutes_people import Roster, match_key
from facilitator.store.bulk import Values, insert_rows, new_row
from facilitator.store.tables import (
    NormsCheck,
    NormsCheckRating,
    ProcessCheck,
    SpeakerTurn,
    TimeOut,
)
from facilitator.store.tables._base import Row


@dataclass(frozen=True)
class LiveRecord:
    """Writes the live record of meeting `meeting_id` from `minutes`; `items` maps the
    file's item ids to the new ones, `norms` a norm's `match_key` to the team's norm."""

    session: Session
    minutes: Minutes
    meeting_id: int
    items: Mapping[int, int]
    norms: Mapping[str, int]
    roster: Roster

    def write(self) -> None:
        self._norms_checks()
        self._process_checks()
        self._turns()

    def _insert(self, table: type[Row], rows: list[Values]) -> list[int]:
        return insert_rows(self.session, table, rows)

    def _item_id(self, old: int | None) -> int | None:
        return None if old is None else self.items.get(old)

    def _norms_checks(self) -> None:
        """Norms checks, then their ratings."""
        meeting_id, checks = self.meeting_id, self.minutes.norms_checks
        ids = self._insert(
            NormsCheck,
            [
                new_row(
                    NormsCheck,
                    meeting_id=meeting_id,
                    agenda_item_id=self._item_id(check.agenda_item_id),
                    checked_at=check.checked_at,
                )
                for check in checks
            ],
        )
        ratings = [
            new_row(
                NormsCheckRating,
                norms_check_id=check_id,
                norm_id=self.norms[match_key(rating.norm)],
                reading=rating.reading,
                note=rating.note,
            )
            for check, check_id in zip(checks, ids, strict=True)
            for rating in check.ratings
        ]
        self._insert(NormsCheckRating, ratings)

    def _process_checks(self) -> None:
        """Process checks and time-outs."""
        meeting_id = self.meeting_id
        process_checks = [
            new_row(
                ProcessCheck,
                meeting_id=meeting_id,
                agenda_item_id=self._item_id(process.agenda_item_id),
                checked_at=process.checked_at,
                progress=process.progress,
                everyone_in=process.everyone_in,
                note=process.note,
            )
            for process in self.minutes.process_checks
        ]
        self._insert(ProcessCheck, process_checks)
        time_outs = [
            new_row(
                TimeOut,
                meeting_id=meeting_id,
                agenda_item_id=self._item_id(time_out.agenda_item_id),
                started_at=time_out.started_at,
                ended_at=time_out.ended_at,
                note=time_out.note,
            )
            for time_out in self.minutes.time_outs
        ]
        self._insert(TimeOut, time_outs)

    def _turns(self) -> None:
        self._insert(SpeakerTurn, [self._turn(turn) for turn in self.minutes.turns])

    def _turn(self, turn: TurnLine) -> Values:
        """A member's turn, or a guest's (kept by the guest's name)."""
        member_id, guest = self.roster.holder(turn.speaker)
        return new_row(
            SpeakerTurn,
            meeting_id=self.meeting_id,
            agenda_item_id=self._item_id(turn.agenda_item_id),
            member_id=member_id,
            guest_name=guest,
            queued_at=turn.queued_at,
            started_at=turn.started_at,
            ended_at=turn.ended_at,
        )
