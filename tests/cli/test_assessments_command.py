"""`facilitator assessments --team NAME [--instrument ID] [--format md|csv|json]`: a
team's periodic self-assessments side by side on the command line, on the demo with the
leadership-team indicators taken on 2 November and on 23 November (the frozen today)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from facilitator.domain.evaluation_results import Answer
from facilitator.pack.loader import Pack
from facilitator.render.self_assessment import HEADER
from facilitator.services.self_assessments import (
    save_self_assessment_answer,
    start_self_assessment,
)
from facilitator.store.database import Database
from tests.cli.inprocess import assert_one_sentence, cli, listing
from tests.conftest import FROZEN_NOW, TZ, write_raw

pytestmark = pytest.mark.usefixtures("utc_pack")

TEAM = "Riverside Elementary Leadership Team"
SLT = "slt-indicators"
GOALS = "goals-focus-on-learning"


def take_twice(db: Database, pack: Pack) -> None:
    """The indicators on 2 November (goals B, with evidence) and today (goals P)."""
    for day, level, note in ((date(2026, 11, 2), "B", "=SUM(A1) *data* | wall"), (None, "P", "")):
        opened = start_self_assessment(
            db, team_id=1, instrument_id=SLT, pack=pack, now=FROZEN_NOW, tz=TZ, on=day
        )
        save_self_assessment_answer(
            db,
            assessment_id=opened.assessment_id,
            item_id=GOALS,
            answer=Answer(level=level, text=note),
            pack=pack,
            now=FROZEN_NOW,
        )
    db.dispose()


@pytest.fixture
def taken(demo_db: Database, pack: Pack, path: str) -> str:
    """The demo's file with the two self-assessments."""
    take_twice(demo_db, pack)
    return path


def test_markdown_lays_the_dates_side_by_side(
    capsys: pytest.CaptureFixture[str], taken: str
) -> None:
    result = cli(capsys, "--db", taken, "assessments", "--team", TEAM.lower())

    assert result.code == 0, result.err
    out = result.out
    assert out.startswith(f"# Self-assessments: {TEAM}\n\n## Site Leadership Team indicators\n")
    assert "Since Mon 2 Nov 2026: 1 up, 14 not answered." in out
    assert "Levels: N/A No conversation or action · I Initiating · B Beginning" in out
    assert "| Item | 2026-11-02 | 2026-11-23 | Change |" in out
    assert (
        "| The school's goals are about improving student learning. | B | P "
        "| Beginning → Progressing, up 1 level |"
    ) in out
    assert "(2026-11-02): \\=SUM(A1) \\*data\\* \\| wall" in out  # the team's text, literally
    assert "Coherence" not in out  # not taken: not listed
    assert result.err == ""


def test_csv_has_a_row_per_item_and_date(capsys: pytest.CaptureFixture[str], taken: str) -> None:
    result = cli(capsys, "--db", taken, "assessments", "--team", TEAM, "--format", "csv")

    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + 15 * 2  # fifteen indicators, two dates
    goals = [
        row for row in rows if row[2] == "The school's goals are about improving student learning."
    ]
    assert [row[3:] for row in goals] == [
        ["2026-11-02", "B", "Beginning", "'=SUM(A1) *data* | wall", ""],
        ["2026-11-23", "P", "Progressing", "", "Beginning → Progressing, up 1 level"],
    ]
    assert result.out.count("\r\n") == len(rows)


def test_json(capsys: pytest.CaptureFixture[str], taken: str) -> None:
    result = cli(
        capsys,
        "--db",
        taken,
        "assessments",
        "--team",
        TEAM,
        "--instrument",
        SLT,
        "--format",
        "json",
    )

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["format"], document["version"], document["team"]) == (
        "facilitator-self-assessments",
        1,
        TEAM,
    )
    (instrument,) = document["instruments"]
    assert instrument["id"] == SLT and instrument["note_label"] == "Evidence"
    assert [a["date"] for a in instrument["assessments"]] == ["2026-11-02", "2026-11-23"]
    items = {i["id"]: i for s in instrument["sections"] for i in s["items"]}
    assert items[GOALS]["answers"] == [
        {"value": "B", "name": "Beginning", "note": "=SUM(A1) *data* | wall"},
        {"value": "P", "name": "Progressing", "note": ""},
    ]
    assert items["identifies-barriers"]["answers"] == [None, None]
    assert document["unknown"] == []


def test_an_instrument_not_taken_says_so(capsys: pytest.CaptureFixture[str], taken: str) -> None:
    result = cli(
        capsys,
        "--db",
        taken,
        "assessments",
        "--team",
        TEAM,
        "--instrument",
        "coherence-progression",
    )

    assert result.code == 0, result.err
    assert "## Coherence Progression\n\nNot taken yet.\n" in result.out


def test_a_team_never_assessed_says_so(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "assessments", "--team", TEAM)

    assert result.code == 0, result.err
    assert result.out.endswith("No self-assessments yet. Take one from the team's screen (s).\n")


def test_control_characters_in_a_note_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], taken: str
) -> None:
    """A note written by another program, with an escape sequence, is printed without it."""
    write_raw(
        taken,
        "UPDATE evaluation_answer SET text = :text WHERE level = 'B'",
        text="red\x1b[31m alert\x07",
    )

    result = cli(capsys, "--db", taken, "assessments", "--team", TEAM)

    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "red" in result.out and "alert" in result.out


@pytest.mark.parametrize(
    ("arguments", "code", "fragments"),
    [
        (("--team", "Nobody"), 1, ('There is no team called "Nobody"', TEAM)),
        (("--team", TEAM, "--instrument", "ours"), 1, ('no self-assessment "ours"', SLT)),
        (("--team", TEAM, "--instrument", "plus-delta"), 2, ("answered after a meeting",)),
        (("--team", TEAM, "--format", "pdf"), 2, ("invalid choice: 'pdf'",)),
        ((), 2, ("--team",)),
    ],
)
def test_a_refusal_is_one_sentence(
    capsys: pytest.CaptureFixture[str],
    path: str,
    arguments: tuple[str, ...],
    code: int,
    fragments: tuple[str, ...],
) -> None:
    result = cli(capsys, "--db", path, "assessments", *arguments)

    assert result.code == code
    assert_one_sentence(result, *fragments)


def test_a_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(missing), "assessments", "--team", TEAM)

    assert_one_sentence(result, f"No database at {missing}")
    assert listing(tmp_path) == before
