"""Every entry of every kind names where its facts come from, and the library shows it."""

from __future__ import annotations

import pytest

from facilitator.pack.library import library
from facilitator.pack.loader import KINDS, Pack

SEED_FILES = {
    "guidebook": "003_9417dedb913113de.txt",
    "turnaround": "004_98c17ffc80263fa1.txt",
    "union-hill": "000_23257709175dec3e.txt",
    "connery": "001_d2636b232768c206.txt",
    "oliver": "002_15c1cba56d19fc73.txt",
}


def test_the_sources_are_the_five_seed_documents(pack: Pack) -> None:
    assert {doc_id: doc.file for doc_id, doc in pack.sources.items()} == SEED_FILES


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS[1:]])
def test_every_entry_names_a_listed_document_and_a_section(pack: Pack, kind: str) -> None:
    entries = pack.entries(kind)
    assert entries, f"the pack has no {kind}"
    for entry_id, entry in entries.items():
        assert entry.source.document in pack.sources, entry_id
        assert entry.source.section.strip(), entry_id


def test_the_library_shows_every_entry_with_its_source(pack: Pack) -> None:
    shown = library(pack)
    assert len(shown) == sum(len(pack.entries(kind.name)) for kind in KINDS[1:])
    for entry in shown:
        document = pack.entries(entry.kind)[entry.id].source.document
        assert entry.source.startswith(pack.sources[document].title), entry.id
        assert entry.origin.startswith("content/"), entry.id
