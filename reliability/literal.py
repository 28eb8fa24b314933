"""Reading the exports back with parsers facilitator does not write with, and checking
that the team's text comes back literally.

- md: the `commonmark` package (the reference implementation's port) renders it to
  HTML, whose text is read with the standard library's `html.parser`;
- html: `html.parser` (a `<script>` start tag anywhere is a failure);
- txt: as is; eml: the standard library's `email` (Subject and every text part);
- csv: the standard library's `csv`; a cell may carry one leading apostrophe before a
  formula character (OWASP), and no cell may start with one bare;
- ics: a small reader of its own (facilitator writes with the `icalendar` package): CRLF
  line ends, lines of at most 75 octets, folding undone, BEGIN/END balanced, TEXT
  escapes undone;
- json: the standard library's `json`, every string in it.

"Literally" means: the payload, with control characters taken out (the app may drop
them or show a stand-in, U+FFFD) and runs of whitespace made one space, is found in
the text the parser gives back, cleaned the same way. Separately, no control character
but tab and line ends may be in a text export's bytes or in what the parser gives back.
"""

from __future__ import annotations

import csv
import email
import io
import json
import re
from email import policy
from email.message import Message
from html.parser import HTMLParser
from typing import Any

import commonmark

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters but tab and line feed."""
FORMULA_STARTS = ("=", "+", "-", "@")
ICS_TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "LOCATION")
EXPORT_FORMATS = ("md", "html", "txt", "eml", "ics", "csv", "json")


BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional override and isolate controls: facilitator drops them from titles,
names and what the command prints (they can make a line read other than it is), and
keeps them in notes and documents, where mixed-direction text needs them."""


def visible(text: str) -> str:
    """`text` as a literal showing must contain it: no control characters, bidi
    controls or stand-ins, whitespace runs as one space."""
    return " ".join(BIDI.sub("", CONTROL.sub("", text)).replace("\ufffd", "").split())


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.pieces.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.pieces.append(" ")

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def html_text(page: str) -> tuple[str, list[str]]:
    """The text of an HTML page or fragment, and the start tags in it."""
    reader = _TextReader()
    reader.feed(page)
    reader.close()
    return "".join(reader.pieces), reader.tags


def read_export(fmt: str, data: bytes) -> tuple[str, list[str]]:
    """The text a reader of `fmt` sees, and any problem with the file's form."""
    if fmt == "md":
        text, tags = html_text(commonmark.commonmark(data.decode("utf-8")))
        return text, ["a <script> tag"] if "script" in tags else []
    if fmt == "html":
        text, tags = html_text(data.decode("utf-8"))
        return text, ["a <script> tag"] if "script" in tags else []
    if fmt == "txt":
        return data.decode("utf-8"), []
    if fmt == "eml":
        return _mail_text(data)
    if fmt == "csv":
        return _csv_text(data.decode("utf-8"))
    if fmt == "ics":
        return _calendar_text(data)
    if fmt == "json":
        return "\n".join(_strings(json.loads(data))), []
    raise ValueError(f"unknown format {fmt}")


def _mail_text(data: bytes) -> tuple[str, list[str]]:
    message = email.message_from_bytes(data, policy=policy.default)
    pieces = [str(message.get("Subject", ""))]
    problems = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content = _content(part)
        if part.get_content_type() == "text/html":
            content, tags = html_text(content)
            if "script" in tags:
                problems.append("a <script> tag in the HTML part")
        pieces.append(content)
    return "\n".join(pieces), problems


def _content(part: Message) -> str:
    payload = part.get_payload(decode=True)
    charset = part.get_content_charset() or "utf-8"
    return payload.decode(charset) if isinstance(payload, bytes) else str(payload)


def _csv_text(text: str) -> tuple[str, list[str]]:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    problems = [
        f"a cell a spreadsheet runs: {cell[:30]!r}"
        for cell in cells
        if cell.startswith(FORMULA_STARTS)
    ]
    shown = [
        cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS else cell for cell in cells
    ]
    return "\n".join(shown), problems


def _calendar_text(data: bytes) -> tuple[str, list[str]]:
    problems = []
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append("a line not ended by CRLF")
    physical = data.split(b"\r\n")[:-1]
    if any(len(line) > 75 for line in physical):
        problems.append("a line over 75 octets")
    lines: list[str] = []
    for line in data.decode("utf-8").split("\r\n")[:-1]:
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack: list[str] = []
    texts = []
    for line in lines:
        name, _, value = line.partition(":")
        key = name.split(";")[0].upper()
        if not re.fullmatch(r"[A-Z0-9-]+", key) or not _:
            problems.append(f"not a content line: {line[:30]!r}")
        elif key == "BEGIN":
            stack.append(value)
        elif key == "END" and (not stack or stack.pop() != value):
            problems.append(f"END:{value} does not close what was begun")
        elif key in ICS_TEXT_PROPERTIES:
            texts.append(_ics_unescape(value))
    if stack or not lines or lines[0] != "BEGIN:VCALENDAR":
        problems.append("not one whole VCALENDAR")
    return "\n".join(texts), problems


def _ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def export_problems(fmt: str, data: bytes, payload: str, *, expected: bool) -> list[str]:
    """What is wrong with export `data` of `fmt` holding `payload` (`expected`: a field
    it shows took the payload, so it must be there)."""
    problems = []
    raw = data.decode("utf-8", "replace").replace("\r\n", "\n")
    if CONTROL.search(raw):
        problems.append("a control character in the file")
    try:
        text, form = read_export(fmt, data)
    except (ValueError, UnicodeDecodeError) as error:
        return [*problems, f"the parser could not read it ({error})"]
    problems += form
    # JSON is data: a control character escaped in it (\u001b) is faithful, not shown.
    if fmt != "json" and CONTROL.search(text.replace("\r\n", "\n")):
        problems.append("a control character in the text read back")
    if expected and visible(payload) not in visible(text):
        problems.append("the text does not come back literally")
    return problems
