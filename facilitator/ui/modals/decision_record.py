"""The decision screen: a decision recorded by its method, counted as it is typed.

The method's own fields come from `facilitator.ui.widgets.decision_panels`; around them
the outcome, the rationale, a review date, the status and, where votes are cast, the
anonymous option. ctrl+s saves it all in one transaction (`services.deciding`); a
problem is shown beside its field and nothing is saved. ctrl+n takes a multi-vote to
another round with the options marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from facilitator.domain.decision_count import count_decision
from facilitator.domain.decision_draft import VOTED, DecisionDraft, draft_line, draft_problems
from facilitator.domain.enums import DecisionMethod, DecisionStatus
from facilitator.domain.text import local
from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.pack.deciding import continuum_words, method_names, method_options
from facilitator.services.deciding import DecisionSheet, decision_sheet, next_round, record_decision
from facilitator.services.fields import due
from facilitator.ui.literal import lit
from facilitator.ui.modals.form import FormRejected
from facilitator.ui.widgets.decision_panels import (
    PANELS,
    MethodPanel,
    MultiVotePanel,
    error,
    label,
)
from facilitator.ui.widgets.dot_grid import DotGrid
from facilitator.ui.widgets.form_checkbox import FormCheckbox
from facilitator.ui.widgets.form_select import FormSelect
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

STATUSES = (
    ("Decided", DecisionStatus.DECIDED.value),
    ("Deferred", DecisionStatus.DEFERRED.value),
    ("No decision", DecisionStatus.NO_DECISION.value),
    ("Still open", DecisionStatus.OPEN.value),
)


class DecisionRecord(ModalScreen[bool]):
    app: FacilitatorApp

    """Record decision `decision_id` by its method; dismissed with True once saved."""

    DEFAULT_CSS = """
    DecisionRecord { align: center middle; }
    DecisionRecord > #decision-box {
        width: 90%; max-width: 110; height: auto; max-height: 100%;
        border: round $accent; border-title-color: $accent; background: $surface; padding: 0 1;
    }
    DecisionRecord VerticalScroll { height: auto; max-height: 1fr; }
    DecisionRecord .form-label { text-style: bold; margin-top: 1; }
    DecisionRecord .form-help { color: $text-muted; }
    DecisionRecord Input { background: $boost; }
    DecisionRecord TextArea { height: 5; }
    DecisionRecord .form-error { color: $error; text-style: bold; display: none; }
    DecisionRecord .form-error.-shown { display: block; }
    DecisionRecord #result { text-style: bold; color: $accent; }
    DecisionRecord #result.-problem { color: $error; }
    DecisionRecord Horizontal Input { width: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+n", "next_round", "Next round", show=False),
        Binding("escape", "cancel", "Cancel"),
    ]
    AUTO_FOCUS = "RollCall, TextArea, Input, Select"

    def __init__(self, sheet: DecisionSheet, *, method: str) -> None:
        super().__init__()
        self.sheet = sheet
        self.method = DecisionMethod(method)
        self.saving = False
        self.opened_with: DecisionDraft | None = None

    def compose(self) -> ComposeResult:
        pack = self.app.backend.pack
        line = self.sheet.line
        self.names = method_names(pack)
        self.words = continuum_words(pack)
        with Vertical(id="decision-box") as box:
            box.border_title = lit(f"Decision: {line.question}")
            yield Static(lit(self._heading()), id="heading")
            yield Static(id="result")
            with VerticalScroll():
                yield Static(lit(self._room()), classes="form-help")
                points = tuple((f"{n}. {w}", str(n)) for n, w in sorted(self.words.items()))
                yield PANELS[self.method.value](
                    self.sheet, methods=method_options(pack), points=points
                )
                yield label("Outcome: what was decided")
                yield Input(line.outcome, id="outcome", compact=True)
                yield error("outcome")
                yield label("Rationale")
                yield Input(line.rationale, id="rationale", compact=True)
                yield error("rationale")
                yield label("Review on (optional)")
                review = line.review_on.isoformat() if line.review_on else ""
                yield Input(
                    review, placeholder="e.g. 2027-03-01 or mar 1", id="review", compact=True
                )
                yield error("review")
                yield label("Status")
                status = (
                    line.status if line.status != DecisionStatus.OPEN else DecisionStatus.DECIDED
                )
                yield FormSelect(
                    STATUSES, value=status, id="status", allow_blank=False, compact=True
                )
                if self.method in VOTED or self.method is DecisionMethod.MULTI_VOTE:
                    yield FormCheckbox(
                        "Anonymous: keep no names with the votes", line.anonymous, id="anonymous"
                    )
                yield error("form")
        yield KeysFooter()

    def _heading(self) -> str:
        line = self.sheet.line
        text = f"Method: {self.names.get(self.method.value, self.method.value)}"
        if line.continuum_point:
            text += (
                f" · continuum {line.continuum_point}: {self.words.get(line.continuum_point, '')}"
            )
        return text + (f"\nWhy: {line.method_reason}" if line.method_reason else "")

    def _room(self) -> str:
        votes = self.method in VOTED or self.method is DecisionMethod.MULTI_VOTE
        text = f"{len(self.sheet.present)} members present" + (" can vote." if votes else ".")
        if self.sheet.guests:
            apart = " (they do not vote)" if votes else ""
            text += f" Guests{apart}: {', '.join(self.sheet.guests)}."
        return text

    def on_mount(self) -> None:
        self.opened_with = self.draft()[0]
        self._recount()

    def draft(self) -> tuple[DecisionDraft, dict[str, str]]:
        """What the screen holds, with the problems of reading it (unreadable numbers, a
        date that is not one)."""
        part, problems = self.query_one(MethodPanel).collect()
        review: Any = None
        try:
            backend = self.app.backend
            today = local(backend.now(), backend.tz).date()
            review = due(self.query_one("#review", Input).value, today, "review")
        except InvalidInput as bad:
            problems.update(bad.problems)
        anonymous = self.query("#anonymous")
        draft = DecisionDraft(
            self.method,
            outcome=self.query_one("#outcome", Input).value,
            rationale=self.query_one("#rationale", Input).value,
            review_on=review,
            status=DecisionStatus(str(self.query_one("#status", Select).value)),
            anonymous=bool(anonymous) and anonymous.first(Checkbox).value,
            **part,
        )
        return draft, problems

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        self._recount()

    def on_roll_call_changed(self) -> None:
        self._recount()

    def on_dot_grid_changed(self) -> None:
        self._recount()

    def on_text_area_changed(self) -> None:
        self.call_after_refresh(self._recount)

    def _recount(self) -> None:
        if not self.is_mounted:
            return
        draft, problems = self.draft()
        line = draft_line(
            self.sheet.line,
            draft,
            self.sheet.present,
            method_names=self.names,
            continuum_words=self.words,
        )
        tally = count_decision(line)
        present = {p.member_id for p in self.sheet.present if p.member_id is not None}
        problems = problems or draft_problems(draft, present, self.sheet.team_size)
        result = self.query_one("#result", Static)
        result.set_class(bool(problems), "-problem")
        if problems:
            result.update(lit(next(iter(problems.values()))))
        else:
            result.update(lit(tally.summary if tally else "Nothing counted yet."))

    def action_save(self) -> None:
        draft, problems = self.draft()
        if problems:
            self._show_problems(problems)
        elif not self.saving:
            self.saving = True
            self._save(draft)

    @work(thread=True, exclusive=True, group="decision-save")
    def _save(self, draft: DecisionDraft, keep: list[int] | None = None) -> None:
        backend = self.app.backend
        decision_id = self.sheet.line.id
        try:
            record_decision(backend.db, decision_id=decision_id, draft=draft, now=backend.now())
            if keep is not None:
                next_round(backend.db, decision_id=decision_id, keep=keep, now=backend.now())
                sheet = decision_sheet(backend.db, decision_id=decision_id, pack=backend.pack)
                self.app.call_from_thread(self._reopen, sheet)
                return
        except InvalidInput as bad:
            self.post_message(FormRejected(bad.problems))
            return
        except FacilitatorError as bad:
            self.post_message(FormRejected({"form": bad.sentence}))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _reopen(self, sheet: DecisionSheet) -> None:
        self.dismiss(True)
        self.app.push_screen(DecisionRecord(sheet, method=self.method.value))
        self.app.notify(
            f"Round {sheet.line.voting_round}: the marked options, dots cleared.", markup=False
        )

    def action_next_round(self) -> None:
        if self.method is not DecisionMethod.MULTI_VOTE or self.saving:
            return
        draft, problems = self.draft()
        if problems:
            self._show_problems(problems)
            return
        self.saving = True
        self._save(draft, sorted(self.query_one(MultiVotePanel).query_one(DotGrid).marked))

    def on_form_rejected(self, message: FormRejected) -> None:
        self.saving = False
        self._show_problems(message.problems)

    def _show_problems(self, problems: dict[str, str]) -> None:
        general = []
        for shown in self.query(".form-error"):
            shown.set_class(False, "-shown")
        for field, sentence in problems.items():
            found = self.query(f"#error-{field}")
            if not found:
                general.append(sentence)
                continue
            found.first(Static).update(lit(sentence))
            found.first().set_class(True, "-shown")
            self.call_after_refresh(self._reveal, found.first())
        if general:
            self.query_one("#error-form", Static).update(lit(" ".join(general)))
            self.query_one("#error-form").set_class(True, "-shown")

    def _reveal(self, widget: Widget) -> None:
        self.query_one(VerticalScroll).scroll_to_widget(widget, animate=False)

    def action_cancel(self) -> None:
        from facilitator.ui.modals.discard import leave_form

        leave_form(self, lambda: self.dismiss(False), changed=self.draft()[0] != self.opened_with)
