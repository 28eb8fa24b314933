"""What the home screen shows, on the demo database at the frozen moment."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from facilitator.domain.overview import HomeOverview
from facilitator.services.carry_forward import accept_carry_forward
from facilitator.services.home import load_home
from facilitator.store.database import Database
from facilitator.store.tables import Decision, Team, row_id
from tests.conftest import FROZEN_NOW, TZ
from tests.decision_log_data import PLC as OAK_PLC
from tests.decision_log_data import RIVERSIDE, fill_log

LEADERSHIP = "Riverside Elementary Leadership Team"
PLC = "Grade 3 Collaborative Learning Team"


def team_id(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def home(db: Database, team: int | None = None) -> HomeOverview:
    return load_home(db.target, team_id=team, now=FROZEN_NOW, tz=TZ)


def test_all_teams(demo_db: Database) -> None:
    overview = home(demo_db)

    assert [(t.name, t.member_count) for t in overview.teams] == [(PLC, 4), (LEADERSHIP, 8)]
    assert overview.team_id is None
    assert [m.title for m in overview.upcoming] == [
        "PLC data meeting: winter reading benchmark",
        "December leadership team meeting",
    ]
    assert [m.title for m in overview.recent] == [
        "November leadership team meeting",
        "October leadership team meeting",
        "September leadership team meeting",
    ]
    assert {m.status for m in overview.recent} == {"closed"}
    assert overview.recent[0].closed_at is not None


def test_open_actions_earliest_due_first_with_one_overdue(demo_db: Database) -> None:
    overview = home(demo_db)

    assert [(a.owner, a.due_date) for a in overview.open_actions] == [
        ("Daniel Okafor", date(2026, 11, 19)),
        ("Grace Liu", date(2026, 11, 28)),
        ("Tom Becker", date(2026, 12, 2)),
        ("Maria Alvarez", date(2026, 12, 5)),
    ]
    assert overview.open_action_count == 4
    assert overview.overdue_action_count == 1
    assert overview.open_parking_count == 1


def test_one_team(demo_db: Database) -> None:
    leadership = team_id(demo_db, LEADERSHIP)
    plc = team_id(demo_db, PLC)

    ours = home(demo_db, leadership)
    theirs = home(demo_db, plc)

    assert ours.team_id == leadership
    assert [m.title for m in ours.upcoming] == ["December leadership team meeting"]
    assert [m.title for m in ours.recent] == [
        "November leadership team meeting",
        "October leadership team meeting",
        "September leadership team meeting",
    ]
    assert (ours.open_action_count, ours.overdue_action_count, ours.open_parking_count) == (4, 1, 1)
    assert [m.title for m in theirs.upcoming] == ["PLC data meeting: winter reading benchmark"]
    assert theirs.recent == ()
    assert theirs.open_actions == ()
    assert (theirs.open_action_count, theirs.overdue_action_count) == (0, 0)
    assert theirs.open_parking_count == 0
    assert len(ours.teams) == len(theirs.teams) == 2


def test_unknown_team_falls_back_to_all_teams(demo_db: Database) -> None:
    overview = home(demo_db, 4242)

    assert overview == home(demo_db)
    assert overview.team_id is None


def test_archived_team_disappears(demo_db: Database) -> None:
    leadership = team_id(demo_db, LEADERSHIP)
    with demo_db.write(now=FROZEN_NOW) as session:
        team = session.get(Team, leadership)
        assert team is not None
        team.archived_at = FROZEN_NOW

    overview = home(demo_db)

    assert [t.name for t in overview.teams] == [PLC]
    assert [m.team_name for m in overview.upcoming] == [PLC]
    assert overview.recent == ()
    assert overview.open_actions == ()
    assert (overview.open_action_count, overview.open_parking_count) == (0, 0)
    assert home(demo_db, leadership).team_id is None


def test_empty_database(db: Database) -> None:
    overview = home(db)

    assert overview == HomeOverview(
        teams=(),
        team_id=None,
        upcoming=(),
        recent=(),
        open_actions=(),
        open_action_count=0,
        overdue_action_count=0,
        open_parking_count=0,
    )


def test_decisions_due_for_review(db: Database) -> None:
    """tests/decision_log_data.py: Riverside's majority vote (review 1 November) and the
    PLC's unanimous decision (20 November) are due; the archived team's is not counted;
    a review put on an agenda is no longer due."""
    data = fill_log(db)

    everyone = home(db)
    assert everyone.review_due_count == 2
    assert everyone.review_due == ("Adopt the new reading curriculum?", "Keep the Friday PLC slot?")
    assert home(db, data.teams[OAK_PLC]).review_due == ("Keep the Friday PLC slot?",)

    accept_carry_forward(
        db,
        meeting_id=data.meetings["december"],
        picks=[("decision", data.decisions["majority"])],
        now=FROZEN_NOW,
    )
    riverside = home(db, data.teams[RIVERSIDE])
    assert (riverside.review_due_count, riverside.review_due) == (0, ())
    assert home(db).review_due_count == 1


def test_review_due_names_the_first_three_and_counts_them_all(db: Database) -> None:
    data = fill_log(db)
    with db.write(now=FROZEN_NOW) as session:
        for number in range(5):
            session.add(
                Decision(
                    meeting_id=data.meetings["october"],
                    question=f"Extra {number}",
                    review_on=date(2026, 10, 1 + number),
                )
            )

    overview = home(db)

    assert overview.review_due_count == 7
    assert overview.review_due == ("Extra 0", "Extra 1", "Extra 2")
