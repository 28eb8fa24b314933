"""Regression (issue 15, defect 2): terminal escape codes reached the terminal.

ESC and the rest of C0 and C1 in an imported agenda or JSON minutes were stored, then
printed raw by `facilitator list` and by `import`'s messages: a crafted file could clear
the screen, set the window title or write the clipboard of whoever listed meetings.

For any text, whether it came in through an import (Markdown or JSON), through the
services the app's forms use, or sits in an old database written before facilitator
cleaned its input, nothing stored holds a control character (but tab and line feed) and
no command prints one: `list`, `list --json`, `decisions`, `decisions --json`,
`trends`, `trends --json`, `import`'s messages, `export` in every format, `evaluation`
in every format, `db check`, and the sentences that quote what was typed. Exports keep a carriage
return only where it ends a line in a format that needs CR LF (e-mail, calendar, CSV),
and keep bidirectional controls, which are part of what was written; everything else
printed (tables, messages, JSON) has none of those either.

The commands run in this process (`facilitator.cli.main`), on a copy of a demo
database made once, with the content pack loaded once.
"""

from __future__ import annotations

import shutil
import sqlite3
import string
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.domain.planning import ItemDraft, MeetingDraft
from facilitator.domain.team_draft import MemberDraft
from facilitator.pack.loader import Pack
from facilitator.render.minutes_json import minutes_json
from facilitator.services import agenda, live, planning, team_admin
from facilitator.store.database import Database
from facilitator.store.target import sqlite_target
from tests.cli.inprocess import Result, cli
from tests.conftest import FROZEN_NOW, TZ
from tests.render.exports import small_minutes

CLOSED, PLANNED = 1, 2
"""The demo's closed November meeting and its planned December one."""
FORMATS = ("md", "html", "txt", "eml", "ics", "csv", "json")
CRLF_FORMATS = {"eml", "ics", "csv"}
EVALUATION_FORMATS = ("md", "csv", "json")
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

ATTACKS = [
    "\x1b]0;pwned\x07",  # set the window title
    "\x1b[2J",  # clear the screen
    "\x1b]52;c;cHduZWQ=\x07",  # write the clipboard
    "\x9b31m",  # C1 CSI
    "\x1bP+q\x1b\\",  # a device control string
    "over\rwrite",  # a lone carriage return
    "\x08\x08\x7f",
    "\u202eevil",  # right-to-left override
]
CONTROLS = st.characters(max_codepoint=0x9F).filter(lambda c: not c.isprintable())
dirty = st.lists(
    st.one_of(
        st.sampled_from(ATTACKS), CONTROLS, st.sampled_from(sorted(BIDI)), st.text(max_size=8)
    ),
    min_size=1,
    max_size=4,
).map(lambda parts: "Ana " + "".join(parts))
"""Text full of what a terminal obeys, starting with letters so that it is never blank."""

slow_examples = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def unsafe(text: str, *, crlf: bool = False, bidi: bool = False) -> list[str]:
    """The characters of `text` that a terminal would obey: C0 but tab and line feed,
    DEL and C1; a carriage return before a line feed if `crlf`, bidirectional
    controls unless `bidi`."""
    found = []
    for index, char in enumerate(text):
        code = ord(char)
        if char in "\t\n" or (crlf and char == "\r" and text[index + 1 : index + 2] == "\n"):
            continue
        if code < 0x20 or 0x7F <= code <= 0x9F or (char in BIDI and not bidi):
            found.append(char)
    return found


def assert_printed_clean(label: str, result: Result, *, document: str = "") -> None:
    """Nothing in stdout or stderr drives the terminal (a document in format `document`
    may keep CR LF and bidirectional controls, as the module docstring says)."""
    crlf = document in CRLF_FORMATS
    bidi = bool(document) and document != "json"
    assert unsafe(result.out, crlf=crlf, bidi=bidi) == [], f"{label}: {result.out!r}"
    assert unsafe(result.err) == [], f"{label}: {result.err!r}"


def assert_stored_clean(path: Path) -> None:
    """No text in any table holds a control character but tab and line feed."""
    with closing(sqlite3.connect(path)) as connection:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        tables = [row[0] for row in connection.execute(query)]
        for table in tables:
            if table.startswith("sqlite_"):
                continue
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        assert unsafe(value, bidi=True) == [], f"{table}: {value!r}"


