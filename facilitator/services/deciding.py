"""Recording a decision by its method: reading what the decision screen needs (the
decision as counted so far, the members present who can vote, the guests apart), saving
a draft in one short transaction after every check has passed, and narrowing a
multi-vote for another round (earlier rounds are kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, delete, select

from facilitator.domain.decision_draft import VOTED, DecisionDraft, draft_problems
from facilitator.domain.decision_tally import ThresholdKind
from facilitator.domain.enums import AttendanceStatus, DecisionMethod, DecisionStatus
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.captures import open_meeting
from facilitator.services.decision_lines import decision_lines
from facilitator.services.fields import plain_text
from facilitator.services.minutes import People
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import (
    Attendance,
    Decision,
    DecisionOption,
    Meeting,
    Member,
    Vote,
    row_id,
)

AWAY = {AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value}


@dataclass(frozen=True)
class DecisionSheet:
    """A decision with who can take part in it."""

    line: DecisionLine
    present: tuple[Person, ...]
    """Members present, who can vote (the whole team when no one is listed)."""
    guests: tuple[str, ...]
    """Guests of the meeting: shown apart, they do not vote."""
    team_size: int
    """Active members of the team (the largest quorum)."""


def decision_sheet(db: Database, *, decision_id: int, pack: Pack) -> DecisionSheet:
    with db.read() as session:
        decision = fetch(session, Decision, decision_id, "decision")
        meeting = fetch(session, Meeting, decision.meeting_id, "meeting")
        people = People(session, meeting.team_id)
        (line,) = decision_lines(session, [decision], people.person, pack)
        present, guests = _room(session, meeting)
        return DecisionSheet(line, tuple(present), tuple(guests), len(people.active))


def _room(session: Session, meeting: Meeting) -> tuple[list[Person], list[str]]:
    rows = session.exec(
        select(Attendance, Member)
        .join(Member, col(Attendance.member_id) == col(Member.id), isouter=True)
        .where(Attendance.meeting_id == meeting.id)
        .order_by(col(Member.id), col(Attendance.id))
    ).all()
    here = [(a, m) for a, m in rows if a.status not in AWAY]
    members = [m for _, m in here if m is not None]
    if not any(m is not None for _, m in rows):
        members = list(
            session.exec(
                select(Member)
                .where(Member.team_id == meeting.team_id, col(Member.archived_at).is_(None))
                .order_by(col(Member.id))
            ).all()
        )
    guests = [a.guest_name for a, m in here if m is None and a.guest_name]
    return [Person(m.name, row_id(m)) for m in members], [g for g in guests if g]


def record_decision(db: Database, *, decision_id: int, draft: DecisionDraft, now: datetime) -> None:
    """Save `draft` over what `decision_id` held for its current round (InvalidInput,
    field -> sentence, and nothing saved, when a check fails)."""
    draft = _cleaned(draft)
    with db.write(now=now) as session:
        decision = fetch(session, Decision, decision_id, "decision")
        meeting = open_meeting(session, decision.meeting_id)
        present, _ = _room(session, meeting)
        team = session.exec(
            select(Member.id).where(
                Member.team_id == meeting.team_id, col(Member.archived_at).is_(None)
            )
        ).all()
        problems = draft_problems(draft, {p.member_id for p in present if p.member_id}, len(team))
        if problems:
            raise InvalidInput(problems)
        _fields(decision, draft, present_count=len(present), now=now)
        option_ids = _options(session, decision, draft)
        _votes(session, decision, draft, option_ids)
        session.add(decision)


def _cleaned(draft: DecisionDraft) -> DecisionDraft:
    return replace(
        draft,
        outcome=plain_text(draft.outcome, "outcome"),
        rationale=plain_text(draft.rationale, "rationale"),
        options=tuple(plain_text(text, "options") for text in draft.options),
        gives=tuple(plain_text(text, "options") for text in draft.gives),
        reasons={m: plain_text(text, "votes") for m, text in draft.reasons.items()},
    )


def _fields(decision: Decision, draft: DecisionDraft, *, present_count: int, now: datetime) -> None:
    method = draft.method
    majority = method is DecisionMethod.MAJORITY
    decision.method = method.value
    decision.outcome, decision.rationale = draft.outcome, draft.rationale
    decision.review_on, decision.status = draft.review_on, draft.status.value
    if draft.status is DecisionStatus.DECIDED and decision.decided_at is None:
        decision.decided_at = now
    elif draft.status is not DecisionStatus.DECIDED:
        decision.decided_at = None
    counted = method in VOTED or method is DecisionMethod.MULTI_VOTE
    decision.anonymous = draft.anonymous and counted
    decision.present_count = present_count if counted else None
    decision.threshold_kind = draft.threshold_kind.value if majority else None
    percent = draft.threshold_kind is ThresholdKind.PERCENT
    decision.threshold_percent = draft.threshold_percent if majority and percent else None
    decision.quorum = draft.quorum if majority else None
    ballot = draft.ballot if majority else None
    decision.ballot_yes, decision.ballot_no, decision.ballot_abstain = ballot or (None,) * 3
    multi = method is DecisionMethod.MULTI_VOTE
    decision.dot_budget = draft.dot_budget if multi else None
    decision.decider_member_id = draft.decider if method is DecisionMethod.ONE_PERSON else None
    if draft.continuum_point is not None:
        decision.continuum_point = draft.continuum_point
    consensus = method is DecisionMethod.CONSENSUS
    decision.after_block = draft.after_block.value if consensus and draft.after_block else None
    fallback = draft.fallback_method if consensus else None
    decision.fallback_method = fallback.value if fallback else None


def _options(session: Session, decision: Decision, draft: DecisionDraft) -> list[int]:
    """The option rows of this round, updated in place (earlier rounds' votes on them
    stay); ids in the draft's order."""
    decision_id, this_round = row_id(decision), decision.voting_round
    rows = session.exec(
        select(DecisionOption)
        .where(DecisionOption.decision_id == decision_id)
        .order_by(col(DecisionOption.position), col(DecisionOption.id))
    ).all()
    current = [o for o in rows if o.voting_round >= this_round]
    wanted = draft.method in {DecisionMethod.MULTI_VOTE, DecisionMethod.COMPROMISE}
    texts = draft.options if wanted else ()
    for index, row in enumerate(current):
        if index >= len(texts):
            if this_round > 1:
                row.voting_round = this_round - 1
                session.add(row)
            else:
                session.delete(row)
    ids = []
    for index, text in enumerate(texts):
        row = (
            current[index]
            if index < len(current)
            else DecisionOption(decision_id=decision_id, text=text, voting_round=this_round)
        )
        if this_round == 1:
            row.position = index  # the order typed
        elif row.id is None:
            row.position = max((o.position for o in rows), default=0) + 1 + index
        row.text = text
        row.gives = draft.gives[index] if index < len(draft.gives) else ""
        row.chosen = index in draft.chosen
        session.add(row)
        session.flush()
        ids.append(row_id(row))
    return ids


