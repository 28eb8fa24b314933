"""`facilitator export` of a meeting's minutes in every format and `facilitator import` of
the JSON minutes, run as a person would run them."""

from __future__ import annotations

import csv
import email
import io
import json
from email import policy
from pathlib import Path

import icalendar
import pytest

from tests.cli.test_commands import assert_one_sentence, run

pytestmark = pytest.mark.slow  # runs the program in another process

NOVEMBER = "1"  # the demo's closed meeting


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "eml", "ics", "csv", "json"])
def test_every_format_writes_a_file_that_reads_back(
    env: dict[str, str],
    database: str,
    tmp_path: Path,
    fmt: str,  # noqa: F811
) -> None:
    target = tmp_path / f"minutes.{fmt}"
    result = run(env, "--db", str(database), "export", NOVEMBER, "--format", fmt, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote the minutes of meeting 1 to {target}.\n"
    data = target.read_bytes()
    if fmt == "md":
        assert data.decode().startswith("# Minutes: November leadership team meeting")
    elif fmt == "html":
        assert data.decode().startswith("<!DOCTYPE html>")
    elif fmt == "txt":
        assert "Share the opinion-writing rubric draft" in data.decode()
    elif fmt == "eml":
        message = email.message_from_bytes(data, policy=policy.default)
        assert str(message["Subject"]).startswith("Minutes: Riverside Elementary Leadership Team")
    elif fmt == "ics":
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.walk("VTODO")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == ["meeting", "date", "item", "what", "owner", "due", "status"]
    else:
        assert json.loads(data)["format"] == "facilitator-minutes"


def test_json_minutes_import_back_into_a_fresh_database(
    env: dict[str, str],
    database: str,
    tmp_path: Path,  # noqa: F811
) -> None:
    exported = tmp_path / "november.json"
    run(env, "--db", str(database), "export", NOVEMBER, "--format", "json", "-o", str(exported))
    fresh = tmp_path / "fresh.db"
    result = run(env, "--db", str(fresh), "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported November leadership team meeting as meeting 1 ")
    before = run(env, "--db", str(database), "export", NOVEMBER, "--format", "md").stdout
    after = run(env, "--db", str(fresh), "export", "1", "--format", "md").stdout
    # The next meeting is another meeting of the team: the fresh database has none.
    # An import brings no evaluation: the file holds its counts, not the answers.
    assert "\n## Evaluation\n" in before
    assert after == _without_next_meeting(_without_evaluation(before))
    assert "### Next meeting" not in after

    again = run(env, "--db", str(database), "import", str(exported))
    assert again.returncode == 0, again.stderr
    copy = run(env, "--db", str(database), "export", "6", "--format", "md").stdout
    assert copy == _without_evaluation(before)


def _without_evaluation(markdown: str) -> str:
    head, found, rest = markdown.partition("\n## Evaluation\n")
    return head + "\n## " + rest.split("\n## ", 1)[1] if found else markdown


def _without_next_meeting(markdown: str) -> str:
    blocks = markdown.split("\n\n")
    at = blocks.index("### Next meeting")
    return "\n\n".join(blocks[:at] + blocks[at + 2 :])


def test_a_broken_json_file_is_one_sentence(
    env: dict[str, str],
    database: str,
    tmp_path: Path,  # noqa: F811
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "facilitator-minutes", "version": 1', encoding="utf-8")
    result = run(env, "--db", str(database), "import", str(broken))
    assert result.returncode != 0
    assert result.stderr.startswith("facilitator: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_agenda_flag_takes_only_page_formats(
    env: dict[str, str],
    database: str,  # noqa: F811
) -> None:
    result = run(env, "--db", str(database), "export", NOVEMBER, "--agenda", "--format", "ics")
    assert_one_sentence(result, "An agenda exports as md, html or txt")
    agenda = run(env, "--db", str(database), "export", NOVEMBER, "--agenda").stdout
    assert agenda.startswith("<!-- Agenda exported by facilitator")
    page = run(env, "--db", str(database), "export", "2", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "December leadership team meeting" in page
