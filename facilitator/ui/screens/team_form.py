"""Create a team: name, purpose line, members and norms (from the Seven Norms or written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Header, Input, Label, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from facilitator.domain.team_draft import NAME_MAX, PURPOSE_MAX, TeamDraft
from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.ui.actions import TEAM_FORM_ACTIONS, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.form_checkbox import MarkedSelectionList
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.member_row import MemberRow

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.ui.app import FacilitatorApp

FIRST_MEMBER_ROWS = 3


class NormsLoaded(Message):
    """The content pack's norms are ready for the form."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack


class TeamSaved(Message):
    """The team was created."""

    def __init__(self, team_id: int, name: str) -> None:
        super().__init__()
        self.team_id = team_id
        self.name = name


class TeamRejected(Message):
    """The team could not be saved; `problems` maps field ids to sentences."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__()
        self.problems = problems


class TeamFormScreen(Screen[int | None]):
    """The form; dismisses with the new team's id, or None when cancelled."""

    CSS_PATH = "team_form.tcss"
    ACTIONS = TEAM_FORM_ACTIONS
    BINDINGS = bindings(TEAM_FORM_ACTIONS)
    AUTO_FOCUS = "#name"

    app: FacilitatorApp

    def __init__(self) -> None:
        super().__init__()
        self.member_rows = 0
        self.saving = False
        self.norms_offered: set[str] = set()
        """The Seven Norms as the form offers them: all ticked."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="form"):
            yield Label("Team name", classes="field-label")
            yield Input(
                placeholder="e.g. Lincoln School Leadership Team",
                max_length=NAME_MAX,
                id="name",
                compact=True,
            )
            yield Static(classes="error", id="error-name")
            yield Label("Team type (optional)", classes="field-label")
            yield Input(
                placeholder="e.g. School Learning Team, or your own word",
                max_length=NAME_MAX,
                id="kind",
                compact=True,
            )
            yield Static(classes="hint", id="kind-hint")
            yield Static(classes="error", id="error-kind")
            yield Label("Purpose line, shown on every agenda", classes="field-label")
            yield Input(
                placeholder="e.g. Every student reads at grade level by grade 3",
                max_length=PURPOSE_MAX,
                id="purpose",
                compact=True,
            )
            yield Static(classes="error", id="error-purpose")
            yield Label(
                "Members: name, then position and e-mail if you like", classes="field-label"
            )
            yield Vertical(id="members")
            yield Button("Add member (ctrl+n)", id="add-member", compact=True)
            yield Label("Norms: the Seven Norms of Collaborative Work", classes="field-label")
            yield Static("Space ticks or unticks a norm.", classes="hint")
            yield MarkedSelectionList(id="pack-norms")
            yield Label("Your own norms, one per line (optional)", classes="field-label")
            yield TextArea(id="custom-norms", soft_wrap=True)
            yield Static(classes="error", id="error-norms")
            with Horizontal(id="form-buttons"):
                yield Button("Save team (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "New team"
        self.query_one("#members").mount_all(MemberRow(index) for index in range(FIRST_MEMBER_ROWS))
        self.member_rows = FIRST_MEMBER_ROWS
        self.load_norms()
        # Focusing the first field scrolls it into view a line too far, hiding its label.
        self.call_after_refresh(self.query_one("#form").scroll_home, animate=False)

    @work(thread=True, exclusive=True)
    def load_norms(self) -> None:
        try:
            pack = self.app.backend.pack
        except FacilitatorError as error:
            self.post_message(TeamRejected({"norms": error.sentence}))
            return
        self.post_message(NormsLoaded(pack))

    def on_norms_loaded(self, message: NormsLoaded) -> None:
        selections = [
            Selection(join((norm.name, "bold"), " — ", lit(norm.practice)), norm.id, True)
            for norm in message.pack.norms.values()
        ]
        self.query_one("#pack-norms", SelectionList).add_options(selections)
        self.norms_offered = {norm.id for norm in message.pack.norms.values()}
        types = [team_type.name for team_type in message.pack.team_types.values()]
        if types:
            self.query_one("#kind", Input).suggester = SuggestFromList(types, case_sensitive=False)
            self.query_one("#kind-hint", Static).update(
                lit(f"From the library: {', '.join(types)} (→ completes a name).")
            )

    async def action_add_member(self, focus: bool = True) -> None:
        row = MemberRow(self.member_rows)
        self.member_rows += 1
        await self.query_one("#members").mount(row)
        if focus:
            row.query_one(Input).focus()

    @on(Button.Pressed, "#add-member")
    async def _add_pressed(self) -> None:
        await self.action_add_member()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _input_submitted(self) -> None:
        self.focus_next()

    def draft(self) -> TeamDraft:
        """What the form holds now."""
        custom = self.query_one("#custom-norms", TextArea).text.splitlines()
        return TeamDraft(
            name=self.query_one("#name", Input).value,
            purpose=self.query_one("#purpose", Input).value,
            kind=self.query_one("#kind", Input).value,
            members=tuple(row.draft() for row in self.query(MemberRow)),
            pack_norm_ids=tuple(self.query_one("#pack-norms", SelectionList).selected),
            custom_norms=tuple(custom),
        )

    def action_save(self) -> None:
        if not self.saving:
            self.saving = True
            self.save(self.draft())

    @work(thread=True, exclusive=True, group="team-save")
    def save(self, draft: TeamDraft) -> None:
        try:
            team_id = self.app.backend.create_team(draft)
        except InvalidInput as error:
            self.post_message(TeamRejected(error.problems))
            return
        except FacilitatorError as error:
            self.post_message(TeamRejected({"form": error.sentence}))
            return
        self.post_message(TeamSaved(team_id, draft.name.strip()))

    def on_team_rejected(self, message: TeamRejected) -> None:
        self.saving = False
        problems = message.problems
        for field in ("name", "kind", "purpose", "norms"):
            error = self.query_one(f"#error-{field}", Static)
            error.update(lit(problems.get(field, "")))
            error.set_class(field in problems, "-shown")
        for row in self.query(MemberRow):
            row.show_problems(problems)
        if "form" in problems:
            self.app.notify(problems["form"], severity="error", markup=False)
            return
        first = next(iter(problems))
        target = first if first != "norms" else "custom-norms"
        matches = self.query(f"#{target}")
        if matches:
            matches.first().focus()

    def on_team_saved(self, message: TeamSaved) -> None:
        self.app.notify(f"Team {message.name} created.", markup=False)
        self.dismiss(message.team_id)

    def has_changes(self) -> bool:
        """Whether anything was typed, or a norm ticked or unticked (all seven start
        ticked once the library has loaded)."""
        draft = self.draft()
        typed = any(text.strip() for text in (draft.name, draft.purpose, draft.kind))
        typed = typed or any(line.strip() for line in draft.custom_norms)
        typed = typed or not all(member.is_blank for member in draft.members)
        return typed or set(draft.pack_norm_ids) != self.norms_offered

    def action_cancel(self) -> None:
        """Close without creating the team: at once if nothing was entered, else once
        the user says to discard it."""
        from facilitator.ui.modals.discard import leave_form

        leave_form(self, lambda: self.dismiss(None), changed=self.has_changes())
