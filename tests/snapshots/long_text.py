"""Long user text for the 80x24 snapshots: the demo with 200-character titles (both
leadership meetings, an agenda item, an action item), an 80-character member name, a
77-character team name and a long goal and parking-lot entry."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from facilitator.store.database import Database

LONG_TITLE = (
    "Planning the spring literacy night, the family writing workshops, the grade-level "
    "reading data review and the classroom library budget across all three campuses "
    "with the district literacy office teams"
)
"""200 characters, as an imported agenda can bring (the form keeps titles shorter)."""
LONG_NAME = "Maria-Fernanda Alvarez de la Cruz Villanueva-Okonkwo Castellanos-Whitfield Smith"
"""A member's name of 80 characters, the longest the team form takes."""
LONG_TEAM = "Riverside Elementary School Instructional Leadership and Literacy Improvement"
"""A team name of 80 characters."""
LONG_GOAL = (
    "Agree on two conferencing strategies every grade will try for four weeks, who will "
    "collect the student writing samples, and how the team will look at them together "
    "in January before deciding whether to keep going"
)
LONG_ACTION = (
    "Summarise the November walkthrough data for the whole staff meeting, with one page "
    "per grade level, the three strongest patterns and the two questions the leadership "
    "team wants every grade to discuss"
)

NOVEMBER = 1
"""The demo's closed leadership meeting."""
DECEMBER = 2
"""The demo's planned leadership meeting."""


def lengthen(db: Database) -> None:
    """Make the demo's user text as long as a school's can be (written straight to the
    file, as an import or another version of the app could have stored it)."""
    assert db.target.path is not None
    assert len(LONG_TITLE) == 200 and len(LONG_NAME) == 80
    with closing(sqlite3.connect(db.target.path)) as connection, connection:
        run = connection.execute
        run("UPDATE meeting SET title = ? WHERE id IN (?, ?)", (LONG_TITLE, NOVEMBER, DECEMBER))
        run("UPDATE team SET name = ? WHERE id = 1", (LONG_TEAM,))
        run("UPDATE member SET name = ? WHERE name = 'Daniel Okafor'", (LONG_NAME,))
        run(
            "UPDATE agenda_item SET title = ?, goal = ? WHERE meeting_id = ? AND position = ?",
            (LONG_TITLE, LONG_GOAL, DECEMBER, _position(connection, 4)),
        )
        run("UPDATE action_item SET what = ? WHERE what LIKE 'Summarise%'", (LONG_ACTION,))
        run("UPDATE parking_lot_item SET text = text || ' ' || ?", (LONG_GOAL,))


def _position(connection: sqlite3.Connection, number: int) -> int:
    """The stored position of the December meeting's `number`th item."""
    rows = connection.execute(
        "SELECT position FROM agenda_item WHERE meeting_id = ? ORDER BY position", (DECEMBER,)
    ).fetchall()
    return int(rows[number - 1][0])
