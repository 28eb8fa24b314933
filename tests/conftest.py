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


@pytest.fixture
def target(tmp_path: Path, migrated_template: Path) -> DatabaseTarget:
    """A fresh, migrated, empty database for this test."""
    path = tmp_path / "facilitator.db"
    shutil.copyfile(migrated_template, path)
    path.chmod(0o600)
    return sqlite_target(path)


@pytest.fixture
def db(target: DatabaseTarget) -> Iterator[Database]:
    """A `Database` on this test's fresh database."""
    database = Database(target)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database, pack: Pack) -> Database:
    """This test's database filled with the demo teams at FROZEN_NOW."""
    from facilitator.services.demo import fill_demo

    fill_demo(db, pack=pack, now=FROZEN_NOW, tz=TZ)
    return db
