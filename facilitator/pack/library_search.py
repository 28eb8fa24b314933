"""Searching the library: which entries hold every word, and in what order they come.

An entry whose title is what was typed comes first, then titles that begin with it, then
titles that hold every word, then entries that hold the words only in their text. Within
each of these the library's own order (kind by kind, file order) is kept, so the same
search always lists the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum

from facilitator.pack.library import LibraryEntry


class Match(IntEnum):
    """How well an entry matches, best first."""

    EXACT_TITLE = 0
    """The title is what was typed (any case and spacing)."""
    TITLE_PREFIX = 1
    """The title begins with what was typed."""
    TITLE_WORDS = 2
    """Every word typed is in the title, in any order."""
    TEXT = 3
    """Every word is somewhere in the entry, not all in its title."""


TITLE_MATCHES = (Match.EXACT_TITLE, Match.TITLE_PREFIX, Match.TITLE_WORDS)


def query_words(query: str) -> list[str]:
    """The words of `query`, case-folded."""
    return query.casefold().split()


def match(entry: LibraryEntry, words: Sequence[str]) -> Match | None:
    """How `entry` matches `words` (case-folded), or None when a word is missing."""
    if not all(word in entry.search_text for word in words):
        return None
    title = " ".join(entry.title.casefold().split())
    phrase = " ".join(words)
    if title == phrase:
        return Match.EXACT_TITLE
    if title.startswith(phrase):
        return Match.TITLE_PREFIX
    if all(word in title for word in words):
        return Match.TITLE_WORDS
    return Match.TEXT


def ranked(entries: Iterable[LibraryEntry], query: str) -> list[tuple[Match, LibraryEntry]]:
    """The entries holding every word of `query`, best match first (see the module's
    docstring), each with how it matched; nothing typed gives every entry, in order."""
    words = query_words(query)
    if not words:
        return [(Match.TEXT, entry) for entry in entries]
    found = [(how, entry) for entry in entries if (how := match(entry, words)) is not None]
    return sorted(found, key=lambda pair: pair[0])  # stable: library order within a rank


def search(entries: Iterable[LibraryEntry], query: str) -> list[LibraryEntry]:
    """The entries holding every word of `query`, best match first."""
    return [entry for _, entry in ranked(entries, query)]
