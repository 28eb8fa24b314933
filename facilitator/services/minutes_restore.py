"""A meeting written back from its minutes: every row the minutes were read from, made
anew inside the caller's unit of work.

Rows go in in the file's order, so reading the new meeting (which orders by position and
id) gives the parts in the same order. Ids in the file are only used to link parts: an
`agenda_item_id` or `action_item_id` becomes the new row's id, and one that names
nothing in the file becomes no link at all.
"""

from __future__ import annotations

from sqlmodel import Session

from facilitator.domain.minutes import CommunicationLine, DecisionLine, ItemRecord, Minutes
from facilitator.pack.loader import Pack
from facilitator.services.minutes_people import Roster
from facilitator.services.minutes_restore_live import LiveRecord
from facilitator.store.bulk import Values, insert_rows, new_row
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
    Note,
    ParkingLotItem,
    RoleAssignment,
    Takeaway,
    TimerSegment,
    Vote,
)
from facilitator.store.tables._base import Row


class Restorer:
    """Writes one meeting of `team_id` from `minutes`; `norms` maps `match_key(text)` to
    the team's norm id.

    Each table gets one bulk insert (`store.bulk`), parents before the rows that point
    at them, so a meeting of hundreds of items is a few dozen statements.
    """

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
        (self.meeting_id,) = self._insert(Meeting, [self._meeting()])
        self._roles_and_attendance()
        self._items()
        self._decisions()
        self._actions()
        self._followup()
        record = LiveRecord(
            self.session, self.minutes, self.meeting_id, self.items, self.norms, self.roster
        )
        record.write()
        return self.meeting_id

    def _insert(self, table: type[Row], rows: list[Values]) -> list[int]:
        return insert_rows(self.session, table, rows)

    def _item_id(self, old: int | None) -> int | None:
        return None if old is None else self.items.get(old)

    def _meeting(self) -> Values:
        m = self.minutes
        return new_row(
            Meeting,
            team_id=self.team_id,
            title=m.title,
            purpose=m.purpose,
            goals="\n".join(m.goals),
            scheduled_start=m.scheduled_start,
            planned_minutes=m.planned_minutes,
            location=m.location,
            status=m.status,
            template_id=m.template_id,
            started_at=m.held_at,  # the earliest segment's start if not given
            ended_at=m.ended_at,
            closed_at=m.closed_at,
            minutes_corrected_at=m.corrected_at,
            minutes_sent_at=m.sent_at,
            warning_seconds=m.warning_seconds,
        )

    def _roles_and_attendance(self) -> None:
        roles = []
        for position, role in enumerate(self.minutes.roles):
            entry = self.pack.roles.get(role.role)
            own_label = role.label != (entry.name if entry else role.role)
            member_id, guest = self.roster.holder(role.holder)
            roles.append(
                new_row(
                    RoleAssignment,
                    meeting_id=self.meeting_id,
                    role=role.role,
                    label=role.label if own_label else "",
                    member_id=member_id,
                    guest_name=guest,
                    position=position,
                )
            )
        self._insert(RoleAssignment, roles)
        attendance = []
        for attendee in self.minutes.attendees:
            member_id, guest = self.roster.holder(attendee.person)
            attendance.append(
                new_row(
                    Attendance,
                    meeting_id=self.meeting_id,
                    member_id=member_id,
                    guest_name=guest,
                    status=attendee.status,
                )
            )
        self._insert(Attendance, attendance)

    def _items(self) -> None:
        """The agenda items, then their steps, timed segments and notes (the meeting's
        own notes last)."""
        items = self.minutes.items
        ids = self._insert(AgendaItem, [self._item(item) for item in items])
        self.items = {item.id: new for item, new in zip(items, ids, strict=True)}
        steps, segments, notes = [], [], []
        for item, item_id in zip(items, ids, strict=True):
            steps += [
                new_row(
                    AgendaStep,
                    agenda_item_id=item_id,
                    position=position,
                    title=step.title,
                    detail=step.detail,
                    planned_minutes=step.planned_minutes,
                    media_ranges=step.media_ranges,
                )
                for position, step in enumerate(item.steps)
            ]
            segments += [
                new_row(
                    TimerSegment,
                    meeting_id=self.meeting_id,
                    agenda_item_id=item_id,
                    started_at=segment.started_at,
                    stopped_at=segment.stopped_at,
                )
                for segment in item.segments
            ]
            if item.notes:
                notes.append(self._note(item_id, item.notes))
        if self.minutes.meeting_notes:
            notes.append(self._note(None, self.minutes.meeting_notes))
        self._insert(AgendaStep, steps)
        self._insert(TimerSegment, segments)
        self._insert(Note, notes)

    def _item(self, item: ItemRecord) -> Values:
        presenter_id, presenter_name = self.roster.holder(item.presenter)
        return new_row(
            AgendaItem,
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

    def _note(self, item_id: int | None, body: str) -> Values:
        return new_row(Note, meeting_id=self.meeting_id, agenda_item_id=item_id, body=body)

    def _decisions(self) -> None:
        """The decisions, their options, then the votes (which name an option by text:
        the first option with that text)."""
        decisions = self.minutes.decisions
        ids = self._insert(Decision, [self._decision(d) for d in decisions])
        options = [
            new_row(
                DecisionOption,
                decision_id=decision_id,
                position=position,
                text=option.text,
                chosen=option.chosen,
                voting_round=option.voting_round,
                gives=option.gives,
            )
            for decision, decision_id in zip(decisions, ids, strict=True)
            for position, option in enumerate(decision.options)
        ]
        option_ids = iter(self._insert(DecisionOption, options))
        votes = []
        for decision, decision_id in zip(decisions, ids, strict=True):
            by_text: dict[str, int] = {}
            for option in decision.options:
                by_text.setdefault(option.text, next(option_ids))
            votes += self._votes(decision, decision_id, by_text)
        self._insert(Vote, votes)

    def _votes(
        self, decision: DecisionLine, decision_id: int, options: dict[str, int]
    ) -> list[Values]:
        """A decision's votes, each naming its option by text (`options`); an anonymous
        decision's votes name no member, whatever the minutes say."""
        return [
            new_row(
                Vote,
                decision_id=decision_id,
                option_id=None if vote.option is None else options.get(vote.option),
                member_id=None if decision.anonymous else self.roster.member_of(vote.voter),
                points=vote.points,
                level=vote.level,
                blocks=vote.blocks,
                note=vote.note,
                choice=vote.choice,
                voting_round=vote.voting_round,
            )
            for vote in decision.votes
        ]

    def _decision(self, decision: DecisionLine) -> Values:
        """A decision's row; the method's and the continuum's words come from the pack
        when it is read, so `method_name`, `continuum_words` and `fallback_name` are
        not kept."""
        yes, no, abstain = decision.ballot or (None, None, None)
        return new_row(
            Decision,
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
            method_reason=decision.method_reason,
            threshold_kind=decision.threshold_kind,
            quorum=decision.quorum,
            present_count=decision.present_count,
            ballot_yes=yes,
            ballot_no=no,
            ballot_abstain=abstain,
            dot_budget=decision.dot_budget,
            voting_round=decision.voting_round,
            anonymous=decision.anonymous,
            after_block=decision.after_block,
            fallback_method=decision.fallback_method,
            rationale=decision.rationale,
            review_on=decision.review_on,
        )

    def _actions(self) -> None:
        rows = []
        for action in self.minutes.actions:
            owner_id, owner_name = self.roster.holder(action.owner)
            rows.append(
                new_row(
                    ActionItem,
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
        ids = self._insert(ActionItem, rows)
        for action, new in zip(self.minutes.actions, ids, strict=True):
            self.actions[action.id] = new

    def _followup(self) -> None:
        """The parking lot, the next agenda, take-aways and the communication plan."""
        m, meeting_id, team_id = self.minutes, self.meeting_id, self.team_id
        parking = []
        for entry in m.parking:
            raised_id, raised_name = self.roster.holder(entry.raised_by)
            action = entry.action_item_id
            parking.append(
                new_row(
                    ParkingLotItem,
                    team_id=team_id,
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
        self._insert(ParkingLotItem, parking)
        next_agenda = [
            new_row(
                NextAgendaEntry,
                team_id=team_id,
                meeting_id=meeting_id,
                title=line.title,
                note=line.note,
                status=line.status,
            )
            for line in m.next_agenda
        ]
        self._insert(NextAgendaEntry, next_agenda)
        takeaways = [
            new_row(Takeaway, meeting_id=meeting_id, position=position, text=text)
            for position, text in enumerate(m.takeaways)
        ]
        self._insert(Takeaway, takeaways)
        self._insert(
            CommunicationEntry, [self._message(p, c) for p, c in enumerate(m.communication)]
        )

    def _message(self, position: int, message: CommunicationLine) -> Values:
        messenger_id, messenger_name = self.roster.holder(message.messenger)
        return new_row(
            CommunicationEntry,
            meeting_id=self.meeting_id,
            position=position,
            key_message=message.key_message,
            stakeholders=message.stakeholders,
            messenger_member_id=messenger_id,
            messenger_name=messenger_name,
            method=message.method,
            timeline=message.timeline,
        )
