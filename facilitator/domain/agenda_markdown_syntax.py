"""The pieces of the Markdown agenda format (see `agenda_markdown`): the patterns a line
is matched against (after `mask`, so that escaped text is never structure), the words
each field, detail and kind may be written with, and the small readers of one value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.domain.agenda_parsed import ParsedRole
from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.enums import ItemKind
from facilitator.domain.markdown_escape import PUNCTUATION, one_line, unescape_markdown
from facilitator.domain.planning import MEETING_MINUTES
from facilitator.domain.timeparse import Unreadable, parse_minutes, parse_time

HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z /]{0,30}?)[ \t]*:(?P<value>.*)$")
_BOLD_KEY = re.compile(
    r"^(\*\*|__)(?P<key>[A-Za-z][A-Za-z /]{0,30}?)[ \t]*(?::\1|\1[ \t]*:)(?P<value>.*)$"
)
ITEM = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}[ \t]*(?:[·|,][ \t]*|[—–-][ \t]+)?)?"
    r"(?P<minutes>\d+)[ \t]*(?:minutes|minute|mins|min|m)\b\.?"
    r"[ \t]*(?:[·|,:][ \t]*|[—–-][ \t]+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
_KIND_END = re.compile(r"\[([^\[\]]*)\][ \t]*$")
_PRESENTER_END = re.compile(r"\(([^()]*)\)[ \t]*$")
GOAL_SPLIT = re.compile(
    r"[ \t]+[—–-][ \t]+(?:goal[ \t]*:[ \t]*)?|[,;]?[ \t]+goal[ \t]*:[ \t]*", re.I
)
MEDIA_END = re.compile(r"[ \t]*\((?:video|clip)[ \t]+([^()]*)\)[ \t]*$", re.I)
RANGE = re.compile(r"^(.+?)[ \t]*(?:[—–-]|\bto\b|\buntil\b)[ \t]*(.+)$", re.I)
_HOURS = re.compile(
    r"^(\d{1,3})[ \t]*(?:h|hr|hrs|hour|hours)(?![A-Za-z])"
    r"(?:[ \t]*(\d{1,3})[ \t]*(?:m|min|mins|minutes)?)?\.?$",
    re.I,
)
_MERIDIEM = re.compile(r"[ \t]*(?:am|pm|a\.m\.|p\.m\.)$", re.I)
_COMMENT = re.compile(rf"\\[{PUNCTUATION}]|<!--(?:.*?-->|.*\Z)", re.DOTALL)
INNER_SPACE = re.compile(r"(?<=[^ \t])[ \t]{2,}")


def _aliases(**names: str) -> dict[str, str]:
    """{alias: name} from name="alias, alias"."""
    return {alias.strip(): name for name, aliases in names.items() for alias in aliases.split(",")}


KINDS = {
    alias: ItemKind(name)
    for alias, name in _aliases(
        information="information, info",
        discussion="discussion, discuss",
        decision="decision, decide",
    ).items()
}
FIELDS = _aliases(
    title="title, meeting",
    team="team",
    date="date, day",
    time="time, start, starts, start time",
    end="end, ends, end time",
    length="length, duration",
    location="location, place, room, where",
    purpose="purpose",
    goals="goals, goal",
    agenda="agenda",
)
FIELDS |= {"total": "", "team purpose": ""}  # the export's own lines: read, and left alone
DETAILS = _aliases(
    goal="goal",
    presenter="presenter, presented by, who",
    kind="kind, type",
    process="process, protocol",
    steps="steps",
    method="decided by, decide by, decision method, how it will be decided",
)
ROLES = _aliases(
    chair="chair, team leader, team leader / chair, team leader/chair",
    facilitator="facilitator",
    recorder="recorder",
    timekeeper="timekeeper",
)
"""The core roles a role line may name (any case), by their content-pack ids."""
ROLE_EXAMPLE = 'write roles like "- Facilitator: Dana"'
OWN_ROLE = " (own role)"
_OWN_ROLE_END = re.compile(r"[ \t]*\(own role\)[ \t]*$", re.I)
_GUEST_END = re.compile(r"[ \t]*\(guest\)[ \t]*$", re.I)
SECTIONS = {
    "goal": "goals",
    "outcome": "goals",
    "agenda": "agenda",
    "item": "agenda",
    "role": "roles",
}
SKIPPED_SECTIONS = ("norm",)
LABELS = {"time": "start time", "end": "end time"}
ITEM_EXAMPLE = 'write it like "- 10 min Budget review"'


@dataclass(frozen=True)
class Line:
    number: int
    raw: str
    masked: str

    @property
    def indent(self) -> int:
        lead = self.raw[: len(self.raw) - len(self.raw.lstrip(" \t"))]
        return len(lead.expandtabs(4))

    def body(self) -> tuple[str, str, bool]:
        """The line without its list marker (raw, masked) and whether it had one."""
        bullet = _BULLET.match(self.masked)
        start = bullet.end() if bullet else len(self.raw) - len(self.raw.lstrip(" \t"))
        return self.raw[start:].rstrip(), self.masked[start:].rstrip(), bullet is not None

    def quoted(self) -> str:
        text = one_line(self.raw)
        return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


def normal_lines(text: str) -> str:
    # Line breaks as "\n" and no control characters, so a problem quoting a line is clean.
    return clean_text(text.removeprefix("\ufeff"))


def without_comments(text: str) -> tuple[str, int]:
    """`text` without <!-- comments --> (their line breaks kept, so line numbers hold), and
    the line of a comment that is never closed (0 when there is none)."""
    unclosed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal unclosed
        token = match[0]
        if not token.startswith("<!--"):
            return token
        if not (token.endswith("-->") and len(token) >= 7) and not unclosed:
            unclosed = text.count("\n", 0, match.start()) + 1
        return "\n" * token.count("\n")

    return _COMMENT.sub(drop, text), unclosed


def field_key(masked: str) -> tuple[str, int] | None:
    """The key of a "Key: value" line (bold or not) and where its value starts."""
    match = _BOLD_KEY.match(masked) or _KEY.match(masked)
    if match is None:
        return None
    return " ".join(match["key"].split()).casefold(), match.start("value")


def section_of(heading: str) -> str:
    """The section a heading opens: goals, agenda, roles, skip (norms) or "" (unknown)."""
    for word in heading.casefold().split():
        if word.startswith(SKIPPED_SECTIONS):
            return "skip"
        for stem, section in SECTIONS.items():
            if word.startswith(stem):
                return section
    return ""


def parse_length(text: str) -> int:
    low, high = MEETING_MINUTES
    value = text.strip()
    if match := _HOURS.match(value):
        value = str(int(match[1]) * 60 + int(match[2] or 0))
    return parse_minutes(value, low=low, high=high)


def text_of(raw: str) -> str:
    # Cleaned after unescaping: an entity such as &#27; stands for a control character.
    return one_line(clean_line(unescape_markdown(raw)))


def item_ending(raw: str, masked: str) -> tuple[str, str, str, str] | str:
    """The item text without the kind and presenter at its end, with them: (raw, masked,
    kind, presenter), or the sentence saying why the kind cannot be read."""
    kind, presenter = ItemKind.DISCUSSION.value, ""
    seen: set[str] = set()
    for _ in range(2):
        if "kind" not in seen and (match := _KIND_END.search(masked)):
            word = text_of(raw[match.start(1) : match.end(1)])
            found = KINDS.get(word.casefold())
            if found is None:
                return kind_problem(word)
            kind, seen = found.value, seen | {"kind"}
        elif "presenter" not in seen and (match := _PRESENTER_END.search(masked)):
            presenter, seen = text_of(raw[match.start(1) : match.end(1)]), seen | {"presenter"}
        else:
            break
        end = len(masked[: match.start()].rstrip())
        raw, masked = raw[:end], masked[:end]
    return raw, masked, kind, presenter


def shared_suffix(start: str, end: str) -> tuple[str, str]:
    """ "3-4pm" means 3pm to 4pm: the start takes the end's am/pm when that makes a
    span of twelve hours or less."""
    suffix = _MERIDIEM.search(end)
    if suffix is None or _MERIDIEM.search(start):
        return start, end
    try:
        first, last = parse_time(start + suffix[0]), parse_time(end)
    except Unreadable:
        return start, end
    span = (last.hour - first.hour) * 60 + last.minute - first.minute
    return (start + suffix[0], end) if 0 < span <= 12 * 60 else (start, end)


def unbold(raw: str, masked: str) -> str:
    """A title without the ** the export puts around it."""
    bold = len(masked) >= 5 and masked.startswith("**") and masked.endswith("**")
    return raw[2:-2] if bold else raw


def role_line(number: int, raw: str, masked: str) -> ParsedRole | str:
    """A "Role: holder" line (the list marker gone), or the sentence saying why it is not
    one. "(own role)" after the role marks one of the team's own; "(guest)" after the
    holder a guest; "open" (or nothing) an open role."""
    colon = masked.find(":")
    if colon < 0:
        return f'"{one_line(raw)[:60]}" names no role; {ROLE_EXAMPLE}.'
    key_masked = masked[:colon].rstrip(" \t*_")
    start = len(key_masked) - len(key_masked.lstrip(" \t*_"))
    key_raw, key_masked = raw[start : len(key_masked)], key_masked[start:]
    rest = colon + 1 + len(masked[colon + 1 :]) - len(masked[colon + 1 :].lstrip(" \t*_"))
    holder_masked = masked[rest:].rstrip(" \t*_")  # "Chair: **Dana**" is Dana
    holder_raw = raw[rest : rest + len(holder_masked)]
    guest = _GUEST_END.search(holder_masked)
    holder = text_of(holder_raw[: guest.start()] if guest else holder_raw)
    if holder_masked.strip(" \t*_").casefold() == "open" and not guest:
        holder = ""
    if own := _OWN_ROLE_END.search(key_masked):
        label = text_of(key_raw[: own.start()])
        if not label:
            return (
                f'Give the role of the team\'s own a name, like "- Norms monitor{OWN_ROLE}: Dana".'
            )
        return ParsedRole(number, "custom", holder, label, guest is not None)
    word = " ".join(text_of(key_raw).split()).casefold()
    if word not in ROLES:
        return (
            f'"{text_of(key_raw)[:40]}" is not a role this format knows; use Facilitator, '
            f"Recorder, Timekeeper or Chair, or mark a role of the team's own like \"- Norms "
            f'monitor{OWN_ROLE}: Dana".'
        )
    return ParsedRole(number, ROLES[word], holder, "", guest is not None)


def kind_problem(word: str) -> str:
    return f'"[{word}]" is not a kind of item; use [information], [discussion] or [decision].'
