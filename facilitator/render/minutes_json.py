"""Minutes as JSON, and back: the whole record of a meeting in a file that another
facilitator (`facilitator.services.minutes_io.import_minutes`) or any program can read.

The file is one JSON object (UTF-8, indented by two spaces, fields in the order below):

    {"format": "facilitator-minutes", "version": 1,
     "exported_at": "2026-11-23T14:00:00+00:00", "meeting": {...}}

`meeting` mirrors `facilitator.domain.minutes.Minutes` field by field. Datetimes are ISO
8601 in UTC with their offset ("2026-11-09T15:31:00+00:00"; a reader accepts any offset),
dates are "YYYY-MM-DD", a missing value is null, a tuple is an array and each part is an
object of its own fields. A person is {"name": ..., "member_id": ...}: a team member has
an id, a guest has null. Values the minutes derive (an item's actual minutes, who was
present, all the meeting's actions at once) are not stored.

Ids are the exporting database's. They only let parts of the file refer to each other: an
`agenda_item_id` is the `id` of one of the file's `items`, a parking-lot entry's
`action_item_id` the `id` of one of its actions; an importer gives everything new ids. A
reader takes the default for a field left out that has one (shown below as `= default`)
and refuses a field it does not know, a status outside its list, and a blank name. Text
is read without control characters, and names and titles on one line (see
`facilitator.domain.clean`); the writer escapes DEL, C1 and bidirectional controls as
JSON escapes C0, so an old record holding them prints safely. Any change beyond adding a
field with a default comes with a new version number.

Objects and their fields, in file order (MINUTES_JSON.md beside this module says what each
one means):

    meeting: meeting_id, team_name, team_purpose, title, purpose, goals [text],
        scheduled_start, planned_minutes, location, status (planned, running, closed...),
        started_at, ended_at, closed_at, corrected_at, sent_at, roles [role],
        attendees [attendee], norms [text], items [item], other_actions [action] = [],
        other_decisions [decision] = [], meeting_notes = "", parking [parking] = [],
        takeaways [text] = [], next_agenda [next] = [], communication [message] = [],
        norms_checks [norms check] = [], process_checks [process check] = [],
        time_outs [time-out] = [], turns [turn] = [], recipients [recipient] = [],
        next_meeting (next meeting or null) = null, team_kind = null, template_id = null,
        warning_seconds = 120
    person: name, member_id = null
    role: id, role (a content-pack role id or "custom"), label, holder (person or null),
        focus = ""
    attendee: id, person, status (expected, present, absent, excused)
    item: id, position, title, goal, kind (information, discussion, decision),
        presenter, planned_minutes, extra_seconds = 0, process_id = null, process = null,
        facilitator_notes = "", steps [step] = [], segments [segment] = [], notes = "",
        decisions [decision] = [], actions [action] = []
    step: id, title, detail = "", planned_minutes = null, media_ranges = ""
    segment: started_at, stopped_at = null
    decision: id, question, method (unanimous, one_person, ... or null), method_name,
        outcome, status (open, decided, deferred), decided_at = null,
        agenda_item_id = null, decider = null, continuum_point = null,
        threshold_percent = null, options [option] = [], votes [vote] = []
    option: text, chosen = false
    vote: voter (person or null), option (an option's text or null), points = 1,
        level = null, blocks = false, note = ""
    action: id, what, owner (person or null), due (date or null), status (open, done,
        dropped) = "open", owner_to_be_decided = false, agenda_item_id = null,
        done_at = null
    parking: id, text, raised_by, status (open, next_agenda, action, resolved, dropped)
        = "open", disposition_note = "", disposed_at = null, agenda_item_id = null,
        action_item_id = null
    next: id, title, note = "", status (open, carried, dropped) = "open"
    message: id, key_message, stakeholders = "", messenger = null, method = "",
        timeline = ""
    norms check: checked_at, agenda_item_id, ratings [rating]
    rating: norm (the norm's text), reading (honoured, partly, not_honoured), note = ""
    process check: checked_at, agenda_item_id, progress (yes, partly, no), everyone_in
        (yes, partly, no), note = ""
    time-out: started_at, ended_at, agenda_item_id, note = ""
    turn: speaker (person), queued_at, agenda_item_id = null, started_at = null,
        ended_at = null
    next meeting: title, scheduled_start, planned_minutes, location = ""
    recipient: name, email
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from facilitator.domain.clean import clean_line, clean_text, escape_json_controls
from facilitator.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    CheckAnswer,
    DecisionMethod,
    DecisionStatus,
    ItemKind,
    MeetingStatus,
    NextAgendaStatus,
    NormReading,
    ParkingStatus,
)
from facilitator.domain.meeting_view import Attendee, Person, RoleLine, StepLine
from facilitator.domain.minutes import (
    ActionLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    NextAgendaLine,
    NextMeeting,
    ParkingLine,
    ProcessCheckLine,
    RatingLine,
    Recipient,
)

FORMAT = "facilitator-minutes"
VERSION = 1

_CHOICES: dict[tuple[type, str], type[StrEnum]] = {
    (Minutes, "status"): MeetingStatus,
    (Attendee, "status"): AttendanceStatus,
    (ItemRecord, "kind"): ItemKind,
    (DecisionLine, "method"): DecisionMethod,
    (DecisionLine, "status"): DecisionStatus,
    (ActionLine, "status"): ActionStatus,
    (ParkingLine, "status"): ParkingStatus,
    (NextAgendaLine, "status"): NextAgendaStatus,
    (RatingLine, "reading"): NormReading,
    (ProcessCheckLine, "progress"): CheckAnswer,
    (ProcessCheckLine, "everyone_in"): CheckAnswer,
}
"""Text fields stored as one of an enumeration's values: a reader refuses any other."""

