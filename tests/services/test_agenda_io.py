"""Agendas in and out: an imported agenda is a planned meeting like any other, a file
with any problem saves nothing, the team is found by a clear rule, and the demo meeting
exports in both formats."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.render.agenda import agenda_markdown, agenda_text
from facilitator.services.agenda_io import (
    AgendaNotImported,
    ImportResult,
    export_agenda,
    import_agenda,
)
from facilitator.services.meetings import meeting_plan
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, metadata
from tests.conftest import FROZEN_NOW, TZ
from tests.unit.test_agenda_markdown import EXAMPLE

RIVERSIDE = "Riverside Elementary Leadership Team"
GRADE_3 = "Grade 3 Collaborative Learning Team"
DECEMBER_ID = 2  # the demo's December meeting


def run_import(db: Database, pack: Pack, text: str, team: str | None = None) -> ImportResult:
    return import_agenda(db, text=text, pack=pack, now=FROZEN_NOW, tz=TZ, team_name=team)


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in metadata.sorted_tables
        }


def refused(db: Database, pack: Pack, text: str, team: str | None = None) -> tuple[str, ...]:
    """The problems of an import that must save nothing."""
    before = row_counts(db)
    with pytest.raises(AgendaNotImported) as caught:
        run_import(db, pack, text, team)
    assert row_counts(db) == before
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.exit_code == 1
    assert caught.value.sentence == caught.value.sentences[0]
    return caught.value.sentences


def test_an_imported_agenda_is_a_planned_meeting(demo_db: Database, pack: Pack) -> None:
    result = run_import(demo_db, pack, EXAMPLE)

    assert (result.title, result.team_name) == ("December leadership team meeting", RIVERSIDE)
    assert result.notes == ("line 15: Ana is not on the team, so they present as a guest.",)
    plan = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert (plan.team_name, plan.status, plan.location) == (RIVERSIDE, "planned", "Library")
    assert plan.scheduled_start == datetime(2026, 12, 7, 15, 30, tzinfo=TZ)
    assert plan.planned_minutes == 60
    assert plan.purpose == "Decide how we support weekly writing conferences."
    assert plan.goals == (
        "Agree what the walkthrough data shows",
        "Choose how we support weekly conferences",
    )
    assert [(r.role, r.holder) for r in plan.roles] == [
        ("chair", None),
        ("facilitator", None),
        ("recorder", None),
        ("timekeeper", None),
    ]
    assert len(plan.attendees) == 8
    assert {a.status for a in plan.attendees} == {"expected"}
    assert [
        (line.title, line.minutes, line.kind, line.goal, line.presenter) for line in plan.agenda
    ] == [
        ("Welcome, purpose and norms", 5, "information", "", None),
        ("Budget review", 10, "decision", "choose two priorities", plan.agenda[1].presenter),
        ("Walkthrough data", 15, "discussion", "agree what it shows", plan.agenda[2].presenter),
        ("Next steps", 10, "discussion", "", None),
    ]
    ana, daniel = plan.agenda[1].presenter, plan.agenda[2].presenter
    assert ana is not None and ana.is_guest and ana.name == "Ana"
    assert daniel is not None and daniel.member_id is not None
    assert [line.starts_at.strftime("%H:%M") for line in plan.agenda] == [
        "15:30",
        "15:35",
        "15:45",
        "16:00",
    ]


def test_the_demo_meeting_exported_imports_back(demo_db: Database, pack: Pack) -> None:
    original = meeting_plan(demo_db, meeting_id=DECEMBER_ID, pack=pack)
    text = export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="md", pack=pack, tz=TZ)

    result = run_import(demo_db, pack, text, team=None)

    copy = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert result.notes == ()
    for field in ("title", "team_id", "scheduled_start", "planned_minutes", "location", "goals"):
        assert getattr(copy, field) == getattr(original, field), field
    assert [
        (i.title, i.minutes, i.kind, i.goal, i.presenter, i.process_id) for i in copy.agenda
    ] == [(i.title, i.minutes, i.kind, i.goal, i.presenter, i.process_id) for i in original.agenda]
    # Listed steps are kept; an item with a protocol and no steps gets the protocol's.
    assert [s.title for s in copy.agenda[3].steps] == [s.title for s in original.agenda[3].steps]
    assert len(copy.agenda[4].steps) == len(pack.protocols["consensus"].steps)


def test_steps_written_in_the_file_keep_video_times(db: Database, pack: Pack) -> None:
    create_team(db, draft=TeamDraft(name="Grade 4 PLC"), pack=pack, now=FROZEN_NOW)
    text = (
        "# Video study\nDate: 2026-12-01\nTime: 14:00\n## Agenda\n"
        "- 30 min Watch and talk [discussion]\n"
        "  - Process: video-study\n"
        "    1. Whole video (video 0:00–6:42)\n"
        "    2. Segment one (video 0:00–2:10)\n"
        "- 10 min Our own class\n  - Steps:\n    - Read\n    - Talk\n"
        "- 5 min Protocol by name\n  - Process: Consensus\n"
    )

    plan = meeting_plan(db, meeting_id=run_import(db, pack, text).meeting_id, pack=pack)

    watch, own, named = plan.agenda
    assert watch.process_id == "video-study"
    assert [(s.title, s.media_ranges) for s in watch.steps] == [
        ("Whole video", "0:00–6:42"),
        ("Segment one", "0:00–2:10"),
    ]
    assert (own.process_id, [s.title for s in own.steps]) == (None, ["Read", "Talk"])
    assert named.process_id == "consensus"
    assert [s.title for s in named.steps] == [s.title for s in pack.protocols["consensus"].steps]


def test_notes_for_an_unknown_process_a_past_date_and_an_agenda_that_runs_over(
    demo_db: Database, pack: Pack
) -> None:
    text = (
        "# Catch-up\nDate: 2026-11-02\nTime: 15:30\nLength: 30 min\n## Agenda\n"
        "- 25 min Data [info]\n  - Process: Fishbowl\n- 15 min Plan (Maria Alvarez)\n"
    )

    result = run_import(demo_db, pack, text, team=RIVERSIDE)

    assert result.notes == (
        "line 2: That date has passed: the meeting will be recorded as an earlier one.",
        'line 6: "Fishbowl" is not a protocol in the library, so the item has none.',
        "The agenda runs 10 minutes over the planned 30.",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# T\nDate: 2026-12-07\nTime: 15:30\nTeam: Riverside Elementary Leadership Team\n"
            "## Agenda\n- ten min Budget\n- 5 min Welcome [urgent]\n",
            (
                'line 6: "- ten min Budget" has no minutes; write it like "- 10 min Budget '
                'review".',
                'line 7: "[urgent]" is not a kind of item; use [information], [discussion] or '
                "[decision].",
            ),
        ),
        (
            f"# {'x' * 121}\nDate: 2026-12-07\nTime: 15:30\nTeam: {RIVERSIDE}\n- 5 min Go",
            ("line 1: Keep the title under 120 characters.",),
        ),
        (
            f"# T\nDate: 2026-12-07\nTime: 15:30\nTeam: {RIVERSIDE}\n\n- 5 min {'y' * 121}",
            ("line 6: Keep the title under 120 characters.",),
        ),
        (
            "# T\nDate: 2026-12-07\nTime: 15:30\nTeam: Hillside PLC\n- 5 min Go",
            (
                'line 4: There is no team called "Hillside PLC"; name one of: '
                f"{GRADE_3}, {RIVERSIDE}.",
            ),
        ),
        (
            "# T\nDate: 2026-12-07\nTime: 15:30\n- 5 min Go",
            (
                f'Say which team the meeting is for with a "Team:" line: one of {GRADE_3}, '
                f"{RIVERSIDE}.",
            ),
        ),
        (
            "Team: Hillside PLC\n",
            (
                'The agenda has no title; start it with a line like "# Team meeting".',
                'The agenda has no date; add a line like "Date: 2026-12-07".',
                'The agenda has no start time; add a line like "Time: 15:30".',
                'The agenda has no items; list them under "## Agenda", like "- 10 min Budget '
                'review".',
                'line 1: There is no team called "Hillside PLC"; name one of: '
                f"{GRADE_3}, {RIVERSIDE}.",
            ),
        ),
    ],
)
def test_any_problem_saves_nothing(
    demo_db: Database, pack: Pack, text: str, expected: tuple[str, ...]
) -> None:
    assert refused(demo_db, pack, text) == expected


def test_the_team_argument_wins_over_the_team_line(demo_db: Database, pack: Pack) -> None:
    result = run_import(demo_db, pack, EXAMPLE, team="  grade 3 collaborative   learning team ")

    assert result.team_name == GRADE_3
    assert len(result.notes) == 2  # neither Ana nor Daniel is on the grade 3 team


def test_the_team_line_is_read_in_any_case(demo_db: Database, pack: Pack) -> None:
    text = EXAMPLE.replace(RIVERSIDE, "RIVERSIDE elementary leadership team")

    assert run_import(demo_db, pack, text).team_name == RIVERSIDE


def test_an_unknown_team_argument(demo_db: Database, pack: Pack) -> None:
    assert refused(demo_db, pack, EXAMPLE, team="Hillside") == (
        f'There is no team called "Hillside"; name one of: {GRADE_3}, {RIVERSIDE}.',
    )


def test_the_only_team_needs_no_name(db: Database, pack: Pack) -> None:
    draft = TeamDraft(name="Grade 4 PLC", members=(MemberDraft("Ana Ruiz"),))
    create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)
    text = "# Planning\nDate: tomorrow\nTime: 8am\n\n- 20 min Units (ana ruiz)\n"

    result = run_import(db, pack, text)

    assert (result.team_name, result.notes) == ("Grade 4 PLC", ())
    plan = meeting_plan(db, meeting_id=result.meeting_id, pack=pack)
    assert plan.scheduled_start == datetime(2026, 11, 24, 8, 0, tzinfo=TZ)
    assert plan.planned_minutes == 20  # no length: the items' total
    assert plan.agenda[0].presenter is not None
    assert plan.agenda[0].presenter.member_id is not None
    assert [a.person.name for a in plan.attendees] == ["Ana Ruiz"]


def test_no_teams_yet(db: Database, pack: Pack) -> None:
    assert refused(db, pack, "# T\nDate: today\nTime: 9:00\n- 5 min Go") == (
        "There are no teams yet; create the team in the app first.",
    )


def test_export_of_the_demo_meeting_in_both_formats(demo_db: Database, pack: Pack) -> None:
    plan = meeting_plan(demo_db, meeting_id=DECEMBER_ID, pack=pack)

    markdown = export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="md", pack=pack, tz=TZ)
    text = export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="txt", pack=pack, tz=TZ)

    assert markdown == agenda_markdown(plan, TZ)
    assert text == agenda_text(plan, TZ)
    assert markdown.startswith("<!-- Agenda exported by facilitator")
    assert "\n# December leadership team meeting\n" in markdown
    assert text.startswith("December leadership team meeting\n")
    assert "\n  15:30    5  Welcome, purpose and norms\n" in text


def test_export_of_an_unknown_meeting_or_format(demo_db: Database, pack: Pack) -> None:
    with pytest.raises(NotFoundError, match="^There is no meeting 99.$"):
        export_agenda(demo_db, meeting_id=99, fmt="md", pack=pack, tz=TZ)
    with pytest.raises(InvalidInput, match="^There is no agenda format pdf; use md or txt.$"):
        export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="pdf", pack=pack, tz=TZ)


def test_an_import_is_stamped_with_its_time(demo_db: Database, pack: Pack) -> None:
    later = FROZEN_NOW + timedelta(hours=1)
    result = import_agenda(demo_db, text=EXAMPLE, pack=pack, now=later, tz=TZ)

    with demo_db.read() as session:
        meeting = session.get(Meeting, result.meeting_id)
        assert meeting is not None
        assert meeting.created_at == later
