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
    query = parse_search('AND "a b" -c d', as_you_type=True)

    assert fts5_match(query) == '(("AND" "d"* "a b") NOT "c")'


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
