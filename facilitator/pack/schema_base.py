"""What every pack model shares: strictness, the id pattern, the source reference."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base of all pack models: frozen, and unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


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
