"""Library search: every word must match; results grouped by kind, title matches first."""

from __future__ import annotations

from facilitator.pack.library import KIND_LABELS, library, search
from facilitator.pack.loader import Pack


def test_every_word_must_match(pack: Pack) -> None:
    found = search(library(pack), "ladder inference")
    assert found
    assert all("ladder" in e.search_text and "inference" in e.search_text for e in found)
    assert search(library(pack), "ladder zebra") == []


def test_results_are_grouped_by_kind_in_library_order(pack: Pack) -> None:
    found = search(library(pack), "staff")
    kinds = [entry.kind for entry in found]
    order = list(KIND_LABELS)
    assert kinds == sorted(kinds, key=order.index)  # each kind appears in one run


def test_title_matches_lead_within_a_kind(pack: Pack) -> None:
    found = [e for e in search(library(pack), "consensus") if e.kind == "protocols"]
    assert found[0].id == "consensus"


def test_an_empty_query_returns_everything(pack: Pack) -> None:
    everything = library(pack)
    assert search(everything, "   ") == everything
