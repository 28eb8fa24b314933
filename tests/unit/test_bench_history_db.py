"""The benchmarks' history database (benchmarks/history_db.py): its search index, built
by one FTS5 'rebuild' after the bulk insert, holds exactly what the triggers would
have put there row by row; its text is seeded; its rare word is in one note."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

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


def test_rebuilt_index_is_the_one_the_triggers_make(history_db: Any, tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.db"
    triggered = tmp_path / "triggered.db"
    assert build(history_db, rebuilt, triggers=False) == build(history_db, triggered, triggers=True)
    entries = index_entries(rebuilt)
    assert entries == index_entries(triggered)
    assert len(entries) == 11  # ten search tables and the triggers
    assert len(entries["search_note"]) > 10_000
    assert len(entries["triggers"]) == 30  # insert, delete and update, all restored


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
