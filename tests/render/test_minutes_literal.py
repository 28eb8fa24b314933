"""User text shows literally in every minutes format, whatever it contains.

Each test puts the text into one field of a small record (an item's notes, a decision's
outcome, an action, a parking-lot entry, a person's name, an evaluation comment and the
name of who wrote it) and compares the output with
the output for a placeholder, the placeholder swapped for what "literal" promises
(`facilitator.render.user_text`):

- Markdown, rendered by a CommonMark parser, and the HTML page show, as text: for a
  multi-line field each non-blank line trimmed, line breaks kept; for a name the text
  with its whitespace collapsed. No tag appears but the ones the layout makes.
- Plain text keeps every word in order, and each later line of a multi-line field starts
  a line of its own (wrapping may move words to further lines, never inside a word).
- The e-mail's parts are exactly the plain text and the HTML page; the To name is the
  name with its whitespace collapsed (read as RFC 2047 says, see `to_names`).
"""

from __future__ import annotations

import email
import re
from collections.abc import Callable
from dataclasses import replace
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import getaddresses

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.domain.evaluation_results import (
    Answer,
    Form,
    FormItem,
    FormSection,
    Response,
    count_results,
)
from facilitator.domain.minutes import Minutes
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_mail import minutes_email
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import minutes_text
from tests.conftest import TZ
from tests.render.pages import lines_of, read_html, small_minutes

PLACEHOLDER = "Zq9placeholder"
FIELDS = ("notes", "outcome", "what", "parking", "name", "comment", "respondent")
NAMES = ("name", "respondent")
"""Fields on one line: their whitespace is collapsed."""
PLUS = FormItem("plus", "Plus: what went well?")
PLUS_DELTA = Form("plus-delta", "Plus/delta", "text", (FormSection("main", "Plus", (PLUS,)),))
LAYOUT_TAGS = {"h1", "h2", "h3", "h4", "p", "br", "ul", "li", "strong", "em", "hr", "blockquote"}
PAGE_TAGS = LAYOUT_TAGS | {"html", "head", "meta", "title", "style", "body"}

user_text = st.text(
    st.one_of(st.characters(exclude_categories=("Cc", "Cs")), st.sampled_from("\n\t")),
    max_size=60,
).filter(lambda text: bool(text.strip()))

NASTY = (
    "<script>alert(1)</script>",
    "[bold]x[/bold]",
    "*a* _b_ | c, d",
    "=cmd()",
    "+1",
    "-2",
    "@SUM(A1)",
    "# not a heading",
    "1. not a list",
    "    indented",
    "a\\",
    "&amp;",
    "line one\nline two",
    "a\n\n\nb\n   \nc",
    "---\n***\n___\n===\n- - -",
    "a setext heading?\n===",
    "or this one\n---",
    "> quote\n~~~\n```\n| a | b |\n|---|---|",
    "[a](http://x.y) ![i](x.png) <http://x.y> <b>b</b>",
    "snake_case __init__ a_b_ _c_ 2*3*4",
    "Room #5 ends with #\n#5\n1) one\n123456789. nine",
    "`code` \\*not\\* &#32; &copy; &#x41;",
    "tab\tinside\n\tlead tab\ntrail  \n  both  ",
    "line ending with two spaces  \nnext",
)


def with_text(field: str, text: str) -> Minutes:
    if field not in ("comment", "respondent"):
        return small_minutes(**{field: text})
    comment, name = (text, "Ana Lima") if field == "comment" else ("On time.", text)
    result = count_results(PLUS_DELTA, [Response(name, {PLUS.id: Answer(text=comment)})])
    return replace(small_minutes(), evaluation=(result,))


def promised(field: str, text: str) -> str:
    """What a Markdown viewer or browser shows for `text` in `field`."""
    if field in NAMES:
        return " ".join(text.split())
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def shown_in_markdown(minutes: Minutes) -> tuple[str, list[str]]:
    return read_html(MarkdownIt("commonmark").render(minutes_markdown(minutes, TZ)))


def shown_in_page(minutes: Minutes) -> tuple[str, list[str]]:
    return read_html(minutes_html(minutes, TZ), whole_page=True)


