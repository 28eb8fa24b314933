"""Regressions of issue 15, defect 1, for carrying forward and copying an agenda: a call
did a query and a flush per picked thing or copied item, inside its write. Now the picked
rows are read with one query per kind and the new items, steps and links go in with one
statement per table. Shown by counting SQL statements for 10 and for 1,000 things."""

from __future__ import annotations

from facilitator.domain.planning import MeetingDraft
from facilitator.pack.loader import Pack
from facilitator.services.carry_forward import (
    REVIEW_TITLE,
    accept_carry_forward,
    carry_forward_candidates,
)
from facilitator.services.meetings import meeting_plan
from facilitator.services.planning import create_meeting
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW
from tests.scale import add_debts, counted, planned_meeting, team_and_members

EARLIER = 1  # the demo's first meeting, which set the extra items aside


def carry_all(db: Database, meeting_id: int) -> int:
    """Carry every candidate onto the meeting; the statements it took."""
    picks = [(c.kind, c.id) for c in carry_forward_candidates(db, meeting_id=meeting_id)]
    with counted(db) as statements:
        accept_carry_forward(db, meeting_id=meeting_id, picks=picks, now=FROZEN_NOW)
    return len(statements)


def test_carrying_forward_1000_of_each_takes_as_many_statements_as_10(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): each pick was fetched and flushed on its own in
    the write, so carrying forward 1,000 things held the lock for thousands of
    statements."""
    add_debts(demo_db, count=10, from_meeting=EARLIER, now=FROZEN_NOW)
    small = carry_all(demo_db, planned_meeting(demo_db, pack, now=FROZEN_NOW, title="Small"))
    add_debts(demo_db, count=1_000, from_meeting=EARLIER, now=FROZEN_NOW)
    big = planned_meeting(demo_db, pack, now=FROZEN_NOW, title="Big")
    with counted(demo_db) as listing:
        candidates = carry_forward_candidates(demo_db, meeting_id=big)
    large = carry_all(demo_db, big)

    assert len(listing) <= 10
    assert len(candidates) >= 3_000
    assert large <= small + 2
    plan = meeting_plan(demo_db, meeting_id=big, pack=pack)
    assert [line.position for line in plan.agenda] == list(range(len(plan.agenda)))
    review = plan.agenda[0]
    assert review.title == REVIEW_TITLE
    assert len(review.steps) == sum(c.kind == "action" for c in candidates)
    assert [s.title for s in review.steps[-2:]] == [
        "Follow up on point 998",
        "Follow up on point 999",
    ]
    parked = [line for line in plan.agenda if line.carried_from == "parking lot"]
    assert [line.title for line in parked[-2:]] == ["Parked question 998", "Parked question 999"]
    assert not any(c.on_agenda is False for c in carry_forward_candidates(demo_db, meeting_id=big))


def test_copying_an_agenda_of_1000_items_takes_as_many_statements_as_10(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): a copied agenda flushed every item on its own in
    the write."""
    team_id, _ = team_and_members(demo_db)
    sources = []
    for size in (10, 1_000):
        source = planned_meeting(demo_db, pack, now=FROZEN_NOW, title=f"Source {size}")
        add_debts(demo_db, count=size, from_meeting=EARLIER, now=FROZEN_NOW)
        accept_carry_forward(
            demo_db,
            meeting_id=source,
            picks=[
                (c.kind, c.id)
                for c in carry_forward_candidates(demo_db, meeting_id=source)
                if c.kind == "parking" and not c.on_agenda
            ],
            now=FROZEN_NOW,
        )
        sources.append(source)
    counts = []
    for source in sources:
        draft = MeetingDraft(title=f"Copy of {source}", date="2026-12-21", time="15:30")
        with counted(demo_db) as statements:
            copy = create_meeting(
                demo_db,
                team_id=team_id,
                draft=draft,
                pack=pack,
                now=FROZEN_NOW,
                tz=None,
                copy_of=source,
            ).id
        counts.append(len(statements))
        original = meeting_plan(demo_db, meeting_id=source, pack=pack)
        copied = meeting_plan(demo_db, meeting_id=copy, pack=pack)
        assert [line.title for line in copied.agenda] == [line.title for line in original.agenda]

    assert counts[1] <= counts[0] + 2
