"""Helper B's agenda templates: items in order, minutes adding up, processes that exist."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack

TEMPLATES = {
    "plc-data-meeting": [
        "Welcome, purpose and norms",
        "What do we want our students to learn?",
        "How will we know whether they have learned it?",
        "What will we do when they have not learned it?",
        "What will we do when they already know it?",
        "Next steps and closure",
    ],
    "interest-based-problem-solving-session": [
        "Welcome, purpose and norms",
        "How we will work",
        "Define the issues",
        "Identify stakeholders and interests",
        "Generate options",
        "Evaluate options",
        "Commit to solutions",
        "Agree on a plan of action",
        "Closure",
    ],
    "first-meeting": [
        "Welcome and introductions",
        "Purpose and team type",
        "Roles",
        "Developing norms",
        "How we decide",
        "Communication plan",
        "Next steps and closure",
    ],
    "norms-review": [
        "Welcome and purpose",
        "Norms check",
        "What the Norms Inventory shows",
        "Revise our norms",
        "Monitoring our norms",
        "Closure",
    ],
}


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_items_in_order_and_minutes_add_up(pack: Pack, template_id: str) -> None:
    template = pack.agenda_templates[template_id]

    assert [item.title for item in template.items] == TEMPLATES[template_id]
    assert sum(item.minutes for item in template.items) == template.planned_minutes
    assert template.source.document == "guidebook"
    for item in template.items:
        if item.process is not None:
            assert item.process in pack.protocols, (template_id, item.title)
        assert item.video is None


def test_plc_data_meeting_runs_the_four_questions(pack: Pack) -> None:
    template = pack.agenda_templates["plc-data-meeting"]
    protocol = pack.protocols["plc-critical-questions"]

    with_process = [item.title for item in template.items if item.process]
    assert with_process == [step.title for step in protocol.steps]
    assert {item.process for item in template.items if item.process} == {protocol.id}


def test_ibps_session_walks_the_six_steps(pack: Pack) -> None:
    template = pack.agenda_templates["interest-based-problem-solving-session"]
    protocol = pack.protocols["interest-based-problem-solving"]

    with_process = [item for item in template.items if item.process]
    assert [item.title for item in with_process] == [step.title for step in protocol.steps]
    assert {item.process for item in with_process} == {protocol.id}
    assert [item.kind for item in with_process][-2:] == ["decision", "decision"]


def test_first_meeting_names_the_sections_it_draws_on(pack: Pack) -> None:
    template = pack.agenda_templates["first-meeting"]
    section = template.source.section

    for heading in (
        "District Learning Team",
        "School Learning Team",
        "Collaborative Learning Teams",
        "Team Roles and Responsibilities",
        "Developing Norms",
        "Decision-Making: Deciding How to Decide",
        "Communication Plan",
    ):
        assert heading in section
    assert all(item.notes.startswith("Section") for item in template.items[1:-1])


def test_norms_review_uses_the_norms_inventory(pack: Pack) -> None:
    template = pack.agenda_templates["norms-review"]
    check = template.items[1]

    assert "norms-inventory" in pack.instruments
    assert "Norms Inventory" in check.notes
    assert [item.process for item in template.items] == [None, None, None, "consensus", None, None]
