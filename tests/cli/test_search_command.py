"""`facilitator search QUERY [--team NAME] [--limit N] [--json]` on the demo teams: text
and JSON, an unknown team or an empty query as one sentence, and people's text printed
literally, without its control characters."""

from __future__ import annotations

import json

import pytest

from facilitator.store.target import resolve_target
from tests.cli.inprocess import assert_one_sentence, cli
from tests.conftest import FROZEN_NOW, write_raw

JSON_FIELDS = {
    "kind",
    "record_id",
    "meeting_id",
    "meeting_title",
    "team",
    "date",
    "snippet",
    "highlights",
    "item_id",
}
"""The documented shape (facilitator/render/search_results.py, the README): stable."""


pytestmark = pytest.mark.usefixtures("utc_pack")  # the command dates by the machine's zone


def test_results_as_text_with_the_words_marked(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    result = cli(capsys, "--db", path, "search", "norms aloud")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    heading = next(line for line in lines if "note in October leadership team meeting" in line)
    assert heading.split()[0].count("-") == 2  # the meeting's date comes first
    assert "Riverside Elementary Leadership Team, meeting" in heading
    snippet = lines[lines.index(heading) + 1]
    assert snippet.startswith("    ") and "«norms» «aloud»" in snippet


def test_results_as_json(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "search", "benchmark", "--json", "--limit", "2")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert (document["format"], document["version"], document["query"]) == (
        "facilitator-search",
        1,
        "benchmark",
    )
    assert len(document["results"]) == 2
    for row in document["results"]:
        assert set(row) == JSON_FIELDS
        marked = [row["snippet"][start:end].casefold() for start, end in row["highlights"]]
        assert marked and all(word.startswith("benchmark") for word in marked)


def test_one_team_only(capsys: pytest.CaptureFixture[str], path: str) -> None:
    team = " grade 3  COLLABORATIVE learning team"  # any case, any spacing
    result = cli(capsys, "--db", path, "search", "reading", "--team", team)

    assert result.code == 0, result.err
    assert "Grade 3 Collaborative Learning Team" in result.out
    assert "Riverside" not in result.out


def test_an_unknown_team_is_one_sentence(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "search", "norms", "--team", "Nobody")

    assert_one_sentence(result, 'There is no team called "Nobody"', "Riverside")


@pytest.mark.parametrize("typed", ["", '"', "* -"])
def test_a_query_without_words_is_one_sentence(
    capsys: pytest.CaptureFixture[str], path: str, typed: str
) -> None:
    assert_one_sentence(cli(capsys, "--db", path, "search", typed), "Type a word")


def test_operators_and_long_queries_give_results(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    for typed in ('norms "aloud', "AND OR NEAR(", "norms " * 2000):
        result = cli(capsys, "--db", path, "search", typed)
        assert result.code == 0 and "Traceback" not in result.err


def test_people_text_is_printed_literally_and_clean(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    write_raw(
        path,
        "INSERT INTO note (meeting_id, body, created_at, updated_at) VALUES (1, :body, :now, :now)",
        body="[red]xylophone[/red] \x1b]0;owned\x07 \x1b[2J done",
        now=FROZEN_NOW,
    )

    text = cli(capsys, "--db", path, "search", "xylophone")
    as_json = cli(capsys, "--db", path, "search", "xylophone", "--json")

    assert "«xylophone»[/red]" in text.out  # PostgreSQL trims the snippet's edge
    assert "\x1b" not in text.out and "\x07" not in text.out
    assert "\x1b" not in as_json.out
    [row] = json.loads(as_json.out)["results"]
    assert "xylophone[/red]" in row["snippet"]


def first_item_of_meeting_1(path: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(resolve_target(path, {}).url)
    try:
        with engine.connect() as connection:
            sql = "SELECT MIN(id) FROM agenda_item WHERE meeting_id = 1"
            return int(connection.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def test_each_result_names_its_agenda_item(capsys: pytest.CaptureFixture[str], path: str) -> None:
    item = first_item_of_meeting_1(path)
    for body, item_id in (("xylophone tied", item), ("xylophone loose", None)):
        write_raw(
            path,
            "INSERT INTO note (meeting_id, agenda_item_id, body, created_at, updated_at)"
            " VALUES (1, :item, :body, :now, :now)",
            item=item_id,
            body=body,
            now=FROZEN_NOW,
        )

    notes = json.loads(cli(capsys, "--db", path, "search", "xylophone", "--json").out)
    items = json.loads(cli(capsys, "--db", path, "search", "walkthrough", "--json").out)

    found = {row["snippet"].split()[-1]: row["item_id"] for row in notes["results"]}
    assert found == {"tied": item, "loose": None}
    rows = [row for row in items["results"] if row["kind"] == "item"]
    assert rows and all(row["item_id"] == row["record_id"] for row in rows)
