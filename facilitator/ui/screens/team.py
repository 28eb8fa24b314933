"""A team's own screen: name, type and purpose line, members and norms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.domain.team_draft import MemberDraft
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.modals.form import ConfirmModal, Field, FormModal, Values
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.team_actions import TEAM_ACTIONS
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PanelList

if TYPE_CHECKING:
    from facilitator.domain.team_view import TeamDetail
    from facilitator.pack.loader import Pack
    from facilitator.ui.app import FacilitatorApp


class MemberList(PanelList):
    BINDINGS = bindings(TEAM_ACTIONS, scope="members")


class NormList(PanelList):
    BINDINGS = bindings(TEAM_ACTIONS, scope="norms")


class TeamLoaded(Message):
    def __init__(self, team: TeamDetail, pack: Pack) -> None:
        super().__init__()
        self.team = team
        self.pack = pack


class TeamScreen(FreshScreen[None]):
    """Members on the left, norms on the right; every change is saved at once."""

    CSS_PATH = "team.tcss"
    ACTIONS = TEAM_ACTIONS
    BINDINGS = bindings(TEAM_ACTIONS)
    AUTO_FOCUS = "#members"

    app: FacilitatorApp

    def __init__(self, team_id: int) -> None:
        super().__init__()
        self.team_id = team_id
        self.team: TeamDetail | None = None
        self.pack: Pack | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static("Loading…", id="team-heading")
        with Horizontal(id="team-lists"):
            yield MemberList(id="members")
            yield NormList(id="norms")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Team"
        self.reload()

    @work(thread=True, exclusive=True, group="team-load")
    def load(self) -> None:
        from facilitator.services.team_admin import team_detail

        backend = self.app.backend
        try:
            team = team_detail(backend.db, team_id=self.team_id)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.post_message(TeamLoaded(team, backend.pack))

    def on_team_loaded(self, message: TeamLoaded) -> None:
        self.team, self.pack = message.team, message.pack
        team = message.team
        kind = self._kind_name(team.kind)
        heading: list[Content | str | tuple[str, str]] = [lit(team.name, "bold")]
        if kind:
            heading += [" · ", lit(kind, "dim")]
        if team.archived:
            heading += [" · ", ("archived", "bold $warning")]
        heading += ["\n", ("Purpose: ", "bold"), lit(team.purpose or "(none yet: press e)")]
        self.query_one("#team-heading", Static).update(join(*heading))
        members = self.query_one(MemberList)
        self._fill(
            members, [(m.id, join(lit(m.name), "  ", lit(m.position, "dim"))) for m in team.members]
        )
        members.border_title = f"Members ({len(team.members)})"
        norms = self.query_one(NormList)
        self._fill(
            norms, [(n.id, join(f"{i}. ", lit(n.text))) for i, n in enumerate(team.norms, 1)]
        )
        norms.border_title = f"Norms ({len(team.norms)})"

    @staticmethod
    def _fill(widget: OptionList, rows: list[tuple[int, Any]]) -> None:
        keep = widget.highlighted
        widget.set_options([Option(prompt, id=str(row_id)) for row_id, prompt in rows])
        if rows:
            widget.highlighted = min(keep or 0, len(rows) - 1)

    def _kind_name(self, kind: str | None) -> str:
        if kind and self.pack and kind in self.pack.team_types:
            return self.pack.team_types[kind].name
        return kind or ""

    def _selected(self, selector: str) -> int | None:
        widget = self.query_one(selector, OptionList)
        if widget.highlighted is None or not widget.option_count:
            return None
        option_id = widget.get_option_at_index(widget.highlighted).id
        return int(option_id) if option_id else None

    # Team -------------------------------------------------------------------------

    def action_action_items(self) -> None:
        from facilitator.ui.screens.action_list import ActionListScreen

        name = self.team.name if self.team else None
        self.app.push_screen(ActionListScreen(self.team_id, name))

    def action_self_assessment(self) -> None:
        from facilitator.ui.self_assessment_flow import take_self_assessment

        take_self_assessment(self.app, self.team_id)

    def action_compare_self_assessments(self) -> None:
        from facilitator.ui.screens.self_assessment_compare import SelfAssessmentCompareScreen

        self.app.push_screen(SelfAssessmentCompareScreen(self.team_id))

    def action_edit_team(self) -> None:
        if self.team is None or self.pack is None:
            return
        team, pack = self.team, self.pack
        types = tuple(t.name for t in pack.team_types.values())

        def save(values: Values) -> None:
            from facilitator.services.team_admin import update_team

            kind_id = pack.team_kind(str(values["kind"]))
            backend = self.app.backend
            update_team(
                backend.db,
                team_id=team.id,
                name=str(values["name"]),
                purpose=str(values["purpose"]),
                kind=kind_id or None,
                now=backend.now(),
            )

        fields = [
            Field("name", "Team name", team.name),
            Field(
                "kind",
                "Team type",
                self._kind_name(team.kind),
                suggestions=types,
                help="A team type from the library (" + ", ".join(types) + ") or your own word.",
            ),
            Field("purpose", "Purpose line, shown on every agenda", team.purpose),
        ]
        self.app.push_screen(FormModal("Edit team", fields, save))

    def action_archive_team(self) -> None:
        if self.team is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write("archive_team", team_id=self.team_id, then_leave=True)

        question = (
            f"Archive {self.team.name}? It leaves the home screen; its meetings and minutes stay."
        )
        self.app.push_screen(ConfirmModal(question, yes="Archive", default=True), confirmed)

    # Members ------------------------------------------------------------------------

    def action_add_member(self) -> None:
        self._member_form(None)

    def action_edit_member(self) -> None:
        member_id = self._selected("#members")
        if member_id is not None:
            self._member_form(member_id)

    def _member_form(self, member_id: int | None) -> None:
        if self.team is None:
            return
        member = next((m for m in self.team.members if m.id == member_id), None)

        def save(values: Values) -> None:
            from facilitator.services import team_admin

            draft = MemberDraft(str(values["name"]), str(values["position"]), str(values["email"]))
            backend = self.app.backend
            if member is None:
                team_admin.add_member(
                    backend.db, team_id=self.team_id, draft=draft, now=backend.now()
                )
            else:
                team_admin.update_member(
                    backend.db, member_id=member.id, draft=draft, now=backend.now()
                )

        fields = [
            Field("name", "Name", member.name if member else ""),
            Field(
                "position",
                "Position",
                member.position if member else "",
                placeholder="e.g. Grade 3 teacher",
            ),
            Field(
                "email", "E-mail", (member.email or "") if member else "", placeholder="optional"
            ),
        ]
        title = "Edit member" if member else "Add a member"
        self.app.push_screen(FormModal(title, fields, save))

    def action_remove_member(self) -> None:
        member_id = self._selected("#members")
        member = (
            next((m for m in self.team.members if m.id == member_id), None) if self.team else None
        )
        if member is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write("archive_member", member_id=member.id)

        question = f"Take {member.name} off the team? Old minutes keep their name."
        self.app.push_screen(ConfirmModal(question, yes="Remove", default=True), confirmed)

    # Norms --------------------------------------------------------------------------

    def action_add_norm(self) -> None:
        if self.team is None or self.pack is None:
            return
        adopted = {n.pack_norm_id for n in self.team.norms}
        choices = tuple((n.name, nid) for nid, n in self.pack.norms.items() if nid not in adopted)
        pack = self.pack

        def save(values: Values) -> None:
            from facilitator.services.team_admin import add_norm

            backend = self.app.backend
            chosen, written = str(values["pick"]), str(values["text"]).strip()
            if not chosen and not written:
                from facilitator.errors import InvalidInput

                raise InvalidInput({"text": "Choose one of the Seven Norms, or write your own."})
            if written:
                add_norm(backend.db, team_id=self.team_id, text=written, now=backend.now())
            if chosen:
                norm = pack.norms[chosen]
                add_norm(
                    backend.db,
                    team_id=self.team_id,
                    text=norm.name,
                    detail=norm.practice,
                    pack_norm_id=chosen,
                    now=backend.now(),
                )

        fields = [
            Field(
                "pick",
                "One of the Seven Norms of Collaborative Work",
                kind="select",
                options=choices,
                help="Only those the team has not adopted yet are offered."
                if choices
                else "The team has adopted all seven.",
            ),
            Field("text", "Or write your own", placeholder="e.g. Start and end on time"),
        ]
        self.app.push_screen(FormModal("Add a norm", fields, save))

    def action_edit_norm(self) -> None:
        norm_id = self._selected("#norms")
        norm = next((n for n in self.team.norms if n.id == norm_id), None) if self.team else None
        if norm is None:
            return

        def save(values: Values) -> None:
            from facilitator.services.team_admin import update_norm

            backend = self.app.backend
            update_norm(backend.db, norm_id=norm.id, text=str(values["norm"]), now=backend.now())

        self.app.push_screen(FormModal("Reword the norm", [Field("norm", "Norm", norm.text)], save))

    def action_norm_up(self) -> None:
        self._move_norm(-1)

    def action_norm_down(self) -> None:
        self._move_norm(+1)

    def _move_norm(self, offset: int) -> None:
        norm_id = self._selected("#norms")
        if norm_id is not None:
            norms = self.query_one(NormList)
            if norms.highlighted is not None:
                norms.highlighted = max(0, min(norms.option_count - 1, norms.highlighted + offset))
            self._write("move_norm", norm_id=norm_id, offset=offset)

    def action_retire_norm(self) -> None:
        norm_id = self._selected("#norms")
        norm = next((n for n in self.team.norms if n.id == norm_id), None) if self.team else None
        if norm is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write("retire_norm", norm_id=norm.id)

        question = f'Retire the norm "{norm.text}"? Old minutes and norms checks keep it.'
        self.app.push_screen(ConfirmModal(question, yes="Retire", default=True), confirmed)

    def action_develop_norms(self) -> None:
        from facilitator.ui.modals.norms_wizard import NormsWizard

        self.app.push_screen(NormsWizard(self.team_id))

    # Saving -------------------------------------------------------------------------

    @work(thread=True, group="team-write")
    def _write(self, operation: str, then_leave: bool = False, **arguments: int) -> None:
        from facilitator.services import team_admin

        backend = self.app.backend
        try:
            getattr(team_admin, operation)(backend.db, now=backend.now(), **arguments)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        if then_leave:
            self.app.call_from_thread(self.dismiss)
        else:
            self.app.call_from_thread(self.reload_if_changed)

    def action_back(self) -> None:
        self.dismiss()
