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


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor stays shown instead of blinking, so a picture does not depend on
    when in the blink it was taken (on a busy machine the pictures of forms differed
    by the cursor cell alone)."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
