"""Fixtures for tests that run the `facilitator` command as a separate process."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.cli.terminal import REPO, facilitator
from tests.conftest import db_argument


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    """The environment for a child process: this test's private user directories."""
    variables = dict(os.environ)
    variables.pop("FACILITATOR_DB", None)
    variables.pop("TEXTUAL", None)
    return variables


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `facilitator demo --no-open` once per test process; the
    `database` fixture copies it (running the command for every test cost seconds each)."""
    folder = tmp_path_factory.mktemp("demo-template")
    variables = {
        key: value
        for key, value in os.environ.items()
        if key not in {"FACILITATOR_DB", "TEXTUAL"} and not key.startswith("XDG_")
    }
    variables["HOME"] = str(folder / "home")
    path = folder / "school.db"
    done = subprocess.run(
        facilitator("--db", str(path), "demo", "--no-open"),
        env=variables,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    connection = sqlite3.connect(path)  # fold the write-ahead log into the file to copy it
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


@pytest.fixture
def database(demo_template: Path, tmp_path: Path) -> Path:
    """A database holding the demo teams (the demo's meetings are 1 to 3)."""
    path = tmp_path / "school.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def utc_pack(monkeypatch: pytest.MonkeyPatch, pack: Pack) -> Iterator[None]:
    """The machine's zone is UTC; the pack is loaded once."""
    monkeypatch.setattr("facilitator.pack.locate.load_default_pack", lambda: pack)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def path(demo_db: Database) -> str:
    """The demo database (its file, or its URL on a server), closed so the command opens
    it itself."""
    demo_db.dispose()
    return db_argument(demo_db.target)
