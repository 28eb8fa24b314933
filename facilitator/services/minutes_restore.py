"""A meeting written back from its minutes: every row the minutes were read from, made
anew inside the caller's unit of work.

Rows go in in the file's order, so reading the new meeting (which orders by position and
id) gives the parts in the same order. Ids in the file are only used to link parts: an
`agenda_item_id` or `action_item_id` becomes the new row's id, and one that names
nothing in the file becomes no link at all.
"""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session

from facilitator.domain.minutes import DecisionLine, ItemRecord, Minutes
from facilitator.pack.loader import Pack
from facilitator.services.minutes_people import Roster, match_key
from facilitator.store.tables import (
    ActionItem,
    AgendaItem,
    AgendaStep,
    Attendance,
    CommunicationEntry,
    Decision,
    DecisionOption,
    Meeting,
    NextAgendaEntry,
    NormsCheck,
    NormsCheckRating,
    Note,
    ParkingLotItem,
    ProcessCheck,
    RoleAssignment,
    SpeakerTurn,
    Takeaway,
    TimeOut,
    TimerSegment,
    Vote,
    row_id,
)
from facilitator.store.tables._base import Row

RowT = TypeVar("RowT", bound=Row)


class Restorer:
    """Writes one meeting of `team_id` from `minutes`; `norms` maps `match_key(text)` to
    the team's norm id."""

    def __init__(
        self,
        session: Session,
        *,
        minutes: Minutes,
        team_id: int,
        roster: Roster,
        norms: dict[str, int],
        pack: Pack,
    ) -> None:
        self.session = session
        self.minutes = minutes
        self.team_id = team_id
        self.roster = roster
        self.norms = norms
        self.pack = pack
        self.meeting_id = 0
        self.items: dict[int, int] = {}
        self.actions: dict[int, int] = {}

    def write(self) -> int:
        """Every part of the meeting; returns the new meeting's id."""
        self.meeting_id = row_id(self._add(self._meeting()))
        self._roles_and_attendance()
        for item in self.minutes.items:
            self._item(item)
        if self.minutes.meeting_notes:
            self._add(Note(meeting_id=self.meeting_id, body=self.minutes.meeting_notes))
        for decision in self.minutes.decisions:
            self._decision(decision)
        self._actions()
        self._followup()
        self._checks()
        self._turns()
        return self.meeting_id

    def _add(self, row: RowT) -> RowT:
        self.session.add(row)
        self.session.flush()
        return row

    def _item_id(self, old: int | None) -> int | None:
        return None if old is None else self.items.get(old)

    def _meeting(self) -> Meeting:
        m = self.minutes
        return Meeting(
            team_id=self.team_id,
            title=m.title,
            purpose=m.purpose,
            goals="\n".join(m.goals),
            scheduled_start=m.scheduled_start,
            planned_minutes=m.planned_minutes,
            location=m.location,
            status=m.status,
            template_id=m.template_id,
            started_at=m.started_at,
            ended_at=m.ended_at,
            closed_at=m.closed_at,
            minutes_corrected_at=m.corrected_at,
            minutes_sent_at=m.sent_at,
            warning_seconds=m.warning_seconds,
        )

    def _roles_and_attendance(self) -> None:
        for position, role in enumerate(self.minutes.roles):
            entry = self.pack.roles.get(role.role)
            own_label = role.label != (entry.name if entry else role.role)
            member_id, guest = self.roster.holder(role.holder)
            self._add(
                RoleAssignment(
                    meeting_id=self.meeting_id,
                    role=role.role,
                    label=role.label if own_label else "",
                    member_id=member_id,
                    guest_name=guest,
                    position=position,
                )
            )
        for attendee in self.minutes.attendees:
            member_id, guest = self.roster.holder(attendee.person)
            self._add(
                Attendance(
                    meeting_id=self.meeting_id,
                    member_id=member_id,
                    guest_name=guest,
                    status=attendee.status,
                )
            )

    def _item(self, item: ItemRecord) -> None:
        presenter_id, presenter_name = self.roster.holder(item.presenter)
        row = self._add(
            AgendaItem(
                meeting_id=self.meeting_id,
                position=item.position,
                title=item.title,
                goal=item.goal,
                presenter_member_id=presenter_id,
                presenter_name=presenter_name,
                planned_minutes=item.planned_minutes,
                extra_seconds=item.extra_seconds,
                kind=item.kind,
                process_id=item.process_id,
                facilitator_notes=item.facilitator_notes,
            )
        )
        item_id = self.items[item.id] = row_id(row)
        for position, step in enumerate(item.steps):
            self._add(
                AgendaStep(
                    agenda_item_id=item_id,
                    position=position,
                    title=step.title,
                    detail=step.detail,
                    planned_minutes=step.planned_minutes,
                    media_ranges=step.media_ranges,
                )
            )
        for segment in item.segments:
            self._add(
                TimerSegment(
                    meeting_id=self.meeting_id,
                    agenda_item_id=item_id,
                    started_at=segment.started_at,
                    stopped_at=segment.stopped_at,
                )
            )
        if item.notes:
            self._add(Note(meeting_id=self.meeting_id, agenda_item_id=item_id, body=item.notes))

    def _decision(self, decision: DecisionLine) -> None:
        row = self._add(
            Decision(
                meeting_id=self.meeting_id,
                agenda_item_id=self._item_id(decision.agenda_item_id),
                question=decision.question,
                method=decision.method,
                continuum_point=decision.continuum_point,
                decider_member_id=self.roster.member_of(decision.decider),
                threshold_percent=decision.threshold_percent,
                outcome=decision.outcome,
                status=decision.status,
                decided_at=decision.decided_at,
            )
        )
        options: dict[str, int] = {}
        for position, option in enumerate(decision.options):
            added = self._add(
                DecisionOption(
                    decision_id=row_id(row),
                    position=position,
                    text=option.text,
                    chosen=option.chosen,
                )
            )
            options.setdefault(option.text, row_id(added))
        for vote in decision.votes:
            self._add(
                Vote(
                    decision_id=row_id(row),
                    option_id=None if vote.option is None else options.get(vote.option),
                    member_id=self.roster.member_of(vote.voter),
                    points=vote.points,
                    level=vote.level,
                    blocks=vote.blocks,
                    note=vote.note,
                )
            )

    def _actions(self) -> None:
        for action in self.minutes.actions:
            owner_id, owner_name = self.roster.holder(action.owner)
            row = self._add(
                ActionItem(
                    team_id=self.team_id,
                    meeting_id=self.meeting_id,
                    agenda_item_id=self._item_id(action.agenda_item_id),
                    what=action.what,
                    owner_member_id=owner_id,
                    owner_name=owner_name,
                    owner_to_be_decided=action.owner_to_be_decided,
                    due_date=action.due,
                    status=action.status,
                    done_at=action.done_at,
                )
            )
            self.actions[action.id] = row_id(row)

    def _followup(self) -> None:
        """The parking lot, the next agenda, take-aways and the communication plan."""
        m, meeting_id = self.minutes, self.meeting_id
        for entry in m.parking:
            raised_id, raised_name = self.roster.holder(entry.raised_by)
            action = entry.action_item_id
            self._add(
                ParkingLotItem(
                    team_id=self.team_id,
                    meeting_id=meeting_id,
                    agenda_item_id=self._item_id(entry.agenda_item_id),
                    text=entry.text,
                    raised_by_member_id=raised_id,
                    raised_by_name=raised_name,
                    status=entry.status,
                    disposition_note=entry.disposition_note,
                    disposed_at=entry.disposed_at,
                    action_item_id=None if action is None else self.actions.get(action),
                )
            )
        for line in m.next_agenda:
            self._add(
                NextAgendaEntry(
                    team_id=self.team_id,
                    meeting_id=meeting_id,
                    title=line.title,
                    note=line.note,
                    status=line.status,
                )
            )
        for position, text in enumerate(m.takeaways):
            self._add(Takeaway(meeting_id=meeting_id, position=position, text=text))
        for position, message in enumerate(m.communication):
            messenger_id, messenger_name = self.roster.holder(message.messenger)
            self._add(
                CommunicationEntry(
                    meeting_id=meeting_id,
                    position=position,
                    key_message=message.key_message,
                    stakeholders=message.stakeholders,
                    messenger_member_id=messenger_id,
                    messenger_name=messenger_name,
                    method=message.method,
                    timeline=message.timeline,
                )
            )

    def _checks(self) -> None:
        """Norms checks with their ratings, process checks and time-outs."""
        meeting_id = self.meeting_id
        for check in self.minutes.norms_checks:
            row = self._add(
                NormsCheck(
                    meeting_id=meeting_id,
                    agenda_item_id=self._item_id(check.agenda_item_id),
                    checked_at=check.checked_at,
                )
            )
            for rating in check.ratings:
                self._add(
                    NormsCheckRating(
                        norms_check_id=row_id(row),
                        norm_id=self.norms[match_key(rating.norm)],
                        reading=rating.reading,
                        note=rating.note,
                    )
                )
        for process in self.minutes.process_checks:
            self._add(
                ProcessCheck(
                    meeting_id=meeting_id,
                    agenda_item_id=self._item_id(process.agenda_item_id),
                    checked_at=process.checked_at,
                    progress=process.progress,
                    everyone_in=process.everyone_in,
                    note=process.note,
                )
            )
        for time_out in self.minutes.time_outs:
            self._add(
                TimeOut(
                    meeting_id=meeting_id,
                    agenda_item_id=self._item_id(time_out.agenda_item_id),
                    started_at=time_out.started_at,
                    ended_at=time_out.ended_at,
                    note=time_out.note,
                )
            )

    def _turns(self) -> None:
        for turn in self.minutes.turns:
            member_id, guest = self.roster.holder(turn.speaker)
            self._add(
                SpeakerTurn(
                    meeting_id=self.meeting_id,
                    agenda_item_id=self._item_id(turn.agenda_item_id),
                    member_id=member_id,
                    guest_name=guest,
                    queued_at=turn.queued_at,
                    started_at=turn.started_at,
                    ended_at=turn.ended_at,
                )
            )
