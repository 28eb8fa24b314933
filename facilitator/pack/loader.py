"""Load the content pack from its directories and validate every entry.

The packaged pack must be sound: any problem in it is a `ContentError` naming the file,
the entry and the field, e.g.
``content/norms.toml: norm 3 ("probing"): field "name": Field required.``
A school's own files (the user content directory) are loaded beside it and validated
the same way, but a broken one is skipped and reported in `Pack.problems` so that the
packaged content still loads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from facilitator.errors import ContentError
from facilitator.pack.references import reference_problems
from facilitator.pack.schema import (
    AgendaTemplate,
    Checklist,
    ContinuumPoint,
    DecisionMethodEntry,
    Document,
    FutureState,
    Guide,
    NormEntry,
    NormPrompt,
    Protocol,
    RoleEntry,
    TeamType,
)
from facilitator.pack.schema_deciding import DecisionQuestion
from facilitator.pack.schema_evaluation import Instrument, Worksheet
from facilitator.pack.schema_video import VideoGuide


@dataclass(frozen=True)
class Kind:
    """One kind of entry: where its files are and how each entry is validated."""

    name: str
    """The Pack attribute holding its entries."""
    pattern: str
    """A file name, or a glob for one-entry-per-file kinds."""
    model: type[BaseModel]
    table: str | None
    """The [[table]] holding the entries; None when the file is one entry."""


KINDS: tuple[Kind, ...] = (
    Kind("sources", "sources.toml", Document, "document"),
    Kind("norms", "norms.toml", NormEntry, "norm"),
    Kind("norm_prompts", "norm_prompts.toml", NormPrompt, "prompt"),
    Kind("roles", "roles.toml", RoleEntry, "role"),
    Kind("decision_methods", "decision_methods.toml", DecisionMethodEntry, "method"),
    Kind("continuum", "decision_continuum.toml", ContinuumPoint, "point"),
    Kind("decision_questions", "decision_questions.toml", DecisionQuestion, "question"),
    Kind("protocols", "protocols/*.toml", Protocol, None),
    Kind("guides", "guides/*.toml", Guide, None),
    Kind("checklists", "checklists/*.toml", Checklist, None),
    Kind("instruments", "instruments/*.toml", Instrument, None),
    Kind("worksheets", "worksheets/*.toml", Worksheet, None),
    Kind("team_types", "team_types.toml", TeamType, "team_type"),
    Kind("video_guides", "video_guides/*.toml", VideoGuide, None),
    Kind("question_bank", "question_bank/*.toml", FutureState, "state"),
    Kind("agenda_templates", "agenda_templates/*.toml", AgendaTemplate, None),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}


@dataclass(frozen=True)
class Pack:
    """Every entry of the pack by kind, each a dict from id to entry in file order."""

    sources: dict[str, Document] = field(default_factory=dict)
    norms: dict[str, NormEntry] = field(default_factory=dict)
    norm_prompts: dict[str, NormPrompt] = field(default_factory=dict)
    roles: dict[str, RoleEntry] = field(default_factory=dict)
    decision_methods: dict[str, DecisionMethodEntry] = field(default_factory=dict)
    continuum: dict[str, ContinuumPoint] = field(default_factory=dict)
    decision_questions: dict[str, DecisionQuestion] = field(default_factory=dict)
    protocols: dict[str, Protocol] = field(default_factory=dict)
    guides: dict[str, Guide] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    team_types: dict[str, TeamType] = field(default_factory=dict)
    video_guides: dict[str, VideoGuide] = field(default_factory=dict)
    question_bank: dict[str, FutureState] = field(default_factory=dict)
    agenda_templates: dict[str, AgendaTemplate] = field(default_factory=dict)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind name, id) -> the file the entry came from, as shown in messages."""
    problems: tuple[str, ...] = ()
    """Sentences about the user's own files that were skipped."""

    def entries(self, kind: str) -> dict[str, Any]:
        """The entries of the kind called `kind` (a Kind.name)."""
        entries: dict[str, Any] = getattr(self, kind)
        return entries

    def team_kind(self, text: str) -> str | None:
        """What a team's type is stored as: the id of the pack's team type named `text`
        (by name or id, in any case), else the words as typed; None when empty."""
        words = " ".join(text.split())
        if not words:
            return None
        wanted = words.casefold()
        return next(
            (
                key
                for key, team_type in self.team_types.items()
                if wanted in (key.casefold(), team_type.name.casefold())
            ),
            words,
        )


