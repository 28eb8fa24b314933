"""User text made safe to print, shared by every export: line breaks as "\\n", other
control characters shown, and multi-line text split into paragraphs of lines.

Every format applies the same rules, so "literal" means the same thing in each:

- a one-line field (a name, a title) is the text with each run of whitespace, line
  breaks included, as one space, trimmed (`inline`);
- a multi-line field (notes, an outcome) keeps its lines in order; where a format cannot
  keep them exactly (Markdown and HTML), each line is trimmed and a run of blank lines
  becomes one paragraph break (`paragraphs`);
- in both, a control character other than a line break or tab (which could drive a
  terminal or hide text) shows as U+FFFD, the replacement character.
"""

from __future__ import annotations

import unicodedata

from facilitator.domain.markdown_escape import one_line

REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` with "\\r\\n" and "\\r" as "\\n", and every control character other than
    "\\n" and "\\t" as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        REPLACEMENT if unicodedata.category(c) == "Cc" and c not in "\n\t" else c for c in text
    )


def inline(text: str) -> str:
    """A one-line field: printable, with every run of whitespace as one space, trimmed."""
    return one_line(printable(text))


def text_lines(text: str) -> list[str]:
    """A multi-line field's lines, printable, with trailing whitespace and the blank lines
    at its start and end removed (leading whitespace is kept)."""
    lines = [line.rstrip() for line in printable(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def paragraphs(text: str) -> list[list[str]]:
    """A multi-line field as paragraphs of trimmed lines: blank lines separate paragraphs."""
    groups: list[list[str]] = [[]]
    for line in printable(text).split("\n"):
        if line.strip():
            groups[-1].append(line.strip())
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]
