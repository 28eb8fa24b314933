"""`facilitator decisions [--team NAME] [--json]`: the decision log on the command line,
on the decisions of tests/decision_log_data.py, with today the frozen Monday 23 November
2026 (the command reads the real clock; the test freezes it)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from tests.cli.inprocess import assert_one_sentence, cli
from tests.conftest import FROZEN_NOW, db_argument, write_raw
from tests.decision_log_data import LogData, fill_log

JSON_FIELDS = {
    "id",
    "question",
    "meeting_id",
    "meeting_title",
    "team_id",
    "team",
    "date",
    "method",
    "method_name",
    "status",
    "outcome",
    "rationale",
    "review_on",
    "review_due",
    "result",
    "decided",
}
"""The documented shape (facilitator/render/decision_log.py, the README): stable."""


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch, pack: Pack) -> Iterator[None]:
    """Today is the frozen Monday, and the machine's zone UTC (the command dates by the
    machine's wall clock); the pack is loaded once."""
    monkeypatch.setattr("facilitator.domain.clock.system_clock", lambda: FROZEN_NOW)
    monkeypatch.setattr("facilitator.pack.locate.load_default_pack", lambda: pack)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data(db: Database) -> LogData:
    found = fill_log(db)
    db.dispose()
    return found


@pytest.fixture
def path(db: Database) -> str:
    return db_argument(db.target)


def test_every_teams_decisions_as_text(
    capsys: pytest.CaptureFixture[str], data: LogData, path: str
) -> None:
    result = cli(capsys, "--db", path, "decisions")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "METHOD", "STATUS", "REVIEW", "TEAM", "DECISION"]
    assert len(lines) == 7  # the archived team's decision is left out
    unanimous, *_, majority = lines[1:]
    assert unanimous.startswith(f"{data.decisions['unanimous']}   2026-11-02  Unanimous")
    assert "2026-11-20 due  Oak Grade 3 PLC" in unanimous
    assert unanimous.endswith("Keep the Friday PLC slot? → Kept.")
    assert "Majority voting" in majority and "2026-11-01 due" in majority
    deferred = next(line for line in lines if "Tuesdays" in line)
    assert "deferred" in deferred and "2026-12-20 " in deferred and "due" not in deferred
    no_method = next(line for line in lines if "bell schedule" in line)
    assert "no method" in no_method and "no decision" in no_method


def test_one_teams_decisions_by_its_name(
    capsys: pytest.CaptureFixture[str], data: LogData, path: str
) -> None:
    result = cli(capsys, "--db", path, "decisions", "--team", "oak grade 3 plc")

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "ID  DATE        METHOD     STATUS   REVIEW          DECISION",
        f"{data.decisions['unanimous']}   2026-11-02  Unanimous  decided  2026-11-20 due  "
        "Keep the Friday PLC slot? → Kept.",
    ]


def test_json(capsys: pytest.CaptureFixture[str], data: LogData, path: str) -> None:
    result = cli(capsys, "--db", path, "decisions", "--json")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["format"], document["version"], document["team"]) == (
        "facilitator-decisions",
        1,
        None,
    )
    rows = document["decisions"]
    assert [row["id"] for row in rows] == [
        data.decisions[key]
        for key in ("unanimous", "no_decision", "one_person", "multi_vote", "consensus")
    ] + [data.decisions["majority"]]
    assert all(set(row) == JSON_FIELDS for row in rows)
    majority = rows[-1]
    assert majority == {
        "id": data.decisions["majority"],
        "question": "Adopt the new reading curriculum?",
        "meeting_id": data.meetings["september"],
        "meeting_title": "September meeting",
        "team_id": data.teams["Riverside Leadership"],
        "team": "Riverside Leadership",
        "date": "2026-09-14",
        "method": "majority",
        "method_name": "Majority voting",
        "status": "decided",
        "outcome": "Adopted for grades 1 to 3.",
        "rationale": "The pilot classes read more.",
        "review_on": "2026-11-01",
        "review_due": True,
        "result": majority["result"],
        "decided": True,
    }
    assert majority["result"].startswith("Carried: 2 of 3 votes cast were yes")
    october = next(row for row in rows if row["id"] == data.decisions["multi_vote"])
    assert october["date"] == "2026-10-05"  # held on the 5th, planned for the 12th
    no_decision = next(row for row in rows if row["status"] == "no_decision")
    assert (no_decision["method"], no_decision["method_name"]) == (None, None)
    assert (no_decision["result"], no_decision["decided"]) == (None, None)


def test_an_unknown_team_is_one_sentence(
    capsys: pytest.CaptureFixture[str], data: LogData, path: str
) -> None:
    result = cli(capsys, "--db", path, "decisions", "--team", "Nobody", "--json")

    assert result.code == 1
    assert_one_sentence(
        result,
        'There is no team called "Nobody"; name one of: Oak Grade 3 PLC, Riverside Leadership.',
    )


def test_no_decisions_yet(capsys: pytest.CaptureFixture[str], path: str) -> None:
    assert cli(capsys, "--db", path, "decisions").out == (
        "No decisions recorded yet. A meeting records them with d on its live screen.\n"
    )
    assert json.loads(cli(capsys, "--db", path, "decisions", "--json").out) == {
        "format": "facilitator-decisions",
        "version": 1,
        "team": None,
        "decisions": [],
    }


def test_user_text_is_printed_on_one_line_and_literally(
    capsys: pytest.CaptureFixture[str], data: LogData, path: str
) -> None:
    """Markup stays as typed; a line break is a space in the table and kept in the JSON;
    an escape code (written by an old version or another program) is printed by
    neither."""
    write_raw(
        path,
        "UPDATE decision SET question = :question WHERE id = :id",
        question="[bold]Two\nlines[/bold]\x1b[2J?",
        id=data.decisions["unanimous"],
    )

    text = cli(capsys, "--db", path, "decisions", "--team", "Oak Grade 3 PLC").out
    printed = cli(capsys, "--db", path, "decisions", "--json").out

    assert "[bold]Two lines[/bold][2J? → Kept." in text
    assert "\x1b" not in text and "\x1b" not in printed
    assert json.loads(printed)["decisions"][0]["question"] == "[bold]Two\nlines[/bold]\u001b[2J?"


def test_help_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    result = cli(capsys, "decisions", "--help")
    assert result.code == 0
    assert "--team NAME" in result.out and "--json" in result.out
