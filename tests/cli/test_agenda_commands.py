"""`facilitator import` and `facilitator export` run as a person would run them: agendas in
and out, problems on stderr with their line numbers, and nothing saved when a file has any."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_commands import assert_one_sentence, digest, run

pytestmark = pytest.mark.slow  # runs the program in another process

AGENDA = """\
# January planning
Team: Riverside Elementary Leadership Team
Date: tomorrow
Time: 15:30
Length: 45 min
Location: Room 12

## Agenda
- 5 min Welcome [info]
- 25 min Writing conferences — goal: choose a schedule (Aisha Karimi) [decision]
- 15 min Family night (Sam Ortiz)
"""
BROKEN = """\
# January planning
Date: tomorrow
Time: 15:30

## Agenda
- 5 min Welcome
- ten min Budget
- 10 min Data [urgent]
"""


def write(tmp_path: Path, text: str, name: str = "agenda.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_help_lists_import_and_export(env: dict[str, str]) -> None:
    result = run(env, "--help")
    assert "import" in result.stdout and "export" in result.stdout
    export_help = run(env, "export", "--help").stdout
    assert "--format {md,html,txt,eml,ics,csv,json}" in export_help and "--force" in export_help


def test_import_adds_a_meeting_and_reports_guests(
    env: dict[str, str], database: str, tmp_path: Path
) -> None:
    agenda = write(tmp_path, AGENDA)

    result = run(env, "--db", str(database), "import", str(agenda))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "Imported January planning as meeting 6 for Riverside Elementary Leadership Team.",
        "line 11: Sam Ortiz is not on the team, so they present as a guest.",
    ]
    listed = run(env, "--db", str(database), "list").stdout
    assert "January planning" in listed
    exported = run(env, "--db", str(database), "export", "6", "--format", "txt").stdout
    assert "Writing conferences\n" in exported
    assert "decision · Aisha Karimi" in exported


def test_import_assigns_roles_and_says_who_is_a_guest(
    env: dict[str, str], database: str, tmp_path: Path
) -> None:
    text = AGENDA.replace(
        "## Agenda", "## Roles\n- FACILITATOR: aisha karimi\n- Recorder: Dana\n\n## Agenda"
    )
    agenda = write(tmp_path, text)

    result = run(env, "--db", str(database), "import", str(agenda))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "line 10: Dana holds the Recorder role as a guest (not on the team).",
        "line 15: Sam Ortiz is not on the team, so they present as a guest.",
    ]
    exported = run(env, "--db", str(database), "export", "6", "--format", "txt").stdout
    assert "Facilitator          Aisha Karimi\n" in exported
    assert "Recorder             Dana (guest)\n" in exported


def test_a_file_with_problems_imports_nothing(
    env: dict[str, str], database: str, tmp_path: Path
) -> None:
    before = run(env, "--db", str(database), "list").stdout
    on_file = "://" not in database  # a file is also left byte for byte
    stored = digest(Path(database)) if on_file else ""

    result = run(env, "--db", str(database), "import", str(write(tmp_path, BROKEN)))

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        'facilitator: Say which team the meeting is for with a "Team:" line: one of Grade 3 '
        "Collaborative Learning Team, Riverside Elementary Leadership Team.",
        'facilitator: line 7: "- ten min Budget" has no minutes; write it like "- 10 min '
        'Budget review".',
        'facilitator: line 8: "[urgent]" is not a kind of item; use [information], '
        "[discussion] or [decision].",
        "facilitator: Nothing was imported; fix the lines above and try again.",
    ]
    assert run(env, "--db", str(database), "list").stdout == before
    assert not on_file or digest(Path(database)) == stored


def test_the_team_option_names_the_team(env: dict[str, str], database: str, tmp_path: Path) -> None:
    agenda = write(tmp_path, AGENDA.replace("Team: Riverside Elementary Leadership Team\n", ""))

    result = run(
        env,
        "import",
        str(agenda),
        "--team",
        "Grade 3 Collaborative Learning Team",
        "--db",
        str(database),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Imported January planning as meeting 6 for Grade 3 Collaborative Learning Team.\n"
    )
    assert len(result.stdout.splitlines()) == 3  # Aisha and Sam are guests of that team


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "Could not read"),
        (b"\xff\xfe\x00binary", "is not UTF-8 text"),
        ("directory", "Could not read"),
    ],
)
def test_an_unreadable_file_is_one_sentence(
    env: dict[str, str], database: str, tmp_path: Path, content: bytes | str | None, fragment: str
) -> None:
    path = tmp_path / "agenda.md"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "directory":
        path.mkdir()

    result = run(env, "--db", str(database), "import", str(path))

    assert_one_sentence(result, fragment, str(path))
    assert result.returncode == 1


def test_export_prints_markdown_that_imports_back(
    env: dict[str, str], database: str, tmp_path: Path
) -> None:
    exported = run(env, "export", "2", "--db", str(database))

    assert exported.returncode == 0, exported.stderr
    assert "\n# December leadership team meeting\n" in exported.stdout
    assert "1. 15:30 · 5 min · **Welcome, purpose and norms**" in exported.stdout
    agenda = write(tmp_path, exported.stdout, "december.md")
    imported = run(env, "--db", str(database), "import", str(agenda))
    assert imported.stdout == (
        "Imported December leadership team meeting as meeting 6 for Riverside Elementary "
        "Leadership Team.\n"
    )
    again = run(env, "--db", str(database), "export", "6").stdout
    assert (
        again.split("## Agenda")[1].splitlines()[:5]
        == (exported.stdout.split("## Agenda")[1].splitlines()[:5])
    )
    roles = exported.stdout.split("## Roles")[1].split("## Norms")[0]
    assert "- Norms monitor (own role): Grace Liu" in roles
    assert again.split("## Roles")[1].split("## Norms")[0] == roles


def test_export_writes_a_file_and_will_not_overwrite_it(
    env: dict[str, str], database: str, tmp_path: Path
) -> None:
    target = tmp_path / "december.txt"

    written = run(env, "--db", str(database), "export", "2", "--format", "txt", "-o", str(target))

    assert written.returncode == 0, written.stderr
    assert written.stdout == f"Wrote the agenda of meeting 2 to {target}.\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("December leadership team meeting\nRiverside Elementary")
    assert "**" not in text

    again = run(env, "--db", str(database), "export", "2", "-o", str(target))
    assert_one_sentence(again, f"{target} already exists; add --force to replace it.")
    assert target.read_text(encoding="utf-8") == text

    forced = run(env, "--db", str(database), "export", "2", "--output", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("<!-- Agenda exported by facilitator")


def test_export_of_an_unknown_meeting(env: dict[str, str], database: str) -> None:
    result = run(env, "export", "99", "--db", str(database))

    assert_one_sentence(result, "There is no meeting 99.")
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(("export", "two"), "invalid int value"), (("export", "2", "--format", "pdf"), "pdf")],
)
def test_bad_export_arguments_are_one_sentence(
    env: dict[str, str], database: str, args: tuple[str, ...], fragment: str
) -> None:
    result = run(env, "--db", str(database), *args)

    assert_one_sentence(result, fragment)
    assert result.returncode == 2
