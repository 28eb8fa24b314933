"""Fixtures for the storage tests: a fixed umask, a database holding the demo, and a
copy of the migrations folder that a test can add revisions to."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator.store.database import Database
from facilitator.store.revisions import MIGRATIONS_DIR, head_revision
from facilitator.store.target import DatabaseTarget

HEAD = head_revision()
"""The newest real revision: where a fresh database stands."""
NEXT = f"{int(HEAD) + 1:04d}"
"""The id a revision written by a test takes."""

REVISION_HEADER = '''\
"""A revision written by a test."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
'''


@dataclass(frozen=True)
class MigrationsCopy:
    """A copy of facilitator's migrations folder in the test's tmp_path."""

    path: Path

    def add(self, filename: str, upgrade_body: str, *, down_revision: str = HEAD) -> None:
        """Add a revision file; its id is the file name's four-digit prefix."""
        header = REVISION_HEADER.format(revision=filename[:4], down_revision=down_revision)
        body = textwrap.indent(textwrap.dedent(upgrade_body).strip(), "    ")
        (self.path / "versions" / filename).write_text(f"{header}{body}\n", encoding="utf-8")


@pytest.fixture
def migrations_copy(tmp_path: Path) -> MigrationsCopy:
    """The real migrations (facilitator.store.revisions.MIGRATIONS_DIR), copied."""
    destination = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, destination, ignore=shutil.ignore_patterns("__pycache__"))
    return MigrationsCopy(destination)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """A common umask, so that modes the code sets are told apart from ones it inherits."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def demo_file(demo_db: Database) -> DatabaseTarget:
    """This test's database at the newest revision (HEAD) holding the demo, with no
    connection left open."""
    demo_db.dispose()
    return demo_db.target
