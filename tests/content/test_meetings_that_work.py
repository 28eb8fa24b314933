"""The Meetings That Work checklist has the guidebook's eleven elements, in order."""

from __future__ import annotations

from facilitator.pack.loader import Pack

# (item id, element, number of sub-points the source table lists under it)
ELEMENTS = [
    ("detailed-agenda", "Detailed agenda", 4),
    ("clear-process-notes", "Clear process notes", 1),
    ("assigned-roles", "Assigned roles", 4),
    ("group-norms", "Set of group norms", 2),
    ("decision-making-options", "Clarity about decision-making options", 7),
    ("effective-member-behaviours", "Effective member behaviours", 4),
    ("periodic-process-checks", "Periodic process checks", 2),
    ("conflict-management-strategies", "Clear conflict management strategies", 4),
    ("true-closure", "Process that creates true closure", 2),
    ("detailed-and-clear-minutes", "Detailed and clear minutes", 2),
    ("post-meeting-evaluation", "Post-meeting evaluation", 1),
]


def test_eleven_elements_in_source_order(pack: Pack) -> None:
    checklist = pack.checklists["meetings-that-work"]
    found = [(item.id, item.element, len(item.looks_like)) for item in checklist.items]

    assert found == ELEMENTS
    assert checklist.source.document == "guidebook"
    assert checklist.source.section == "Meetings That Work"


def test_every_element_has_a_planning_and_an_evaluation_question(pack: Pack) -> None:
    for item in pack.checklists["meetings-that-work"].items:
        assert item.plan.endswith("?"), item.id
        assert item.evaluate.endswith("?"), item.id
        assert item.plan != item.evaluate
        assert len(set(item.looks_like)) == len(item.looks_like)


def test_assigned_roles_name_the_four_meeting_roles(pack: Pack) -> None:
    items = {item.id: item for item in pack.checklists["meetings-that-work"].items}
    roles = items["assigned-roles"].looks_like

    assert [line.split(",")[0] for line in roles] == [
        "A facilitator",
        "A chairperson",
        "A recorder",
        "A timekeeper",
    ]


def test_decision_options_follow_the_six_methods_then_the_continuum(pack: Pack) -> None:
    items = {item.id: item for item in pack.checklists["meetings-that-work"].items}
    options = items["decision-making-options"].looks_like
    methods = [m.name for m in pack.decision_methods.values()]

    assert [line.split(",")[0] for line in options[:6]] == methods
    assert "Continuum" in options[6]
