"""80x24 snapshots of the planning screen and its forms, with long user text (issue 15,
defect 7: nothing essential cut, long text wrapped or "…", lists inside their forms).

Each docstring says what the picture shows.
"""

from __future__ import annotations

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.snapshots.fit import DECEMBER, SnapCompare, focus, highlight, snap

FOURTH = "down down down"
"""From the first agenda row to the fourth, the item with the long title."""


def test_plan_with_long_text(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Planning the December meeting with its 200-character title: the heading keeps to
    four lines, the title's second line ending in "…", then the day, 15:30–16:30,
    place and the team (cut with "…"), and the team purpose ending in " …"; the agenda
    with the long item title and the 80-character presenter each ending in "…" in their
    columns; roles and the people expected (the long name with "…") under it."""
    assert snap(snap_compare, long_db, pack, open_meeting_id=DECEMBER)


def test_item_form_with_long_text(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Editing the item with the long title (enter on the fourth row): every field with
    its label inside the box, the box scrolling (its scroll bar at the right)."""
    assert snap(snap_compare, long_db, pack, FOURTH, "enter", open_meeting_id=DECEMBER)


def test_item_form_process_list(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The agenda item form's "Process or protocol" list open: the form scrolled up so
    the list of processes fits inside the box, above its bottom border and the footer
    (the list used to run over both)."""
    assert snap(
        snap_compare,
        demo_db,
        pack,
        FOURTH,
        "enter",
        focus("#field-process"),
        "enter",
        open_meeting_id=DECEMBER,
    )


def test_item_form_kind_list(snap_compare: SnapCompare, demo_db: Database, pack: Pack) -> None:
    """The item form's "Kind" list open under its field: information, discussion and
    decision, the current one highlighted, inside the box."""
    assert snap(
        snap_compare,
        demo_db,
        pack,
        FOURTH,
        "enter",
        focus("#field-kind"),
        "enter",
        open_meeting_id=DECEMBER,
    )


def test_meeting_details_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """The meeting details (e): the title field (showing the end of the long title, where
    the cursor is), date, time, length and location in view; purpose and goals below."""
    assert snap(snap_compare, long_db, pack, "e", open_meeting_id=DECEMBER)


def test_carry_forward(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Carry forward (c): open action items, the open parking-lot entry, the items set
    aside and the demo's decisions due for review by the meeting's day, each on one line
    ending in "…" where it is longer than the box."""
    assert snap(snap_compare, long_db, pack, "c", open_meeting_id=DECEMBER)


def test_export_agenda(
    snap_compare: SnapCompare, long_db: Database, pack: Pack, teacher_home: str
) -> None:
    """Exporting the agenda (x): the format, the file name in the home folder made from
    the long title (the field shows its start), the overwrite box and the buttons."""
    assert snap(snap_compare, long_db, pack, "x", open_meeting_id=DECEMBER)


def test_export_format_list(
    snap_compare: SnapCompare, long_db: Database, pack: Pack, teacher_home: str
) -> None:
    """The agenda export's format list open inside the box."""
    assert snap(
        snap_compare,
        long_db,
        pack,
        "x",
        focus("#field-format"),
        "enter",
        open_meeting_id=DECEMBER,
    )


def test_role_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Assigning the recorder (enter on the third role): who holds it, the guest box,
    what the role does before, during and after the meeting, inside a scrolling box."""
    assert snap(
        snap_compare,
        long_db,
        pack,
        highlight("#roles", 2),
        "enter",
        open_meeting_id=DECEMBER,
    )


def test_add_guest_form(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Adding a guest (g on the people expected): one name field with its example."""
    assert snap(snap_compare, long_db, pack, focus("#attendance"), "g", open_meeting_id=DECEMBER)


def test_delete_item_asks(snap_compare: SnapCompare, long_db: Database, pack: Pack) -> None:
    """Deleting the item with the 200-character title (delete) asks first, the whole
    title wrapped in the question, "Delete (enter)" and "Cancel (esc)"."""
    assert snap(snap_compare, long_db, pack, FOURTH, "delete", open_meeting_id=DECEMBER)
