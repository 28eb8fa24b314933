"""content/README.md documents every field of every kind the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from facilitator.pack import schema, schema_deciding, schema_evaluation, schema_video
from facilitator.pack.loader import KINDS, Kind

README = Path(__file__).resolve().parents[1] / "content" / "README.md"


def documented_fields(section_start: str) -> set[str]:
    """Field names in the tables that follow the heading starting with `section_start`."""
    text = README.read_text(encoding="utf-8")
    start = text.index(section_start)
    end = text.find("\n### ", start + 1)
    section = text[start : end if end != -1 else len(text)]
    return set(re.findall(r"^\| `(\w+)` \|", section, flags=re.M))


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_field_of_every_kind_is_documented(kind: Kind) -> None:
    model: type[BaseModel] = kind.model
    assert set(model.model_fields) <= documented_fields(f"### `{kind.pattern}`")


NESTED: list[tuple[str, type[BaseModel]]] = [
    ("decision_methods.toml", schema_deciding.RecommendRule),
    ("decision_questions.toml", schema_deciding.AnswerChoice),
    ("protocols/*.toml", schema.Step),
    ("protocols/*.toml", schema.Contrast),
    ("guides/*.toml", schema.GuideSection),
    ("guides/*.toml", schema.GuidePoint),
    ("checklists/*.toml", schema.ChecklistItem),
    ("instruments/*.toml", schema_evaluation.Scale),
    ("instruments/*.toml", schema_evaluation.ScaleLevel),
    ("instruments/*.toml", schema_evaluation.InstrumentSection),
    ("instruments/*.toml", schema_evaluation.InstrumentItem),
    ("worksheets/*.toml", schema_evaluation.WorksheetField),
    ("video_guides/*.toml", schema_video.VideoHighlight),
    ("video_guides/*.toml", schema_video.VideoSegment),
    ("agenda_templates/*.toml", schema.TemplateItem),
]


@pytest.mark.parametrize(("pattern", "model"), NESTED, ids=[m.__name__ for _, m in NESTED])
def test_nested_fields_are_documented(pattern: str, model: type[BaseModel]) -> None:
    assert set(model.model_fields) <= documented_fields(f"### `{pattern}`")
