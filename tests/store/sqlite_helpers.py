"""Read a SQLite file with the standard library only, so tests see exactly what is stored."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from facilitator.store.target import DatabaseTarget

Rows = dict[str, list[dict[str, Any]]]


def table_names(path: Path) -> list[str]:
    """Every table in the file except SQLite's own, by name."""
    with closing(sqlite3.connect(path)) as connection:
        return [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]


def all_rows(path: Path) -> Rows:
    """Every row of every table (alembic_version included, the search index's tables
    left out: they follow the others), each as a column -> value dict."""
    from facilitator.store.search import is_search_index

    result: Rows = {}
    with closing(sqlite3.connect(path)) as connection:
        connection.row_factory = sqlite3.Row
        for name in table_names(path):
            if is_search_index(name):
                continue
            order = "version_num" if name == "alembic_version" else "id"
            rows = connection.execute(f'SELECT * FROM "{name}" ORDER BY {order}')
            result[name] = [dict(row) for row in rows]
    return result


def row_counts(path: Path) -> dict[str, int]:
    """How many rows each table holds."""
    return {name: len(rows) for name, rows in all_rows(path).items()}


def columns(path: Path, table: str) -> list[str]:
    """The column names of `table`."""
    with closing(sqlite3.connect(path)) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def stored_revision(path: Path) -> str | None:
    """The revision in alembic_version, read without Alembic."""
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def sha256(path: Path) -> str:
    """A fingerprint of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_of(target: DatabaseTarget) -> Path:
    """The SQLite file a target points at."""
    assert target.path is not None, f"{target.display} is not a SQLite file"
    return target.path


def assert_one_sentence(sentence: str, path: Path) -> None:
    """A user-facing error: one line, one sentence, naming the file it is about."""
    assert str(path) in sentence
    assert "\n" not in sentence
    assert sentence.endswith(".")
    assert ". " not in sentence.replace(str(path), "PATH"), f"more than one sentence: {sentence}"