_NAMES = {(Person, "name"), (Minutes, "team_name"), (Minutes, "title")}
"""Text fields that may not be blank (an importer makes teams and members from them)."""

_ONE_LINE = _NAMES | {
    (Minutes, "location"),
    (ItemRecord, "title"),
    (NextAgendaLine, "title"),
    (NextMeeting, "title"),
    (NextMeeting, "location"),
    (RoleLine, "label"),
    (StepLine, "title"),
    (Recipient, "name"),
    (Recipient, "email"),
}
"""Text fields on one line: they lose line breaks and bidirectional controls too."""

_KINDS = {bool: "true or false", int: "a whole number", str: "text"}
_HINTS: dict[type[Any], dict[str, Any]] = {}
_INT_LIMIT = 2**63  # SQLite keeps 64-bit integers


class UnreadableMinutes(ValueError):
    """A minutes file that cannot be read: `sentence` says why, and `path` where
    ("meeting.items[2].actions[0].due"; empty for the file as a whole)."""

    def __init__(self, sentence: str, path: str = "") -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.path = path


# Writing ------------------------------------------------------------------------------


def minutes_json(minutes: Minutes, *, exported_at: datetime) -> str:
    """The minutes as a JSON document (see the module docstring), ending with a newline."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _moment(exported_at),
        "meeting": _plain(minutes),
    }
    # Escaped like C0, so the file shows only printable characters in a terminal.
    return escape_json_controls(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _plain(value: object) -> object:
    """A dataclass value as JSON-ready dicts, lists, text, numbers and null."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(part) for part in value]
    if isinstance(value, datetime):
        return _moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # an enumeration member as its plain value
    return value


def _moment(value: datetime) -> str:
    """ISO 8601 in UTC; a naive datetime is taken to be UTC already (the store's rule)."""
    moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return moment.isoformat()


# Reading ------------------------------------------------------------------------------


def minutes_from_json(text: str) -> Minutes:
    """The minutes in a JSON document written by `minutes_json` (or by hand to the same
    format); raises UnreadableMinutes with one sentence for anything else."""
    try:
        document = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_object)
    except UnreadableMinutes:
        raise
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise UnreadableMinutes(f"The minutes file is not JSON ({error.msg} at {where}).") from None
    except (ValueError, RecursionError):  # a number too long, arrays nested too deep
        raise UnreadableMinutes("The minutes file is not JSON that facilitator can read.") from None
    _check_header(document)
    unknown = sorted(set(document) - {"format", "version", "exported_at", "meeting"})
    if unknown:
        raise UnreadableMinutes(
            f'The minutes file has a field facilitator does not know: "{unknown[0]}".'
        )
    _read(_required(document, "exported_at", ""), datetime, "exported_at")
    minutes: Minutes = _read(_required(document, "meeting", ""), Minutes, "meeting")
    _check_ids(minutes)
    return minutes


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise UnreadableMinutes(f'The minutes file gives "{key}" twice in one object.')
        found[key] = value
    return found


def _check_header(document: object) -> None:
    if not isinstance(document, dict):
        raise UnreadableMinutes(
            "The file is not facilitator minutes: it should be one JSON object with "
            f'"format": "{FORMAT}".'
        )
    kind = document.get("format")
    if kind != FORMAT:
        said = "has no format" if kind is None else f"says its format is {_shown(kind)}"
        raise UnreadableMinutes(
            f'The file is not facilitator minutes: it {said}, not "{FORMAT}".', "format"
        )
    version = document.get("version")
    if type(version) is not int:
        raise UnreadableMinutes(
            "The minutes file has no version number (it should say 1).", "version"
        )
    if version != VERSION:
        raise UnreadableMinutes(
            f"The minutes file is version {version}, which this facilitator cannot read "
            f"(it reads version {VERSION}); a newer facilitator may.",
            "version",
        )


