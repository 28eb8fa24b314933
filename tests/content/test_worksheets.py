"""The communication plan and the leadership-structures review keep the source's columns."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack


@pytest.mark.parametrize(
    ("worksheet_id", "section", "fields"),
    [
        (
            "communication-plan",
            "Communication Plan",
            [
                ("name", "Name"),
                ("what", "What? Key messages"),
                ("who", "Who? Assigned stakeholder"),
                ("how", "How? Method"),
                ("how-often", "How often? Timelines"),
            ],
        ),
        (
            "leadership-structures-review",
            "Leadership Structures: Reviewing Purpose and Voice",
            [
                ("current-structure", "Current structure"),
                ("purpose", "Purpose"),
                ("stakeholders", "Stakeholders"),
                ("opportunities-for-improvement", "Opportunities for improvement"),
            ],
        ),
    ],
)
def test_worksheet_fields_in_source_order(
    pack: Pack, worksheet_id: str, section: str, fields: list[tuple[str, str]]
) -> None:
    worksheet = pack.worksheets[worksheet_id]

    assert [(f.id, f.label) for f in worksheet.fields] == fields
    assert all(f.help for f in worksheet.fields)
    assert worksheet.source.document == "guidebook"
    assert worksheet.source.section == section


def test_only_the_two_worksheets(pack: Pack) -> None:
    assert sorted(pack.worksheets) == ["communication-plan", "leadership-structures-review"]
