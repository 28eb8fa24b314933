"""The shape of the code: layers point one way, nothing happens at import time, and the
start-up path does not load what the first paint does not need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the program in another process

REPO = Path(__file__).resolve().parents[1]


def loaded_after(statement: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level packages in sys.modules after running `statement` in a fresh interpreter."""
    report = "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    probe = f"{statement}\nimport json, sys\n{report}"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=REPO,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml (layers, pure domain, no Textual below ui)."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_domain_loads_neither_textual_nor_the_database() -> None:
    modules = [p.stem for p in (REPO / "facilitator" / "domain").glob("*.py")]
    statement = "\n".join(f"import facilitator.domain.{name}" for name in modules)
    loaded = loaded_after(statement)
    assert not loaded & {"textual", "sqlalchemy", "sqlmodel", "alembic", "rich", "pydantic"}


def test_the_command_line_starts_without_textual_or_the_database() -> None:
    """`facilitator --version` and `--help` stay instant."""
    loaded = loaded_after("import facilitator.cli\nfacilitator.cli.build_parser()")
    assert not loaded & {"textual", "sqlalchemy", "sqlmodel", "alembic", "pydantic"}


def test_the_app_paints_before_the_database_layer_loads() -> None:
    """The app module (and every screen it shows first) must not import SQLAlchemy: the
    home screen paints first, and its worker loads the database layer afterwards."""
    loaded = loaded_after("import facilitator.cli_commands\nimport facilitator.ui.app")
    assert "textual" in loaded
    assert not loaded & {"sqlalchemy", "sqlmodel", "alembic", "pydantic"}


def test_the_home_screen_reads_without_the_orm() -> None:
    """The home overview is read with plain SQL: SQLite needs only the standard library."""
    loaded = loaded_after("import facilitator.services.home")
    assert not loaded & {"sqlalchemy", "sqlmodel", "alembic", "pydantic", "textual"}


@pytest.mark.parametrize("package", ["facilitator"])
def test_importing_everything_touches_no_file(package: str, tmp_path: Path) -> None:
    """No engine, directory or log is created when modules load."""
    home = tmp_path / "home"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    modules = sorted(
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for path in (REPO / package).rglob("*.py")
        if "migrations" not in path.parts and path.name != "__main__.py"
    )
    statement = "\n".join(f"import {module}" for module in modules)
    loaded_after(statement, env=env)
    assert not home.exists()
