"""`facilitator trends --team NAME [--json]`: a team's evaluation ratings and norms
checks across its meetings on the command line, on a team with a known history
(`tests/trends_data.py`: September, October and November evaluated and norms-checked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.domain.team_draft import TeamDraft
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from tests.cli.inprocess import assert_one_sentence, cli, listing
from tests.conftest import FROZEN_NOW, db_argument, write_raw
from tests.trends_data import TEAM, TrendsData, fill_trends

pytestmark = pytest.mark.usefixtures("utc_pack")

DEMO_TEAM = "Riverside Elementary Leadership Team"


@pytest.fixture
def filled(db: Database, pack: Pack) -> tuple[str, TrendsData]:
    """The team's database file, closed so the command opens it itself."""
    data = fill_trends(db, pack)
    create_team(db, draft=TeamDraft(name="New team"), pack=pack, now=FROZEN_NOW)
    db.dispose()
    return db_argument(db.target), data


def test_text_gives_the_changes_and_the_points(
    capsys: pytest.CaptureFixture[str], filled: tuple[str, TrendsData]
) -> None:
    path, _ = filled

    result = cli(capsys, "--db", path, "trends", "--team", TEAM.upper())

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"Evaluation trends for {TEAM}"  # the brackets as typed
    assert "Effective Team Assessment (rated 1 to 7)" in lines
    trust = lines.index("  Trust and conflict resolution: 5.5 → 6.0")
    assert lines[trust + 1] == "    2026-09-07 3.5   2026-10-05 5.5   2026-11-02 6.0"
    goals = lines.index("  Goals and objectives: 5.0 → 4.5")
    assert lines[goals + 1] == "    2026-09-07 5.0   2026-11-02 4.5"
    assert "What went well" not in result.out  # plus/delta is not trended
    norms = lines.index("Norms checks (share of readings honoured; partly counts half)")
    assert lines[norms + 1 : norms + 7] == [
        "  Listen to understand: 75% → 100% honoured",
        "    2026-09-07 25%   2026-10-05 75%   2026-11-02 100%",
        "  Start and end on time: 100% honoured (one meeting so far)",
        "    2026-09-07 100%",
        "  Phones away (retired): 0% honoured (one meeting so far)",
        "    2026-11-02 0%",
    ]
    assert all(len(line) <= 80 for line in lines)
    assert result.err == ""


def test_json(capsys: pytest.CaptureFixture[str], filled: tuple[str, TrendsData]) -> None:
    path, data = filled

    result = cli(capsys, "--db", path, "trends", "--team", TEAM, "--json")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert set(document) == {"format", "version", "team", "instruments", "norms"}
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
    assert trust["change"] == "Trust and conflict resolution: 5.5 → 6.0"
    assert trust["points"][1] == {
        "meeting_id": data.meetings["October"],
        "date": "2026-10-05",
        "title": "October PLC meeting",
        "mean": 5.5,
        "answered": 2,
    }
    listen, _, phones = document["norms"]
    assert set(listen) == {"id", "text", "retired", "points", "change"}
    assert (listen["id"], listen["text"], listen["retired"]) == (
        data.norms["Listen to understand"],
        "Listen to understand",
        False,
    )
    assert listen["points"][0] == {
        "meeting_id": data.meetings["September"],
        "date": "2026-09-07",
        "title": "September PLC meeting",
        "honoured": 0,
        "partly": 1,
        "not_honoured": 1,
        "percent": 25.0,
    }
    assert listen["change"] == "Listen to understand: 75% → 100% honoured"
    assert (phones["text"], phones["retired"]) == ("Phones away", True)


def test_norms_checks_without_evaluations(
    capsys: pytest.CaptureFixture[str], filled: tuple[str, TrendsData]
) -> None:
    path, _ = filled
    write_raw(path, "DELETE FROM evaluation_response")

    text = cli(capsys, "--db", path, "trends", "--team", TEAM)
    document = json.loads(cli(capsys, "--db", path, "trends", "--team", TEAM, "--json").out)

    assert text.code == 0, text.err
    lines = text.out.splitlines()
    assert lines[2] == "No rated evaluations yet. A meeting is evaluated once it has ended."
    assert "  Listen to understand: 75% → 100% honoured" in lines
    assert document["instruments"] == [] and len(document["norms"]) == 3


def test_a_team_never_evaluated_or_checked_says_so(
    capsys: pytest.CaptureFixture[str], filled: tuple[str, TrendsData]
) -> None:
    path, _ = filled

    result = cli(capsys, "--db", path, "trends", "--team", "New team")

    assert result.code == 0, result.err
    assert result.out.startswith("No rated evaluations or norms checks yet for New team.")


def test_the_demo(capsys: pytest.CaptureFixture[str], path: str) -> None:
    """The demo's latest evaluated and checked meeting is November's (its history may
    grow): "Pausing" was read partly then."""
    result = cli(capsys, "--db", path, "trends", "--team", DEMO_TEAM)

    assert result.code == 0, result.err
    assert result.out.startswith(f"Evaluation trends for {DEMO_TEAM}")
    pausing = next(line for line in result.out.splitlines() if line.startswith("  Pausing: "))
    assert "50% honoured" in pausing


def test_an_unknown_team_is_one_sentence(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "trends", "--team", "Nobody")

    assert result.code == 1
    assert_one_sentence(result, 'There is no team called "Nobody"', DEMO_TEAM)


def test_the_team_is_required(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "trends")

    assert result.code == 2
    assert_one_sentence(result, "--team")


def test_a_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(missing), "trends", "--team", DEMO_TEAM)

    assert_one_sentence(result, f"No database at {missing}")
    assert listing(tmp_path) == before