def check_shown(
    field: str, text: str, show: Callable[[Minutes], tuple[str, list[str]]], allowed: set[str]
) -> None:
    shown, tags = show(with_text(field, text))
    template, _ = show(with_text(field, PLACEHOLDER))

    assert set(tags) <= allowed, set(tags) - allowed
    assert shown == lines_of(template.replace(PLACEHOLDER, promised(field, text)))


def nasty_examples(test: Callable[..., None]) -> Callable[..., None]:
    for text in NASTY:
        test = example(text=text)(test)
    return test


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=60, deadline=None)
@nasty_examples
@given(text=user_text)
def test_markdown_viewer_shows_user_text_literally(field: str, text: str) -> None:
    check_shown(field, text, shown_in_markdown, LAYOUT_TAGS)


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=60, deadline=None)
@nasty_examples
@given(text=user_text)
def test_html_page_shows_user_text_literally(field: str, text: str) -> None:
    check_shown(field, text, shown_in_page, PAGE_TAGS)


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=60, deadline=None)
@nasty_examples
@given(text=user_text)
def test_plain_text_keeps_every_word_and_line(field: str, text: str) -> None:
    output = minutes_text(with_text(field, text), TZ)
    template = minutes_text(with_text(field, PLACEHOLDER), TZ)
    words, starts = words_and_line_starts(output)
    expected: list[str] = []
    where = []
    for token in template.split():
        if PLACEHOLDER not in token:
            expected.append(token)
            continue
        before, after = token.split(PLACEHOLDER)
        own = text.split()
        own[0], own[-1] = before + own[0], own[-1] + after
        where.append(len(expected))
        expected += own

    assert words == expected
    if field not in NAMES:  # a multi-line field's later lines each start an output line
        (at,) = where
        lines = [line.split() for line in text.split("\n") if line.strip()]
        for number in range(1, len(lines)):
            assert at + sum(len(line) for line in lines[:number]) in starts


def words_and_line_starts(output: str) -> tuple[list[str], set[int]]:
    """Every word of `output`, and the indexes of those that start a line."""
    words: list[str] = []
    starts = set()
    for line in output.split("\n"):
        if line.split():
            starts.add(len(words))
        words += line.split()
    return words, starts


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=40, deadline=None)
@nasty_examples
@given(text=user_text)
def test_email_carries_the_text_and_the_page(field: str, text: str) -> None:
    minutes = with_text(field, text)
    message = email.message_from_bytes(minutes_email(minutes, TZ), policy=policy.default)
    assert isinstance(message, EmailMessage)
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}

    assert parts["text/plain"].replace("\r\n", "\n") == minutes_text(minutes, TZ)
    assert parts["text/html"].replace("\r\n", "\n") == minutes_html(minutes, TZ)
    assert to_names(minutes_email(minutes, TZ)) == [" ".join(minutes.recipients[0].name.split())]


@settings(max_examples=100, deadline=None)
@nasty_examples
@given(text=user_text)
def test_email_headers_carry_any_team_name_and_sender(text: str) -> None:
    minutes = replace(small_minutes(), team_name=text)
    name = " ".join(text.split())
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    data = minutes_email(minutes, TZ, sender=f'"{quoted}" <sender@example.org>')
    raw = email.message_from_bytes(data, policy=policy.compat32)
    head = data.split(b"\r\n\r\n")[0]

    assert decoded(raw["Subject"]) == f"Minutes: {name}, 9 November 2026"
    assert [decoded(n) for n, _ in getaddresses(raw.get_all("From") or [])] == [name]
    assert head.isascii() and all(len(line) <= 998 for line in head.split(b"\r\n"))
    assert all(len(word) <= 75 for word in ENCODED_WORD.findall(head))


ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def decoded(header: str) -> str:
    """A header's text unfolded (RFC 5322) and its encoded-words decoded as RFC 2047 says
    (the space between two adjacent encoded-words is dropped)."""
    return str(make_header(decode_header(re.sub(r"\r?\n(?=[ \t])", "", header))))


def to_names(data: bytes) -> list[str]:
    """The display names on the To line, decoded as RFC 2047 says. (The standard library's
    newer header parser keeps the space between the encoded-words of a long name, which
    mail programs and `decode_header` drop, so the raw header is read.)"""
    raw = email.message_from_bytes(data, policy=policy.compat32).get_all("To") or []
    return [decoded(name) for name, _ in getaddresses(raw)]
