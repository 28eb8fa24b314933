"""content/README.md documents every field of every kind the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from facilitator.pack.loader import KINDS, Kind
from facilitator.pack.schema import TemplateItem

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


def test_template_item_fields_are_documented() -> None:
    assert set(TemplateItem.model_fields) <= documented_fields("### `agenda_templates/*.toml`")
