"""Writes demo rows inside one unit of work, anchored to the day the demo is loaded."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import TypeVar

from sqlmodel import Session

from facilitator.domain.enums import (
    AttendanceStatus,
)
from facilitator.pack.loader import Pack
from facilitator.services.demo import data
from facilitator.store.repo import teams as team_repo
from facilitator.store.tables import (
    Attendance,
    RoleAssignment,
    row_id,
)

MEETING_TIME = time(15, 30)
RowT = TypeVar("RowT")


class Builder:
    """Writes the demo inside one unit of work; `today` and `tz` anchor every date."""

    def __init__(self, session: Session, pack: Pack, now: datetime, tz: tzinfo | None) -> None:
        self.session = session
        self.pack = pack
        self.now = now
        self.tz = tz
        self.today = now.astimezone(tz).date()
        self.members: dict[str, int] = {}

    def add(self, row: RowT) -> RowT:
        self.session.add(row)
        self.session.flush()
        return row

    def at(self, day: date, clock: time) -> datetime:
        """A local wall-clock moment as an aware datetime."""
        return datetime.combine(day, clock).replace(tzinfo=self.tz).astimezone(self.now.tzinfo)

    def team(
        self, name: str, purpose: str, kind: str, members: tuple[tuple[str, str, str | None], ...]
    ) -> int:
        team = team_repo.add_team(self.session, name=name, purpose=purpose, kind=kind)
        self.members = {}
        for member_name, position, email in members:
            member = team_repo.add_member(
                self.session, team_id=row_id(team), name=member_name, position=position, email=email
            )
            self.members[member_name] = row_id(member)
        return row_id(team)

    def norms(
        self, team_id: int, pack_ids: list[str], custom: tuple[tuple[str, str], ...]
    ) -> list[int]:
        ids = []
        for position, norm_id in enumerate(pack_ids):
            norm = self.pack.norms[norm_id]
            ids.append(
                row_id(
                    team_repo.add_norm(
                        self.session,
                        team_id=team_id,
                        text=norm.name,
                        detail=norm.practice,
                        pack_norm_id=norm_id,
                        position=position,
                    )
                )
            )
        for offset, (text, category) in enumerate(custom):
            norm_row = team_repo.add_norm(
                self.session, team_id=team_id, text=text, position=len(pack_ids) + offset
            )
            norm_row.prompt_category = category
            ids.append(row_id(norm_row))
        return ids

    def roles_and_attendance(
        self, meeting_id: int, *, absent: tuple[str, ...] = (), present: bool
    ) -> None:
        for position, (role, holder) in enumerate(data.ROLES):
            self.add(
                RoleAssignment(
                    meeting_id=meeting_id,
                    role=role,
                    member_id=self.members[holder],
                    position=position,
                )
            )
        for name, member_id in self.members.items():
            status = AttendanceStatus.EXPECTED
            if present:
                status = AttendanceStatus.EXCUSED if name in absent else AttendanceStatus.PRESENT
            self.add(
                Attendance(
                    meeting_id=meeting_id,
                    member_id=member_id,
                    status=status,
                    confirmed_at=self.now if present else None,
                )
            )
        self.add(
            Attendance(
                meeting_id=meeting_id,
                guest_name=data.GUEST,
                status=AttendanceStatus.PRESENT if present else AttendanceStatus.EXPECTED,
            )
        )
