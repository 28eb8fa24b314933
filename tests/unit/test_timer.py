"""The timekeeper's arithmetic: segments, countdown phases and words, the meeting's
projected end. Everything is derived from timestamps, so no test needs a real clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from facilitator.domain.timer import (
    ItemClock,
    ItemTime,
    MeetingClock,
    Phase,
    Segment,
    clock_text,
    run_seconds,
)

T0 = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_closed_and_open_segments_add_up() -> None:
    segments = [Segment(at(0), at(90)), Segment(at(120), at(150)), Segment(at(200))]

    assert run_seconds(segments, at(260)) == 90 + 30 + 60


def test_a_reading_before_a_segment_counts_none_of_it() -> None:
    assert run_seconds([Segment(at(100))], at(40)) == 0
    assert run_seconds([Segment(at(0), at(100))], at(40)) == 40


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (59.9, "0:59"), (61, "1:01"), (600, "10:00"), (3725, "1:02:05"), (-3, "0:00")],
)
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


@pytest.mark.parametrize(
    ("elapsed", "phase", "display", "words"),
    [
        (0, Phase.NORMAL, "10:00", "10:00 left"),
        (150.2, Phase.NORMAL, "7:30", "7:30 left"),
        (480, Phase.WARNING, "2:00", "2 min left"),
        (481, Phase.WARNING, "1:59", "2 min left"),
        (540.5, Phase.WARNING, "1:00", "1 min left"),
        (599.5, Phase.WARNING, "0:01", "1 min left"),
        (600, Phase.TIME_UP, "+0:00", "Time is up"),
        (609.9, Phase.TIME_UP, "+0:09", "Time is up"),
        (610, Phase.OVER, "+0:10", "Over by 0:10"),
        (690, Phase.OVER, "+1:30", "Over by 1:30"),
    ],
)
def test_the_countdown_says_in_words_what_its_colour_says(
    elapsed: float, phase: Phase, display: str, words: str
) -> None:
    clock = ItemClock(planned_seconds=600, elapsed_seconds=elapsed, running=True)

    assert (clock.phase, clock.display, clock.words) == (phase, display, words)


def test_a_paused_clock_says_so() -> None:
    clock = ItemClock(planned_seconds=600, elapsed_seconds=30, running=False)

    assert clock.words == "9:30 left · paused"


def test_the_warning_threshold_is_the_meetings_own() -> None:
    clock = ItemClock(planned_seconds=600, elapsed_seconds=250, running=True, warning_seconds=360)

    assert clock.phase is Phase.WARNING
    assert clock.words == "6 min left"


@given(
    planned=st.integers(min_value=60, max_value=36_000),
    elapsed=st.floats(min_value=0, max_value=40_000, allow_nan=False),
)
def test_the_figure_changes_exactly_when_next_change_says(planned: int, elapsed: float) -> None:
    clock = ItemClock(planned_seconds=planned, elapsed_seconds=elapsed, running=True)
    wait = clock.next_change()

    assert 0 < wait <= 1
    assume(wait > 1e-6)  # closer than that, float rounding decides which side it falls
    just_before = ItemClock(planned, elapsed + wait - 1e-7, running=True)
    just_after = ItemClock(planned, elapsed + wait + 1e-6, running=True)
    assert just_before.display == clock.display
    assert just_after.display != clock.display


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0.001, max_value=900, allow_nan=False),  # running
            st.floats(min_value=0, max_value=900, allow_nan=False),  # paused
        ),
        min_size=1,
        max_size=60,
    )
)
def test_pausing_and_resuming_loses_no_time(stretches: list[tuple[float, float]]) -> None:
    """Over a long meeting of pauses and restarts, the clock holds exactly the running time."""
    segments, moment, ran = [], 0.0, 0.0
    for running, paused in stretches:
        segments.append(Segment(at(moment), at(moment + running)))
        ran += running
        moment += running + paused

    assert run_seconds(segments, at(moment)) == pytest.approx(ran, abs=1e-3)


def meeting(now: float, current: int, elapsed: tuple[float, ...]) -> MeetingClock:
    planned = (300.0, 600.0, 900.0, 300.0)
    items = tuple(
        ItemTime(item_id=n, planned_seconds=p, elapsed_seconds=e)
        for n, (p, e) in enumerate(zip(planned, elapsed, strict=True))
    )
    return MeetingClock(
        now=at(now),
        started_at=T0,
        scheduled_end=at(sum(planned)),
        items=items,
        current_index=current,
    )


def test_on_time_the_projected_end_is_the_scheduled_end() -> None:
    clock = meeting(now=420, current=1, elapsed=(300, 120, 0, 0))

    assert clock.elapsed_seconds == 420
    assert clock.remaining_seconds == 480 + 900 + 300
    assert clock.projected_end == at(2100)
    assert clock.drift_words == "on plan"


def test_an_item_running_over_pushes_the_end_out() -> None:
    clock = meeting(now=1140, current=1, elapsed=(300, 840, 0, 0))  # 4 min over on item 2

    assert clock.remaining_seconds == 900 + 300
    assert clock.drift_seconds == 240
    assert clock.drift_words == "4 min over plan"


def test_finishing_early_brings_it_in() -> None:
    clock = meeting(now=600, current=2, elapsed=(180, 420, 0, 0))

    assert clock.drift_words == "5 min under plan"


def test_before_the_start_nothing_has_elapsed() -> None:
    clock = MeetingClock(
        now=at(-60), started_at=None, scheduled_end=at(60), items=(), current_index=0
    )

    assert (clock.elapsed_seconds, clock.remaining_seconds) == (0, 0)
