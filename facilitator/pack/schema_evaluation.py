"""Pack models for evaluation instruments (their scales, sections and items) and for
worksheets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from facilitator.pack.schema_base import SLUG, Entry, Strict

# Evaluation instruments ----------------------------------------------------------------


class ScaleLevel(Strict):
    """One level of a labelled scale, e.g. "P" for Progressing."""

    code: str = Field(min_length=1)
    """What is recorded, e.g. "N/A", "I", "B", "P", "S" or "emerging"."""
    name: str = Field(min_length=1)
    """Its name, e.g. "Progressing"."""
    meaning: str = ""
    """What choosing it means."""


class Scale(Strict):
    """How an instrument's items are answered."""

    kind: Literal["rating", "levels", "text"]
    """rating: a number from min to max; levels: one of the labelled levels; text: words."""
    min: int | None = None
    """Lowest rating (rating scales)."""
    max: int | None = None
    """Highest rating (rating scales)."""
    low: str = ""
    """What the low end means in general, e.g. "Low"."""
    high: str = ""
    """What the high end means in general, e.g. "High"."""
    levels: tuple[ScaleLevel, ...] = ()
    """The levels, lowest first (levels scales)."""

    @model_validator(mode="after")
    def _fits_kind(self) -> Scale:
        if self.kind == "rating" and (self.min is None or self.max is None or self.min >= self.max):
            raise ValueError("a rating scale needs min and max, with min below max")
        if self.kind == "levels" and len(self.levels) < 2:
            raise ValueError("a levels scale needs at least two levels")
        return self


class InstrumentItem(Strict):
    """One thing an instrument asks about."""

    id: str = Field(pattern=SLUG)
    """Stable id; evaluation answers are stored under it."""
    text: str = Field(min_length=1)
    """The statement, dimension or question."""
    low: str = ""
    """What the lowest rating means for this item (both ends described, where given)."""
    high: str = ""
    """What the highest rating means for this item."""
    questions: tuple[str, ...] = ()
    """Questions that help answer it."""
    descriptors: dict[str, str] = Field(default_factory=dict)
    """What each level looks like for this item, by level code (rubrics)."""


class InstrumentSection(Strict):
    """A group of items, e.g. one norm's three statements."""

    id: str = Field(pattern=SLUG)
    """Stable id."""
    title: str = Field(min_length=1)
    """The section's heading."""
    norm: str | None = Field(default=None, pattern=SLUG)
    """The norm (from norms.toml) the section is about, if any."""
    items: tuple[InstrumentItem, ...] = Field(min_length=1)
    """Its items, in order."""


class Instrument(Entry):
    """An evaluation or self-assessment instrument with its scale."""

    name: str = Field(min_length=1)
    """The instrument's name."""
    summary: str = Field(min_length=1)
    """What it measures and when to use it."""
    instructions: str = ""
    """How to fill it in."""
    use: Literal["meeting", "periodic"]
    """meeting: after a meeting; periodic: a team self-assessment now and then."""
    scale: Scale
    """How every item is answered."""
    item_note: str = ""
    """The label of an optional note beside each answer, e.g. "Opportunity" (none if empty)."""
    sections: tuple[InstrumentSection, ...] = Field(min_length=1)
    """The items, in sections."""

    @model_validator(mode="after")
    def _descriptors_name_levels(self) -> Instrument:
        codes = {level.code for level in self.scale.levels}
        for section in self.sections:
            for item in section.items:
                unknown = set(item.descriptors) - codes
                if unknown:
                    raise ValueError(
                        f'item "{item.id}" describes level "{sorted(unknown)[0]}", '
                        "which the scale does not have"
                    )
        return self


# Worksheets ------------------------------------------------------------------------------


class WorksheetField(Strict):
    """A column or field of a worksheet."""

    id: str = Field(pattern=SLUG)
    """Stable id."""
    label: str = Field(min_length=1)
    """The field's label."""
    help: str = ""
    """What to write in it."""


class Worksheet(Entry):
    """A form a team fills in: the communication plan, the leadership-structures review."""

    name: str = Field(min_length=1)
    """The worksheet's name."""
    summary: str = Field(min_length=1)
    """What it is for."""
    header: tuple[WorksheetField, ...] = ()
    """Fields filled in once per sheet, e.g. the school and the date."""
    fields: tuple[WorksheetField, ...] = Field(min_length=1)
    """Its fields (one row of the worksheet), in order."""
