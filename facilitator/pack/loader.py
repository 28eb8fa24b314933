"""Load the content pack from its directories and validate every entry.

Problems become one `ContentError` sentence naming the file, the entry and the field,
e.g. ``content/norms.toml: norm 3 ("probing"): field "name": Field required``.
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
from facilitator.pack.schema import AgendaTemplate, Document, Entry, NormEntry, RoleEntry


@dataclass(frozen=True)
class Kind:
    """One kind of entry: where its files are and how each entry is validated."""

    name: str
    pattern: str  # a file name, or a glob for one-entry-per-file kinds
    model: type[BaseModel]
    table: str | None  # the [[table]] holding the entries; None: the file is one entry
    required: bool = True


KINDS: tuple[Kind, ...] = (
    Kind("sources", "sources.toml", Document, "document"),
    Kind("norms", "norms.toml", NormEntry, "norm"),
    Kind("roles", "roles.toml", RoleEntry, "role"),
    Kind("agenda_templates", "agenda_templates/*.toml", AgendaTemplate, None),
)


@dataclass(frozen=True)
class Pack:
    """Every entry of the pack by kind, each a dict from id to entry in file order."""

    sources: dict[str, Document] = field(default_factory=dict)
    norms: dict[str, NormEntry] = field(default_factory=dict)
    roles: dict[str, RoleEntry] = field(default_factory=dict)
    agenda_templates: dict[str, AgendaTemplate] = field(default_factory=dict)


def load_pack(roots: Sequence[Path]) -> Pack:
    """Load and validate the pack from `roots` (packaged first, then the user's own)."""
    collected: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
    origins: dict[tuple[str, str], str] = {}
    for index, root in enumerate(roots):
        for kind in KINDS:
            files = _files(root, kind, required=kind.required and index == 0)
            for path in files:
                label = _label(root, path, packaged=index == 0)
                for entry in _entries(path, label, kind):
                    entry_id = str(entry.id)
                    earlier = origins.get((kind.name, entry_id))
                    if earlier is not None:
                        raise ContentError(
                            f'{label}: id "{entry_id}" is already used in {earlier}; '
                            "ids must be unique."
                        )
                    origins[(kind.name, entry_id)] = label
                    collected[kind.name][entry_id] = entry
    pack = Pack(**collected)
    _check_sources(pack, origins)
    return pack


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
        more = error.error_count() - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ContentError(f"{label}: {where}{field_part}{first['msg']}{extra}.") from None


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


def _check_sources(pack: Pack, origins: dict[tuple[str, str], str]) -> None:
    for kind in KINDS[1:]:
        entries: dict[str, Entry] = getattr(pack, kind.name)
        for entry_id, entry in entries.items():
            if entry.source.document not in pack.sources:
                raise ContentError(
                    f'{origins[(kind.name, entry_id)]}: "{entry_id}" names source document '
                    f'"{entry.source.document}", which sources.toml does not list.'
                )


def _label(root: Path, path: Path, *, packaged: bool) -> str:
    return f"content/{path.relative_to(root).as_posix()}" if packaged else str(path)
