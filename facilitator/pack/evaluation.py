"""The pack's instruments as the plain forms evaluation results are counted on (see
`facilitator.domain.evaluation_results`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.evaluation_results import Form, FormItem, FormSection

if TYPE_CHECKING:
    from facilitator.pack.schema_evaluation import Instrument


def form_of(instrument: Instrument) -> Form:
    """`instrument`'s scale and items, in its order."""
    scale = instrument.scale
    return Form(
        id=instrument.id,
        name=instrument.name,
        kind=scale.kind,
        sections=tuple(
            FormSection(
                section.id,
                section.title,
                tuple(
                    FormItem(
                        item.id,
                        item.text,
                        item.low,
                        item.high,
                        tuple(item.descriptors.items()),
                        item.questions,
                    )
                    for item in section.items
                ),
            )
            for section in instrument.sections
        ),
        low=scale.min,
        high=scale.max,
        levels=tuple((level.code, level.name) for level in scale.levels),
        meanings=tuple(level.meaning for level in scale.levels),
        note=instrument.item_note,
    )
