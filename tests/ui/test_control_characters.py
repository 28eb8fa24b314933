"""Regression (issue 15, defect 2): control characters never reach the terminal from the
app either.

Textual itself passes ESC and C1 in text through to the terminal (from a Static, Label,
Input, TextArea, DataTable cell or notification; only BEL, BS, VT, FF and CR are
dropped), so a team name or a note holding "\\x1b]0;pwned\\x07" or "\\x1b[2J" in a
database written before facilitator cleaned what comes in would set the window title or
clear the screen. These tests put such text straight into the database, as an old one
may hold it, and read the whole terminal sequence the app would write.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from typing import Any

import pytest
from textual._compositor import CompositorUpdate
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Static, TextArea

from facilitator.pack.loader import Pack
from facilitator.services.live import save_note
from facilitator.store.database import Database
from facilitator.ui.literal import ControlCharacterFilter
from facilitator.ui.screens.team import TeamScreen
from tests.conftest import FROZEN_NOW
from tests.ui.helpers import SIZE, make_app, screen_text, settle
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_settle

DIRTY = "Bad\x1b]0;pwned\x07\x1b[2J\x9b31m\x1b]52;c;cHduZWQ=\x07name"
SHOWN = "Bad]0;pwned[2J31m]52;c;cHduZWQ=name"
"""DIRTY as the screen shows it: the control characters gone, the rest as it was."""

# What Textual writes itself: colours and styles (SGR), and moving the cursor to a line.
_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*m|\x1b\[[0-9]+;[0-9]+H")


def terminal_output(app: App[Any]) -> str:
    """The whole screen as the terminal would receive it (what the driver writes)."""
    update = app.screen._compositor.render_update(full=True)
    assert isinstance(update, CompositorUpdate)
    return update.render_segments(app.console)


def foreign_controls(output: str) -> list[str]:
    """Control characters in `output` that are not part of Textual's own sequences (nor
    the line feeds between its lines)."""
    rest = _OWN_SEQUENCES.sub("", output).replace("\n", "")
    return [char for char in rest if ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F]


def store_raw(db: Database, text: str) -> None:
    """Put `text` in every team's and member's name, every meeting's and item's title,
    and a note on December's first item, past every check facilitator makes."""
    path = db.target.path
    assert path is not None
    with closing(sqlite3.connect(path)) as connection:
        (item_id,) = connection.execute(
            "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position LIMIT 1",
            (DECEMBER,),
        ).fetchone()
    save_note(db, meeting_id=DECEMBER, item_id=item_id, body="notes", now=FROZEN_NOW)
    db.dispose()
    with closing(sqlite3.connect(path)) as connection:
        for table, column in [
            ("team", "name"),
            ("member", "name"),
            ("meeting", "title"),
            ("agenda_item", "title"),
        ]:
            connection.execute(f"UPDATE {table} SET {column} = {column} || ?", (text,))
        connection.execute("UPDATE note SET body = ?", (f"Notes {text}\nsecond line",))
        connection.commit()


async def test_home_and_team_screens_send_no_control_characters(
    demo_db: Database, pack: Pack
) -> None:
    store_raw(demo_db, DIRTY)
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert SHOWN in screen_text(app)
        assert foreign_controls(terminal_output(app)) == []
        app.push_screen(TeamScreen(1))
        await settle(pilot)
        assert SHOWN in screen_text(app)  # the team's name and its members' (a table)
        assert foreign_controls(terminal_output(app)) == []
        app.notify(f"Saved {DIRTY}.", markup=False)
        await settle(pilot)
        assert foreign_controls(terminal_output(app)) == []


async def test_the_live_screen_and_its_notes_send_no_control_characters(
    demo_db: Database, pack: Pack
) -> None:
    """The notes editor (a TextArea) shows old notes as they were stored."""
    store_raw(demo_db, DIRTY)
    app = live_app(demo_db.target, pack, HandClock())
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        text = screen_text(app)
        assert f"Notes {SHOWN}" in text
        assert foreign_controls(terminal_output(app)) == []


class Widgets(App[None]):
    """One of each widget that shows text, all holding DIRTY."""

    def __init__(self, with_filter: bool) -> None:
        super().__init__()
        self.with_filter = with_filter

    def get_line_filters(self) -> Any:
        extra = [ControlCharacterFilter()] if self.with_filter else []
        return [*super().get_line_filters(), *extra]

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable()
        table.add_column("name")
        table.add_row(DIRTY)
        widgets: list[Widget] = [
            Static(DIRTY, markup=False),
            Label(DIRTY, markup=False),
            Input(DIRTY),
            TextArea(DIRTY),
            table,
        ]
        yield from widgets

    def on_mount(self) -> None:
        self.notify(DIRTY, markup=False)


@pytest.mark.parametrize("with_filter", [False, True])
async def test_the_filter_is_what_keeps_textual_widgets_safe(with_filter: bool) -> None:
    """Without the filter Textual sends ESC and C1 from every one of these widgets (which
    is why the app has it); with it, none."""
    app = Widgets(with_filter)
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        await pilot.pause()
        found = set(foreign_controls(terminal_output(app)))
    assert found == (set() if with_filter else {"\x1b", "\x9b"})
