"""`facilitator evaluation MEETING_ID [--format md|csv|json]`: a meeting's evaluation
results on the command line, on the demo (its November meeting was evaluated with
plus/delta and the Effective Team Assessment; its December one is still planned)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from facilitator.render.evaluation import HEADER
from tests.cli.inprocess import assert_one_sentence, cli, listing
from tests.conftest import write_raw

pytestmark = pytest.mark.usefixtures("utc_pack")


NOVEMBER, DECEMBER = 1, 2


def test_markdown_is_the_default(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "evaluation", str(NOVEMBER))

    assert result.code == 0, result.err
    assert result.out.startswith("# Evaluation: November leadership team meeting\n\n")
    assert "Riverside Elementary Leadership Team, 2026-11-09." in result.out
    assert "Lowest: Evaluation (3.3). Highest: Goals and objectives (5.7)." in result.out
    assert "- (anonymous): Sam's exemplars helped.\n" in result.out
    assert result.err == ""


def test_csv(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "evaluation", str(NOVEMBER), "--format", "csv")

    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + 9 * 7 + 8  # nine items on a 1-7 scale, eight comments
    assert result.out.count("\r\n") == len(rows)


def test_json(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "evaluation", str(NOVEMBER), "--format", "json")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["format"], document["version"]) == ("facilitator-evaluation", 1)
    assert document["meeting"]["date"] == "2026-11-09"
    assert {i["id"] for i in document["instruments"]} == {"plus-delta", "effective-team-assessment"}


def test_a_meeting_not_evaluated_says_so(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "evaluation", str(DECEMBER))

    assert result.code == 0, result.err
    assert result.out.endswith("\n\nThis meeting has not been evaluated.\n")


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_an_unknown_meeting_is_one_sentence(
    capsys: pytest.CaptureFixture[str], path: str, fmt: str
) -> None:
    result = cli(capsys, "--db", path, "evaluation", "99", "--format", fmt)

    assert result.code == 1
    assert_one_sentence(result)
    assert result.err == "facilitator: There is no meeting 99.\n"


def test_an_unknown_format_is_refused(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "evaluation", "1", "--format", "html")

    assert result.code == 2
    assert_one_sentence(result, "invalid choice: 'html'")


def test_a_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    before = listing(tmp_path)

    result = cli(capsys, "--db", str(missing), "evaluation", "1")

    assert_one_sentence(result, f"No database at {missing}")
    assert listing(tmp_path) == before


def test_comments_are_printed_literally_and_clean(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    """A comment written by an old version or another program, with markup and an
    escape code: markup escaped in Markdown and kept in JSON; the escape code printed
    by neither."""
    write_raw(
        path,
        "UPDATE evaluation_answer SET text = :new WHERE text = :old",
        new="[bold]x[/bold] *x*\x1b[2J",
        old="Sam's exemplars helped.",
    )

    text = cli(capsys, "--db", path, "evaluation", "1").out
    printed = cli(capsys, "--db", path, "evaluation", "1", "--format", "json").out

    assert "- (anonymous): \\[bold]x\\[/bold] \\*x\\*" in text
    assert "\x1b" not in text and "\x1b" not in printed
    texts = [c["text"] for i in json.loads(printed)["instruments"] for c in i["comments"]]
    assert "[bold]x[/bold] *x*\x1b[2J" in texts


def test_help_names_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    result = cli(capsys, "evaluation", "--help")

    assert result.code == 0
    assert "MEETING_ID" in result.out and "{md,csv,json}" in result.out