def _read(value: object, kind: Any, path: str) -> Any:
    """`value` from the JSON checked against the type `kind` and made into it."""
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        return _read(value, inner, path)
    if origin is tuple:
        if not isinstance(value, list):
            raise _wrong(path, "a list", value)
        return tuple(_read(part, get_args(kind)[0], f"{path}[{n}]") for n, part in enumerate(value))
    if isinstance(kind, type) and is_dataclass(kind):
        return _read_object(value, kind, path)
    if kind is datetime:
        return _read_moment(value, path)
    if kind is date:
        return _read_day(value, path)
    if type(value) is not kind:  # exact: JSON true is not a whole number
        raise _wrong(path, _KINDS[kind], value)
    if isinstance(value, int) and not -_INT_LIMIT < value < _INT_LIMIT:
        raise _wrong(path, "a whole number the database can hold", value)
    if isinstance(value, str):  # text comes in without control characters
        return clean_text(value)
    return value


def _read_object(value: object, cls: type[Any], path: str) -> Any:
    if not isinstance(value, dict):
        raise _wrong(path, "an object", value)
    known = {f.name: f for f in fields(cls)}
    unknown = [key for key in value if key not in known]
    if unknown:
        raise UnreadableMinutes(
            f'{path} has a field facilitator does not know: "{unknown[0]}".', path
        )
    hints = _hints(cls)
    found = {}
    for name, field in known.items():
        where = f"{path}.{name}"
        if name not in value and _has_default(field):
            continue
        found[name] = _read(_required(value, name, path), hints[name], where)
        if (cls, name) in _ONE_LINE and isinstance(found[name], str):
            found[name] = clean_line(found[name])
        _check_value(cls, name, found[name], where)
    return cls(**found)


def _check_value(cls: type[Any], name: str, value: object, path: str) -> None:
    choices = _CHOICES.get((cls, name))
    if choices is not None and value is not None and value not in set(choices):
        listed = ", ".join(choice.value for choice in choices)
        raise UnreadableMinutes(f"{path} should be one of {listed}, not {_shown(value)}.", path)
    if (cls, name) in _NAMES and isinstance(value, str) and not value.strip():
        raise UnreadableMinutes(f"{path} is blank; it needs a name.", path)


def _read_moment(value: object, path: str) -> datetime:
    example = "a date and time like 2026-11-30T15:30:00+00:00"
    if not isinstance(value, str):
        raise _wrong(path, example, value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _wrong(path, example, value) from None
    if moment.tzinfo is None:
        raise UnreadableMinutes(f"{path} has no UTC offset ({_shown(value)}); add +00:00.", path)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # the first or last day there is, on an offset
        raise _wrong(path, example, value) from None


def _read_day(value: object, path: str) -> date:
    example = "a date like 2026-11-30"
    if not isinstance(value, str) or len(value) != 10:
        raise _wrong(path, example, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _wrong(path, example, value) from None


def _check_ids(minutes: Minutes) -> None:
    """Ids others refer to (items, actions) must each name one thing."""
    _unique([(f"meeting.items[{n}].id", item.id) for n, item in enumerate(minutes.items)])
    actions = [
        (f"meeting.items[{n}].actions[{k}].id", action.id)
        for n, item in enumerate(minutes.items)
        for k, action in enumerate(item.actions)
    ]
    actions += [
        (f"meeting.other_actions[{k}].id", a.id) for k, a in enumerate(minutes.other_actions)
    ]
    _unique(actions)


def _unique(ids: list[tuple[str, int]]) -> None:
    seen: dict[int, str] = {}
    for path, key in ids:
        if key in seen:
            raise UnreadableMinutes(f"{path} is {key}, the same id as {seen[key]}.", path)
        seen[key] = path


def _required(value: Mapping[str, Any], name: str, path: str) -> Any:
    if name not in value:
        where = f"{path}.{name}" if path else name
        raise UnreadableMinutes(f"The minutes file has no {where}.", where)
    return value[name]


def _has_default(field: Field[Any]) -> bool:
    return field.default is not MISSING or field.default_factory is not MISSING


def _hints(cls: type[Any]) -> dict[str, Any]:
    """A dataclass's field types, resolved once (the annotations are strings)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _wrong(path: str, wanted: str, value: object) -> UnreadableMinutes:
    return UnreadableMinutes(f"{path} should be {wanted}, not {_shown(value)}.", path)


def _shown(value: object) -> str:
    """A JSON value as the file writes it, cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
