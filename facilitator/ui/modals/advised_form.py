"""A form with a "method" field that "How should we decide?" can fill in (ctrl+r): the
live decision form and the agenda item form. Taking a recommendation sets the field;
`values` adds the continuum point and the reason while the field still holds the method
advised, and drops them once someone chooses another."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.widgets import Select

from facilitator.domain.meeting_view import AgendaLine
from facilitator.pack.deciding import decision_questions, decision_rules, method_names
from facilitator.pack.loader import Pack
from facilitator.ui.modals.form import Field, FormModal, Values
from facilitator.ui.modals.how_to_decide import HowToDecideModal


def planned_advice(line: AgendaLine | None) -> Values:
    """What "How should we decide?" gave when the item was planned: its method, and
    the continuum point and reason kept with it (nothing for an item without one)."""
    if line is None or not line.decision_method:
        return {}
    point = str(line.continuum_point) if line.continuum_point else ""
    return {"method": line.decision_method, "continuum": point, "reason": line.decision_reason}


class AdvisedForm(FormModal[object]):
    """A form whose `method` select "How should we decide?" fills in; `values` adds
    `continuum` and `reason` when the method is the one it gave (else they are empty)."""

    BINDINGS = [Binding("ctrl+r", "how_to_decide", "How should we decide?")]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[Values], object],
        *,
        pack: Pack,
        advice: Values | None = None,
    ) -> None:
        super().__init__(title, fields, submit)
        self.pack = pack
        self.advice: Values = dict(advice or {})
        """The method, continuum point and reason "How should we decide?" gave."""

    def action_how_to_decide(self) -> None:
        asked = HowToDecideModal(
            decision_questions(self.pack),
            decision_rules(self.pack),
            method_names(self.pack),
            lambda values: values,
        )
        self.app.push_screen(asked, self._advised)

    def _advised(self, advice: object) -> None:
        if not isinstance(advice, dict):
            return  # left without choosing
        self.advice = advice
        self.query_one("#field-method", Select).value = str(advice["method"])

    def values(self) -> Values:
        result = super().values()
        followed = bool(self.advice) and result.get("method") == self.advice.get("method")
        result["continuum"] = self.advice.get("continuum", "") if followed else ""
        result["reason"] = self.advice.get("reason", "") if followed else ""
        return result
