"""Decisions as the minutes and the decision log show them: each with its options, its
votes and its method's words, read in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from sqlmodel import Session, col, select

from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import DecisionLine, OptionLine, VoteLine
from facilitator.pack.deciding import continuum_words, method_names
from facilitator.pack.loader import Pack
from facilitator.store.tables import Decision, DecisionOption, Vote, row_id

T = TypeVar("T")
PersonOf = Callable[[int | None, str | None], Person | None]


def decision_lines(
    session: Session, rows: Sequence[Decision], person: PersonOf, pack: Pack
) -> list[DecisionLine]:
    """`rows` with their options and votes (two queries however many), names resolved
    by `person(member_id, name)`."""
    ids = [row_id(d) for d in rows]
    options = _grouped(
        session.exec(
            select(DecisionOption)
            .where(col(DecisionOption.decision_id).in_(ids))
            .order_by(col(DecisionOption.position), col(DecisionOption.id))
        ),
        lambda o: o.decision_id,
    )
    votes = _grouped(
        session.exec(select(Vote).where(col(Vote.decision_id).in_(ids)).order_by(col(Vote.id))),
        lambda v: v.decision_id,
    )
    option_text = {row_id(o): o.text for group in options.values() for o in group}
    names = method_names(pack)
    words = continuum_words(pack)
    return [
        DecisionLine(
            id=row_id(d),
            question=d.question,
            method=d.method,
            method_name=names.get(d.method, d.method) if d.method else None,
            outcome=d.outcome,
            status=d.status,
            decided_at=d.decided_at,
            agenda_item_id=d.agenda_item_id,
            decider=person(d.decider_member_id, None),
            continuum_point=d.continuum_point,
            threshold_percent=d.threshold_percent,
            options=tuple(
                OptionLine(o.text, o.chosen, o.voting_round, o.gives)
                for o in options.get(row_id(d), [])
            ),
            votes=tuple(_vote(v, person, option_text) for v in votes.get(row_id(d), [])),
            continuum_words=words.get(d.continuum_point or 0, ""),
            method_reason=d.method_reason,
            threshold_kind=d.threshold_kind,
            quorum=d.quorum,
            present_count=d.present_count,
            ballot=_ballot(d),
            dot_budget=d.dot_budget,
            voting_round=d.voting_round,
            anonymous=d.anonymous,
            after_block=d.after_block,
            fallback_method=d.fallback_method,
            fallback_name=names.get(d.fallback_method) if d.fallback_method else None,
            rationale=d.rationale,
            review_on=d.review_on,
        )
        for d in rows
    ]


def _vote(vote: Vote, person: PersonOf, option_text: dict[int, str]) -> VoteLine:
    return VoteLine(
        voter=person(vote.member_id, None),
        option=option_text.get(vote.option_id) if vote.option_id else None,
        points=vote.points,
        level=vote.level,
        blocks=vote.blocks,
        note=vote.note,
        choice=vote.choice,
        voting_round=vote.voting_round,
    )


def _ballot(decision: Decision) -> tuple[int, int, int] | None:
    counts = (decision.ballot_yes, decision.ballot_no, decision.ballot_abstain)
    if all(count is None for count in counts):
        return None
    return (counts[0] or 0, counts[1] or 0, counts[2] or 0)


def _grouped(rows: Iterable[T], key: Callable[[T], int]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped
