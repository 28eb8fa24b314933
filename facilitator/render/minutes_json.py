"""Minutes as JSON, and back: the whole record of a meeting in a file that another
facilitator (`facilitator.services.minutes_io.import_minutes`) or any program can read.

The file is one JSON object (UTF-8, indented by two spaces, fields in the order below):

    {"format": "facilitator-minutes", "version": 1,
     "exported_at": "2026-11-23T14:00:00+00:00", "meeting": {...}}

`meeting` mirrors `facilitator.domain.minutes.Minutes` field by field. Datetimes are ISO
8601 in UTC with their offset ("2026-11-09T15:31:00+00:00"; a reader accepts any offset),
dates are "YYYY-MM-DD", a missing value is null, a tuple is an array (but a secret
ballot's counts, an object) and each part is an object of its own fields. A person is
{"name": ..., "member_id": ...}: a team member has an id, a guest has null. Values the
minutes derive (an item's actual minutes, who was present, all the meeting's actions at
once) are not stored, except a decision's computed `result`, written after its fields
for other programs and skipped by a reader (it counts the votes again).

Ids are the exporting database's. They only let parts of the file refer to each other: an
`agenda_item_id` is the `id` of one of the file's `items`, a parking-lot entry's
`action_item_id` the `id` of one of its actions; an importer gives everything new ids. A
reader takes the default for a field left out that has one (shown below as `= default`)
and refuses a field it does not know, a status outside its list, a number outside its
range (`minutes_json_checks.RANGES`, e.g. a continuum point from 1 to 7), a blank name,
and an anonymous vote that names its voter. Text is read without control characters,
and names and titles on one line (see `facilitator.domain.clean`); the writer escapes
DEL, C1 and bidirectional controls as JSON escapes C0, so an old record holding them
prints safely. Any change beyond adding a field with a default comes with a new version
number: a file written before a field was added still reads.

`evaluation` holds the meeting's evaluation results (none when it was not evaluated or
they were left out of the minutes), each instrument an object as `facilitator evaluation
--format json` writes it in its `instruments` (`facilitator.render.evaluation`). Like a
decision's `result` it is written for other programs and skipped by a reader: it holds
counts, not the answers they were counted from, so an import brings no evaluation.

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
        warning_seconds = 120, evaluation [instrument results] = [] (written, not read)
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
        outcome, status (open, decided, deferred, no_decision), decided_at = null,
        agenda_item_id = null, decider = null, continuum_point (1 to 7) = null,
        threshold_percent (1 to 100) = null, options [option] = [], votes [vote] = [],
        continuum_words = "", method_reason = "", threshold_kind (half, two_thirds,
        percent) = null, quorum = null, present_count = null, ballot (an object of yes,
        no and abstain counts, or null) = null, dot_budget = null, voting_round = 1,
        anonymous = false, after_block (discuss, fallback, defer) = null,
        fallback_method = null, fallback_name = null, rationale = "", review_on = null,
        result (derived: decided and summary, or null; written, not read)
    option: text, chosen = false, voting_round = 1, gives = ""
    vote: voter (person or null), option (an option's text or null), points = 1,
        level = null, blocks = false, note = "", choice (yes, no, abstain, support,
        live_with, block, consulted) = null, voting_round = 1
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
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from datetime import UTC, date, datetime
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from facilitator.domain.clean import clean_line, clean_text, escape_json_controls
from facilitator.domain.decision_count import count_decision
from facilitator.domain.minutes import DecisionLine, Minutes
from facilitator.render.evaluation import instrument_json
from facilitator.render.minutes_json_checks import (
    ONE_LINE,
    check_parts,
    check_range,
    check_value,
    shown,
    wrong,
)
from facilitator.render.minutes_json_checks import (
    UnreadableMinutes as UnreadableMinutes,  # raised here; importers catch it from here
)

FORMAT = "facilitator-minutes"
VERSION = 1

_NAMED: dict[tuple[type, str], tuple[str, ...]] = {
    (DecisionLine, "ballot"): ("yes", "no", "abstain"),
}
"""Tuples of counts written as an object with these keys: {"yes": 5, "no": 3, ...}."""


def _result(decision: DecisionLine) -> object:
    tally = count_decision(decision)
    return None if tally is None else {"decided": tally.decided, "summary": tally.summary}


DERIVED: dict[type, dict[str, Callable[[Any], object]]] = {DecisionLine: {"result": _result}}
"""Values worked out from an object's fields, written after them for other programs to
read; a reader skips them (it works them out again)."""

WRITTEN_ONLY: dict[tuple[type, str], Callable[[Any], object]] = {
    (Minutes, "evaluation"): lambda results: [instrument_json(result) for result in results],
}
"""Fields written in a shape of their own and skipped by a reader, which leaves them at
their default."""

_KINDS = {bool: "true or false", int: "a whole number", str: "text"}
_HINTS: dict[type[Any], dict[str, Any]] = {}
_INT_LIMIT = 2**63  # SQLite keeps 64-bit integers


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
        cls = type(value)
        plain = {f.name: _field(cls, f.name, getattr(value, f.name)) for f in fields(value)}
        return plain | {name: derive(value) for name, derive in DERIVED.get(cls, {}).items()}
    if isinstance(value, tuple):
        return [_plain(part) for part in value]
    if isinstance(value, datetime):
        return _moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # an enumeration member as its plain value
    return value


def _field(cls: type, name: str, value: object) -> object:
    if (cls, name) in WRITTEN_ONLY:
        return WRITTEN_ONLY[cls, name](value)
    keys = _NAMED.get((cls, name))
    if keys is not None and isinstance(value, tuple):
        return dict(zip(keys, value, strict=True))
    return _plain(value)


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
    check_parts(minutes)
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
        said = "has no format" if kind is None else f"says its format is {shown(kind)}"
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
            raise wrong(path, "a list", value)
        return tuple(_read(part, get_args(kind)[0], f"{path}[{n}]") for n, part in enumerate(value))
    if isinstance(kind, type) and is_dataclass(kind):
        return _read_object(value, kind, path)
    if kind is datetime:
        return _read_moment(value, path)
    if kind is date:
        return _read_day(value, path)
    if type(value) is not kind:  # exact: JSON true is not a whole number
        raise wrong(path, _KINDS[kind], value)
    if isinstance(value, int) and not -_INT_LIMIT < value < _INT_LIMIT:
        raise wrong(path, "a whole number the database can hold", value)
    if isinstance(value, str):  # text comes in without control characters
        return clean_text(value)
    return value


def _read_object(value: object, cls: type[Any], path: str) -> Any:
    if not isinstance(value, dict):
        raise wrong(path, "an object", value)
    known = {f.name: f for f in fields(cls)}
    unknown = [key for key in value if key not in known and key not in DERIVED.get(cls, {})]
    if unknown:
        raise UnreadableMinutes(
            f'{path} has a field facilitator does not know: "{unknown[0]}".', path
        )
    hints = _hints(cls)
    found: dict[str, Any] = {}
    for name, field in known.items():
        where = f"{path}.{name}"
        if (name not in value or (cls, name) in WRITTEN_ONLY) and _has_default(field):
            continue
        raw, keys = _required(value, name, path), _NAMED.get((cls, name))
        found[name] = _read_counts(raw, keys, where) if keys else _read(raw, hints[name], where)
        if (cls, name) in ONE_LINE and isinstance(found[name], str):
            found[name] = clean_line(found[name])
        check_value(cls, name, found[name], where)
    return cls(**found)


def _read_counts(value: object, keys: tuple[str, ...], path: str) -> tuple[int, ...] | None:
    """Counts written as an object with `keys` (`_NAMED`), or null."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(keys):
        wanted = f"an object of {', '.join(keys[:-1])} and {keys[-1]} counts"
        raise wrong(path, wanted, value)
    counts = []
    for key in keys:
        count = _read(value[key], int, f"{path}.{key}")
        check_range(count, (0, None), f"{path}.{key}")
        counts.append(count)
    return tuple(counts)


def _read_moment(value: object, path: str) -> datetime:
    example = "a date and time like 2026-11-30T15:30:00+00:00"
    if not isinstance(value, str):
        raise wrong(path, example, value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise wrong(path, example, value) from None
    if moment.tzinfo is None:
        raise UnreadableMinutes(f"{path} has no UTC offset ({shown(value)}); add +00:00.", path)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # the first or last day there is, on an offset
        raise wrong(path, example, value) from None


def _read_day(value: object, path: str) -> date:
    example = "a date like 2026-11-30"
    if not isinstance(value, str) or len(value) != 10:
        raise wrong(path, example, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise wrong(path, example, value) from None


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
