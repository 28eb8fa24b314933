"""Roles through an agenda file: the import gives each role to the team member of that
name or to a guest (and says so), refuses an unknown role word, and a meeting's roles
survive export → import."""

from __future__ import annotations

from facilitator.domain.meeting_view import MeetingPlan
from facilitator.pack.loader import Pack
from facilitator.services.agenda_io import export_agenda
from facilitator.services.meetings import meeting_plan
from facilitator.services.planning import assign_role
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.services.test_agenda_io import DECEMBER_ID, refused, run_import
from tests.unit.test_agenda_markdown import EXAMPLE

WITH_ROLES = EXAMPLE.replace(
    "Location: Library\n",
    "Location: Library\nfacilitator:  aisha   KARIMI\nRecorder: Dana Reyes\n",
).replace(
    "## Agenda\n",
    "## Roles\n- Timekeeper: Tom Becker (guest)\n- Chair: open\n"
    "- Norms monitor (own role): Grace Liu\n\n## Agenda\n",
)


def holders(plan: MeetingPlan) -> list[tuple[str, str, str, bool]]:
    return [
        (r.role, r.label, r.holder.name if r.holder else "", bool(r.holder and r.holder.is_guest))
        for r in plan.roles
    ]


def test_import_gives_roles_to_members_and_guests(demo_db: Database, pack: Pack) -> None:
    result = run_import(demo_db, pack, WITH_ROLES)

    plan = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert holders(plan) == [
        ("chair", "Team leader / chair", "", False),
        ("facilitator", "Facilitator", "Aisha Karimi", False),
        ("recorder", "Recorder", "Dana Reyes", True),
        ("timekeeper", "Timekeeper", "Tom Becker", True),
        ("custom", "Norms monitor", "Grace Liu", False),
    ]
    assert plan.roles[1].holder is not None and plan.roles[1].holder.member_id is not None
    assert result.notes == (
        "line 8: Dana Reyes holds the Recorder role as a guest (not on the team).",
        "line 16: Tom Becker holds the Timekeeper role as a guest (as the file says).",
        "line 22: Ana is not on the team, so they present as a guest.",
    )


def test_an_unknown_role_word_imports_nothing(demo_db: Database, pack: Pack) -> None:
    text = WITH_ROLES.replace("- Chair: open", "- Scribe: Dana")

    sentences = refused(demo_db, pack, text)

    assert len(sentences) == 1
    assert sentences[0].startswith('line 17: "Scribe" is not a role this format knows; use ')


def test_roles_round_trip_through_the_markdown_export(demo_db: Database, pack: Pack) -> None:
    original = meeting_plan(demo_db, meeting_id=DECEMBER_ID, pack=pack)
    recorder = next(r for r in original.roles if r.role == "recorder")
    timekeeper = next(r for r in original.roles if r.role == "timekeeper")
    assign_role(demo_db, role_id=recorder.id, holder="Sam: Ortiz", as_guest=True, now=FROZEN_NOW)
    assign_role(demo_db, role_id=timekeeper.id, holder="", now=FROZEN_NOW)
    before = holders(meeting_plan(demo_db, meeting_id=DECEMBER_ID, pack=pack))
    text = export_agenda(demo_db, meeting_id=DECEMBER_ID, fmt="md", pack=pack, tz=TZ)

    result = run_import(demo_db, pack, text)

    copy = meeting_plan(demo_db, meeting_id=result.meeting_id, pack=pack)
    assert holders(copy) == before
    assert ("recorder", "Recorder", "Sam: Ortiz", True) in before
    assert ("timekeeper", "Timekeeper", "", False) in before
    assert any(role == "custom" for role, *_ in before)
    assert [n.split(": ", 1)[1] for n in result.notes] == [
        "Sam: Ortiz holds the Recorder role as a guest (not on the team)."
    ]
