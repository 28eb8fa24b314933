"""User text in CommonMark: escaped only where Markdown would read structure, shown
literally by a CommonMark parser, and its line breaks kept as hard breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.render.markdown_text import escape_line, md_block, md_inline
from facilitator.render.user_text import inline, paragraphs, printable, text_lines
from tests.render.pages import read_html


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        (
            "Plain words, commas; colons: and (brackets).",
            "Plain words, commas; colons: and (brackets).",
        ),
        ("snake_case and a_b", "snake_case and a_b"),
        ("_start end_ __init__", "\\_start end\\_ \\_\\_init\\_\\_"),
        ("*a* 2*3", "\\*a\\* 2\\*3"),
        ("[bold]x[/bold]", "\\[bold]x\\[/bold]"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("# not a heading", "\\# not a heading"),
        ("Room #5, C# and #", "Room \\#5, C# and \\#"),
        ("1. not a list", "1\\. not a list"),
        ("2026) a year", "2026\\) a year"),
        ("- a", "\\- a"),
        ("+1", "\\+1"),
        ("-2 well-known", "\\-2 well-known"),
        ("=cmd()", "\\=cmd()"),
        ("> quote > not", "\\> quote > not"),
        ("a | b ~ c", "a \\| b \\~ c"),
        ("&amp; & &copy; &#32; &x", "\\&amp; & \\&copy; \\&#32; &x"),
        ("a\\", "a\\\\"),
        ("`code`", "\\`code\\`"),
        ("@SUM(A1)", "@SUM(A1)"),
    ],
)
def test_only_what_markdown_would_read_is_escaped(line: str, escaped: str) -> None:
    assert escape_line(line) == escaped


def test_line_breaks_are_hard_breaks_and_blank_lines_paragraphs() -> None:
    note = "  first line  \n\tsecond \\\n\n\n   \n# third\n"
    block = md_block(note, "  ")

    assert block == "first line \\\n  second \\\\\n\n  \\# third"
    html = MarkdownIt("commonmark").render(f"- {block}")
    assert html == (
        "<ul>\n<li>\n<p>first line <br />\nsecond \\</p>\n<p># third</p>\n</li>\n</ul>\n"
    )


def test_a_url_at_the_end_of_a_line_keeps_its_line_break_where_urls_are_linked() -> None:
    html = MarkdownIt("gfm-like").render(md_block("Slides: https://example.org/a_b\nNext"))

    assert html == (
        '<p>Slides: <a href="https://example.org/a_b">https://example.org/a_b</a> <br />\n'
        "Next</p>\n"
    )


def test_blank_text_is_empty_and_one_line_text_collapses() -> None:
    assert md_block(" \n\t\n") == ""
    assert md_inline("  Ana\n  Lima\t ") == "Ana Lima"


def test_control_characters_show_as_replacement_characters() -> None:
    assert printable("a\x1b[31mb\x07\r\nc\rd\te\x00") == "a\ufffd[31mb\ufffd\nc\nd\te\ufffd"
    assert inline("Red\x1b\nalert") == "Red\ufffd alert"
    assert text_lines("\n\n  one  \n\n two\n\n") == ["  one", "", " two"]
    assert paragraphs("one\n two \n\n\nthree") == [["one", "two"], ["three"]]


text = st.text(
    st.one_of(st.characters(exclude_categories=("Cc", "Cs")), st.sampled_from("\n\t")),
    max_size=80,
)


@settings(max_examples=500, deadline=None)
@given(text=text)
def test_a_commonmark_viewer_shows_any_block_literally(text: str) -> None:
    """Each non-blank line, trimmed, on a line of its own; nothing but paragraphs and
    line breaks, at the top level and inside a list item."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for markdown in (md_block(text), f"- {md_block(text, '  ')}"):
        shown, tags = read_html(MarkdownIt("commonmark").render(markdown))

        assert set(tags) <= {"p", "br", "ul", "li"}
        assert shown == "\n".join(lines)


@settings(max_examples=500, deadline=None)
@given(text=text)
def test_a_commonmark_viewer_shows_any_heading_literally(text: str) -> None:
    shown, tags = read_html(MarkdownIt("commonmark").render(f"### 1. {md_inline(text)}"))

    assert tags == ["h3"]
    assert shown == f"1. {inline(text)}".strip()
