"""80x24 snapshots of home, the palette, teams, the action list and the library, with
long user text (issue 15, defect 7: nothing essential cut, long text wrapped or "…").

Each docstring says what the picture shows. Update on purpose with
`pytest tests/snapshots --snapshot-update` and look at each picture.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.fit import SnapCompare, focus, highlight, snap, typed
from tests.snapshots.long_text import LONG_NAME

RIVERSIDE = 2
"""The leadership team's row in the home screen's team list (All teams is row 0)."""


def test_home_with_long_text(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Home with long text: the 200-character December title and the 77-character team
    name wrap in the lists (no line runs off an edge); the overdue action item's long
    text wraps with its owner's 80-character name; the footer on two rows ends with
    "? Help" and "^p palette"."""
    assert snap(snap_compare, long_db, pack)


def test_home_with_the_team_list_focused(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack
) -> None:
    """Home with the team list focused: the footer offers "⏎ Open team" first, then the
    screen's keys and the app's, every one in view over two rows."""
    assert snap(snap_compare, demo_db, pack, highlight("#teams", RIVERSIDE))


def test_command_palette(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The command palette (ctrl+p) on home before anything is typed: the latest
    meetings of both teams with their team and day, and the actions, "Library: browse
    the practice" once."""
    assert snap(snap_compare, demo_db, pack, "ctrl+p")


def test_command_palette_finds_another_teams_meeting(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack
) -> None:
    """The palette with "plc" typed while home shows only the leadership team: the Grade
    3 team's PLC data meeting is found all the same, its matching letters highlighted."""
    assert snap(snap_compare, demo_db, pack, highlight("#teams", RIVERSIDE), "ctrl+p", typed("plc"))


def test_team_with_long_text(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The leadership team's screen: the 77-character name and the purpose wrap in the
    heading; the 80-character member name wraps over three lines of the member list
    with the position after it; the norms wrap under their numbers."""
    assert snap(snap_compare, long_db, pack, highlight("#teams", RIVERSIDE), "enter")


def test_team_edit_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The team's edit form (e): name, type and purpose fields inside the box, the
    buttons, and the footer with ctrl+s, escape and the palette hint."""
    assert snap(snap_compare, long_db, pack, highlight("#teams", RIVERSIDE), "enter", "e")


def test_member_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Editing the member with the 80-character name (enter on the second member): the
    name field scrolled to its end, position and e-mail below, inside the box."""
    assert snap(
        snap_compare,
        long_db,
        pack,
        highlight("#teams", RIVERSIDE),
        "enter",
        highlight("#members", 1),
        "enter",
    )


def test_remove_member_asks(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Removing the member with the long name (delete) asks first: the question with the
    whole name wrapped, "Remove (enter)" and "Cancel (esc)"."""
    assert snap(
        snap_compare,
        long_db,
        pack,
        highlight("#teams", RIVERSIDE),
        "enter",
        highlight("#members", 1),
        "delete",
    )


def test_norm_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Rewording a norm (enter on the eighth norm): the norm's text in its field inside
    the box."""
    assert snap(
        snap_compare,
        long_db,
        pack,
        highlight("#teams", RIVERSIDE),
        "enter",
        highlight("#norms", 7),
        "enter",
    )


def test_norms_wizard(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Developing norms (w on the team screen): the first prompt with its questions,
    the answer field and the keys to move on, inside the box at 80x24."""
    assert snap(snap_compare, long_db, pack, highlight("#teams", RIVERSIDE), "enter", "w")


def test_team_form_with_a_long_member(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack
) -> None:
    """The new-team form (n) with an 80-character member name and a long position typed
    in the first member row: each field shows what fits of its text (the name field
    its end, where the cursor is), the e-mail field and the rows below in view."""

    def fill(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        screen.query_one(
            "#member-0-position", Input
        ).value = "Assistant principal and literacy lead"
        screen.query_one("#member-0-name", Input).focus()

    assert snap(snap_compare, demo_db, pack, "n", fill, typed(LONG_NAME))


def test_new_meeting_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Planning a new meeting (m): team and start selects, title, date, time, length and
    location in view, the rest below (the form scrolls, with its scroll bar)."""
    assert snap(snap_compare, long_db, pack, "m")


def test_new_meeting_start_list(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The new meeting's "Start from" list open: a blank agenda, the templates and the
    copies of earlier meetings (the 200-character title wrapped), all inside the form's
    box, the footer untouched."""
    assert snap(snap_compare, long_db, pack, "m", focus("#field-start"), "enter")


def test_action_list_with_long_text(
    snap_compare: SnapCompare, long_db: Database, pack: Pack
) -> None:
    """The action list of all teams (i), its search field under the filter line: the
    long "what" and the 80-character owner cut with "…" in their columns; under the
    table the highlighted item's text on two lines ending in "…" and its owner, due date
    and meeting on the lines after."""
    assert snap(snap_compare, long_db, pack, "i")


def test_library_search_ranks_the_title_first(
    snap_compare: SnapCompare, demo_db: Database, pack: Pack
) -> None:
    """The library after /effective team: "In the title (1)" with the Effective Team
    Assessment first (and shown on the right), then "In the text (12)" with each
    entry's kind after its title; the footer shows F1 Help while the search has focus."""
    assert snap(snap_compare, demo_db, pack, "l slash", typed("effective team"))
