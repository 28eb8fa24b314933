"""Checkpoints of the notes' log: paced by what the saves wrote, never inside a commit."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.services.checkpoint import CHECKPOINT_PAGES, LogPacer, pages_for_note
from facilitator.services.live import live_state, save_note
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW

DECEMBER = 2
"""The demo's planned December meeting."""


@pytest.mark.sqlite_only  # SQLite's write-ahead log
def test_pages_for_note_matches_what_sqlite_writes(demo_db: Database, pack: Pack) -> None:
    item_id = live_state(demo_db, meeting_id=DECEMBER, pack=pack).plan.agenda[0].id
    demo_db.checkpoint()
    for size in (10, 2_000, 18_000, 60_000):
        body = words(size)
        save_note(demo_db, meeting_id=DECEMBER, item_id=item_id, body=body, now=FROZEN_NOW)
        demo_db.checkpoint()
        body += "y"  # the next save replaces a note of the same size, as autosave does
        save_note(demo_db, meeting_id=DECEMBER, item_id=item_id, body=body, now=FROZEN_NOW)
        written = _frames_then_checkpoint(demo_db)
        assert abs(written - pages_for_note(body)) <= 2, (size, written)


def words(size: int) -> str:
    """Notes of `size` characters, in words as notes are (the search index keeps each
    distinct word once, so a single 60 kB word would weigh differently)."""
    vocabulary = [f"{stem}{n}" for n in range(300) for stem in ("rota", "plan", "data")]
    text = " ".join(vocabulary * (size // 2_000 + 1))
    return text[:size]


def _frames_then_checkpoint(db: Database) -> int:
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        row = cursor.fetchone()
        cursor.close()
    finally:
        connection.close()
    assert row is not None
    return int(row[1])  # (busy, frames in the log, frames copied)


class CountingDatabase:
    def __init__(self) -> None:
        self.checkpoints = 0

    def checkpoint(self) -> None:
        self.checkpoints += 1


def test_pacer_checkpoints_once_enough_pages_are_written() -> None:
    db = CountingDatabase()
    pacer = LogPacer(db, every=100)  # type: ignore[arg-type]
    assert [pacer.wrote(30) for _ in range(4)] == [False, False, False, True]
    assert db.checkpoints == 1
    assert pacer.pages == 0
    assert not pacer.wrote(99)
    assert pacer.wrote(1)
    assert db.checkpoints == 2


def test_default_pace_stays_under_sqlites_own_threshold() -> None:
    # SQLite checkpoints inside a commit at 1,000 pages; long notes must never get there.
    assert CHECKPOINT_PAGES + pages_for_note("x" * 200_000) < 1000
