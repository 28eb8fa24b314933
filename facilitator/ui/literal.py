"""User text is data, never markup.

Names, titles and notes typed by people go through these helpers on their way to the
screen, so `[bold]x[/]` or `[@click=app.quit]Sam[/]` shows exactly those characters.
Textual parses plain strings as markup in many places (Static, Label, OptionList
prompts, tooltips, notifications, border titles, palette hits); a `Content` built
from the string is shown literally everywhere. Control characters (an escape
sequence pasted into a name) are dropped so they cannot drive the terminal.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter

from facilitator.domain.clean import clean_text


def clean(text: str) -> str:
    """`text` without control characters (line breaks and tabs are kept); the rule is
    `facilitator.domain.clean`'s, the same as for text coming in."""
    return clean_text(text)


def lit(text: str, style: str = "") -> Content:
    """`text` exactly as typed, optionally in one style."""
    content = Content(clean(text))
    return content.stylize(style) if style else content


def cell(text: str, style: str = "") -> Text:
    """`text` exactly as typed, on one line, for DataTable cells."""
    return Text(clean(text).replace("\n", " "), style=style, no_wrap=True, overflow="ellipsis")


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Assemble literal pieces: a str is literal, a (text, style) pair is styled."""
    return Content.assemble(*parts)


_VARIABLE = re.compile(r"\$([a-z][a-z0-9-]*)")


def theme_style(variables: dict[str, str], spec: str) -> str:
    """A Rich style with Textual theme variables ("bold $error") resolved to colours."""
    return _VARIABLE.sub(lambda match: variables.get(match.group(1), "default"), spec)


_TERMINAL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ControlCharacterFilter(LineFilter):
    """Drops control characters from every line a widget renders, whatever the widget.

    Textual passes ESC and C1 in text through to the terminal (Static, Label, Input,
    TextArea, DataTable cells and notifications alike; it drops only BEL, BS, VT, FF and
    CR), so an escape sequence stored in a database from before facilitator cleaned what
    comes in (or typed into a field before it is saved) would drive the terminal. `lit`
    and `cell` clean what they show; this is the backstop for everything else, such as a
    TextArea holding old notes. The characters it drops take no cells, so layout holds."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment
            if segment.control or segment.text.isprintable()
            else Segment(_TERMINAL_CONTROL.sub("", segment.text), segment.style)
            for segment in segments
        ]
