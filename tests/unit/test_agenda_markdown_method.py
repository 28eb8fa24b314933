"""How an item will be decided, in a Markdown agenda: the export writes "Decided by:" with
the method's name under the item, the reader keeps what is written and where (the import
finds the method, see tests/services/test_agenda_io_method.py)."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from facilitator.pack.deciding import method_names
from facilitator.pack.loader import Pack
from facilitator.render.agenda import agenda_markdown, agenda_text
from tests.unit.test_agenda_markdown import HEADER, item, parse, plan_of, problems

UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    "detail",
    [
        "  - Decided by: Multi-voting",
        "  - decided by: Multi-voting",
        "  - **Decision method:** Multi-voting",
        "  How it will be decided: Multi-voting",
    ],
)
def test_the_method_is_read_from_a_detail_line(detail: str) -> None:
    parsed = item(f"- 10 min Budget [decision]\n{detail}\n")

    assert (parsed.method, parsed.method_line) == ("Multi-voting", 7)


def test_steps_follow_the_method_and_the_process() -> None:
    parsed = item(
        "- 15 min Budget [decision]\n"
        "  - Decided by: Consensus\n"
        "  - Process: Consensus\n"
        "    1. Clarify the proposal\n"
    )

    assert (parsed.method, parsed.process) == ("Consensus", "Consensus")
    assert [step.title for step in parsed.steps] == ["Clarify the proposal"]


def test_a_second_method_is_a_problem() -> None:
    text = HEADER + "- 10 min Budget\n  - Decided by: Consensus\n  - Decided by: Compromise\n"

    assert problems(text) == [(8, "The item above already has a method; keep one.")]


def test_the_export_says_how_a_decision_item_will_be_decided() -> None:
    plan = plan_of(
        [("Budget [x]", 10, "decision", "Ana", ""), ("Welcome", 5, "information", None, "")]
    )
    first = replace(
        plan.agenda[0], decision_method="multi_vote", decision_method_name="Multi-voting"
    )
    plan = replace(plan, agenda=(first, plan.agenda[1]))

    markdown = agenda_markdown(plan, UTC)
    text = agenda_text(plan, UTC)

    assert "[decision]\n   - Decided by: Multi-voting\n2. " in markdown
    assert markdown.count("Decided by") == 1
    assert "\n              Decided by: Multi-voting\n" in text
    assert text.count("Decided by") == 1
    parsed = parse(markdown)
    assert parsed.problems == ()
    assert [i.method for i in parsed.items] == ["Multi-voting", ""]


def test_every_method_name_reads_back(pack: Pack) -> None:
    names = list(method_names(pack).values())
    rows: list[tuple[str, int, str, str | None, str]] = [
        (f"Item {n}", 5, "decision", None, "") for n in range(len(names))
    ]
    plan = plan_of(rows)
    agenda = tuple(
        replace(line, decision_method_name=name)
        for line, name in zip(plan.agenda, names, strict=True)
    )

    parsed = parse(agenda_markdown(replace(plan, agenda=agenda), UTC))

    assert parsed.problems == ()
    assert [i.method for i in parsed.items] == names
