"""The planning agenda's column widths (issue 15, defect 7: at 80 columns the title gives
way before the presenter and the process are cut to nothing)."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitator.domain.meeting_view import AgendaLine
from facilitator.ui.widgets.agenda_table import Widths


def line(title: str, process: str | None = None) -> AgendaLine:
    start = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    return AgendaLine(
        id=1,
        position=1,
        starts_at=start,
        title=title,
        goal="",
        presenter=None,
        minutes=10,
        kind="discussion",
        process=process,
    )


def total(widths: Widths) -> int:
    return widths.item + widths.presenter + widths.process


def test_everything_fits_on_a_wide_table_and_the_title_takes_the_rest() -> None:
    agenda = (line("Budget", "Consensus"),)
    widths = Widths.fit(160, agenda)
    assert widths.process == len("Consensus")
    assert widths.presenter == len("Presenter")
    assert widths.item > 100


def test_the_title_gives_way_first() -> None:
    title = "Supporting weekly writing conferences and peer observations"
    agenda = (line(title, "Interest-based problem solving"),)
    wide = Widths.fit(130, agenda)
    assert wide.process == len("Interest-based problem solving")  # whole
    narrower = Widths.fit(120, agenda)
    assert narrower.process == wide.process  # still whole: the title shrank
    assert narrower.item < wide.item


def test_at_80_columns_the_title_keeps_half_and_the_process_shares_the_rest() -> None:
    agenda = (line("A" * 200, "Interest-based problem solving"),)
    widths = Widths.fit(78, agenda)
    assert widths.item == total(widths) // 2
    assert widths.presenter >= len("Presenter")
    assert widths.process >= len("Process")
