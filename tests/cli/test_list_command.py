"""`facilitator list [--json] [--limit N | --all]`: the JSON is streamed a meeting at a
time and stays what the whole-list renderer writes, byte for byte; text shows the
latest meetings and says how many earlier ones there are; a bad `--limit` is one
sentence. On the demo: meetings 4, 5 and 1 were held (September, October, November),
3 and 2 are planned (PLC, then December)."""

from __future__ import annotations

import json

import pytest

from facilitator.domain.clean import for_terminal
from facilitator.render.meeting_list import meetings_as_json, meetings_as_json_lines
from facilitator.services.meetings import list_meetings, stream_meetings
from facilitator.store.database import Database
from facilitator.store.target import resolve_target
from tests.cli.inprocess import assert_one_sentence, cli

pytestmark = pytest.mark.usefixtures("utc_pack")  # the command dates by the machine's zone

IN_ORDER = [4, 5, 1, 3, 2]


def test_streamed_json_is_what_the_whole_list_renderer_writes(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    db = Database(resolve_target(path, {}))
    whole = meetings_as_json(list_meetings(db), None)
    pieces = "\n".join(meetings_as_json_lines(stream_meetings(db), None))
    db.dispose()

    result = cli(capsys, "--db", path, "list", "--json")

    assert pieces == whole
    assert result.code == 0, result.err
    assert result.out == for_terminal(whole) + "\n"
    assert [meeting["id"] for meeting in json.loads(result.out)] == IN_ORDER


def test_streamed_json_of_no_meetings_is_an_empty_array(db: Database) -> None:
    assert list(meetings_as_json_lines(stream_meetings(db), None)) == ["[]"]
    assert meetings_as_json([], None) == "[]"


def test_json_with_a_limit_keeps_the_latest_oldest_first(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    result = cli(capsys, "--db", path, "list", "--json", "--limit", "2")

    assert result.code == 0, result.err
    assert [meeting["id"] for meeting in json.loads(result.out)] == [3, 2]


def test_text_shows_the_latest_and_says_how_many_more(
    capsys: pytest.CaptureFixture[str], path: str
) -> None:
    result = cli(capsys, "--db", path, "list", "--limit", "2")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == ["3", "2"]
    assert lines[-1] == "3 earlier meetings not shown; `facilitator list --all` shows them."


@pytest.mark.parametrize("how_many", [(), ("--all",), ("--limit", "5")])
def test_text_of_every_meeting_says_nothing_more(
    capsys: pytest.CaptureFixture[str], path: str, how_many: tuple[str, ...]
) -> None:
    result = cli(capsys, "--db", path, "list", *how_many)

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [int(line.split()[0]) for line in lines[1:]] == IN_ORDER


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_one_sentence(
    capsys: pytest.CaptureFixture[str], path: str, limit: str
) -> None:
    result = cli(capsys, "--db", path, "list", "--limit", limit)

    assert_one_sentence(result, "--limit", "1 or more")


def test_limit_and_all_together_are_refused(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "list", "--limit", "2", "--all")

    assert result.code == 2
    assert result.out == ""
    assert "not allowed with" in result.err
