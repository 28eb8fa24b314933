"""Checks across entries: every source, protocol, video guide and norm named exists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitator.pack.deciding import broken_rule, rules_gap

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack


def reference_problems(pack: Pack) -> list[tuple[tuple[str, str], str]]:
    """((kind, id), sentence) for each entry that names something the pack lacks."""
    from facilitator.pack.loader import KINDS

    problems: list[tuple[tuple[str, str], str]] = []
    for kind in KINDS[1:]:
        for entry_id, entry in pack.entries(kind.name).items():
            sentence = _first_broken_reference(pack, kind.name, entry)
            if sentence:
                where = pack.origins.get((kind.name, entry_id), kind.name)
                problems.append(((kind.name, entry_id), f'{where}: "{entry_id}" {sentence}'))
    if not problems and pack.decision_methods:
        gap = rules_gap(pack)
        if gap:
            last = list(pack.decision_methods)[-1]
            where = pack.origins.get(("decision_methods", last), "decision_methods")
            problems.append((("decision_methods", last), f"{where}: the decision rules {gap}"))
    return problems


def _first_broken_reference(pack: Pack, kind: str, entry: Any) -> str | None:
    if entry.source.document not in pack.sources:
        return f'names source document "{entry.source.document}", which sources.toml does not list.'
    if kind == "agenda_templates":
        for number, item in enumerate(entry.items, start=1):
            if item.process and item.process not in pack.protocols:
                return f'item {number} names protocol "{item.process}", not in protocols/.'
            if item.step is not None:
                steps = len(pack.protocols[item.process].steps) if item.process else 0
                if item.step > steps:
                    return f"item {number} names step {item.step}, but its protocol has {steps}."
            if item.instrument and item.instrument not in pack.instruments:
                return f'item {number} names instrument "{item.instrument}", not in instruments/.'
            if item.video and item.video not in pack.video_guides:
                return f'item {number} names video guide "{item.video}", not in video_guides/.'
    if kind == "instruments":
        for section in entry.sections:
            if section.norm and section.norm not in pack.norms:
                return f'section "{section.id}" names norm "{section.norm}", not in norms.toml.'
    if kind == "decision_methods":
        return broken_rule(pack, entry)
    if kind == "question_bank" and entry.see and entry.see not in pack.question_bank:
        return f'points to state "{entry.see}", which the question bank lacks.'
    return None
