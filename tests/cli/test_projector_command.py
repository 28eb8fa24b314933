"""`facilitator projector MEETING_ID`: an unknown meeting is refused in one sentence
before the app takes the screen."""

from __future__ import annotations

import pytest

from tests.cli.inprocess import assert_one_sentence, cli

pytestmark = pytest.mark.usefixtures("utc_pack")


def test_an_unknown_meeting_is_one_sentence(capsys: pytest.CaptureFixture[str], path: str) -> None:
    result = cli(capsys, "--db", path, "projector", "99")

    assert result.code == 1
    assert_one_sentence(result)
    assert result.err == "facilitator: There is no meeting 99.\n"
    assert result.out == ""


def test_a_known_meeting_needs_a_terminal(capsys: pytest.CaptureFixture[str], path: str) -> None:
    """The meeting exists, so the command goes on to open the app, which says it has
    no terminal here (the tests' output is captured)."""
    result = cli(capsys, "--db", path, "projector", "1")

    assert result.code == 1
    assert "needs a terminal" in result.err
