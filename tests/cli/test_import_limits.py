"""`facilitator import` with an agenda over the limit, run as a person would: one line on
stderr naming the limit and the count, a non-zero exit, and the database and the file
left byte for byte as they were (issue 15, defect 1)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_agenda_commands import write
from tests.cli.test_commands import assert_one_sentence, digest, run
from tests.scale import big_agenda


def test_an_agenda_of_501_items_is_one_sentence_and_changes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Regression (issue 15, defect 1): an agenda of any length was imported, holding the
    database for seconds (20,000 items never finished)."""
    database = tmp_path / "school.db"
    assert run(env, "--db", str(database), "demo", "--no-open").returncode == 0
    agenda = write(tmp_path, big_agenda(501))
    before = (digest(database), digest(agenda))

    result = run(env, "--db", str(database), "import", str(agenda))

    assert_one_sentence(result, "501 items", "at most 500")
    assert result.returncode == 1
    assert (digest(database), digest(agenda)) == before
    listed = run(env, "--db", str(database), "list").stdout
    assert "Long planning meeting" not in listed
