"""Fixtures of the snapshots: the demo with user text as long as a school's can be."""

from __future__ import annotations

import pytest

from facilitator.store.database import Database
from tests.snapshots.long_text import lengthen


@pytest.fixture
def long_db(demo_db: Database) -> Database:
    """The demo with 200-character titles and an 80-character member name."""
    lengthen(demo_db)
    return demo_db


@pytest.fixture
def teacher_home(monkeypatch: pytest.MonkeyPatch) -> str:
    """A home folder that is the same on every run, for pictures that show a suggested
    file name (the export forms); nothing is written there."""
    home = "/home/teacher"
    monkeypatch.setenv("HOME", home)
    return home
