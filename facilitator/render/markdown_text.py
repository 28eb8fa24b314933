"""User text written into CommonMark so that a viewer shows it literally: never markup,
HTML, a link or a code span, and never a heading, list, quote or rule.

Only what CommonMark (and GitHub's tables and strikethrough) would read as structure is
escaped, so the .md file still reads as plain text: `*`, `` ` ``, `[`, `<`, `\\`, `|` and
`~` anywhere; `_` unless it sits between two letters or digits; `&` when it would start
an entity; `#` at the start of a line or after a space (headings and their closing
marks); and the first character of a line when it could start a block (`>`, `-`, `+`,
`=`, or the `.`/`)` after a number). "Literal" is as `facilitator.render.user_text`
defines it: one-line fields have their whitespace collapsed; multi-line fields keep
their lines (as hard line breaks, `HARD_BREAK`) and paragraphs, each line trimmed.
"""

from __future__ import annotations

import re

from facilitator.render.user_text import inline, paragraphs

_ANYWHERE = frozenset("\\`*[<|~")
_LINE_START = frozenset(">-+=")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NUMBERED = re.compile(r"^([0-9]+)([.)])")
HARD_BREAK = " \\\n"
"""A line break inside a paragraph: a backslash at the end of the line. The space before
it keeps a viewer that links bare URLs (GitHub, Textual) from taking the backslash into a
URL that ends the line; it shows as nothing before the break."""


def md_inline(text: str) -> str:
    """A one-line field (whitespace collapsed), escaped for CommonMark."""
    return escape_line(inline(text))


def md_block(text: str, indent: str = "") -> str:
    """A multi-line field, escaped: its lines joined by hard breaks, its paragraphs by a
    blank line; lines after the first start with `indent` (a list item's content column).
    Empty when the text is blank."""
    return f"\n\n{indent}".join(
        f"{HARD_BREAK}{indent}".join(escape_line(line) for line in lines)
        for lines in paragraphs(text)
    )


def escape_line(line: str) -> str:
    """One trimmed line of user text, escaped (see the module's docstring)."""
    out = []
    for index, char in enumerate(line):
        before = line[index - 1] if index else ""
        after = line[index + 1 : index + 2]
        if _needs_escape(char, before, after, at_start=index == 0):
            out.append("\\" + char)
        elif char == "&" and _ENTITY.match(line, index):
            out.append("\\&")
        else:
            out.append(char)
    escaped = "".join(out)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def _needs_escape(char: str, before: str, after: str, *, at_start: bool) -> bool:
    if char in _ANYWHERE:
        return True
    if char == "_":  # between two letters or digits it can neither open nor close emphasis
        return not (before.isalnum() and after.isalnum())
    if char == "#":
        return at_start or before.isspace()
    return at_start and char in _LINE_START
