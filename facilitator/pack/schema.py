"""Typed models for every kind of content-pack entry.

Each field carries a docstring: content/README.md documents the same schema for
people adding their own entries. Models are strict (unknown fields are errors) so a
typo in a data file is reported instead of silently ignored.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from facilitator.domain.enums import ItemKind

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base of all pack models: frozen, and unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Document(Strict):
    """A source document the content draws its facts from."""

    id: str = Field(pattern=SLUG)
    """Short id entries use to name this document, e.g. "guidebook"."""
    title: str = Field(min_length=1)
    """The document's title as published."""
    publisher: str = ""
    """Who published it."""
    year: int | None = None
    """Year of publication or last update, if the document gives one."""
    file: str = ""
    """The seed file it came from (for the project's own records)."""


class SourceRef(Strict):
    """Where an entry's facts come from."""

    document: str = Field(pattern=SLUG)
    """The id of a document in sources.toml."""
    section: str = Field(min_length=1)
    """The section or page heading within that document."""


class Entry(Strict):
    """Fields every entry has."""

    id: str = Field(pattern=SLUG)
    """Stable id (lowercase words joined by hyphens); the database refers to entries by it."""
    source: SourceRef
    """Where the entry's facts come from."""


class NormEntry(Entry):
    """One of the Seven Norms of Collaborative Work."""

    name: str = Field(min_length=1)
    """The norm's name, e.g. "Pausing"."""
    practice: str = Field(min_length=1)
    """What the norm looks like in practice, in the project's words."""
    starters: tuple[str, ...] = ()
    """Sentence starters the source suggests for practising it."""


class RoleEntry(Entry):
    """A meeting role and what it involves before, during and after a meeting."""

    name: str = Field(min_length=1)
    """The role's name as shown on the screen, e.g. "Recorder"."""
    focus: str = Field(min_length=1)
    """One line on what the role keeps its eye on (process, content, time, record)."""
    assignable: bool = True
    """False for "team members": everyone holds it, nobody is assigned it."""
    duties: tuple[str, ...] = ()
    """Standing responsibilities."""
    before: tuple[str, ...] = ()
    """Duties before the meeting."""
    during: tuple[str, ...] = ()
    """Duties during the meeting."""
    after: tuple[str, ...] = ()
    """Duties after the meeting."""


class TemplateItem(Strict):
    """One agenda item in a template."""

    title: str = Field(min_length=1)
    """The item's title."""
    goal: str = ""
    """What the discussion should achieve."""
    minutes: int = Field(ge=1, le=600)
    """Planned minutes."""
    kind: ItemKind = ItemKind.DISCUSSION
    """information, discussion or decision."""
    process: str | None = Field(default=None, pattern=SLUG)
    """The id of a protocol to run the item with, if any."""
    notes: str = ""
    """Notes for the facilitator."""


class AgendaTemplate(Entry):
    """A ready-made agenda to start a meeting from."""

    name: str = Field(min_length=1)
    """The template's name, e.g. "Leadership-team meeting"."""
    description: str = ""
    """When to use it."""
    planned_minutes: int = Field(ge=5, le=600)
    """The meeting's planned length."""
    goals: tuple[str, ...] = ()
    """Suggested goals for the meeting."""
    items: tuple[TemplateItem, ...] = Field(min_length=1)
    """The agenda items, in order."""
