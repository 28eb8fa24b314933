"""Every pack entry described the same way, for the library screen and its search.

An entry becomes a `LibraryEntry`: its title, a one-line summary, where it came from, and
a body of simple blocks (headings, paragraphs, lists, pairs) that a screen renders. The
screens that use the practice (planning, live, decisions, evaluation) read the same pack
entries; this module only describes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from facilitator.pack.deciding import WHOSE
from facilitator.pack.loader import KINDS, Pack
from facilitator.pack.schema import (
    AgendaTemplate,
    Checklist,
    ContinuumPoint,
    DecisionMethodEntry,
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

CONTINUUM_ANSWERS = "The answers are the seven points of the decision-making continuum."


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Pairs:
    """Named points: (name, explanation) rows."""

    rows: tuple[tuple[str, str], ...]


Block = Heading | Paragraph | Bullets | Pairs

KIND_LABELS = {
    "norms": "Norms",
    "norm_prompts": "Developing norms",
    "roles": "Roles",
    "decision_methods": "Decision methods",
    "continuum": "Decision continuum",
    "decision_questions": "How should we decide?",
    "protocols": "Protocols",
    "guides": "Guides",
    "checklists": "Checklists",
    "instruments": "Evaluation instruments",
    "worksheets": "Worksheets",
    "team_types": "Team types",
    "video_guides": "Video guides",
    "question_bank": "Reflection questions",
    "agenda_templates": "Agenda templates",
}


@dataclass(frozen=True)
class LibraryEntry:
    """One entry as the library shows it."""

    kind: str
    kind_label: str
    id: str
    title: str
    summary: str
    source: str
    origin: str
    blocks: tuple[Block, ...]
    search_text: str = field(repr=False)


def library(pack: Pack) -> list[LibraryEntry]:
    """Every entry of the pack except the source list, kind by kind in file order."""
    entries = []
    for kind in KINDS[1:]:
        describe = DESCRIBERS[kind.name]
        for entry_id, entry in pack.entries(kind.name).items():
            title, summary, blocks = describe(entry)
            if isinstance(entry, FutureState) and entry.see:
                blocks += _shared_with(pack.question_bank[entry.see])
            source = _source(pack, entry)
            entries.append(
                LibraryEntry(
                    kind=kind.name,
                    kind_label=KIND_LABELS[kind.name],
                    id=entry_id,
                    title=title,
                    summary=summary,
                    source=source,
                    origin=pack.origins.get((kind.name, entry_id), ""),
                    blocks=tuple(blocks),
                    search_text=_search_text(KIND_LABELS[kind.name], title, summary, blocks),
                )
            )
    return entries


def _source(pack: Pack, entry: Any) -> str:
    document = pack.sources.get(entry.source.document)
    title = document.title if document else entry.source.document
    return f"{title} — {entry.source.section}"


def _search_text(kind: str, title: str, summary: str, blocks: Iterable[Block]) -> str:
    parts = [kind, title, summary]
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts += block.items
        else:
            parts += [text for row in block.rows for text in row]
    return "\n".join(parts).casefold()


Description = tuple[str, str, list[Block]]


def _lists(*pairs: tuple[str, Iterable[str]], numbered: bool = False) -> Iterator[Block]:
    """A heading and a list for each (heading, items) pair that has items."""
    for heading, items in pairs:
        items = tuple(items)
        if items:
            yield Heading(heading)
            yield Bullets(items, numbered=numbered)


def _norm(entry: NormEntry) -> Description:
    return (
        entry.name,
        entry.practice,
        [
            Paragraph(entry.practice),
            *_lists(("Sentence starters", entry.starters)),
        ],
    )


def _norm_prompt(entry: NormPrompt) -> Description:
    return (
        entry.topic,
        f"{len(entry.questions)} questions for setting a norm",
        [
            *_lists(("Questions to agree on", entry.questions)),
        ],
    )


def _role(entry: RoleEntry) -> Description:
    return (
        entry.name,
        entry.focus,
        [
            Paragraph(entry.focus),
            *_lists(
                ("Responsibilities", entry.duties),
                ("Before the meeting", entry.before),
                ("During the meeting", entry.during),
                ("After the meeting", entry.after),
            ),
        ],
    )


def _method(entry: DecisionMethodEntry) -> Description:
    return (
        entry.name,
        entry.summary,
        [
            Paragraph(entry.summary),
            *_lists(("When it fits", entry.fits), ("Watch out for", entry.cautions)),
            *_lists(("Recommended when", tuple(rule.reason for rule in entry.recommend))),
        ],
    )


def _question(entry: DecisionQuestion) -> Description:
    if entry.continuum:
        return entry.prompt, entry.prompt, [Paragraph(CONTINUUM_ANSWERS)]
    return entry.prompt, entry.prompt, [*_lists(("Answers", tuple(a.label for a in entry.answers)))]


def _point(entry: ContinuumPoint) -> Description:
    title = f"{entry.number}. {WHOSE[entry.decides]}: {entry.involvement}"
    return title, entry.statement, [Paragraph(entry.statement)]


def _protocol(entry: Protocol) -> Description:
    blocks: list[Block] = [
        Paragraph(entry.summary),
        *_lists(("When to use it", entry.when), ("When not to", entry.when_not)),
    ]
    if entry.steps:
        blocks.append(Heading("Steps"))
        for number, step in enumerate(entry.steps, start=1):
            minutes = f" ({step.minutes} min)" if step.minutes else ""
            blocks.append(Pairs(((f"{number}. {step.title}{minutes}", step.detail),)))
            if step.questions:
                blocks.append(Bullets(step.questions))
    blocks += _lists(("Questions to ask", entry.questions))
    if entry.contrasts:
        left, right = entry.contrast_labels
        blocks.append(Heading(f"{left} → {right}"))
        blocks.append(Pairs(tuple((c.instead_of, c.prefer) for c in entry.contrasts)))
    return entry.name, entry.summary, blocks


def _guide(entry: Guide) -> Description:
    blocks: list[Block] = [Paragraph(entry.summary)]
    for section in entry.sections:
        blocks.append(Heading(section.title))
        if section.intro:
            blocks.append(Paragraph(section.intro))
        named = [(p.name, p.text) for p in section.points if p.name]
        plain = [p.text for p in section.points if not p.name]
        if named:
            blocks.append(Pairs(tuple(named)))
        if plain:
            blocks.append(Bullets(tuple(plain)))
    return entry.title, f"{entry.topic}: {entry.summary}", blocks


def _checklist(entry: Checklist) -> Description:
    blocks: list[Block] = [Paragraph(entry.summary)]
    for item in entry.items:
        blocks.append(Heading(item.element))
        blocks.append(Bullets(item.looks_like))
        blocks.append(Pairs((("Planning", item.plan), ("Evaluating", item.evaluate))))
    return entry.name, entry.summary, blocks


def _instrument(entry: Instrument) -> Description:
    scale = entry.scale
    if scale.kind == "rating":
        ends = f" ({scale.low} to {scale.high})" if scale.low or scale.high else ""
        scale_text = f"Rated {scale.min} to {scale.max}{ends}."
    elif scale.kind == "levels":
        scale_text = "Rated by level: " + ", ".join(f"{lv.code} {lv.name}" for lv in scale.levels)
    else:
        scale_text = "Answered in words."
    if entry.item_note:
        scale_text += f" Beside each answer: {entry.item_note}."
    blocks: list[Block] = [Paragraph(entry.summary), Paragraph(scale_text)]
    if entry.instructions:
        blocks.append(Paragraph(entry.instructions))
    if scale.levels and any(level.meaning for level in scale.levels):
        blocks.append(Pairs(tuple((lv.code, lv.meaning) for lv in scale.levels)))
    for section in entry.sections:
        blocks.append(Heading(section.title))
        for item in section.items:
            blocks.append(Pairs(((item.text, _item_detail(item.low, item.high)),)))
            if item.questions:
                blocks.append(Bullets(item.questions))
            if item.descriptors:
                blocks.append(Pairs(tuple(item.descriptors.items())))
    return entry.name, entry.summary, blocks


def _item_detail(low: str, high: str) -> str:
    if low and high:
        return f"Low: {low} High: {high}"
    return low or high


def _worksheet(entry: Worksheet) -> Description:
    blocks: list[Block] = [Paragraph(entry.summary)]
    if entry.header:
        blocks += [Heading("At the top"), Pairs(tuple((f.label, f.help) for f in entry.header))]
    blocks += [Heading("Each row"), Pairs(tuple((f.label, f.help) for f in entry.fields))]
    return entry.name, entry.summary, blocks


def _team_type(entry: TeamType) -> Description:
    return (
        entry.name,
        entry.purpose,
        [
            Paragraph(entry.purpose),
            *_lists(
                ("Guiding principles", entry.principles),
                ("Who is on it", entry.composition),
                ("What it does", entry.functions),
                ("Questions it explores", entry.questions),
            ),
        ],
    )


def _video(entry: VideoGuide) -> Description:
    blocks: list[Block] = [
        Paragraph(f"Guiding question: {entry.guiding_question}"),
        Paragraph(entry.viewing),
        Heading("The four turnaround practices"),
        Bullets(entry.practices, numbered=True),
        Heading("What the video shows"),
    ]
    for highlight in entry.highlights:
        who = f"{highlight.speaker}, {highlight.at}"
        name = f"Practice {highlight.practice}: {highlight.title} ({who})"
        blocks.append(Pairs(((name, f"{highlight.summary} {highlight.example}"),)))
    blocks.append(Heading("Segments to watch and discuss"))
    for segment in entry.segments:
        times = ", ".join(r.label() for r in segment.ranges)
        blocks.append(Pairs(((f"{segment.title} ({times})", segment.prompt),)))
        blocks.append(Bullets(segment.questions))
    blocks += _lists(("For your own context", entry.closing_questions))
    blocks += _lists(("Related resources", entry.resources))
    return f"Video study: {entry.school}", entry.guiding_question, blocks


def _state(entry: FutureState) -> Description:
    number = f" ({entry.number})" if entry.number else ""
    where = "District" if entry.level == "district" else "School"
    return (
        entry.state,
        f"{entry.practice}, {where.lower()} level{number}",
        [
            Paragraph(f"{entry.domain} · {entry.practice} · {where}{number}"),
            Paragraph(entry.state),
            *_lists(("Strategies and suggestions", entry.strategies)),
            *_lists(("Reflection questions", entry.questions)),
        ],
    )


def _shared_with(target: FutureState) -> list[Block]:
    """The strategies and questions a state shares with the state the document points to."""
    return [
        Paragraph(f"The document gives this state the strategies and questions of: {target.state}"),
        *_lists(("Strategies and suggestions", target.strategies)),
        *_lists(("Reflection questions", target.questions)),
    ]


def _template(entry: AgendaTemplate) -> Description:
    rows = []
    for item in entry.items:
        step = f"step {item.step}" if item.step else None
        named = (item.process, step, item.video, item.instrument)
        extras = [item.kind.value, *(x for x in named if x)]
        rows.append((f"{item.minutes} min · {item.title} ({', '.join(extras)})", item.goal))
    return (
        entry.name,
        entry.description,
        [
            Paragraph(entry.description),
            Paragraph(f"Planned length: {entry.planned_minutes} minutes."),
            *_lists(("Goals", entry.goals)),
            Heading("Agenda"),
            Pairs(tuple(rows)),
        ],
    )


DESCRIBERS: dict[str, Callable[[Any], Description]] = {
    "norms": _norm,
    "norm_prompts": _norm_prompt,
    "roles": _role,
    "decision_methods": _method,
    "continuum": _point,
    "decision_questions": _question,
    "protocols": _protocol,
    "guides": _guide,
    "checklists": _checklist,
    "instruments": _instrument,
    "worksheets": _worksheet,
    "team_types": _team_type,
    "video_guides": _video,
    "question_bank": _state,
    "agenda_templates": _template,
}
