"""Library search: every word must match; the best matches first (exact title, title
prefix, words in the title, then the text), library order within each."""

from __future__ import annotations

import pytest

from facilitator.pack.library import KIND_LABELS, LibraryEntry, library
from facilitator.pack.library_search import Match, match, ranked, search
from facilitator.pack.loader import Pack


def entry(title: str, text: str = "", kind: str = "guides", id: str = "") -> LibraryEntry:
    return LibraryEntry(
        kind=kind,
        kind_label=KIND_LABELS[kind],
        id=id or title,
        title=title,
        summary="",
        source="",
        origin="",
        blocks=(),
        search_text=f"{KIND_LABELS[kind]}\n{title}\n{text}".casefold(),
    )


def test_every_word_must_match(pack: Pack) -> None:
    found = search(library(pack), "ladder inference")
    assert found
    assert all("ladder" in e.search_text and "inference" in e.search_text for e in found)
    assert search(library(pack), "ladder zebra") == []


def test_effective_team_finds_the_assessment_first(pack: Pack) -> None:
    """Regression (issue 15, defect 8): "effective team" listed the Effective Team
    Assessment eighth, after every entry of earlier kinds that mentioned the words."""
    found = search(library(pack), "effective team")
    assert found[0].title == "Effective Team Assessment"
    assert search(library(pack), "Effective  TEAM assessment")[0].title == (
        "Effective Team Assessment"
    )


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Effective Team Assessment", "", Match.TITLE_PREFIX),
        ("Effective team", "", Match.EXACT_TITLE),
        ("effective  Team", "", Match.EXACT_TITLE),
        ("A team that is effective", "", Match.TITLE_WORDS),
        ("Team leader", "an effective meeting", Match.TEXT),
        ("Recorder", "effective notes", None),
    ],
)
def test_how_an_entry_matches(title: str, text: str, expected: Match | None) -> None:
    assert match(entry(title, text), ["effective", "team"]) is expected


def test_ranks_order_the_results_and_library_order_breaks_ties() -> None:
    entries = [
        entry("Team leader", "an effective meeting", kind="roles"),
        entry("A team that is effective", kind="norms"),
        entry("Effective team assessment", kind="instruments"),
        entry("Effective team", kind="video_guides"),
        entry("Effective teams meet", kind="checklists"),
        entry("Recorder", "effective team notes", kind="roles"),
    ]
    assert [(how, e.title) for how, e in ranked(entries, "effective team")] == [
        (Match.EXACT_TITLE, "Effective team"),
        (Match.TITLE_PREFIX, "Effective team assessment"),
        (Match.TITLE_PREFIX, "Effective teams meet"),
        (Match.TITLE_WORDS, "A team that is effective"),
        (Match.TEXT, "Team leader"),
        (Match.TEXT, "Recorder"),
    ]


def test_title_matches_lead(pack: Pack) -> None:
    found = search(library(pack), "consensus")
    titles = [e.title.casefold() for e in found]
    in_title = [t for t in titles if "consensus" in t]
    assert titles[: len(in_title)] == in_title


def test_an_empty_query_returns_everything(pack: Pack) -> None:
    everything = library(pack)
    assert search(everything, "   ") == everything
