"""Text kept to a number of lines ends in "…" where it is cut (issue 15, defect 7)."""

from __future__ import annotations

from textual.content import Content

from facilitator.ui.widgets.clamped_text import clamped_lines

LONG = "Planning the spring literacy night, the family writing workshops and the budget"


def plain(lines: list[Content]) -> list[str]:
    return [line.plain for line in lines]


def test_a_part_longer_than_its_lines_ends_in_an_ellipsis() -> None:
    assert plain(clamped_lines([(Content(LONG), 2)], 30)) == [
        "Planning the spring literacy",
        "night, the family writing…",
    ]


def test_a_part_that_fits_is_left_whole() -> None:
    assert plain(clamped_lines([(Content("Short"), 1)], 30)) == ["Short"]


def test_a_full_last_line_gives_a_cell_to_the_ellipsis() -> None:
    assert plain(clamped_lines([(Content("x" * 45), 1)], 30)) == ["x" * 29 + "…"]


def test_the_total_cut_after_a_whole_part_says_more_follows() -> None:
    """Cut after a complete line, the mark stands apart so the line does not look cut."""
    parts = [(Content("Title"), 1), (Content("Time"), 1), (Content("Purpose"), 1)]
    assert plain(clamped_lines(parts, 30, total=2)) == ["Title", "Time …"]


def test_styles_survive_the_cut() -> None:
    (line,) = clamped_lines([(Content.styled(LONG, "bold"), 1)], 30)
    assert line.plain.endswith("…")
    assert line.spans and str(line.spans[0].style) == "bold"


def test_paragraph_breaks_are_kept() -> None:
    assert plain(clamped_lines([(Content("a\n\nb"), 5)], 30)) == ["a", "", "b"]
