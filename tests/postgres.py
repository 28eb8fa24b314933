"""PostgreSQL for the tests: the server, template databases and a fresh database per test.

The server is the one named by FACILITATOR_TEST_POSTGRES (`.ci/run` starts one and sets
it), else one this test process starts in its temporary folder (`tests/pg_server.py`)
and stops when the session ends. Each test process migrates a template database once
(and fills a second with the demo); a test's database is a copy made with CREATE
DATABASE … TEMPLATE, dropped when the test ends.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from facilitator.store.target import DatabaseTarget, resolve_target

ENV_VAR = "FACILITATOR_TEST_POSTGRES"


class Cluster:
    """A reachable PostgreSQL server, by its base URL (database `postgres`)."""

    def __init__(self, base_url: str, prefix: str) -> None:
        self.base_url = base_url
        self.prefix = prefix
        self._numbers = itertools.count(1)

    def target(self, name: str) -> DatabaseTarget:
        url = make_url(self.base_url).set(database=name)
        return resolve_target(url.render_as_string(hide_password=False), {})

    def create(self, *, template: str | None = None) -> str:
        """A new database's name (a copy of `template` if given)."""
        name = f"{self.prefix}_{next(self._numbers)}"
        copy = f" TEMPLATE {template}" if template else ""
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {name}{copy}")
        return name

    def drop(self, name: str) -> None:
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def login_role(self, password: str) -> str:
        """The role that must give a password (tests/pg_server.py), made now with
        `password` if it does not exist yet; its name."""
        from tests.pg_server import PASSWORD_USER

        with self._admin() as admin:
            found = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_USER,))
            if found.fetchone() is None:
                admin.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{password}'")
        return PASSWORD_USER

    def version(self) -> str:
        with self._admin() as admin:
            row = admin.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "?"

    @contextmanager
    def _admin(self) -> Iterator[Any]:
        import psycopg

        url = make_url(self.base_url)
        with psycopg.connect(
            dbname=url.database or "postgres",
            user=url.username,
            password=url.password,
            host=url.query.get("host") or url.host,  # type: ignore[arg-type]
            port=url.port,
            autocommit=True,
        ) as connection:
            yield connection


def worker_prefix() -> str:
    """Database names this test process may use (one set per xdist worker and run)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"t{os.getpid()}_{worker}"


PREFIX = "facilitator-pg-"
"""A private server's folder is named PREFIX + the test process's id + "-" + letters."""


def stop_orphans() -> None:
    """Stop and remove the private servers of test processes that died without stopping
    them (killed, or stopped by a timeout), so they do not pile up."""
    from tests.pg_server import Server

    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*-*"):
        owner = folder.name.removeprefix(PREFIX).split("-")[0]
        if owner.isdigit() and not _alive(int(owner)):
            try:
                Server(folder).stop()
            except RuntimeError:
                continue  # leave what cannot be stopped for a person to look at
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PrivateServer:
    """A server of this test process's own, in a new folder under the system's temporary
    folder (not pytest's, whose top folder pytest keeps private to the user running the
    tests, while the server may run as another user)."""

    def __init__(self) -> None:
        from tests.pg_server import Server

        stop_orphans()
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self.server = Server(self.folder)

    def start(self) -> str:
        try:
            return self.server.start()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        try:
            self.server.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
