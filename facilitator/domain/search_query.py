"""What a person typed into a search box, read as words, phrases and excluded words.

Everything typed is read as plain text, never as an operator of the database's search
syntax: `AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `:`, parentheses and a lone quote are
words or punctuation like any other, so no query is ever rejected. What the syntax does
offer comes from three simple rules:

- `"two words"` in double quotes is a phrase (a quote left open is ignored);
- `-word` leaves out the records holding that word (`-"a phrase"` is read as words);
- the last word is searched as a prefix while it is being typed (`bench` finds
  "benchmark"), unless the text ends with a space or a quote, or the word holds fewer
  than `MIN_PREFIX` letters or digits (`b` starts so many words that reading their
  list took tens of milliseconds a key: it is a whole word until a third letter comes);
- while typed, the last word also finds, as whole words, itself cut by one, two and
  three letters (`shortened`): the index holds stems ("benchmark" for "benchmarking",
  "read" for "reading"), which no prefix "benchmarki" reaches, so the results stay
  while the rest of the word is typed.

A word is kept only if it holds a letter or a digit. Control characters are dropped,
and a query pasted by mistake (10,000 characters) is cut to its first `MAX_TERMS`
words. The store turns a `SearchQuery` into its own syntax (every word quoted for
SQLite FTS5, bound parameters for PostgreSQL); nothing here knows the database.

`marked_text` reads a snippet whose matching words the store has wrapped in `MARK_START`
and `MARK_END` into plain text and (start, end) spans, so a screen or the command line
highlights them literally: the text is never markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.domain.clean import clean_line

MAX_TERMS = 16
"""Words, phrases and excluded words kept from one query; the rest is ignored."""
MAX_WORD = 64
"""Characters kept of one word (no word of a language is longer)."""
MAX_TYPED = MAX_TERMS * (MAX_WORD + 3)
"""Characters read of the text typed: enough for `MAX_TERMS` of the longest words."""

MIN_PREFIX = 3
"""Letters or digits a word needs to be searched as a prefix, or to be searched for
as a shortened form of the word being typed."""
MOST_CUT = 3
"""Letters cut at most from the word being typed: enough to reach the stem through the
commonest endings ("-ing", "-ed", "-es") while they are typed; the whole word, as a
prefix, is stemmed like the text."""

MARK_START = "\ue000"
MARK_END = "\ue001"
"""Private-use characters the store puts around the matching words of a snippet."""

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchQuery:
    """A query read from what was typed: every record found holds all `words` and
    `phrases` and none of `excluded`; with `prefix`, the last of `words` may also be
    the start of a longer word, or one of its `shortened` forms (unless `shorten` is
    off: the store turns it off when the query finds something without them)."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    prefix: bool = False
    shorten: bool = True

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no word or phrase (excluded words alone find nothing)."""
        return not self.words and not self.phrases

    @property
    def shortened(self) -> tuple[str, ...]:
        """With `prefix`, the last word (letters and digits only) cut by 1 to
        `MOST_CUT` letters, longest first, each of at least `MIN_PREFIX`: whole words
        that the last word may also find (see the module's docstring)."""
        word = self.words[-1] if self.prefix and self.shorten and self.words else ""
        if not word.isalnum():
            return ()
        return tuple(word[:-cut] for cut in range(1, MOST_CUT + 1) if len(word) - cut >= MIN_PREFIX)


def parse_search(typed: str, *, as_you_type: bool = True) -> SearchQuery:
    """The query `typed` means (see the module's docstring); never raises."""
    text = _balanced(clean_line(typed[:MAX_TYPED]).replace("\n", " "))
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[str] = []
    last_is_word = False
    for match in _TOKEN.finditer(text):
        if len(words) + len(phrases) + len(excluded) >= MAX_TERMS:
            break
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        last_is_word = False
        if quoted is not None:
            phrase = _words(quoted)
            if negated:
                excluded.extend(phrase)
            elif len(phrase) == 1:
                words.append(phrase[0])
            elif phrase:
                phrases.append(phrase)
        elif bare.startswith("-") and _words(bare[1:]):
            excluded.append(_word(bare[1:]))
        elif _words(bare):
            words.append(_word(bare))
            last_is_word = True
    typing = as_you_type and last_is_word and not typed[:MAX_TYPED][-1:].isspace()
    prefix = typing and sum(character.isalnum() for character in words[-1]) >= MIN_PREFIX
    return SearchQuery(tuple(words), tuple(phrases), tuple(excluded[:MAX_TERMS]), prefix)


def _balanced(text: str) -> str:
    """`text` without its last double quote when they are odd in number (one left open)."""
    if text.count('"') % 2 == 0:
        return text
    at = text.rindex('"')
    return text[:at] + " " + text[at + 1 :]


def _words(text: str) -> tuple[str, ...]:
    return tuple(_word(part) for part in text.split() if _has_letters(part))


def _word(text: str) -> str:
    return text.replace('"', "")[:MAX_WORD]


def _has_letters(text: str) -> bool:
    return any(character.isalnum() for character in text)


def marked_text(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`snippet` without its marks, and the (start, end) offsets of the marked words in
    the text returned. A mark left open runs to the end; a stray end mark is dropped."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for character in snippet:
        if character == MARK_START:
            start = length if start is None else start
        elif character == MARK_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(character)
            length += 1
    if start is not None and length > start:
        spans.append((start, length))
    return "".join(plain), tuple(spans)
