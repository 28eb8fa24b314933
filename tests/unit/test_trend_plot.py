"""The trends chart's own arithmetic: the dates under the x axis's ticks (written by
the app, not plotext, so the picture is the same on every run), which meetings get a
date when they do not all fit, and which side of its point a figure is written on."""

from __future__ import annotations

import pytest

from facilitator.ui.widgets.trend_plot import date_row, label_height, spread


def test_each_date_is_centred_under_its_tick() -> None:
    row = date_row(46, [12, 26, 40], ["2026-09-07", "2026-10-05", "2026-11-02"])

    assert row == "       2026-09-07    2026-10-05    2026-11-02 "
    assert len(row) == 46


def test_a_date_that_would_touch_the_next_is_left_out_and_the_latest_kept() -> None:
    row = date_row(30, [5, 12, 24], ["2026-09-07", "2026-10-05", "2026-11-02"])

    assert row == "       2026-10-05  2026-11-02 "  # September's would touch October's


def test_dates_stay_inside_the_row() -> None:
    assert date_row(12, [0, 11], ["2026-09-07", "2026-11-02"]) == "  2026-11-02"
    assert date_row(12, [], []) == " " * 12


@pytest.mark.parametrize(
    ("count", "most", "expected"),
    [
        (3, 5, [1, 2, 3]),
        (10, 1, [10]),
        (10, 2, [1, 10]),
        (200, 4, [1, 67, 134, 200]),
    ],
)
def test_spread_keeps_the_first_and_the_latest(count: int, most: int, expected: list[int]) -> None:
    assert spread(list(range(1, count + 1)), most) == expected


@pytest.mark.parametrize(
    ("values", "index", "expected"),
    [
        ([3.0, 5.0, 4.0], 1, 5.5),  # a peak: above
        ([5.0, 3.0, 4.0], 1, 2.5),  # a trough: below
        ([4.0], 0, 4.5),  # alone: above
        ([6.0, 7.0], 1, 6.5),  # at the top of the scale: below, inside the frame
        ([2.0, 1.0], 1, 1.5),  # at the bottom: above
    ],
)
def test_a_figure_goes_on_the_side_away_from_its_line(
    values: list[float], index: int, expected: float
) -> None:
    assert label_height(values, index, 0.5, 1, 7) == expected
