"""`facilitator trends --team NAME [--json]`: a team's evaluation ratings across its
meetings on the command line, on the demo (its November meeting was evaluated with
plus/delta and the Effective Team Assessment; the December one is evaluated here by
adding rows as the evaluation would)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.inprocess import assert_one_sentence, cli, listing

pytestmark = pytest.mark.usefixtures("utc_pack")


TEAM = "Riverside Elementary Leadership Team"
NOVEMBER, DECEMBER = 1, 2
AFTER = "2026-12-07 16:30:00.000000"
"""When the December meeting's evaluation was saved."""


def _evaluate_december(path: str, scores: list[int]) -> None:
    """The December meeting held on 7 December and rated on trust by len(scores)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "UPDATE meeting SET started_at = ? WHERE id = ?",
            ("2026-12-07 15:30:00.000000", DECEMBER),
        )
        for score in scores:
            cursor = connection.execute(
                "INSERT INTO evaluation_response (team_id, meeting_id, instrument_id, "
                "submitted_at, created_at, updated_at) "
                "VALUES (1, ?, 'effective-team-assessment', ?, ?, ?)",
                (DECEMBER, AFTER, AFTER, AFTER),
            )
            connection.execute(
                "INSERT INTO evaluation_answer (response_id, item_id, score, text, "
                "created_at, updated_at) "
                "VALUES (?, 'trust-and-conflict-resolution', ?, '', ?, ?)",
                (cursor.lastrowid, score, AFTER, AFTER),
            )
        connection.commit()


def test_text_gives_the_change_and_the_points(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    _evaluate_december(path, [5, 6])

    result = cli(capsys, "--db", path, "trends", "--team", TEAM.upper())

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"Evaluation trends for {TEAM}"
    assert "Effective Team Assessment (rated 1 to 7)" in lines
    trust = lines.index("  Trust and conflict resolution: 3.7 → 5.5")
    assert lines[trust + 1] == "    2026-11-09 3.7   2026-12-07 5.5"
    assert "  Leadership: 4.7 (one evaluation so far)" in lines
    assert "What went well" not in result.out  # plus/delta is not trended
    assert all(len(line) <= 80 for line in lines)
    assert result.err == ""


def test_json(capsys: pytest.CaptureFixture[str], path: str) -> None:
    _evaluate_december(path, [5, 6])

    result = cli(capsys, "--db", path, "trends", "--team", TEAM, "--json")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["format"], document["version"], document["team"]) == (
        "facilitator-trends",
        1,
        TEAM,
    )
    (instrument,) = document["instruments"]
    assert set(instrument) == {"id", "name", "items"}
    assert instrument["id"] == "effective-team-assessment"
    trust = next(i for i in instrument["items"] if i["id"] == "trust-and-conflict-resolution")
    assert set(trust) == {"id", "text", "points", "change"}
    assert trust["change"] == "Trust and conflict resolution: 3.7 → 5.5"
    assert trust["points"][1] == {
        "meeting_id": DECEMBER,
        "date": "2026-12-07",
        "title": trust["points"][1]["title"],
        "mean": 5.5,
        "answered": 2,
    }
    assert trust["points"][0]["meeting_id"] == NOVEMBER
    assert trust["points"][0]["title"] == "November leadership team meeting"


def test_a_team_never_evaluated_says_so(capsys: pytest.CaptureFixture[str], path: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM evaluation_response")
        connection.commit()

    result = cli(capsys, "--db", path, "trends", "--team", TEAM)

    assert result.code == 0, result.err
    assert result.out.startswith(f"No rated evaluations yet for {TEAM}.")


def test_an_unknown_team_is_one_sentence(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "trends", "--team", "Nobody")

    assert result.code == 1
    assert_one_sentence(result, 'There is no team called "Nobody"', TEAM)


def test_the_team_is_required(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "trends")

    assert result.code == 2
    assert_one_sentence(result, "--team")


def test_a_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(missing), "trends", "--team", TEAM)

    assert_one_sentence(result, f"No database at {missing}")
    assert listing(tmp_path) == before
