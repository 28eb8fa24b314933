"""Trends of rating items across meetings: the change since the previous evaluation in
words (without an item's closing full stop before the colon), an item with a single
evaluation, and instruments that are not trended."""

from __future__ import annotations

from datetime import date

from facilitator.domain.evaluation_results import (
    Answer,
    Form,
    FormItem,
    FormSection,
    Response,
    count_results,
)
from facilitator.domain.evaluation_trends import MeetingResults, trends_of

TRUST = FormItem("trust", "Trust and conflict resolution")
GOALS = FormItem("goals", "Goals and objectives")
RATED = Form("team", "Team Assessment", "rating", (FormSection("s", "S", (TRUST, GOALS)),), 1, 7)
PLUS = FormItem("plus", "What went well")
TEXT = Form("plus-delta", "Plus/delta", "text", (FormSection("s", "S", (PLUS,)),))


def _meeting(meeting_id: int, day: date, *scores: dict[str, int]) -> MeetingResults:
    responses = [
        Response(None, {item: Answer(score=score) for item, score in given.items()})
        for given in scores
    ]
    comments = [Response(None, {"plus": Answer(text="Good pace.")})]
    results = (count_results(RATED, responses), count_results(TEXT, comments))
    return MeetingResults(meeting_id, day, f"Meeting {meeting_id}", results)


def test_the_change_since_the_previous_evaluation_in_words() -> None:
    meetings = [
        _meeting(1, date(2026, 9, 7), {"trust": 2, "goals": 5}),
        _meeting(2, date(2026, 10, 5), {"trust": 4, "goals": 5}, {"trust": 5, "goals": 6}),
        _meeting(3, date(2026, 11, 2), {"trust": 5}, {"trust": 6}, {"trust": 5}),
    ]

    (instrument,) = trends_of([RATED], meetings)

    trust, goals = instrument.trends
    assert trust.change == "Trust and conflict resolution: 4.5 → 5.3"
    assert [(p.meeting_id, p.mean, p.answered) for p in trust.points] == [
        (1, 2.0, 1),
        (2, 4.5, 2),
        (3, 16 / 3, 3),
    ]
    # Nobody rated goals at the third meeting: it is compared with the one before.
    assert [p.day for p in goals.points] == [date(2026, 9, 7), date(2026, 10, 5)]
    assert goals.change == "Goals and objectives: 5.0 → 5.5"


def test_a_single_evaluation_says_so() -> None:
    (instrument,) = trends_of([RATED], [_meeting(1, date(2026, 11, 2), {"trust": 4, "goals": 5})])

    assert (
        instrument.trends[0].change == "Trust and conflict resolution: 4.0 (one evaluation so far)"
    )
    assert len(instrument.trends[0].points) == 1


def test_text_instruments_and_unrated_items_are_not_trended() -> None:
    meetings = [_meeting(1, date(2026, 11, 2), {"trust": 4})]

    found = trends_of([TEXT, RATED], meetings)

    assert [instrument.form.id for instrument in found] == ["team"]
    assert [trend.item_id for trend in found[0].trends] == ["trust"]  # goals: nobody rated it
    assert trends_of([TEXT], meetings) == ()
    assert trends_of([RATED], []) == ()


def test_an_item_written_as_a_sentence_loses_its_full_stop_before_the_colon() -> None:
    pause = FormItem("pause", "We leave a pause after we ask a question.")
    inventory = Form("ni", "Norms Inventory", "rating", (FormSection("s", "S", (pause,)),), 1, 4)
    meetings = [
        MeetingResults(
            number,
            date(2026, 9 + number, 7),
            f"Meeting {number}",
            (count_results(inventory, [Response(None, {"pause": Answer(score=score)})]),),
        )
        for number, score in ((1, 2), (2, 3))
    ]

    ((trend,),) = (instrument.trends for instrument in trends_of([inventory], meetings))

    assert trend.text == "We leave a pause after we ask a question."
    assert trend.change == "We leave a pause after we ask a question: 2.0 → 3.0"
