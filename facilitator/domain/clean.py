"""Which characters of people's text are kept: the one rule for text coming in (forms,
imported agendas and minutes, notes) and for text the command line prints.

Control characters are what a terminal obeys rather than shows: ESC starts sequences
that clear the screen, set the window title or write the clipboard; BEL, backspace and
a lone carriage return hide or overwrite what was printed before them. So:

- C0 (U+0000-U+001F) except tab and line feed, DEL (U+007F) and C1 (U+0080-U+009F) are
  removed; a carriage return, alone or before a line feed, becomes a line feed.
- A one-line field (a title, a name) also loses the Unicode bidirectional embedding,
  override and isolate controls (U+202A-U+202E, U+2066-U+2069), which can make a line
  read in another order than it was written, and its tabs and line breaks become
  spaces. Multi-line text (notes) keeps them: writing that mixes directions needs them
  and a terminal line ends them.

Everything else, right-to-left letters included, is kept as typed.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""C0 without tab (09), line feed (0A) and carriage return (0D), DEL and C1."""
_BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidirectional embeddings, overrides and isolates."""

_CONTROL = re.compile(f"[{_CONTROLS}]")
_LINE_BREAK = re.compile(r"\r\n?")
_NOT_ON_A_LINE = re.compile(f"[{_CONTROLS}{_BIDI}]")
_BREAK_OR_TAB = re.compile(r"[\t\n]")
_TERMINAL = re.compile(f"[{_CONTROLS}{_BIDI}]")
_DOCUMENT = re.compile(f"[{_CONTROLS}]|\r(?!\n)")
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}]")


def clean_text(text: str) -> str:
    """Multi-line text as it may be stored: line breaks as "\\n", tabs kept, no other
    control character."""
    if text.isprintable():  # the common case, checked in C: nothing to do
        return text
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def clean_line(text: str) -> str:
    """One-line text as it may be stored: as `clean_text`, without bidirectional
    controls, and with each tab or line break as a space (runs are left to the field:
    most also collapse them with `" ".join(text.split())`)."""
    if text.isprintable():
        return text
    return _BREAK_OR_TAB.sub(" ", _NOT_ON_A_LINE.sub("", _LINE_BREAK.sub("\n", text)))


def for_terminal(text: str) -> str:
    """Text the command line prints (messages, tables): as `clean_text` and without
    bidirectional controls, whatever the database holds."""
    if text.isprintable():
        return text
    return _TERMINAL.sub("", _LINE_BREAK.sub("\n", text))


def for_document(text: str) -> str:
    """An exported document (Markdown, HTML, text, CSV, e-mail, calendar) as it may be
    printed or saved: without control characters except tab, line feed, and a carriage
    return that ends a line (e-mail, calendar and CSV end their lines with CR LF).
    Bidirectional controls stay: they are part of the text written in the minutes."""
    return _DOCUMENT.sub("", text)


def escape_json_controls(json_text: str) -> str:
    """A JSON document with DEL, C1 and bidirectional controls written as \\u escapes.

    A JSON encoder escapes C0 itself but writes these as they are; outside a string
    they cannot occur (JSON's own syntax is ASCII), so escaping them keeps every value
    exactly while a terminal shows only printable characters."""
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match[0]):04x}", json_text)
