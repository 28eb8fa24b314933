"""Markdown text written and read literally: the escaping the Markdown export uses so that
what it writes reads back the same, and its reverse for the agenda reader."""

from __future__ import annotations

import html
import re

PUNCTUATION = r"!-/:-@\[-`{-~"  # ASCII punctuation: what CommonMark lets a backslash escape
_LITERAL = re.compile(
    rf"\\([{PUNCTUATION}])|&(#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
)
_INLINE = re.compile(r"[\\`*_\[\]<>()#|~&!]")
_LONE_DASH = re.compile(r"(?:(?<=\s)|^)-|-(?=\s|$)")
_LONE_WIDE_DASH = re.compile(r"(?:(?<=\s)|^)[—–]|[—–](?=\s|$)")
_GOAL_LABEL = re.compile(r"(?i)\b(goal\s*):")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([+=])")


def one_line(text: str) -> str:
    """`text` with every run of whitespace (line breaks too) as one space, trimmed."""
    return " ".join(text.split())


def escape_markdown(text: str) -> str:
    """`text` on one line, written so that a CommonMark viewer shows it literally and
    `parse_agenda` reads it back as text, never as structure."""
    value = _INLINE.sub(lambda m: "\\" + m[0], one_line(text))
    value = _LONE_DASH.sub(r"\\-", value)
    value = _LONE_WIDE_DASH.sub(lambda m: f"&#{ord(m[0])};", value)
    value = _GOAL_LABEL.sub(r"\1\\:", value)
    value = "".join(f"&#{ord(c)};" if _is_control(c) else c for c in value)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", value)


def unescape_markdown(text: str) -> str:
    """Backslash escapes and entities replaced by the characters they stand for."""
    return _LITERAL.sub(_literal, text)


def _literal(match: re.Match[str]) -> str:
    if match[1] is not None:
        return match[1]
    name = match[2]
    if name[0] != "#":
        return html.unescape(match[0])
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def mask(text: str) -> str:
    """`text` with escapes and entities blanked out (same length), so that the patterns
    below see only the structure the writer meant."""
    return _LITERAL.sub(lambda m: "\x00" * len(m[0]), text)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0