def _votes(
    session: Session, decision: Decision, draft: DecisionDraft, option_ids: Sequence[int]
) -> None:
    decision_id, this_round = row_id(decision), decision.voting_round
    session.exec(
        delete(Vote).where(
            col(Vote.decision_id) == decision_id, col(Vote.voting_round) == this_round
        )
    )
    hidden = decision.anonymous
    votes = [
        Vote(
            decision_id=decision_id,
            member_id=None if hidden and choice.value != "consulted" else member_id,
            choice=choice.value,
            blocks=choice.value == "block",
            note=draft.reasons.get(member_id, "") if choice.value == "block" else "",
            voting_round=this_round,
        )
        for member_id, choice in draft.choices.items()
        if draft.ballot is None and draft.method in (*VOTED, DecisionMethod.ONE_PERSON)
    ]
    if draft.method is DecisionMethod.MULTI_VOTE:
        votes += [
            Vote(
                decision_id=decision_id,
                option_id=option_ids[index],
                member_id=None if hidden else member_id,
                points=count,
                voting_round=this_round,
            )
            for member_id, spent in draft.dots.items()
            for index, count in spent.items()
            if count > 0
        ]
    if hidden:  # stored in an order that says nothing about who voted what
        votes.sort(key=lambda v: (v.choice or "", v.option_id or 0, v.points, v.note))
    session.add_all(votes)


def next_round(db: Database, *, decision_id: int, keep: Sequence[int], now: datetime) -> int:
    """Narrow a multi-vote to the options at indexes `keep` (of this round's list) for
    another round; the round just counted is kept. Returns the new round's number."""
    with db.write(now=now) as session:
        decision = fetch(session, Decision, decision_id, "decision")
        open_meeting(session, decision.meeting_id)
        if decision.method != DecisionMethod.MULTI_VOTE:
            raise InvalidInput({"options": "Only a multi-vote goes to another round."})
        current = session.exec(
            select(DecisionOption)
            .where(
                DecisionOption.decision_id == decision_id,
                col(DecisionOption.voting_round) >= decision.voting_round,
            )
            .order_by(col(DecisionOption.position), col(DecisionOption.id))
        ).all()
        kept = sorted({index for index in keep if 0 <= index < len(current)})
        if not 2 <= len(kept) < len(current):
            raise InvalidInput(
                {"options": "Mark at least two options, and fewer than all, for the next round."}
            )
        decision.voting_round += 1
        for index in kept:
            current[index].voting_round = decision.voting_round
            current[index].chosen = False
            session.add(current[index])
        session.add(decision)
        return decision.voting_round


def latest_decision(db: Database, *, meeting_id: int, item_id: int | None) -> int | None:
    """The id of item `item_id`'s latest decision, else the meeting's latest; None when
    the meeting has none."""
    with db.read() as session:
        rows = session.exec(
            select(Decision.id, Decision.agenda_item_id)
            .where(Decision.meeting_id == meeting_id)
            .order_by(col(Decision.id))
        ).all()
    ours = [key for key, item in rows if item == item_id and item_id is not None]
    return (ours or [key for key, _ in rows] or [None])[-1]
