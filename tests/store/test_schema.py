"""The migrations describe the models exactly, in plain SQLAlchemy, in one line of history."""

from __future__ import annotations

import re
import sqlite3
import warnings
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata, produce_migrations, render_python_code
from alembic.autogenerate.api import AutogenContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel.sql.sqltypes import AutoString

from facilitator.domain.enums import DecisionMethod, VoteChoice
from facilitator.store import tables
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.migrate import alembic_config
from facilitator.store.migrations.env_filter import include_object
from facilitator.store.migrations.render import render_item
from facilitator.store.revisions import MIGRATIONS_DIR, head_revision, known_revisions
from facilitator.store.target import DatabaseTarget
from facilitator.store.types import UTCDateTime
from tests.store.conftest import NEXT, MigrationsCopy
from tests.store.sqlite_helpers import file_of

EXPRESSION_INDEX_SKIPPED = r".*expression-based index '?ix_meeting_(team_)?moment"


def schema_differences(target: DatabaseTarget) -> list[object]:
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            # The search index (migration 0011) is not in the models; env.py leaves it out too.
            opts = {"compare_type": True, "include_object": include_object}
            context = MigrationContext.configure(connection, opts=opts)
            with warnings.catch_warnings():
                # SQLite's reflection cannot read the expression indexes of migration 0012
                # (PostgreSQL's can, and compares them); test_migration_0012 checks them.
                warnings.filterwarnings("ignore", EXPRESSION_INDEX_SKIPPED, sa.exc.SAWarning)
                warnings.filterwarnings("ignore", EXPRESSION_INDEX_SKIPPED, UserWarning)
                return list(compare_metadata(context, tables.metadata))
    finally:
        engine.dispose()


def test_migrated_schema_equals_the_models(target: DatabaseTarget) -> None:
    assert schema_differences(target) == []


@pytest.mark.sqlite_only  # drops an index with sqlite3
def test_schema_comparison_notices_a_missing_index(target: DatabaseTarget) -> None:
    """Shows the comparison above is sharp enough to fail."""
    with closing(sqlite3.connect(file_of(target))) as connection:
        connection.execute("DROP INDEX ix_team_name")
        connection.commit()

    assert schema_differences(target) != []


def alembic_history(script_location: Path | None = None) -> list[str]:
    """Revision ids as Alembic's own ScriptDirectory sees them, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(script_location))
    assert len(script.get_heads()) == 1, "the history must have a single head"
    newest_first = list(script.walk_revisions())
    for newer, older in zip(newest_first, newest_first[1:], strict=False):
        assert newer.down_revision == older.revision, "the history must be linear"
    assert newest_first[-1].down_revision is None
    for revision in newest_first:
        assert revision.path is not None
        assert Path(revision.path).name.startswith(f"{revision.revision}_")
    return [revision.revision for revision in reversed(newest_first)]


def test_known_revisions_agree_with_alembic() -> None:
    history = alembic_history()

    assert known_revisions() == history
    assert head_revision() == history[-1]
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == head_revision()


def test_known_revisions_follow_an_added_revision(migrations_copy: MigrationsCopy) -> None:
    migrations_copy.add(f"{NEXT}_something.py", "op.execute('SELECT 1')")
    (migrations_copy.path / "versions" / "notes.txt").write_text("not a revision")

    assert known_revisions(migrations_copy.path) == alembic_history(migrations_copy.path)
    assert head_revision(migrations_copy.path) == NEXT


def revision_files() -> list[Path]:
    files = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    assert any(path.name.startswith("0001_") for path in files)
    return files


@pytest.mark.parametrize("path", revision_files(), ids=lambda path: path.name)
def test_revisions_use_plain_sqlalchemy_types(path: Path) -> None:
    source = path.read_text(encoding="utf-8")

    assert "sqlmodel" not in source
    assert "AutoString" not in source
    assert "UTCDateTime" not in source


def autogen_context() -> AutogenContext:
    return AutogenContext(MigrationContext.configure(dialect_name="sqlite"))


@pytest.mark.parametrize(
    ("column_type", "rendered"),
    [
        (AutoString(), "sa.String()"),
        (AutoString(length=40), "sa.String(length=40)"),
        (UTCDateTime(), "sa.DateTime(timezone=True)"),
    ],
)
def test_render_item_writes_plain_types(column_type: object, rendered: str) -> None:
    assert render_item("type", column_type, autogen_context()) == rendered


def test_render_item_leaves_other_types_to_alembic() -> None:
    assert render_item("type", sa.Integer(), autogen_context()) is False
    assert render_item("column", AutoString(), autogen_context()) is False


def test_autogenerated_revision_from_the_models_is_plain() -> None:
    """What `alembic revision --autogenerate` would write for an empty database."""
    engine = sa.create_engine("sqlite://")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "target_metadata": tables.metadata},
        )
        script = produce_migrations(context, tables.metadata)
    engine.dispose()
    assert script.upgrade_ops is not None

    code = render_python_code(script.upgrade_ops, render_item=render_item, render_as_batch=True)

    assert "sqlmodel" not in code
    assert "AutoString" not in code
    assert "UTCDateTime" not in code
    assert "sa.Column('scheduled_start', sa.DateTime(timezone=True), nullable=False)" in code
    assert "sa.Column('title', sa.String(), nullable=False)" in code


@pytest.mark.sqlite_only  # reads sqlite_master
def test_enumerations_are_plain_strings_in_the_schema(target: DatabaseTarget) -> None:
    for table in tables.metadata.sorted_tables:
        for column in table.columns:
            assert not isinstance(column.type, sa.Enum), f"{table.name}.{column.name}"
    with closing(sqlite3.connect(file_of(target))) as connection:
        ddl = " ".join(
            row[0]
            for row in connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        ).upper()
        status_type = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(meeting)")}[
            "status"
        ]
    assert "ENUM" not in ddl
    assert re.search(r"\bCHECK\s*\(", ddl) is None
    assert status_type == "VARCHAR"


@pytest.mark.sqlite_only  # reads the file with sqlite3
def test_enumerations_are_stored_as_their_values(demo_db: Database) -> None:
    demo_db.dispose()
    with closing(sqlite3.connect(file_of(demo_db.target))) as connection:
        statuses = set(connection.execute("SELECT status, typeof(status) FROM meeting"))
        kinds = {row[0] for row in connection.execute("SELECT kind FROM agenda_item")}
        methods = {row[0] for row in connection.execute("SELECT method FROM decision")}
        choices = {row[0] for row in connection.execute("SELECT DISTINCT choice FROM vote")}
    assert statuses == {("planned", "text"), ("closed", "text")}
    assert kinds == {"information", "discussion", "decision"}
    assert methods == {method.value for method in DecisionMethod}
    assert choices == {choice.value for choice in VoteChoice} | {None}
