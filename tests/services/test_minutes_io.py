"""Minutes in from JSON: an exported meeting imported into another database (or the same
one) reads back as the same minutes, people and norms are matched by name and text or
added, guests stay guests, and a bad file saves nothing."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import Minutes
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.render.minutes_json import minutes_json
from facilitator.services.minutes import meeting_minutes
from facilitator.services.minutes_io import ImportedMinutes, MinutesNotImported, import_minutes
from facilitator.store.database import Database
from facilitator.store.repo import teams
from facilitator.store.tables import Member, Team, metadata, row_id
from facilitator.store.target import sqlite_target
from tests.conftest import FROZEN_NOW
from tests.render.exports import small_minutes, without_ids

RIVERSIDE = "Riverside Elementary Leadership Team"
NOVEMBER_ID = 1


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    """The demo's closed November meeting, with a full record."""
    return meeting_minutes(demo_db, meeting_id=NOVEMBER_ID, pack=pack)


@pytest.fixture
def other_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A second fresh, empty database beside the test's own."""
    with fresh_database(migrated_template, tmp_path) as database:
        yield database


class fresh_database:  # noqa: N801 - used like a function
    """A copy of the migrated template in `folder`, disposed of on exit."""

    def __init__(self, template: Path, folder: Path) -> None:
        path = folder / "other.db"
        shutil.copyfile(template, path)
        self.database = Database(sqlite_target(path))

    def __enter__(self) -> Database:
        return self.database

    def __exit__(self, *_: object) -> None:
        self.database.dispose()


def export(minutes: Minutes) -> str:
    return minutes_json(minutes, exported_at=FROZEN_NOW)


def run_import(db: Database, pack: Pack, text: str) -> tuple[ImportedMinutes, Minutes]:
    result = import_minutes(db, text=text, pack=pack, now=FROZEN_NOW)
    return result, meeting_minutes(db, meeting_id=result.meeting_id, pack=pack)


def same_story(left: Minutes, right: Minutes) -> bool:
    """Equal but for database ids."""
    return without_ids(left) == without_ids(right)


def everyone(db: Database) -> set[int]:
    """The ids of every member of every team."""
    with db.read() as session:
        return {row_id(m) for m in session.execute(select(Member)).scalars()}


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in metadata.sorted_tables
        }


def test_the_demo_meeting_imported_elsewhere_tells_the_same_story(
    november: Minutes, other_db: Database, pack: Pack
) -> None:
    result, imported = run_import(other_db, pack, export(november))
    assert (result.title, result.team_name) == ("November leadership team meeting", RIVERSIDE)
    assert imported.next_meeting is None  # the new database has no later meeting
    assert imported.evaluation == () and november.evaluation  # counts, not answers
    assert same_story(imported, replace(november, next_meeting=None, evaluation=()))
    assert imported.status == "closed" and imported.sent_at == november.sent_at
    assert imported.attendees[8].person.is_guest  # Sam Ortiz came as a guest and stays one


def test_a_new_team_is_made_with_its_people_and_norms(
    november: Minutes, other_db: Database, pack: Pack
) -> None:
    result, _ = run_import(other_db, pack, export(november))
    people = "Maria Alvarez, Daniel Okafor, Priya Raman, Tom Becker, Aisha Karimi, Lena Fischer"
    assert result.notes[:2] == (
        f"Created the team {RIVERSIDE}.",
        f"Added 8 people to {RIVERSIDE}: {people}, Grace Liu, Jorge Medina.",
    )
    assert result.notes[2].startswith(f'Added 9 norms to {RIVERSIDE}: "Pausing", "Paraphrasing"')
    assert len(result.notes) == 3
    with other_db.read() as session:
        team = teams.find_team_by_name(session, name=RIVERSIDE)
        assert team is not None
        assert (team.purpose, team.kind) == (november.team_purpose, "school-learning-team")
        members = teams.members_of(session, team_id=row_id(team))
        emails = {m.name: m.email for m in members}
        norms = teams.norms_of(session, team_id=row_id(team))
    assert emails["Maria Alvarez"] == "maria.alvarez@riverside.example.org"
    assert emails["Jorge Medina"] is None  # not a recipient: the demo has no address for him
    assert "Sam Ortiz (district literacy specialist)" not in emails
    assert [n.text for n in norms] == list(november.norms)
    assert norms[0].pack_norm_id is not None and norms[0].detail  # a Seven Norms norm
    assert norms[-1].pack_norm_id is None  # the team's own


def test_importing_into_the_same_database_makes_a_second_copy(
    november: Minutes, demo_db: Database, pack: Pack
) -> None:
    before = everyone(demo_db)
    result, imported = run_import(demo_db, pack, export(november))
    assert result.meeting_id != NOVEMBER_ID
    # The next meeting too (same team, same database); an import brings no evaluation.
    assert same_story(imported, replace(november, evaluation=()))
    assert imported.next_meeting is not None
    assert result.notes == (
        f'{RIVERSIDE} already had a meeting called "November leadership team meeting" at '
        "that time; this is a second copy of it.",
    )
    assert everyone(demo_db) == before  # nobody added
    assert {a.person.member_id for a in imported.attendees} - {None} <= before
    assert imported.roles[0].holder == november.roles[0].holder  # the very same member


