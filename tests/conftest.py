"""Shared fixtures: every test runs with its own data, config and log directories and,
where it needs one, its own freshly migrated database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from facilitator.pack.loader import Pack
from facilitator.pack.locate import load_default_pack
from facilitator.store.database import Database
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget, sqlite_target

FROZEN_NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
"""The moment tests and snapshots happen (a Monday afternoon)."""
TZ = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data, state, config and cache directories into the test's tmp_path."""
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("FACILITATOR_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def pack() -> Pack:
    """The packaged content pack, loaded once."""
    return load_default_pack()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file at the newest schema, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    prepare_database(sqlite_target(path))
    return path


@pytest.fixture(scope="session")
def demo_seed(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path, pack: Pack
) -> Path:
    """A database holding the demo teams filled at FROZEN_NOW, made once per test process;
    tests copy it and never change it (filling it took 0.13-0.25 s, and some 700 tests
    start from the demo)."""
    from facilitator.services.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(migrated_template, path)
    database = Database(sqlite_target(path))
    try:
        fill_demo(database, pack=pack, now=FROZEN_NOW, tz=TZ)
    finally:
        database.dispose()
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists()
    return path


@pytest.fixture
def target(tmp_path: Path, request: pytest.FixtureRequest) -> DatabaseTarget:
    """A fresh, migrated database for this test: empty, or holding the demo teams when
    the test asks for `demo_db` (a copy of `demo_seed`, so both fixtures share one
    `Database`)."""
    template = "demo_seed" if "demo_db" in request.fixturenames else "migrated_template"
    path = tmp_path / "facilitator.db"
    shutil.copyfile(request.getfixturevalue(template), path)
    path.chmod(0o600)
    return sqlite_target(path)


@pytest.fixture
def db(target: DatabaseTarget) -> Iterator[Database]:
    """A `Database` on this test's fresh database."""
    database = Database(target)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """This test's database holding the demo teams as filled at FROZEN_NOW (`target`
    copied it from `demo_seed`)."""
    return db
