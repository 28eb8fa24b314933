"""`change_stamp`: what a screen polls to learn that any process committed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from facilitator.store.sqlite_file import change_stamp


def test_regression_opening_a_file_without_a_wal_is_not_a_change(
    demo_seed: Path, tmp_path: Path
) -> None:
    """A database copied without its -wal file gets an empty one from the first
    connection; the closed-minutes screen took that for a change and read itself twice."""
    path = tmp_path / "copy.db"
    shutil.copyfile(demo_seed, path)
    before = change_stamp(path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("SELECT count(*) FROM meeting").fetchone()
        assert path.with_name("copy.db-wal").exists()
        assert change_stamp(path) == before
        connection.execute("UPDATE meeting SET title = title || '!' WHERE id = 1")
        connection.commit()
        assert change_stamp(path) != before
    finally:
        connection.close()


def test_every_commit_and_checkpoint_moves_the_stamp(demo_seed: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copyfile(demo_seed, path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        stamps = [change_stamp(path)]
        for number in range(5):
            connection.execute("UPDATE meeting SET title = ? WHERE id = 1", (f"T{number}",))
            connection.commit()
            stamps.append(change_stamp(path))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stamps.append(change_stamp(path))
    finally:
        connection.close()
    assert all(before != after for before, after in zip(stamps, stamps[1:], strict=False))
