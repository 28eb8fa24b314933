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
from tests.postgres import Cluster


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    """The environment for a child process: this test's private user directories."""
    variables = dict(os.environ)
    variables.pop("FACILITATOR_DB", None)
    variables.pop("TEXTUAL", None)
    return variables


def run_demo(argument: str, home: Path) -> None:
    """`facilitator --db ARGUMENT demo --no-open`, as a person would run it."""
    variables = {
        key: value
        for key, value in os.environ.items()
        if key not in {"FACILITATOR_DB", "TEXTUAL"} and not key.startswith("XDG_")
    }
    variables["HOME"] = str(home)
    done = subprocess.run(
        facilitator("--db", argument, "demo", "--no-open"),
        env=variables,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `facilitator demo --no-open` once per test process; the
    `database` fixture copies it (running the command for every test cost seconds each)."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "school.db"
    run_demo(str(path), folder / "home")
    connection = sqlite3.connect(path)  # fold the write-ahead log into the file to copy it
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same on the PostgreSQL server: a database to copy (CREATE DATABASE TEMPLATE)."""
    name = pg_cluster.create()
    run_demo(pg_cluster.target(name).url, tmp_path_factory.mktemp("pg-demo") / "home")
    return name


@pytest.fixture
def database(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database holding the demo teams (the demo's meetings are 1 to 3), as `--db`
    names it: a file, or a database on the PostgreSQL server."""
    if backend == "postgresql":
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        name = cluster.create(template=request.getfixturevalue("pg_demo_template"))
        yield cluster.target(name).url
        cluster.drop(name)
        return
    path = tmp_path / "school.db"
    shutil.copyfile(request.getfixturevalue("demo_template"), path)
    path.chmod(0o600)
    yield str(path)


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
