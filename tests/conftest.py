"""Shared fixtures: every test runs with its own data, config and log directories and,
where it needs one, its own freshly migrated database."""

from __future__ import annotations

import os
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
from facilitator.store.target import DatabaseTarget, resolve_target, sqlite_target
from tests import postgres as pg
from tests.postgres import Cluster

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


BOTH_BACKENDS = ("store", "services", "cli")
"""Test folders whose database tests run on SQLite and on PostgreSQL."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test in BOTH_BACKENDS that uses a database runs once per backend, unless it is
    marked `sqlite_only` (it is about the SQLite file itself)."""
    if "backend" not in metafunc.fixturenames or any(
        "backend" in str(mark.args[0]) for mark in metafunc.definition.iter_markers("parametrize")
    ):
        return  # no database, or the test names its backend itself
    folder = Path(metafunc.definition.path).relative_to(Path(__file__).parent).parts[0]
    if folder in BOTH_BACKENDS and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test's `target` is: "sqlite" unless parametrised."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The PostgreSQL server of this test run (see tests/postgres.py); the tests that
    need it skip, saying why, when there is none."""
    base_url, server = os.environ.get(pg.ENV_VAR), None
    if not base_url:
        server = pg.PrivateServer()
        try:
            base_url = server.start()
        except (RuntimeError, OSError) as error:
            pytest.skip(f"no PostgreSQL server for this test ({error}); .ci/run starts one")
    try:
        yield Cluster(base_url, pg.worker_prefix())
    finally:
        if server is not None:
            server.stop()


@pytest.fixture(scope="session")
def pg_templates(pg_cluster: Cluster, pack: Pack) -> dict[str, str]:
    """Template databases on the server: "migrated" (empty) and "demo" (the demo teams
    filled at FROZEN_NOW), made once per test process."""
    from facilitator.services.demo import fill_demo

    names = {"migrated": pg_cluster.create()}
    prepare_database(pg_cluster.target(names["migrated"]))
    names["demo"] = pg_cluster.create(template=names["migrated"])
    database = Database(pg_cluster.target(names["demo"]))
    try:
        fill_demo(database, pack=pack, now=FROZEN_NOW, tz=TZ)
    finally:
        database.dispose()
    return names


@pytest.fixture
def postgres(pg_cluster: Cluster) -> Iterator[DatabaseTarget]:
    """A fresh, empty PostgreSQL database (no schema), dropped when the test ends."""
    name = pg_cluster.create()
    yield pg_cluster.target(name)
    pg_cluster.drop(name)


@pytest.fixture
def target(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> Iterator[DatabaseTarget]:
    """A fresh, migrated database for this test: empty, or holding the demo teams when
    the test asks for `demo_db` (a copy of `demo_seed`, so both fixtures share one
    `Database`); a SQLite file, or a PostgreSQL database when `backend` says so."""
    demo = "demo_db" in request.fixturenames
    if backend == "postgresql":
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        templates = request.getfixturevalue("pg_templates")
        name = cluster.create(template=templates["demo" if demo else "migrated"])
        yield cluster.target(name)
        cluster.drop(name)
        return
    path = tmp_path / "facilitator.db"
    shutil.copyfile(request.getfixturevalue("demo_seed" if demo else "migrated_template"), path)
    path.chmod(0o600)
    yield sqlite_target(path)


@pytest.fixture
def db(target: DatabaseTarget) -> Iterator[Database]:
    """A `Database` on this test's fresh database."""
    database = Database(target)
    yield database
    database.dispose()


def db_argument(target: DatabaseTarget) -> str:
    """What `--db` says for `target`: the file's path, or the server's URL."""
    return str(target.path) if target.path is not None else target.url


def write_raw(argument: str, sql: str, **values: object) -> None:
    """Run one statement on the database `--db argument` names, past facilitator's
    cleaning, as an old version or another program could (values as :name)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(resolve_target(argument, {}).url)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), values)
    finally:
        engine.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """This test's database holding the demo teams as filled at FROZEN_NOW (`target`
    copied it from `demo_seed`)."""
    return db
