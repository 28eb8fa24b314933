"""The wheel carries the content pack and the migrations, and runs from a fresh environment."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 300
"""Seconds before a subprocess counts as hung (a guard, not a timing assertion)."""

pytestmark = pytest.mark.slow


def run(command: list[str], *, cwd: Path) -> str:
    """Run a command; its output, or a failure showing what it printed."""
    environ = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    environ.pop("PYTHONPATH", None)
    environ.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        command, cwd=cwd, env=environ, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout (hatchling is in the test environment)."""
    out = tmp_path_factory.mktemp("wheel")
    pip_wheel = ["pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    run([sys.executable, "-m", *pip_wheel, "-w", str(out), str(REPO)], cwd=out)
    [built] = out.glob("facilitator-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the wheel installed in it."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    python = venv / "bin" / "python"
    # This environment's pip installs into the fresh one (no ensurepip, no network).
    install = ["pip", "--python", str(python), "install", "--no-deps", "--no-index"]
    run([sys.executable, "-m", *install, str(wheel)], cwd=venv.parent)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = run([str(python), "-c", where], cwd=venv.parent).strip()
    # Dependencies (textual, sqlmodel, alembic...) come from this environment instead of
    # being downloaded: offline and fast. A .pth file's lines are appended to sys.path
    # *after* the fresh venv's own site-packages, so `import facilitator` still finds the
    # wheel's copy first; and .pth files inside appended directories are not processed,
    # so the editable install of this checkout (a .pth file here) stays inactive.
    ours = [entry for entry in sys.path if entry.rstrip("/").endswith("site-packages")]
    assert ours, "no site-packages directory on this interpreter's sys.path"
    Path(purelib, "zz_test_environment.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return venv


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working directory with no checkout in it or above it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert not (folder / "facilitator").exists()
    return folder


def test_wheel_carries_content_and_migrations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())

    for required in (
        "facilitator/content/sources.toml",
        "facilitator/content/norms.toml",
        "facilitator/content/roles.toml",
        "facilitator/content/agenda_templates/leadership-team.toml",
        "facilitator/content/video_guides/union-hill.toml",
        "facilitator/content/question_bank/turnaround-leadership.toml",
        "facilitator/content/README.md",
        "facilitator/store/migrations/env.py",
        "facilitator/store/migrations/script.py.mako",
        "facilitator/store/migrations/versions/0001_initial_schema.py",
    ):
        assert required in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_command_reports_its_version(fresh_venv: Path, outside: Path) -> None:
    output = run([str(fresh_venv / "bin" / "facilitator"), "--version"], cwd=outside)

    assert output.strip() == "facilitator 0.1.0"


def test_installed_package_loads_its_own_content(fresh_venv: Path, outside: Path) -> None:
    snippet = (
        "import facilitator\n"
        "from facilitator.pack.locate import load_default_pack, packaged_content_dir\n"
        "pack = load_default_pack()\n"
        "print(len(pack.norms), len(pack.roles), len(pack.agenda_templates),"
        " len(pack.video_guides), len(pack.question_bank))\n"
        "print(packaged_content_dir())\n"
        "print(facilitator.__file__)\n"
    )
    counts, content_dir, package_file = (
        run([str(fresh_venv / "bin" / "python"), "-c", snippet], cwd=outside).strip().splitlines()
    )

    assert counts == "7 5 8 3 32"
    venv = fresh_venv.resolve()
    assert Path(content_dir).resolve().is_relative_to(venv)
    assert Path(package_file).resolve().is_relative_to(venv)
    assert not Path(package_file).resolve().is_relative_to(REPO)


def test_installed_command_migrates_and_lists_the_demo(
    fresh_venv: Path, outside: Path, tmp_path: Path
) -> None:
    command = str(fresh_venv / "bin" / "facilitator")
    database = tmp_path / "w.db"

    run([command, "--db", str(database), "demo", "--no-open"], cwd=outside)
    listing = run([command, "--db", str(database), "list"], cwd=outside)

    assert "December leadership team meeting" in listing
    assert "November leadership team meeting" in listing
