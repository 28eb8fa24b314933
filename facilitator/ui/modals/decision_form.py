"""The live screen's decision form, with "How should we decide?" a key away (ctrl+r,
for a recommendation): taking it fills in the method, and the continuum point and the
reason are saved with the decision (see `AdvisedForm`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from facilitator.pack.loader import Pack
from facilitator.ui.modals.advised_form import AdvisedForm
from facilitator.ui.modals.form import Field, Values


class DecisionForm(AdvisedForm):
    """Question, method and outcome; `values` adds `continuum` and `reason` when the
    method is the one "How should we decide?" gave (else they are empty)."""

    def __init__(
        self,
        fields: Sequence[Field],
        submit: Callable[[Values], object],
        *,
        pack: Pack,
        advice: Values | None = None,
    ) -> None:
        super().__init__("Decision", fields, submit, pack=pack, advice=advice)