def every_command(capsys: pytest.CaptureFixture[str], path: Path) -> Iterator[tuple[str, Result]]:
    """Every command that prints what the database holds, with its name."""
    db = ("--db", str(path))
    yield "list", cli(capsys, *db, "list")
    yield "list --json", cli(capsys, *db, "list", "--json")
    yield "decisions", cli(capsys, *db, "decisions")
    yield "decisions --json", cli(capsys, *db, "decisions", "--json")
    team = ("--team", _team_name(path))
    yield "trends", cli(capsys, *db, "trends", *team)
    yield "trends --json", cli(capsys, *db, "trends", *team, "--json")
    yield "db check", cli(capsys, *db, "db", "check")
    for fmt in FORMATS:
        yield fmt, cli(capsys, *db, "export", str(CLOSED), "--format", fmt)
        yield fmt, cli(capsys, *db, "export", str(PLANNED), "--format", fmt)
    for fmt in ("md", "html", "txt"):
        yield fmt, cli(capsys, *db, "export", str(CLOSED), "--format", fmt, "--agenda")
    for fmt in EVALUATION_FORMATS:
        yield f"evaluation {fmt}", cli(capsys, *db, "evaluation", str(CLOSED), "--format", fmt)


def _team_name(path: Path) -> str:
    """The name of the demo's team 1, whose November meeting was evaluated, as stored
    (a test may have renamed it to the text under test)."""
    with closing(sqlite3.connect(path)) as connection:
        (name,) = connection.execute("SELECT name FROM team WHERE id = 1").fetchone()
    return str(name)


def assert_every_command_clean(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    for label, result in every_command(capsys, path):
        assert result.code == 0, f"{label}: {result.err}"
        fmt = label.removeprefix("evaluation ")
        document = fmt if fmt in FORMATS else ""
        assert_printed_clean(label, result, document=document)


@pytest.fixture(autouse=True)
def pack_loaded_once(monkeypatch: pytest.MonkeyPatch, pack: Pack) -> None:
    """The commands load the content pack each time; it is not what is tested here."""
    monkeypatch.setattr("facilitator.pack.locate.load_default_pack", lambda: pack)


@contextmanager
def demo_copy(template: Path) -> Iterator[Path]:
    """A copy of the demo database in a folder of its own (one per example)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "school.db"
        shutil.copyfile(template, path)
        yield path


# An old database ------------------------------------------------------------------------

NOT_FREE_TEXT = {
    "status",
    "kind",
    "role",
    "method",
    "fallback_method",
    "threshold_kind",
    "after_block",
    "choice",
    "reading",
    "progress",
    "everyone_in",
    "level",
    "process_id",
    "template_id",
    "pack_norm_id",
    "prompt_category",
    "instrument_id",
    "item_id",
    "media_ranges",
    "version_num",
}
"""Text columns that hold a value from a fixed list or the content pack, not prose."""


def write_everywhere(path: Path, text: str) -> None:
    """Append `text` to every free-text column of every row, as an old database (or
    another program) may have stored it."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if row[2].upper().startswith(("VARCHAR", "TEXT")) and row[1] not in NOT_FREE_TEXT
            ]
            for column in columns:
                connection.execute(
                    f'UPDATE "{table}" SET "{column}" = "{column}" || ? '
                    f'WHERE "{column}" IS NOT NULL',
                    (text,),
                )
        connection.commit()


@slow_examples
@given(text=dirty)
@example(text="Ana " + "".join(ATTACKS))
def test_an_old_database_prints_nothing_a_terminal_obeys(
    capsys: pytest.CaptureFixture[str], demo_seed: Path, text: str
) -> None:
    with demo_copy(demo_seed) as path:
        write_everywhere(path, text)
        assert_every_command_clean(capsys, path)


# Imports ---------------------------------------------------------------------------------


def agenda_with(dirty: str) -> str:
    """A Markdown agenda with `dirty` in every field and item, once with its control
    characters as they are and once as entities (&#27; is ESC too). Punctuation is
    escaped and line breaks are entities, so the text is read as text, never as
    structure."""
    text = "".join(
        f"\\{char}" if char in string.punctuation else f"&#{ord(char)};" if char in "\r\n" else char
        for char in dirty
    )
    entities = "".join(f"&#{ord(char)};" if not char.isalnum() else char for char in dirty)
    return f"""\
# Planning {text}
Team: Riverside Elementary Leadership Team
Date: 2026-12-14
Time: 15:30
Location: Room {entities}
Purpose: {text}

## Goals
- Agree {entities}

## Agenda
- 10 min Welcome {text} - goal: {entities} ({text}) [decision]
  - Process: {text}
  - First step {entities}
- 5 min Close {entities}
"""


@slow_examples
@given(text=dirty)
@example(text="Ana " + "".join(ATTACKS))
def test_an_imported_agenda_stores_and_prints_no_control_characters(
    capsys: pytest.CaptureFixture[str], demo_seed: Path, text: str
) -> None:
    with demo_copy(demo_seed) as path:
        agenda_file = path.with_name("agenda.md")
        agenda_file.write_text(agenda_with(text), encoding="utf-8", newline="")

        imported = cli(capsys, "--db", str(path), "import", str(agenda_file))
        refused = cli(capsys, "--db", str(path), "import", str(agenda_file), "--team", text)

        assert imported.code == 0, imported.err
        assert_printed_clean("import", imported)
        assert refused.code != 0 and "There is no team called" in refused.err
        assert_printed_clean("import --team", refused)
        assert_stored_clean(path)
        assert_every_command_clean(capsys, path)


