"""Minutes as JSON: the demo meeting's file is the golden one, every minutes value reads
back equal, a bad file is one sentence naming where, and the format's documentation (the
module docstring and MINUTES_JSON.md) lists exactly the fields the file has."""

from __future__ import annotations

import json
import re
from dataclasses import MISSING, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.meeting_view import Attendee, Person, RoleLine, StepLine
from facilitator.domain.minutes import (
    ActionLine,
    CommunicationLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    NextAgendaLine,
    NextMeeting,
    NormsCheckLine,
    OptionLine,
    ParkingLine,
    ProcessCheckLine,
    RatingLine,
    Recipient,
    TimeOutLine,
    TurnLine,
    VoteLine,
)
from facilitator.domain.timer import Segment
from facilitator.pack.loader import Pack
from facilitator.render import minutes_json as module
from facilitator.render.minutes_json import UnreadableMinutes, minutes_from_json, minutes_json
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW
from tests.render.exports import small_minutes
from tests.render.golden import check_golden

DOC_NAMES: dict[type, str] = {
    Minutes: "meeting",
    Person: "person",
    RoleLine: "role",
    Attendee: "attendee",
    ItemRecord: "item",
    StepLine: "step",
    Segment: "segment",
    DecisionLine: "decision",
    OptionLine: "option",
    VoteLine: "vote",
    ActionLine: "action",
    ParkingLine: "parking",
    NextAgendaLine: "next",
    CommunicationLine: "message",
    NormsCheckLine: "norms check",
    RatingLine: "rating",
    ProcessCheckLine: "process check",
    TimeOutLine: "time-out",
    TurnLine: "turn",
    NextMeeting: "next meeting",
    Recipient: "recipient",
}
"""Each object of the file, by the name the documentation gives it."""

TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
NAME = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30).filter(
    lambda name: bool(clean_line(name).strip())
)


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    """The demo's closed November meeting, with a full record."""
    return meeting_minutes(demo_db, meeting_id=1, pack=pack)


