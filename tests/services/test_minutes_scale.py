"""Regressions of issue 15, defect 1, for the minutes: reading them, closing a meeting
(which reads them inside its write) and importing them from JSON. Shown by counting SQL
statements for a meeting of 10 items and one of 1,000 (500 for an import, its limit),
never by timing."""

from __future__ import annotations

import json

import pytest

from facilitator.domain.planning import AGENDA_ITEMS_MAX
from facilitator.pack.loader import Pack
from facilitator.services.closure import close_meeting
from facilitator.services.minutes import meeting_minutes
from facilitator.services.minutes_export import export_minutes
from facilitator.services.minutes_io import MinutesNotImported, import_minutes
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.scale import counted, held_meeting
from tests.services.test_agenda_io import row_counts


def test_the_minutes_of_1000_items_take_as_many_statements_as_10(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): the minutes must not read anything per item."""
    small = held_meeting(demo_db, pack, items=10, now=FROZEN_NOW)
    large = held_meeting(demo_db, pack, items=1_000, now=FROZEN_NOW)
    with counted(demo_db) as few:
        meeting_minutes(demo_db, meeting_id=small, pack=pack)
    with counted(demo_db) as many:
        minutes = meeting_minutes(demo_db, meeting_id=large, pack=pack)

    assert len(many) <= len(few)
    assert len(minutes.items) == 1_000
    last = minutes.items[-1]
    assert (len(last.steps), len(last.segments), len(last.decisions), len(last.actions)) == (
        3,
        1,
        1,
        1,
    )
    assert last.notes.startswith("Notes on item")
    assert [v.option for v in last.decisions[0].votes] == ["Way 0", "Way 0"]
    assert minutes.other_actions == () and minutes.other_decisions == ()


def test_closing_a_meeting_of_1000_items_is_one_short_write(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 1): closing reads what still stands in the way inside
    its write; that read must not grow with the agenda."""
    counts = []
    for items in (10, 1_000):
        meeting_id = held_meeting(demo_db, pack, items=items, now=FROZEN_NOW)
        with counted(demo_db) as statements:
            close_meeting(demo_db, meeting_id=meeting_id, now=FROZEN_NOW)
        assert meeting_minutes(demo_db, meeting_id=meeting_id, pack=pack).status == "closed"
        assert len(statements.writes) == 1
        counts.append(len(statements.writes[0]))

    assert counts[1] <= counts[0]


def minutes_json(db: Database, pack: Pack, items: int) -> str:
    meeting_id = held_meeting(db, pack, items=items, now=FROZEN_NOW)
    data = export_minutes(db, meeting_id=meeting_id, fmt="json", pack=pack, tz=TZ, now=FROZEN_NOW)
    return data.decode()


def test_importing_minutes_of_350_items_takes_as_many_statements_as_10(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): a minutes import flushed every row on its own,
    thousands of statements in one write. (350 items of `held_meeting` are 4,550 rows,
    under the 5,000 a minutes file may hold.)"""
    counts = []
    for items in (10, 350):
        text = minutes_json(demo_db, pack, items)
        with counted(demo_db) as statements:
            result = import_minutes(demo_db, text=text, pack=pack, now=FROZEN_NOW)
        assert len(statements.writes) == 1
        counts.append(len(statements))
        imported = meeting_minutes(demo_db, meeting_id=result.meeting_id, pack=pack)
        assert len(imported.items) == items
        assert sum(len(item.decisions[0].votes) for item in imported.items) == 2 * items

    assert counts[1] <= counts[0] + 2


def test_minutes_of_501_items_are_refused_before_anything_is_written(
    demo_db: Database, pack: Pack
) -> None:
    """Regression (issue 15, defect 1): minutes of any length were imported in one long
    write. Over 500 items is refused with one sentence naming the limit and the count."""
    text = minutes_json(demo_db, pack, AGENDA_ITEMS_MAX + 1)
    before = row_counts(demo_db)
    with counted(demo_db) as statements, pytest.raises(MinutesNotImported) as refused:
        import_minutes(demo_db, text=text, pack=pack, now=FROZEN_NOW)

    assert statements.writes == []
    assert row_counts(demo_db) == before
    assert "501 agenda items" in refused.value.sentence
    assert "at most 500" in refused.value.sentence


def test_minutes_of_too_many_records_or_bytes_are_refused(demo_db: Database, pack: Pack) -> None:
    """Regression (issue 15, defect 1): a minutes file of a few items but tens of thousands
    of take-aways, or megabytes of notes, was one long write. Over 5,000 records or 5 MB
    is refused with one sentence naming the limit."""
    document = json.loads(minutes_json(demo_db, pack, 3))
    before = row_counts(demo_db)
    many = dict(document, meeting=dict(document["meeting"], takeaways=["Keep going"] * 5_001))
    huge = dict(document, meeting=dict(document["meeting"], meeting_notes="x" * 5_000_001))

    sentences = []
    for changed in (many, huge):
        with counted(demo_db) as statements, pytest.raises(MinutesNotImported) as refused:
            import_minutes(demo_db, text=json.dumps(changed), pack=pack, now=FROZEN_NOW)
        assert statements.writes == []
        sentences.append(refused.value.sentence)

    assert row_counts(demo_db) == before
    assert "5,0" in sentences[0] and "at most 5,000" in sentences[0]
    assert "at most 5,000,000 bytes (5 MB)" in sentences[1]
