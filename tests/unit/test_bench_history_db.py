"""The benchmarks' history database (benchmarks/history_db.py): its search index, built
by one FTS5 'rebuild' and an 'optimize' after the bulk insert, holds exactly what the
triggers would have put there row by row, merged as migration 0013 merges it; its text
is seeded; its rare word is in one note."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from facilitator.store.database import Database
from facilitator.store.target import sqlite_target

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MEETINGS = 80


@pytest.fixture(scope="module")
def history_db() -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import history_db

        yield history_db
    finally:
        sys.path.remove(str(BENCHMARKS))


def build(module: Any, path: Path, *, triggers: bool, seed: int = 19) -> Any:
    return module.build(path, meetings=MEETINGS, now=NOW, seed=seed, triggers=triggers)


def index_entries(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every search table's entries: (term, row, column, offset), read through fts5vocab."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
            )
        ]
        found = {}
        for table in tables:
            connection.execute(
                f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}, instance)"
            )
            found[table] = connection.execute(
                f"SELECT term, doc, col, offset FROM temp.v_{table} ORDER BY 1, 2, 3, 4"
            ).fetchall()
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        found["triggers"] = triggers
        return found
    finally:
        connection.close()


def search_tables(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
        )
    ]


def leaves(path: Path, *, optimize: bool = False) -> dict[str, int]:
    """How many blocks each search table's index holds, after an 'optimize' if asked."""
    connection = sqlite3.connect(path)
    try:
        found = {}
        for table in search_tables(connection):
            if optimize:
                connection.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
            found[table] = connection.execute(f"SELECT COUNT(*) FROM {table}_data").fetchone()[0]
        connection.commit()
        return found
    finally:
        connection.close()


def test_rebuilt_index_is_the_one_the_triggers_make(history_db: Any, tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.db"
    triggered = tmp_path / "triggered.db"
    assert build(history_db, rebuilt, triggers=False) == build(history_db, triggered, triggers=True)
    assert leaves(rebuilt) == leaves(rebuilt, optimize=True)  # already merged
    assert leaves(rebuilt) == leaves(triggered, optimize=True)  # the same merge
    entries = index_entries(rebuilt)
    assert entries == index_entries(triggered)
    assert len(entries) == 11  # ten search tables and the triggers
    assert len(entries["search_note"]) > 10_000
    assert len(entries["triggers"]) == 30  # insert, delete and update, all restored


def test_the_bulk_path_merges_what_the_rebuild_writes(history_db: Any, tmp_path: Path) -> None:
    """A rebuild writes a segment per megabyte of pending entries ('hashsize'); shrunk to
    4 kB here so that 80 meetings make many, the bulk path still leaves one per table."""
    import history_insert

    path = tmp_path / "history.db"
    build(history_db, path, triggers=False)
    with sqlite3.connect(path) as connection:
        for table in search_tables(connection):
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', 4096)")
    merged = leaves(path)
    before = index_entries(path)
    database = Database(sqlite_target(path))
    try:
        with database.write(now=NOW) as session, history_insert.index_rebuilt_after(session):
            pass
    finally:
        database.dispose()
    assert leaves(path) == merged
    assert index_entries(path) == before
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO search_note (search_note) VALUES ('rebuild')")
    assert leaves(path)["search_note"] > merged["search_note"]  # what the merge saves


def test_text_is_seeded_and_holds_what_the_benchmark_searches(
    history_db: Any, tmp_path: Path
) -> None:
    first = build(history_db, tmp_path / "a.db", triggers=False)
    other_seed = build(history_db, tmp_path / "b.db", triggers=False, seed=20)
    assert first.notes == other_seed.notes  # one note per item of a closed meeting
    assert first.note_lines >= 5 * first.notes
    assert first.decision_options >= 2 * first.decisions
    assert first.rare_word_meeting is not None

    def notes(path: Path) -> list[str]:
        with sqlite3.connect(path) as connection:
            return [row[0] for row in connection.execute("SELECT body FROM note ORDER BY id")]

    assert notes(tmp_path / "a.db") != notes(tmp_path / "b.db")
    again = tmp_path / "c.db"
    build(history_db, again, triggers=False)
    assert notes(again) == notes(tmp_path / "a.db")
    with sqlite3.connect(again) as connection:
        hits = connection.execute(
            "SELECT n.meeting_id FROM search_note JOIN note AS n ON n.id = search_note.rowid"
            " WHERE search_note MATCH 'xylophone'"
        ).fetchall()
    assert hits == [(first.rare_word_meeting,)]