def document(minutes: Minutes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(minutes_json(minutes, exported_at=FROZEN_NOW))
    return loaded


def test_the_demo_meeting_matches_its_golden_file(november: Minutes) -> None:
    check_golden("minutes-1.json", minutes_json(november, exported_at=FROZEN_NOW).encode())


def test_the_demo_meeting_reads_back_equal(november: Minutes) -> None:
    """Equal but for the evaluation results, which a reader skips (they are counts)."""
    assert november.evaluation
    read = minutes_from_json(minutes_json(november, exported_at=FROZEN_NOW))
    assert read == replace(november, evaluation=())


def test_the_file_has_a_header_and_the_minutes_fields_in_order(november: Minutes) -> None:
    data = document(november)
    assert list(data) == ["format", "version", "exported_at", "meeting"]
    assert (data["format"], data["version"]) == ("facilitator-minutes", 1)
    assert data["exported_at"] == "2026-11-23T14:00:00+00:00"
    meeting = data["meeting"]
    assert list(meeting) == [f.name for f in fields(Minutes)]
    assert "actions" not in meeting and "present" not in meeting  # derived, not stored
    assert meeting["started_at"] == "2026-11-09T15:31:00+00:00"
    action = meeting["items"][5]["actions"][1]
    assert action["due"] == "2026-11-19"
    assert action["owner"] == {"name": "Daniel Okafor", "member_id": 2}
    assert meeting["attendees"][8]["person"]["member_id"] is None  # a guest
    assert meeting["corrected_at"] is None


def test_text_is_written_as_it_is_not_escaped_to_ascii() -> None:
    text = minutes_json(small_minutes(what="Café: “quotes” and 漢字"), exported_at=FROZEN_NOW)
    assert "Café: “quotes” and 漢字" in text
    assert text.endswith("}\n")


def test_a_datetime_on_another_offset_is_read_as_utc(november: Minutes) -> None:
    data = document(november)
    data["meeting"]["started_at"] = "2026-11-09T16:31:00+01:00"
    assert minutes_from_json(json.dumps(data)).started_at == november.started_at


def test_fields_with_defaults_may_be_left_out(november: Minutes) -> None:
    data = document(november)
    for name in ("other_actions", "meeting_notes", "turns", "next_meeting", "warning_seconds"):
        del data["meeting"][name]
    for action in data["meeting"]["items"][5]["actions"]:
        del action["status"]
    read = minutes_from_json(json.dumps(data))
    assert read.turns == () and read.next_meeting is None and read.warning_seconds == 120
    assert {a.status for a in read.actions} == {"open"}


def test_a_field_beside_the_meeting_is_refused(november: Minutes) -> None:
    data = document(november)
    data["author"] = "Ana"
    with pytest.raises(UnreadableMinutes, match='does not know: "author"'):
        minutes_from_json(json.dumps(data))


def test_a_byte_order_mark_is_ignored(november: Minutes) -> None:
    read = minutes_from_json("\ufeff" + minutes_json(november, exported_at=FROZEN_NOW))
    assert read == replace(november, evaluation=())


DELETE = object()


def _set(data: dict[str, Any], path: str, value: object) -> None:
    """Set (or, with DELETE, remove) the value at a path like "meeting.items[5].title"."""
    keys: list[str | int] = []
    for part in path.split("."):
        name, *indexes = re.split(r"\[(\d+)\]", part)
        keys += [name, *(int(i) for i in indexes if i)]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    if value is DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


DUE = "meeting.items[5].actions[0].due"
BAD_VALUES = [
    (DUE, "tomorrow", DUE, 'should be a date like 2026-11-30, not "tomorrow"'),
    (DUE, 20261116, DUE, "should be a date like 2026-11-30, not 20261116"),
    (DUE, DELETE, DUE, f"The minutes file has no {DUE}."),
    ("meeting.items[2].title", DELETE, "meeting.items[2].title", "has no meeting.items[2].title"),
    ("meeting.items[2].title", None, "meeting.items[2].title", "should be text, not null"),
    ("meeting.planned_minutes", "60", "meeting.planned_minutes", 'a whole number, not "60"'),
    ("meeting.planned_minutes", True, "meeting.planned_minutes", "a whole number, not true"),
    ("meeting.items[0].segments", {}, "meeting.items[0].segments", "should be a list, not {}"),
    ("meeting.roles[0].holder", "Maria", "meeting.roles[0].holder", "should be an object"),
    ("meeting.started_at", "2026-11-09T15:31:00", "meeting.started_at", "has no UTC offset"),
    ("meeting.started_at", "soon", "meeting.started_at", "should be a date and time like"),
    ("meeting.ended_at", "0001-01-01T00:00:00+01:00", "meeting.ended_at", "a date and time"),
    (
        "meeting.planned_minutes",
        2**70,
        "meeting.planned_minutes",
        "a whole number the database can hold",
    ),
    ("meeting.status", "finished", "meeting.status", "should be one of planned, running, closed"),
    (
        "meeting.items[5].actions[0].status",
        "finished",
        "meeting.items[5].actions[0].status",
        'should be one of open, done, dropped, not "finished"',
    ),
    ("meeting.attendees[8].person.name", "  ", "meeting.attendees[8].person.name", "is blank"),
    ("meeting.team_name", "", "meeting.team_name", "is blank; it needs a name"),
    ("meeting.items[1].colour", "red", "meeting.items[1]", 'does not know: "colour"'),
    ("meeting.items[1].id", 1, "meeting.items[1].id", "the same id as meeting.items[0].id"),
    (
        "meeting.items[5].actions[1].id",
        1,
        "meeting.items[5].actions[1].id",
        "is 1, the same id as meeting.items[5].actions[0].id",
    ),
]


@pytest.mark.parametrize(("path", "value", "where", "said"), BAD_VALUES)
def test_a_bad_field_is_one_sentence_naming_its_path(
    november: Minutes, path: str, value: object, where: str, said: str
) -> None:
    data = document(november)
    _set(data, path, value)
    with pytest.raises(UnreadableMinutes) as caught:
        minutes_from_json(json.dumps(data))
    assert caught.value.path == where
    assert where in caught.value.sentence
    assert said in caught.value.sentence
    assert_one_sentence(caught.value.sentence)


BAD_FILES = [
    ("", "The minutes file is not JSON (Expecting value at line 1, column 1)."),
    ("{", "The minutes file is not JSON"),
    ("[1, 2]", "The file is not facilitator minutes: it should be one JSON object"),
    ('{"version": 1}', 'The file is not facilitator minutes: it has no format, not "facilitator'),
    ('{"format": "agenda"}', 'it says its format is "agenda", not "facilitator-minutes"'),
    ('{"format": "facilitator-minutes"}', "The minutes file has no version number"),
    ('{"format": "facilitator-minutes", "version": 2}', "is version 2, which this facilitator"),
    (
        '{"format": "facilitator-minutes", "version": 1, "exported_at": "2026-11-23T14:00:00Z"}',
        "The minutes file has no meeting.",
    ),
    ('{"format": "facilitator-minutes", "version": 1}', "The minutes file has no exported_at."),
    ('{"format": "facilitator-minutes", "format": "x"}', 'gives "format" twice in one object'),
    ("[" * 100_000, "The minutes file is not JSON that facilitator can read."),
    ('{"n": ' + "1" * 5000 + "}", "The minutes file is not JSON that facilitator can read."),
]


@pytest.mark.parametrize(("text", "said"), BAD_FILES)
def test_a_file_that_is_not_minutes_is_one_sentence(text: str, said: str) -> None:
    with pytest.raises(UnreadableMinutes) as caught:
        minutes_from_json(text)
    assert said in caught.value.sentence
    assert_one_sentence(caught.value.sentence)


def assert_one_sentence(sentence: str) -> None:
    assert "\n" not in sentence
    assert sentence.endswith(".")
    assert sentence[0].isupper() or sentence.startswith("meeting")


@settings(max_examples=50, deadline=None)
@given(what=TEXT, owner=NAME, note=TEXT)
@example(what="<script>", owner="[bold]", note="*")
@example(what="|", owner=",", note="=cmd()")
@example(what="+1", owner="-2", note="@x")
@example(what="a\nb", owner='"quoted"', note=";")
@example(what="\\", owner="a\r\nb", note="\x00\x1b[31m")
def test_any_text_reads_back_equal(what: str, owner: str, note: str) -> None:
    """Equal, but for control characters, which a reader drops (issue 15, defect 2)."""
    minutes = small_minutes(what=what, owner=owner, note=note)
    kept = small_minutes(what=clean_text(what), owner=clean_line(owner), note=clean_text(note))
    assert minutes_from_json(minutes_json(minutes, exported_at=FROZEN_NOW)) == kept


@settings(max_examples=50, deadline=None)
@given(text=st.text())
@example(text="\x1b]0;pwned\x07\x9b2J\x7f\u202e\r")
def test_the_file_shows_only_printable_characters(text: str) -> None:
    """Regression (issue 15, defect 2): DEL, C1 and bidirectional controls were written
    raw into the JSON (which escapes only C0), so the file drove the terminal it was
    printed on. They are escaped and read back the same."""
    written = minutes_json(small_minutes(note=text), exported_at=FROZEN_NOW)

    assert not any(unsafe(char) for char in written)
    assert json.loads(written)["meeting"]["items"][0]["notes"] == text


def unsafe(char: str) -> bool:
    """A character that a terminal obeys rather than shows (line feed aside)."""
    code = ord(char)
    return (code < 0x20 and char != "\n") or 0x7F <= code <= 0x9F or char in BIDI


BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_a_meeting_with_every_part_reads_back_equal() -> None:
    """The parts the demo lacks: other decisions, steps, a meeting note, an open segment."""
    base = small_minutes()
    decision = DecisionLine(
        1, "Which day?", "one_person", "One person decides", "Tuesday", "decided",
        decider=Person("Ana Lima", 11), options=(OptionLine("Tuesday", True),),
        votes=(VoteLine(None, None, level=3, blocks=True, note="no"),),
    )  # fmt: skip
    item = replace(
        base.items[0],
        steps=(StepLine(4, "Read", "What stands out?", 5, "1:24-1:40"),),
        segments=(Segment(base.scheduled_start),),
        process_id="tuning",
        process="Tuning protocol",
    )
    minutes = replace(
        base,
        items=(item,),
        other_decisions=(decision,),
        next_agenda=(NextAgendaLine(1, "Budget", "bring figures", "carried"),),
        communication=(CommunicationLine(1, "We moved", "Staff", None, "E-mail", "Friday"),),
        process_checks=(ProcessCheckLine(base.scheduled_start, None, "yes", "no", "n"),),
        time_outs=(TimeOutLine(base.scheduled_start, None, 3, "calm"),),
        takeaways=("One", "Two"),
    )
    assert minutes_from_json(minutes_json(minutes, exported_at=FROZEN_NOW)) == minutes


# The documentation lists exactly the file's fields ---------------------------------------


def objects(cls: type = Minutes) -> list[type]:
    """Every dataclass the file holds field by field, reached from Minutes (a field
    written in a shape of its own is documented on its own)."""
    found = [cls]
    for name, kind in get_type_hints(cls).items():
        if (cls, name) in module.WRITTEN_ONLY:
            continue
        for inner in (kind, *get_args(kind), *(a for k in get_args(kind) for a in get_args(k))):
            if isinstance(inner, type) and is_dataclass(inner) and inner not in found:
                found += [c for c in objects(inner) if c not in found]
    return found


def documented_fields() -> dict[str, list[str]]:
    """The module docstring's "name: field, field = default, ..." lines, parsed."""
    doc = module.__doc__ or ""
    block = doc.split("one means):\n", 1)[1]
    entries: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        if line.startswith("    ") and not line.startswith("        ") and ":" in line:
            name, rest = line.strip().split(":", 1)
            entries[name] = rest
        elif line.strip():
            entries[name] += " " + line.strip()
    listed = {}
    for name, rest in entries.items():
        plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", rest)
        listed[name] = [part.strip() for part in plain.split(",") if part.strip()]
    return listed


def test_the_docstring_lists_every_field_in_order_with_its_default() -> None:
    listed = documented_fields()
    assert set(listed) == set(DOC_NAMES.values())
    assert set(objects()) == set(DOC_NAMES)
    for cls, name in DOC_NAMES.items():
        expected = [
            f.name if f.default is MISSING and f.default_factory is MISSING else f"{f.name} ="
            for f in fields(cls)
        ]
        expected += list(module.DERIVED.get(cls, {}))  # written after the fields
        assert [re.sub(r"\s*=.*", " =", entry) for entry in listed[name]] == expected, name


def test_the_markdown_documents_every_field() -> None:
    text = (Path(module.__file__).parent / "MINUTES_JSON.md").read_text()
    sections = {
        part.split(" (", 1)[0]: part for part in text.split("\n### ")[1:]
    }  # "meeting (Minutes)" -> its table
    for cls, name in DOC_NAMES.items():
        section = sections[name]
        assert f"({cls.__name__})" in section.splitlines()[0]
        rows = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
        assert rows == [f.name for f in fields(cls)] + list(module.DERIVED.get(cls, {})), name
        for f in fields(cls):
            optional = "*Optional*" in section.split(f"| `{f.name}` |", 1)[1].splitlines()[0]
            has_default = f.default is not MISSING or f.default_factory is not MISSING
            assert optional == has_default, f"{name}.{f.name}"
