"""Decisions due for review, carried forward onto a meeting's agenda
(`facilitator.services.carry_forward` offers and accepts them with the rest).

A decision is offered once its review date is the meeting's day or earlier, until its
review is on an agenda: the meeting's own (shown as already there) or another's (not
offered again). Accepted, it becomes a decision item planned to be decided by the same
method, linked back to the decision by `CarryForward.decision_id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sql
from sqlalchemy.engine import Row
from sqlmodel import Session, col, select

from facilitator.domain.enums import ItemKind
from facilitator.domain.markdown_escape import one_line
from facilitator.domain.planning import TEXT_MAX, TITLE_MAX
from facilitator.services.agenda_build import new_item
from facilitator.store.bulk import Values, core_table
from facilitator.store.tables import AgendaItem, CarryForward, Decision, Meeting

DECISION_REVIEW = "Review decision: "
"""The start of the title of an item that reviews a decision (its question follows)."""


def reviews_due(session: Session, meeting: Meeting, day: date) -> list[tuple[int, str, str]]:
    """The team's decisions (of its other meetings) whose review date is `day` or
    earlier and whose review is on no other meeting's agenda: (id, question, detail)."""
    link, item = core_table(CarryForward).c, core_table(AgendaItem).c
    elsewhere = (
        sql.select(link.id)
        .join(core_table(AgendaItem), item.id == link.agenda_item_id)
        .where(link.decision_id == Decision.id, item.meeting_id != meeting.id)
    )
    statement = (
        select(col(Decision.id), Decision.question, col(Decision.review_on), Meeting.title)
        .join(Meeting, col(Meeting.id) == Decision.meeting_id)
        .where(
            Meeting.team_id == meeting.team_id,
            Decision.meeting_id != meeting.id,
            col(Decision.review_on) <= day,
            ~elsewhere.exists(),
        )
        .order_by(col(Decision.review_on), col(Decision.id))
    )
    return [
        (key, one_line(question), _review_detail(review_on, title))
        for key, question, review_on, title in session.exec(statement)
        if key is not None and review_on is not None
    ]


def picked_decisions(session: Session, keys: Sequence[int]) -> dict[tuple[str, int], Row[Any]]:
    """The picked decisions (plain columns) with the team of the meeting that took them."""
    if not keys:
        return {}
    decision, meeting = core_table(Decision).c, core_table(Meeting).c
    statement = (
        sql.select(
            decision.id,
            decision.question,
            decision.method,
            decision.continuum_point,
            decision.outcome,
            decision.review_on,
            meeting.team_id,
        )
        .join(core_table(Meeting), meeting.id == decision.meeting_id)
        .where(decision.id.in_(keys))
    )
    return {("decision", row.id): row for row in session.execute(statement)}


def decision_review_item(decision: Row[Any]) -> Values:
    """A decision item that reviews `decision`: its question, what was decided, and the
    same method (and continuum point) planned for deciding it again."""
    goal = "Its review date has come: does the decision still hold?"
    if one_line(decision.outcome):
        goal += f" Outcome: {one_line(decision.outcome)}"
    return new_item(
        title=f"{DECISION_REVIEW}{one_line(decision.question)}"[:TITLE_MAX],
        goal=goal[:TEXT_MAX],
        planned_minutes=10,
        kind=ItemKind.DECISION,
        decision_method=decision.method,
        continuum_point=decision.continuum_point,
    )


def _review_detail(review_on: date, meeting_title: str) -> str:
    return f"review on {review_on:%a %d %b} · from {one_line(meeting_title)}"
