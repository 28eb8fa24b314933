"""How an item will be decided, through `export` and `import`: the planned method
round-trips, is found by its name or its value in any case, and an unknown one is
refused with its line, importing nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from facilitator.pack.loader import Pack
from facilitator.services.agenda_io import export_agenda
from facilitator.services.meetings import meeting_plan
from facilitator.store.database import Database
from facilitator.store.tables import AgendaItem
from tests.conftest import FROZEN_NOW, TZ
from tests.services.test_agenda_io import DECEMBER_ID, RIVERSIDE, refused, run_import

AGENDA = "# Budget meeting\nTeam: {team}\nDate: 2026-12-07\nTime: 15:30\n## Agenda\n{items}"


def plan_method(db: Database, title: str, method: str) -> None:
    with db.write(now=FROZEN_NOW) as session:
        item = session.exec(
            select(AgendaItem).where(
                AgendaItem.meeting_id == DECEMBER_ID, AgendaItem.title == title
            )
        ).one()
        item.decision_method = method


def test_the_planned_method_round_trips(demo_db: Database, pack: Pack) -> None:
    plan_method(demo_db, "Classroom library budget", "multi_vote")
    text = export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="md", pack=pack, tz=TZ)
    assert "   - Decided by: Multi-voting\n   - Process: Consensus\n" in text

    result = run_import(demo_db, pack, text)

    copy = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    original = meeting_plan(demo_db, meeting_id=DECEMBER_ID, pack=pack)
    assert result.notes == ()
    assert [(i.title, i.decision_method) for i in copy.agenda] == [
        (i.title, i.decision_method) for i in original.agenda
    ]
    budget = copy.agenda[4]
    assert (budget.decision_method, budget.decision_method_name) == ("multi_vote", "Multi-voting")
    # The protocol still brings its steps after the method line.
    assert len(budget.steps) == len(pack.protocols["consensus"].steps)


@pytest.mark.parametrize(
    ("written", "method"),
    [
        ("Consensus", "consensus"),
        ("majority VOTING", "majority"),
        ("one_person", "one_person"),
        ("  Multi_Vote ", "multi_vote"),
        ("One person  decides", "one_person"),
    ],
)
def test_the_method_is_found_by_name_or_value_in_any_case(
    demo_db: Database, pack: Pack, written: str, method: str
) -> None:
    text = AGENDA.format(
        team=RIVERSIDE, items=f"- 10 min Budget [decision]\n  - Decided by: {written}\n"
    )

    result = run_import(demo_db, pack, text)

    plan = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert plan.agenda[0].decision_method == method


def test_an_unknown_method_is_refused_and_nothing_is_imported(
    demo_db: Database, pack: Pack
) -> None:
    items = (
        "- 10 min Budget [decision]\n  - Decided by: Coin \\[toss\\]\n"
        "- 5 min Next steps\n  - Decided by: consensus\n"
    )

    assert refused(demo_db, pack, AGENDA.format(team=RIVERSIDE, items=items)) == (
        'line 7: "Coin [toss]" is not a way of deciding this app knows; use Unanimous, '
        "One person decides, Compromise, Multi-voting, Majority voting or Consensus.",
    )
