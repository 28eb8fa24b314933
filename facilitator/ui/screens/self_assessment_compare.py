"""A team's self-assessments of one instrument side by side: a row per item, a column
per date (oldest first) holding the level chosen, and a last column saying what changed
since the previous one in signs and words ("↑ up 1", "= same"); below, the highlighted
item in full, each date's level by name with its note. `i` turns to the next periodic
instrument, `s` takes one (or continues today's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from facilitator.domain.self_assessment import (
    ComparedItem,
    Comparison,
    chosen,
    level_label,
    level_name,
    note_label,
)
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import UiAction, bindings
from facilitator.ui.literal import cell, join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.services.self_assessments import TeamAssessments
    from facilitator.ui.app import FacilitatorApp

COMPARE_ACTIONS = (
    UiAction(
        "take",
        "Self-assessments: take one, or continue today's",
        "Choose the instrument and the day; every answer is saved as it is given.",
        key="s",
        footer="Take one",
    ),
    UiAction(
        "next_instrument",
        "Self-assessments: the next instrument",
        "Compare the team's assessments of the next periodic instrument.",
        key="i",
        footer="Next instrument",
    ),
    UiAction("back", "Self-assessments: back", "Return to the team.", key="escape", footer="Back"),
)
DATE_WIDTH = 11
"""A column per date: "23 Nov 2026", or the widest level shown in it."""
ITEM_MIN = 24


class AssessmentsLoaded(Message):
    def __init__(self, found: TeamAssessments) -> None:
        super().__init__()
        self.found = found


class SelfAssessmentCompareScreen(FreshScreen[None]):
    """The comparison of one instrument; the detail follows the highlighted row."""

    DEFAULT_CSS = """
    SelfAssessmentCompareScreen #compare-heading { padding: 0 1; height: auto; }
    SelfAssessmentCompareScreen #compare-table { height: 1fr; }
    SelfAssessmentCompareScreen #compare-detail {
        padding: 0 1; height: auto; max-height: 7; border-top: solid $panel;
    }
    SelfAssessmentCompareScreen #compare-levels { padding: 0 1; height: auto; color: $text-muted; }
    """
    ACTIONS = COMPARE_ACTIONS
    BINDINGS = bindings(COMPARE_ACTIONS)
    AUTO_FOCUS = "#compare-table"

    app: FacilitatorApp

    def __init__(self, team_id: int, instrument_id: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.instrument_id = instrument_id
        self.found: TeamAssessments | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static("Loading…", id="compare-heading")
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="compare-detail")
        yield Static(id="compare-levels")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Self-assessments"
        self.reload()

    @work(thread=True, exclusive=True, group="compare-load")
    def load(self) -> None:
        from facilitator.services.self_assessments import team_assessments

        backend = self.app.backend
        try:
            found = team_assessments(
                backend.db, team_id=self.team_id, pack=backend.pack, every=True
            )
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.post_message(AssessmentsLoaded(found))

    def on_assessments_loaded(self, message: AssessmentsLoaded) -> None:
        self.found = message.found
        self._show()

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown: the instrument asked for, else the first one taken."""
        if self.found is None or not self.found.comparisons:
            return None
        comparisons = self.found.comparisons
        wanted = next((c for c in comparisons if c.form.id == self.instrument_id), None)
        return wanted or next((c for c in comparisons if c.assessments), comparisons[0])

    def _show(self) -> None:
        comparison = self.comparison
        heading = self.query_one("#compare-heading", Static)
        if comparison is None or self.found is None:
            heading.update("The content pack has no periodic self-assessment.")
            return
        self.instrument_id = comparison.form.id
        count = len(comparison.assessments)
        taken = "taken once" if count == 1 else f"taken {count} times"
        heading.update(
            join(
                lit(comparison.form.name, "bold"),
                " · ",
                lit(self.found.team),
                f" · {taken if count else 'not taken yet: s takes it'}\n",
                lit(comparison.summary),
            )
        )
        self._fill(comparison)
        self.query_one("#compare-levels", Static).update(_levels_line(comparison))
        self._show_detail()

    def _fill(self, comparison: Comparison) -> None:
        table = self.query_one("#compare-table", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        date_width = max(
            [DATE_WIDTH, *(len(level_label(comparison.form, v)) for v in comparison.form.values)]
        )
        changed = len(comparison.assessments) > 1
        fixed = (date_width + 2) * len(comparison.assessments) + (14 if changed else 0) + 2
        table.add_column("Item", width=max(ITEM_MIN, self.size.width - fixed - 2), key="item")
        for day in comparison.dates:
            table.add_column(f"{day.day} {day:%b %Y}", width=date_width)
        if changed:
            table.add_column("Change", width=12)
        several = len(comparison.form.sections) > 1
        for section in comparison.form.sections:
            if several:
                table.add_row(cell(section.title, "bold"), key=f"section:{section.id}")
            for item in comparison.items:
                if item.section == section:
                    table.add_row(*_row(comparison, item, changed), key=item.item.id)
        table.fixed_columns = 1
        if table.row_count:
            # A section's heading row says nothing of its own: start on its first item.
            table.move_cursor(row=min(max(keep, int(several)), table.row_count - 1))

    def on_data_table_row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#compare-detail", Static)
        comparison, key = self.comparison, self._highlighted()
        item = next((i for i in comparison.items if i.item.id == key), None) if comparison else None
        if comparison is None or item is None:
            section = key.removeprefix("section:") if key else ""
            titles = {s.id: s.title for s in comparison.form.sections} if comparison else {}
            detail.update(lit(titles.get(section, ""), "bold"))
            return
        detail.update(_detail(comparison, item))

    def _highlighted(self) -> str | None:
        """The highlighted row's key: an item's id, or "section:" and a section's."""
        table = self.query_one("#compare-table", DataTable)
        if not table.row_count:
            return None
        return table.ordered_rows[table.cursor_row].key.value

    def on_resize(self) -> None:
        if self.comparison is not None:
            self._fill(self.comparison)

    def action_next_instrument(self) -> None:
        if self.found is None or not self.found.comparisons:
            return
        ids = [c.form.id for c in self.found.comparisons]
        here = ids.index(self.instrument_id) if self.instrument_id in ids else -1
        self.instrument_id = ids[(here + 1) % len(ids)]
        self.query_one("#compare-table", DataTable).move_cursor(row=0)
        self._show()
        self.query_one("#compare-table", DataTable).scroll_home(animate=False)

    def action_take(self) -> None:
        from facilitator.ui.self_assessment_flow import take_self_assessment

        take_self_assessment(self.app, self.team_id, self.instrument_id)

    def action_back(self) -> None:
        self.dismiss(None)


def _row(comparison: Comparison, item: ComparedItem, changed: bool) -> list[object]:
    form = comparison.form
    cells: list[object] = [cell(item.item.text)]
    for answer in item.answers:
        value = chosen(answer)
        if form.kind == "text":
            cells.append(cell(answer.text if answer else "–"))
        else:
            cells.append(cell(level_label(form, value) if value is not None else "–"))
    if changed:
        cells.append(cell(item.mark or "–"))
    return cells


def _detail(comparison: Comparison, item: ComparedItem) -> Content:
    """The item in full, the change in words, and each date's level and note."""
    form = comparison.form
    parts: list[Content | str | tuple[str, str]] = [lit(item.item.text, "bold")]
    if item.change:
        parts += ["\n", ("Change: ", "bold"), lit(item.change)]
    for day, answer in zip(comparison.dates, item.answers, strict=True):
        value = chosen(answer)
        said = level_name(form, value) if value is not None else "not answered"
        if form.kind == "text":
            said = ""
        note = answer.text.strip() if answer else ""
        parts += ["\n", (f"{day.day} {day:%b %Y}: ", "bold"), lit(said)]
        if note:
            label = f"{note_label(form)}: " if form.kind != "text" else ""
            parts += [" — " if said else "", lit(f"{label}{note}")]
        elif form.kind == "text":
            parts.append(lit("not answered"))
    return join(*parts)


def _levels_line(comparison: Comparison) -> Content:
    form = comparison.form
    if form.kind != "levels":
        return lit("")
    names = " · ".join(level_name(form, code) for code, _ in form.levels)
    return lit(f"Levels: {names}. – not answered.")
