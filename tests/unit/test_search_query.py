"""Reading what a person typed into the search box (`facilitator.domain.search_query`),
and the FTS5 MATCH string the store builds from it (`facilitator.store.search.fts5_match`),
which SQLite must accept whatever was typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.search_query import (
    MARK_END,
    MARK_START,
    MAX_TERMS,
    SearchQuery,
    marked_text,
    parse_search,
)
from facilitator.store.search import fts5_match


def test_words_phrases_and_excluded_words() -> None:
    query = parse_search('reading "winter benchmark" -math', as_you_type=False)

    assert query == SearchQuery(
        words=("reading",), phrases=(("winter", "benchmark"),), excluded=("math",)
    )


def test_the_last_word_is_a_prefix_while_typing() -> None:
    assert parse_search("read bench").prefix
    assert not parse_search("read bench ").prefix
    assert not parse_search('read "bench mark"').prefix
    assert not parse_search("read bench", as_you_type=False).prefix


def test_a_prefix_needs_three_letters() -> None:
    """One or two letters would match a good part of every word (FTS5 reads the whole
    list of them, tens of milliseconds): they are whole words until a third comes."""
    assert not parse_search("read b").prefix
    assert not parse_search("read be").prefix
    assert not parse_search("(b)").prefix
    assert parse_search("read ben").prefix
    assert parse_search("2024").prefix


def test_the_word_being_typed_is_also_cut_short() -> None:
    assert parse_search("benchmarkin").shortened == ("benchmarki", "benchmark", "benchmar")
    assert parse_search("read").shortened == ("rea",)
    assert parse_search("rea").shortened == ()
    assert parse_search("benchmarkin ").shortened == ()
    assert parse_search("benchmarkin", as_you_type=False).shortened == ()
    assert parse_search("benchmark's").shortened == ()  # not letters alone: no cut


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ('"', ()),
        ('reading "bench', ("reading", "bench")),
        ("AND OR NOT", ("AND", "OR", "NOT")),
        ("* ^ : ( )", ()),
        ("NEAR(a", ("NEAR(a",)),
        ("\x1b[31mred\x07", ("[31mred",)),
        ('"one"', ("one",)),
    ],
)
def test_operators_and_stray_quotes_are_plain_words(typed: str, words: tuple[str, ...]) -> None:
    assert parse_search(typed, as_you_type=False).words == words


def test_nothing_to_look_for_is_empty() -> None:
    assert parse_search("").is_empty
    assert parse_search("   ").is_empty
    assert parse_search("-reading").is_empty
    assert fts5_match(parse_search("-reading")) == ""


def test_a_pasted_page_is_cut_to_a_few_words() -> None:
    query = parse_search("word " * 10_000)

    assert len(query.words) == MAX_TERMS


def test_the_match_string_quotes_every_word() -> None:
    query = parse_search('AND "a b" -c dot', as_you_type=True)

    assert fts5_match(query) == '(("AND" AND "dot"* AND "a b") NOT "c")'


def test_the_word_being_typed_is_a_prefix_or_a_shorter_whole_word() -> None:
    assert fts5_match(parse_search("read benchmarkin")) == (
        '("read" AND ("benchmarkin"* OR "benchmarki" OR "benchmark" OR "benchmar"))'
    )
    assert fts5_match(parse_search("read be")) == '("read" AND "be")'


def test_marks_become_offsets() -> None:
    text, spans = marked_text(f"the {MARK_START}reading{MARK_END} {MARK_START}bench")

    assert text == "the reading bench"
    assert spans == ((4, 11), (12, 17))
    assert marked_text(f"x{MARK_END}y") == ("xy", ())


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')"
    )
    connection.execute("INSERT INTO t VALUES ('the reading benchmark AND near or not')")
    yield connection
    connection.close()


@pytest.mark.parametrize("word", ["benchmarking", "reading", "benchmarks", "planned"])
def test_every_key_while_typing_a_word_finds_it(fts: sqlite3.Connection, word: str) -> None:
    """Regression (issue 19): the index holds stems ("benchmark" for "benchmarking"), so
    "benchmarki" and "benchmarkin" as prefixes found nothing, and the results vanished
    for two keys while the word was typed."""
    fts.execute("INSERT INTO t VALUES (?)", (f"the {word} today",))
    try:
        for end in range(3, len(word) + 1):
            match = fts5_match(parse_search(word[:end]))
            found = fts.execute("SELECT body FROM t WHERE t MATCH ?", (match,)).fetchall()
            assert (f"the {word} today",) in found, word[:end]
    finally:
        fts.execute("DELETE FROM t WHERE body = ?", (f"the {word} today",))


@given(st.text(), st.booleans())
def test_any_text_is_read_and_fts5_accepts_its_match(
    fts: sqlite3.Connection, typed: str, as_you_type: bool
) -> None:
    query = parse_search(typed, as_you_type=as_you_type)
    match = fts5_match(query)

    if match:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()


@given(st.lists(st.sampled_from(['"', "-", "*", "AND", "NOT", "(", ")", ":", "^", " ", "a"])))
def test_operator_soup_is_accepted(fts: sqlite3.Connection, parts: list[str]) -> None:
    match = fts5_match(parse_search("".join(parts)))

    if match:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()
