"""Fixtures for tests that run the `facilitator` command as a separate process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    """The environment for a child process: this test's private user directories."""
    variables = dict(os.environ)
    variables.pop("FACILITATOR_DB", None)
    variables.pop("TEXTUAL", None)
    return variables