@slow_examples
@given(what=dirty, owner=dirty, note=dirty)
@example(what="\x1b[2J", owner="Ana\x1b]0;pwned\x07", note="a\r\nb\x9b31mc\rd\u202e")
def test_imported_json_minutes_store_and_print_no_control_characters(
    capsys: pytest.CaptureFixture[str], demo_seed: Path, what: str, owner: str, note: str
) -> None:
    minutes = small_minutes(what=what, owner=owner, note=note, title=note)
    with demo_copy(demo_seed) as path:
        minutes_file = path.with_name("minutes.json")
        minutes_file.write_text(minutes_json(minutes, exported_at=FROZEN_NOW), encoding="utf-8")

        imported = cli(capsys, "--db", str(path), "import", str(minutes_file))

        assert imported.code == 0, imported.err
        assert_printed_clean("import", imported)
        assert_stored_clean(path)
        assert_every_command_clean(capsys, path)


# The services the forms use ---------------------------------------------------------------


def save_through_the_services(path: Path, text: str, pack: Pack) -> None:
    """`text` typed into the team, member, meeting and agenda-item forms and the notes."""
    database = Database(sqlite_target(path))
    now = FROZEN_NOW
    team_admin.update_team(database, team_id=1, name=text, purpose=text, kind=text, now=now)
    team_admin.add_member(database, team_id=1, draft=MemberDraft(text, text, ""), now=now)
    team_admin.add_norm(database, team_id=1, text=text, detail=text, now=now)
    draft = MeetingDraft(
        title=text, date="2026-12-14", time="15:30", location=text, purpose=text, goals=text
    )
    planning.update_meeting(database, meeting_id=PLANNED, draft=draft, now=now, tz=TZ)
    planning.add_guest(database, meeting_id=PLANNED, name=f"Guest {text}", now=now)
    item = ItemDraft(title=text, minutes="10", goal=text, presenter=text, presenter_is_guest=True)
    item_id = agenda.add_item(database, meeting_id=PLANNED, draft=item, pack=pack, now=now)
    live.save_note(database, meeting_id=PLANNED, item_id=item_id, body=text, now=now)
    database.dispose()


@slow_examples
@given(text=dirty)
@example(text="Ana " + "".join(ATTACKS))
def test_text_saved_through_the_services_is_stored_and_printed_clean(
    capsys: pytest.CaptureFixture[str], demo_seed: Path, pack: Pack, text: str
) -> None:
    with demo_copy(demo_seed) as path:
        save_through_the_services(path, text, pack)
        assert_stored_clean(path)
        assert_every_command_clean(capsys, path)


# Sentences that quote what was typed ---------------------------------------------------------


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_path_with_control_characters_is_quoted_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, attack: str
) -> None:
    folder = tmp_path / f"team{attack}"
    missing = folder / "x.db"
    for args in (
        ("list",),
        ("decisions",),
        ("trends", "--team", "x"),
        ("db", "check"),
        ("demo", "--no-open"),
        ("export", "1", "-o", "x"),
        ("evaluation", "1"),
    ):
        result = cli(capsys, "--db", str(missing), *args)
        assert result.code != 0
        assert_printed_clean(" ".join(args), result)
    folder.mkdir()
    made = cli(capsys, "--db", str(missing), "demo", "--no-open")
    assert made.code == 0
    assert_printed_clean("demo", made)
    no_team = cli(capsys, "--db", str(missing), "decisions", "--team", f"team{attack}")
    assert no_team.code == 1 and "There is no team called" in no_team.err
    assert_printed_clean("decisions --team", no_team)
    no_trends = cli(capsys, "--db", str(missing), "trends", "--team", f"team{attack}")
    assert no_trends.code == 1 and "There is no team called" in no_trends.err
    assert_printed_clean("trends --team", no_trends)
    argument_error = cli(capsys, "list", f"--{attack}")  # argparse quotes it back
    assert argument_error.code == 2
    assert_printed_clean("an unknown argument", argument_error)


@pytest.mark.parametrize("fmt", sorted(CRLF_FORMATS))
def test_formats_that_end_lines_with_cr_lf_keep_them(
    capsys: pytest.CaptureFixture[str], demo_seed: Path, fmt: str
) -> None:
    """What cleans a printed document keeps the CR of every CR LF (e-mail, calendar and
    CSV need them)."""
    with demo_copy(demo_seed) as path:
        result = cli(capsys, "--db", str(path), "export", str(CLOSED), "--format", fmt)
    assert result.code == 0, result.err
    assert result.out.count("\r\n") == result.out.count("\n") > 5
