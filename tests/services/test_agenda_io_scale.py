"""Regressions of issue 15, defect 1, for agenda import: importing a long Markdown agenda
was quadratic (every item re-read the whole agenda to find its position: 4.7 s for 500
items, 51.7 s for 2,000) and held the write lock all the while. Now a file is parsed,
checked and turned into rows before a short write of a few statements, and an agenda of
more than 500 items is refused before anything is read or written.

Linearity is shown by counting SQL statements, never by timing."""

from __future__ import annotations

import pytest

from facilitator.domain.planning import AGENDA_ITEMS_MAX, AGENDA_STEPS_MAX
from facilitator.pack.loader import Pack
from facilitator.services.agenda_io import (
    AGENDA_MAX_BYTES,
    AgendaTooLarge,
    ImportResult,
    import_agenda,
)
from facilitator.services.meetings import meeting_plan
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.scale import PROTOCOL, big_agenda, counted
from tests.services.test_agenda_io import row_counts


def run_import(db: Database, pack: Pack, text: str) -> ImportResult:
    return import_agenda(db, text=text, pack=pack, now=FROZEN_NOW, tz=TZ)


def test_a_500_item_agenda_imports_in_as_many_statements_as_a_10_item_one(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): import re-read the agenda for every item, so its
    statements (and time) grew with the square of the items."""
    with counted(demo_db) as small:
        run_import(demo_db, pack, big_agenda(10, title="Short"))
    with counted(demo_db) as large:
        result = run_import(demo_db, pack, big_agenda(AGENDA_ITEMS_MAX))

    assert len(large) <= len(small) + 2
    plan = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert [line.title for line in plan.agenda] == [f"Item {n}" for n in range(500)]
    assert [line.position for line in plan.agenda] == list(range(500))
    first, second, fifth, seventh = (plan.agenda[n] for n in (0, 1, 5, 7))
    assert (first.process, [s.title for s in first.steps]) == (
        PROTOCOL,
        ["Look at the data", "Watch it"],
    )
    assert first.steps[1].media_ranges == "0:00-1:30"
    assert second.presenter is not None and second.presenter.member_id is None
    assert fifth.process == PROTOCOL and len(fifth.steps) == 6
    assert [s.title for s in seventh.steps] == ["Look at the data", "Watch it"]


def test_a_500_item_import_is_one_short_write(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 1): the import held the write lock for seconds, longer
    than another window's busy timeout. Now it is one write transaction whose statements
    do not depend on the agenda's length."""
    with counted(demo_db) as small:
        run_import(demo_db, pack, big_agenda(10, title="Short"))
    with counted(demo_db) as large:
        run_import(demo_db, pack, big_agenda(AGENDA_ITEMS_MAX))

    assert len(large.writes) == len(small.writes) == 1
    assert len(large.writes[0]) <= len(small.writes[0]) + 2
    assert len(large.writes[0]) <= 30


def test_an_agenda_of_501_items_is_refused_before_anything_is_read(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): an agenda of any length was written (20,000 items
    never finished). Over 500 items is refused with one sentence naming the limit and the
    count, and nothing is written: not a statement reaches the database."""
    before = row_counts(demo_db)
    with counted(demo_db) as statements, pytest.raises(AgendaTooLarge) as refused:
        run_import(demo_db, pack, big_agenda(AGENDA_ITEMS_MAX + 1))

    assert len(statements) == 0
    assert row_counts(demo_db) == before
    assert refused.value.exit_code == 1
    sentence = refused.value.sentence
    assert "\n" not in sentence and "501 items" in sentence and "at most 500" in sentence


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): a huge file (up to the CLI's 50 MB) was parsed
    whole. A Markdown agenda over 1 MB is refused with one sentence naming the limit."""
    text = big_agenda(3) + "<!-- " + "x" * AGENDA_MAX_BYTES + " -->\n"
    before = row_counts(demo_db)
    with counted(demo_db) as statements, pytest.raises(AgendaTooLarge) as refused:
        run_import(demo_db, pack, text)

    assert len(statements) == 0
    assert row_counts(demo_db) == before
    size = len(text.encode())
    assert f"is {size:,} bytes" in refused.value.sentence
    assert "at most 1,000,000 bytes (1 MB)" in refused.value.sentence


def test_an_agenda_of_too_many_steps_is_refused_before_anything_is_written(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): the steps written under an item were not limited,
    so a file of two items could still be a hundred thousand rows in one write."""
    steps = "".join(f"    - Step {n}\n" for n in range(AGENDA_STEPS_MAX + 1))
    text = big_agenda(2) + "- 5 min Long one\n  - Steps:\n" + steps
    before = row_counts(demo_db)
    with counted(demo_db) as statements, pytest.raises(AgendaTooLarge) as refused:
        run_import(demo_db, pack, text)

    assert statements.writes == []
    assert row_counts(demo_db) == before
    assert "3,0" in refused.value.sentence and "at most 3,000" in refused.value.sentence
