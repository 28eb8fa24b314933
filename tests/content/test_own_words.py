"""The content is in the project's own words: no entry repeats a run of the source
documents' wording (names and short labels are far shorter than the run checked)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from facilitator.pack.loader import KINDS, Pack

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RUN = 9
"""Words in a row that may not appear in both a source document and an entry."""

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'").replace("'", ""))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


NAMES = frozenset({"source", "name", "title", "resources", "practices"})
"""Fields that hold names and titles, which carry over as the sources give them (a
citation's section heading, a study's or a practice's name, a resource's title)."""


def strings(value: object) -> Iterator[str]:
    """Every string inside a pack entry, except names and titles."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in NAMES:
                yield from strings(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"the source documents are not at {SEEDS}")
    found: set[tuple[str, ...]] = set()
    for document in sorted(SEEDS.glob("*.txt")):
        found |= runs(words(document.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS[1:]])
def test_no_entry_repeats_the_sources_wording(
    pack: Pack, source_runs: set[tuple[str, ...]], kind: str
) -> None:
    copied = [
        f"{entry_id}: {' '.join(run)}"
        for entry_id, entry in pack.entries(kind).items()
        for text in strings(entry)
        for run in sorted(runs(words(text)) & source_runs)
    ]
    assert copied == []