def load_pack(roots: Sequence[Path]) -> Pack:
    """Load and validate the pack: `roots[0]` is the packaged pack, the rest the user's."""
    if not roots:
        raise ValueError("load_pack needs at least the packaged content directory")
    collected: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
    origins: dict[tuple[str, str], str] = {}
    _load_root(roots[0], collected, origins, packaged=True)
    packaged = _pack(collected, origins)
    broken = reference_problems(packaged)
    if broken:
        raise ContentError(broken[0][1])
    problems: list[str] = []
    for root in roots[1:]:
        problems += _load_user_root(root, collected, origins)
    return _pack(collected, origins, problems)


def _pack(
    collected: dict[str, dict[str, Any]],
    origins: dict[tuple[str, str], str],
    problems: Sequence[str] = (),
) -> Pack:
    entries: dict[str, Any] = collected  # one dict per kind, keyed by the Pack field name
    return Pack(**entries, origins=dict(origins), problems=tuple(problems))


def _load_root(
    root: Path,
    collected: dict[str, dict[str, Any]],
    origins: dict[tuple[str, str], str],
    *,
    packaged: bool,
) -> None:
    for kind in KINDS:
        for path in _files(root, kind, required=packaged):
            label = _label(root, path, packaged=packaged)
            entries = list(_entries(path, label, kind))
            for entry in entries:
                _add(kind, entry, label, collected, origins)


def _load_user_root(
    root: Path, collected: dict[str, dict[str, Any]], origins: dict[tuple[str, str], str]
) -> list[str]:
    """Add a school's own files one by one; a file with any problem is skipped whole."""
    problems: list[str] = []
    for kind in KINDS:
        for path in _files(root, kind, required=False):
            label = _label(root, path, packaged=False)
            trial = {name: dict(entries) for name, entries in collected.items()}
            trial_origins = dict(origins)
            try:
                for entry in _entries(path, label, kind):
                    _add(kind, entry, label, trial, trial_origins)
            except ContentError as error:
                problems.append(f"{error.sentence} The file was skipped.")
                continue
            own = [
                sentence
                for (kind_name, entry_id), sentence in reference_problems(
                    _pack(trial, trial_origins)
                )
                if trial_origins.get((kind_name, entry_id)) == label
            ]
            if own:
                problems.append(f"{own[0]} The file was skipped.")
                continue
            collected.update(trial)
            origins.update(trial_origins)
    return problems


def _add(
    kind: Kind,
    entry: Any,
    label: str,
    collected: dict[str, dict[str, Any]],
    origins: dict[tuple[str, str], str],
) -> None:
    entry_id = str(entry.id)
    earlier = origins.get((kind.name, entry_id))
    if earlier is not None:
        raise ContentError(
            f'{label}: id "{entry_id}" is already used in {earlier}; ids must be unique.'
        )
    origins[(kind.name, entry_id)] = label
    collected[kind.name][entry_id] = entry


def _files(root: Path, kind: Kind, *, required: bool) -> list[Path]:
    if "*" not in kind.pattern:
        path = root / kind.pattern
        if not path.is_file():
            if required:
                raise ContentError(f"{_label(root, path, packaged=True)} is missing.")
            return []
        return [path]
    found = sorted(root.glob(kind.pattern))
    if required and not found:
        raise ContentError(f"content/{kind.pattern} matches no files; at least one is needed.")
    return found


def _entries(path: Path, label: str, kind: Kind) -> Iterable[Any]:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{label}: not valid TOML ({error}).") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{label}: cannot be read ({error}).") from None
    if kind.table is None:
        return [_validate(kind.model, document, label, where="")]
    raw_entries = document.get(kind.table)
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ContentError(f"{label}: no [[{kind.table}]] entries found.")
    unexpected = sorted(set(document) - {kind.table})
    if unexpected:
        raise ContentError(f'{label}: unexpected top-level key "{unexpected[0]}".')
    return [
        _validate(kind.model, raw, label, where=_where(kind.table, number, raw))
        for number, raw in enumerate(raw_entries, start=1)
    ]


def _validate(model: type[BaseModel], raw: Any, label: str, *, where: str) -> Any:
    try:
        return model.model_validate(raw)
    except PydanticValidationError as error:
        first = error.errors()[0]
        location = _location(first["loc"])
        field_part = f'field "{location}": ' if location else ""
        message = str(first["msg"]).removeprefix("Value error, ")
        more = error.error_count() - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ContentError(f"{label}: {where}{field_part}{message}{extra}.") from None


def _location(parts: tuple[int | str, ...]) -> str:
    """Pydantic's error location for people: ("items", 1, "minutes") -> "items[2].minutes"."""
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _where(table: str, number: int, raw: Any) -> str:
    entry_id = raw.get("id") if isinstance(raw, dict) else None
    named = f' ("{entry_id}")' if isinstance(entry_id, str) else ""
    return f"{table} {number}{named}: "


def _label(root: Path, path: Path, *, packaged: bool) -> str:
    return f"content/{path.relative_to(root).as_posix()}" if packaged else str(path)
