"""Typed models for every kind of content-pack entry.

Each field carries a docstring; content/README.md documents the same schema for people
adding their own entries (a test keeps the two in step). Models are strict: an unknown
field is an error, so a typo in a data file is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from facilitator.domain.enums import DecisionMethod, ItemKind
from facilitator.pack.schema_base import SLUG, Entry, Strict
from facilitator.pack.schema_deciding import RecommendRule


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


# Norms -----------------------------------------------------------------------------


class NormEntry(Entry):
    """One of the Seven Norms of Collaborative Work (or a school's own)."""

    name: str = Field(min_length=1)
    """The norm's name, e.g. "Pausing"."""
    practice: str = Field(min_length=1)
    """What the norm looks like in practice, in the project's words."""
    starters: tuple[str, ...] = ()
    """Sentence starters the source suggests for practising it."""


class NormPrompt(Entry):
    """A Developing Norms topic with the questions a team answers to set a norm."""

    topic: str = Field(min_length=1)
    """The topic, e.g. "Time" or "Decision making"."""
    questions: tuple[str, ...] = Field(min_length=1)
    """Questions to discuss; the team's answer becomes a norm."""


# Roles -----------------------------------------------------------------------------


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


# Deciding how to decide --------------------------------------------------------------


class DecisionMethodEntry(Entry):
    """One of the six decision-making methods and when it fits."""

    method: DecisionMethod
    """Which method the app records with it: unanimous, one_person, compromise,
    multi_vote, majority or consensus."""
    name: str = Field(min_length=1)
    """The method's name, e.g. "Multi-voting"."""
    summary: str = Field(min_length=1)
    """How the method works, in a sentence or two."""
    fits: tuple[str, ...] = Field(min_length=1)
    """Situations the method suits."""
    cautions: tuple[str, ...] = ()
    """What to watch out for."""
    recommend: tuple[RecommendRule, ...] = ()
    """Rules of "How should we decide?" that recommend this method."""


class ContinuumPoint(Entry):
    """A point on the seven-point decision-making continuum."""

    number: int = Field(ge=1, le=7)
    """Its place on the continuum, 1 to 7."""
    decides: Literal["me", "us", "you"]
    """Whose decision it is, seen from the person describing it."""
    involvement: str = Field(min_length=1)
    """How the other side is involved: "ask if needed", "inform", "consult", "co-construct"."""
    statement: str = Field(min_length=1)
    """The point as a person would say it."""


# Protocols, guides and checklists ---------------------------------------------------


class Step(Strict):
    """One step of a protocol."""

    title: str = Field(min_length=1)
    """What the step is called."""
    detail: str = ""
    """What happens in it."""
    minutes: int | None = Field(default=None, ge=1, le=600)
    """Suggested minutes, where the protocol sets a time."""
    questions: tuple[str, ...] = ()
    """Questions to ask in this step."""


class Contrast(Strict):
    """A pair of opposing principles, e.g. position-based against interest-based."""

    instead_of: str = Field(min_length=1)
    """The approach to move away from."""
    prefer: str = Field(min_length=1)
    """The approach the protocol asks for."""


class Protocol(Entry):
    """A structured process an agenda item can run with (its steps drive the live screen)."""

    name: str = Field(min_length=1)
    """The protocol's name."""
    summary: str = Field(min_length=1)
    """What it is for."""
    when: tuple[str, ...] = ()
    """When to use it."""
    when_not: tuple[str, ...] = ()
    """When it is the wrong tool."""
    steps: tuple[Step, ...] = ()
    """The steps, in order."""
    questions: tuple[str, ...] = ()
    """Questions the facilitator can ask at any point."""
    contrasts: tuple[Contrast, ...] = ()
    """Principles it asks for, each against the habit it replaces."""
    contrast_labels: tuple[str, str] = ("Instead of", "Prefer")
    """Headings for the two sides of `contrasts`."""


class GuidePoint(Strict):
    """One point of a guide: a named idea with its explanation, or a plain bullet."""

    name: str = ""
    """A short name, e.g. "Benevolence" (optional)."""
    text: str = Field(min_length=1)
    """The point itself."""


class GuideSection(Strict):
    """A titled part of a guide."""

    id: str = Field(pattern=SLUG)
    """Stable id, so screens can show one section (e.g. "helps-most")."""
    title: str = Field(min_length=1)
    """The section's heading."""
    intro: str = ""
    """A sentence introducing the points."""
    points: tuple[GuidePoint, ...] = Field(min_length=1)
    """The points, in order."""


class Guide(Entry):
    """Reference material: what the practice says about a topic."""

    title: str = Field(min_length=1)
    """The guide's title."""
    topic: str = Field(min_length=1)
    """A grouping word for the library, e.g. "Deciding", "Conflict", "Facilitation"."""
    summary: str = Field(min_length=1)
    """What the guide covers."""
    sections: tuple[GuideSection, ...] = Field(min_length=1)
    """Its sections, in order."""


class ChecklistItem(Strict):
    """One element of a checklist, usable for planning and for evaluation."""

    id: str = Field(pattern=SLUG)
    """Stable id."""
    element: str = Field(min_length=1)
    """The element, e.g. "Detailed agenda"."""
    looks_like: tuple[str, ...] = Field(min_length=1)
    """What it looks like when it is in place."""
    plan: str = Field(min_length=1)
    """The question to ask while planning a meeting."""
    evaluate: str = Field(min_length=1)
    """The question to ask when evaluating one."""


class Checklist(Entry):
    """A checklist such as "Meetings That Work"."""

    name: str = Field(min_length=1)
    """The checklist's name."""
    summary: str = Field(min_length=1)
    """What it is for."""
    items: tuple[ChecklistItem, ...] = Field(min_length=1)
    """Its elements, in order."""


# Team types ---------------------------------------------------------------------------


class TeamType(Entry):
    """A kind of team: district, school or collaborative learning team."""

    name: str = Field(min_length=1)
    """The team type's name."""
    purpose: str = Field(min_length=1)
    """What the team is for."""
    principles: tuple[str, ...] = Field(min_length=1)
    """Its guiding principles."""
    composition: tuple[str, ...] = Field(min_length=1)
    """Who is on it."""
    functions: tuple[str, ...] = Field(min_length=1)
    """What it does."""
    questions: tuple[str, ...] = ()
    """Questions the team explores, where the source lists them."""


# Reflection-question bank ------------------------------------------------------------


class FutureState(Entry):
    """A desired future state with its strategies and reflection questions."""

    domain: str = Field(min_length=1)
    """The framework's domain, e.g. "Turnaround leadership"."""
    practice: str = Field(min_length=1)
    """The practice within the domain."""
    level: Literal["school", "district"]
    """Whether it concerns the school or the district (LEA)."""
    number: str = ""
    """The framework's item number where the source gives one, e.g. "1.2.30"."""
    state: str = Field(min_length=1)
    """The desired future state."""
    strategies: tuple[str, ...] = ()
    """Strategies and suggestions towards it."""
    questions: tuple[str, ...] = ()
    """Reflection questions to consider."""
    see: str | None = Field(default=None, pattern=SLUG)
    """The id of another state whose strategies and questions also serve this one."""


# Agenda templates -------------------------------------------------------------------


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
    """The id of a protocol (protocols/) to run the item with, if any."""
    step: int | None = Field(default=None, ge=1)
    """Which step of that protocol the item covers (1 = the first); all steps if empty."""
    instrument: str | None = Field(default=None, pattern=SLUG)
    """The id of an instrument (instruments/) the item uses, e.g. a norms check."""
    video: str | None = Field(default=None, pattern=SLUG)
    """The id of a video guide whose segments become the item's steps (video study)."""
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