def test_an_imported_meeting_exports_the_same_file_again(
    november: Minutes, other_db: Database, pack: Pack
) -> None:
    _, imported = run_import(other_db, pack, export(november))
    again = json.loads(export(imported))
    first = json.loads(export(replace(november, next_meeting=None)))
    assert again.keys() == first.keys()
    assert export(without_ids(imported)) == export(
        without_ids(replace(november, next_meeting=None, evaluation=()))
    )


def test_team_people_and_norms_match_in_any_case(
    november: Minutes, other_db: Database, pack: Pack
) -> None:
    with other_db.write(now=FROZEN_NOW) as session:
        team = teams.add_team(session, name=RIVERSIDE.upper(), purpose="Ours.")
        maria = teams.add_member(session, team_id=row_id(team), name="maria  ALVAREZ")
        jorge = teams.add_member(session, team_id=row_id(team), name="Jorge Medina")
        jorge.archived_at = FROZEN_NOW  # archived members still match
        teams.add_norm(session, team_id=row_id(team), text="pausing", position=0)
        maria_id, jorge_id = row_id(maria), row_id(jorge)
    result, imported = run_import(other_db, pack, export(november))
    assert result.team_name == RIVERSIDE.upper()
    assert result.notes[0] == (
        f"Added 6 people to {RIVERSIDE.upper()}: Daniel Okafor, Priya Raman, Tom Becker, "
        "Aisha Karimi, Lena Fischer, Grace Liu."
    )
    assert result.notes[1].startswith(f'Added 8 norms to {RIVERSIDE.upper()}: "Paraphrasing"')
    assert imported.roles[0].holder is not None
    assert imported.roles[0].holder.member_id == maria_id
    assert imported.turns[4].speaker.member_id == jorge_id
    assert imported.norms[0] == "pausing"
    assert imported.norms_checks[0].ratings[0].norm == "pausing"
    with other_db.read() as session:
        assert len(session.execute(select(Team)).all()) == 1


def test_a_guest_speaker_stays_a_guest(other_db: Database, pack: Pack) -> None:
    """A guest can take the floor (issue 15, defect 6): a guest speaker in the file is
    kept as a guest, not added to the team."""
    minutes = small_minutes()
    turn = replace(minutes.turns[0], speaker=Person("Guest Speaker"))
    result, imported = run_import(other_db, pack, export(replace(minutes, turns=(turn,))))
    assert not any("Guest Speaker" in note for note in result.notes)
    assert imported.turns[0].speaker == Person("Guest Speaker")


@pytest.mark.parametrize(
    ("text", "said", "where"),
    [
        ("not json", "The minutes file is not JSON", "file"),
        ('{"format": "agenda", "version": 1}', "The file is not facilitator minutes", "format"),
        (None, "The minutes file has no meeting.items[5].actions[0].due.", "meeting.items[5]"),
    ],
)
def test_a_bad_file_saves_nothing(
    november: Minutes, demo_db: Database, pack: Pack, text: str | None, said: str, where: str
) -> None:
    if text is None:
        data = json.loads(export(november))
        del data["meeting"]["items"][5]["actions"][0]["due"]
        text = json.dumps(data)
    before = row_counts(demo_db)
    with pytest.raises(MinutesNotImported) as caught:
        import_minutes(demo_db, text=text, pack=pack, now=FROZEN_NOW)
    assert row_counts(demo_db) == before
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.exit_code == 1
    assert caught.value.sentence.startswith(said)
    assert list(caught.value.problems)[0].startswith(where)
    assert "\n" not in caught.value.sentence


TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
NAME = TEXT.filter(lambda name: bool(clean_line(name).strip()))


@settings(max_examples=15, deadline=None)
@given(what=TEXT, owner=NAME, note=TEXT)
@example(what="<script>", owner="[bold]", note="*")
@example(what="=cmd()", owner="+1", note="-2")
@example(what="a\nb", owner='"quoted"', note="@x; \\ |")
@example(what="\x1b[2J", owner="\x1b]0;pwned\x07Ana\u202e", note="a\r\nb\x9b31mc\rd")
def test_any_text_survives_an_import(
    what: str, owner: str, note: str, pack: Pack, migrated_template: Path
) -> None:
    """Any text reads back as written, without its control characters (regression, issue
    15, defect 2: an escape sequence in a JSON file was stored and later printed raw)."""
    minutes = small_minutes(what=what, owner=owner, note=note)
    with (
        tempfile.TemporaryDirectory() as folder,
        fresh_database(migrated_template, Path(folder)) as database,
    ):
        _, imported = run_import(database, pack, export(minutes))
    kept = small_minutes(what=clean_text(what), owner=clean_line(owner), note=clean_text(note))
    assert same_story(imported, replace(kept, next_meeting=None))
