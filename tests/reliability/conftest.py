"""Fixtures for the fast parts of the reliability suite (see reliability/README.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.pack.loader import Pack
from facilitator.services.demo import fill_demo
from facilitator.store.database import Database
from facilitator.store.target import sqlite_target
from tests.conftest import FROZEN_NOW, TZ


@pytest.fixture(scope="session")
def demo_file(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path, pack: Pack
) -> Path:
    """A demo database file, made once per run; tests copy it, never change it."""
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


@pytest.fixture(autouse=True)
def pack_loaded_once(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run in-process load the content pack on each call; hand them the
    session's (loading it is not what these tests are about, and it costs 0.1-0.5 s)."""
    monkeypatch.setattr("facilitator.pack.locate.load_default_pack", lambda: pack)
