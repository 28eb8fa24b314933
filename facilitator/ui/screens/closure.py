"""True closure: walk the team through what a meeting must leave behind, then close it.

Left, the steps with how each stands (in words, not colour alone); right, the entries
of the step shown. Every change is saved when it is made; the meeting closes only when
nothing is left undone ("owner to be decided" is allowed when the team says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.domain.closure import (
    STEP_GUIDANCE,
    STEP_TITLES,
    Step,
    StepState,
    closing_problems,
    step_states,
)
from facilitator.domain.enums import MeetingStatus
from facilitator.domain.minutes import Minutes
from facilitator.errors import FacilitatorError
from facilitator.ui import closure_forms as forms
from facilitator.ui.actions import bindings
from facilitator.ui.closure_actions import CLOSURE_ACTIONS
from facilitator.ui.literal import join, lit
from facilitator.ui.modals.form import FormModal, Values
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.clamped_text import ClampedText
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL, PanelList

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

STEPS = tuple(Step)


class MinutesRead(Message):
    def __init__(self, minutes: Minutes) -> None:
        super().__init__()
        self.minutes = minutes


class ClosureFailed(Message):
    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class ClosureScreen(FreshScreen[None]):
    """The closure steps of one meeting."""

    CSS_PATH = "closure.tcss"
    ACTIONS = CLOSURE_ACTIONS
    BINDINGS = bindings(CLOSURE_ACTIONS)
    AUTO_FOCUS = "#entries"

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.minutes: Minutes | None = None
        self.step = Step.PARKING

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield ClampedText(id="closure-heading")
        with Horizontal(id="closure-body"):
            yield PanelList(id="steps")
            with Vertical(id="step-pane", classes=PANEL):
                yield Static(id="step-guidance")
                yield PanelList(id="entries", framed=False)
                yield Static(id="step-problem")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Closure"
        self.query_one("#closure-heading", ClampedText).show([(Content("Reading the meeting…"), 1)])
        self.query_one("#step-pane").border_title = STEP_TITLES[self.step]
        self.query_one("#steps", OptionList).border_title = "Steps"
        self.reload()

    # Reading -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="closure-read")
    def load(self) -> None:
        from facilitator.services.minutes import meeting_minutes

        backend = self.app.backend
        try:
            minutes = meeting_minutes(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
        except FacilitatorError as error:
            self.post_message(ClosureFailed(error.sentence))
            return
        self.post_message(MinutesRead(minutes))

    def on_closure_failed(self, message: ClosureFailed) -> None:
        self.query_one("#closure-heading", ClampedText).show([(lit(message.sentence, "bold"), 3)])

    def on_minutes_read(self, message: MinutesRead) -> None:
        self.minutes = message.minutes
        self._show()

    def _show(self) -> None:
        minutes = self.minutes
        if minutes is None:
            return
        states = step_states(minutes)
        status = {
            MeetingStatus.CLOSED: "closed (o reopens it for corrections)",
            MeetingStatus.REOPENED: "reopened for corrections (ctrl+s closes)",
        }.get(MeetingStatus(minutes.status), "closing")
        # A long title gives way (with "…"); the state after it stays whole.
        heading = (lit(minutes.title, "bold"), 2, Content(f" · {status}"))
        self.query_one("#closure-heading", ClampedText).show([heading])
        steps = self.query_one("#steps", OptionList)
        highlighted = STEPS.index(self.step)
        steps.clear_options()
        steps.add_options(
            Option(self._step_prompt(number, state), id=state.step.value)
            for number, state in enumerate(states, 1)
        )
        steps.highlighted = highlighted
        self._show_step(states[highlighted])

    @staticmethod
    def _step_prompt(number: int, state: StepState) -> Content:
        mark: tuple[str, str] = ("✔", "$success") if state.done else ("!", "bold $error")
        return join(mark, f" {number}. {STEP_TITLES[state.step]}", "\n   ", (state.summary, "dim"))

    def _show_step(self, state: StepState) -> None:
        minutes = self.minutes
        assert minutes is not None
        pane = self.query_one("#step-pane", Vertical)
        pane.border_title = STEP_TITLES[state.step]
        self.query_one("#step-guidance", Static).update(STEP_GUIDANCE[state.step])
        problem = self.query_one("#step-problem", Static)
        problem.update(lit(state.problem))
        problem.display = bool(state.problem) and state.step is not Step.CLOSE
        entries = self.query_one("#entries", OptionList)
        keep = entries.highlighted
        entries.clear_options()
        entries.add_options(self._entries(minutes, state))
        if entries.option_count:
            entries.highlighted = min(keep or 0, entries.option_count - 1)

    def _entries(self, minutes: Minutes, state: StepState) -> list[Option]:
        step = state.step
        if step is Step.PARKING:
            rows = [Option(forms.parking_row(p), id=f"p{p.id}") for p in minutes.parking]
            return rows or [self._empty("Nothing was parked in this meeting.")]
        if step is Step.ACTIONS:
            rows = [Option(forms.action_row(a), id=f"a{a.id}") for a in minutes.actions]
            return rows or [self._empty("No action items yet: a adds one.")]
        if step is Step.NEXT_AGENDA:
            rows = [Option(forms.next_row(n), id=f"n{n.id}") for n in minutes.next_agenda]
            return rows or [self._empty("Nothing set aside yet: a adds an item.")]
        if step is Step.TAKEAWAYS:
            rows = [Option(lit(t), id=f"k{i}") for i, t in enumerate(minutes.takeaways)]
            return rows or [self._empty("No take-aways yet: a adds one.")]
        if step is Step.COMMUNICATION:
            rows = [
                Option(forms.communication_row(c), id=f"c{c.id}") for c in minutes.communication
            ]
            return rows or [self._empty("No one to tell yet: a adds a line.")]
        if step is Step.ATTENDANCE:
            return [
                Option(
                    join(
                        lit(a.person.name, "bold"),
                        " — ",
                        forms.attendance_word(a.status),
                    ),
                    id=f"t{a.id}",
                )
                for a in minutes.attendees
            ] or [self._empty("No one was expected; add people on the plan.")]
        if step is Step.NOTES:
            return [Option(forms.notes_row(item), id=f"i{item.id}") for item in minutes.items]
        return self._close_entries(minutes)

    def _close_entries(self, minutes: Minutes) -> list[Option]:
        problems = closing_problems(minutes)
        if problems:
            return [Option(lit(f"✘ {problem}"), disabled=True) for problem in problems]
        if minutes.status == MeetingStatus.CLOSED:
            return [self._empty("The meeting is closed; o reopens it for corrections.")]
        done = join(("✔ Everything is done. ", "bold"), "Enter (or ctrl+s) closes the meeting.")
        return [Option(done, id="close")]

    @staticmethod
    def _empty(text: str) -> Option:
        return Option(lit(text, "dim italic"), disabled=True)

    # Moving ---------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_step(Step(event.option.id))

    def show_step(self, step: Step) -> None:
        """Make `step` the one shown, at once: keys pressed right after (n n a) act on it."""
        self.query_one("#steps", OptionList).highlighted = STEPS.index(step)
        if step is self.step or self.minutes is None:
            return
        self.step = step
        self.query_one("#entries", OptionList).highlighted = 0
        self._show_step(step_states(self.minutes)[STEPS.index(step)])

    @on(OptionList.OptionSelected, "#steps")
    def _step_selected(self) -> None:
        self.query_one("#entries", OptionList).focus()

    @on(OptionList.OptionSelected, "#entries")
    def _entry_selected(self) -> None:
        self.action_edit()

    def action_next_step(self) -> None:
        self._go(+1)

    def action_previous_step(self) -> None:
        self._go(-1)

    def _go(self, offset: int) -> None:
        index = STEPS.index(self.step) + offset
        if 0 <= index < len(STEPS):
            self.show_step(STEPS[index])

    def _selected(self) -> str | None:
        entries = self.query_one("#entries", OptionList)
        if entries.highlighted is None or not entries.option_count:
            return None
        return entries.get_option_at_index(entries.highlighted).id

    # Changing --------------------------------------------------------------------------

    def run(self, job: Callable[[], object], said: str | None = None) -> None:
        """Run a service call off the event loop, then re-read and say what happened."""
        self._run(job, said)

    @work(thread=True, group="closure-write")
    def _run(self, job: Callable[[], object], said: str | None) -> None:
        try:
            job()
        except FacilitatorError as error:
            self.app.call_from_thread(
                self.app.notify, error.sentence, severity="warning", markup=False
            )
        else:
            if said:
                self.app.call_from_thread(self.app.notify, said, markup=False)
        self.app.call_from_thread(self.reload_if_changed)

    def form(
        self, title: str, fields: list[Any], save: Callable[[Values], object], intro: str = ""
    ) -> None:
        """Show a form; whatever it saved is read back when it closes (`FreshScreen`)."""
        self.app.push_screen(FormModal(title, fields, save, intro=intro))

    def action_add(self) -> None:
        from facilitator.ui.closure_edits import add_entry

        add_entry(self)

    def action_edit(self) -> None:
        from facilitator.ui.closure_edits import edit_entry

        edit_entry(self, self._selected())

    def action_remove(self) -> None:
        from facilitator.ui.closure_edits import remove_entry

        remove_entry(self, self._selected())

    def action_to_be_decided(self) -> None:
        from facilitator.ui.closure_edits import toggle_to_be_decided

        toggle_to_be_decided(self, self._selected())

    def action_present(self) -> None:
        self._attendance("present")

    def action_absent(self) -> None:
        self._attendance("absent")

    def action_excused(self) -> None:
        self._attendance("excused")

    def _attendance(self, status: str) -> None:
        """Mark the highlighted person, then move to the next, as a roll call does
        (found in tmux: the highlight stayed, so p p p x marked one person four times)."""
        from facilitator.ui.closure_edits import set_attendance

        key = self._selected()
        set_attendance(self, key, status)
        entries = self.query_one("#entries", OptionList)
        if key is not None and entries.highlighted is not None:
            entries.highlighted = min(entries.highlighted + 1, entries.option_count - 1)

    def action_rest_present(self) -> None:
        from facilitator.services.closure import mark_rest_present

        backend = self.app.backend
        if self.step is not Step.ATTENDANCE:
            self.app.notify("r marks people present in the Attendance step.", markup=False)
            return
        self.run(
            lambda: mark_rest_present(backend.db, meeting_id=self.meeting_id, now=backend.now()),
            "Everyone not yet marked is present.",
        )

    def action_close_meeting(self) -> None:
        from facilitator.services.closure import close_meeting

        minutes, backend = self.minutes, self.app.backend
        if minutes is None:
            return
        problems = [s for s in step_states(minutes) if s.problem and s.step is not Step.CLOSE]
        if problems:
            self.app.notify(
                "Not closed yet: " + " ".join(s.problem for s in problems),
                severity="warning",
                markup=False,
            )
            self.show_step(problems[0].step)
            self.query_one("#entries", OptionList).focus()
            return
        said = (
            "Closed again; the minutes say when they were corrected."
            if (minutes.status == MeetingStatus.REOPENED)
            else "The meeting is closed. Its minutes are due within 48 hours; E evaluates it."
        )
        self.run(
            lambda: close_meeting(backend.db, meeting_id=self.meeting_id, now=backend.now()),
            said,
        )

    def action_reopen(self) -> None:
        from facilitator.ui.closure_edits import reopen

        reopen(self)

    def action_minutes(self) -> None:
        from facilitator.ui.screens.minutes import MinutesScreen

        self.app.push_screen(MinutesScreen(self.meeting_id))

    def action_evaluate(self) -> None:
        from facilitator.ui.evaluation_flow import evaluate_meeting

        evaluate_meeting(self.app, self.meeting_id)

    def action_back(self) -> None:
        self.dismiss()
