"""An evaluation counted: distributions over the scale, medians (even counts too) and
means, skipped items, anonymous and named comments mixed, the lowest and highest items
in words, sections beside their items, and answers that do not fit refused in words."""

from __future__ import annotations

import pytest

from facilitator.domain.evaluation_results import (
    Answer,
    Form,
    FormItem,
    FormSection,
    Response,
    answer_problem,
    answered_words,
    count_results,
    number,
)
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack

GOALS, TRUST, LEAD = (
    FormItem("goals", "Goals"),
    FormItem("trust", "Trust"),
    FormItem("lead", "Leadership"),
)
RATED = Form(
    "team",
    "Team assessment",
    "rating",
    (FormSection("all", "Dimensions", (GOALS, TRUST, LEAD)),),
    low=1,
    high=7,
)
PLUS, DELTA = FormItem("plus", "Plus"), FormItem("delta", "Delta")
TEXT = Form("plus-delta", "Plus/delta", "text", (FormSection("pd", "Plus/delta", (PLUS, DELTA)),))


def rated(respondent: str | None, **scores: int) -> Response:
    return Response(respondent, {item: Answer(score=score) for item, score in scores.items()})


def test_an_even_count_has_the_middle_two_averaged_as_its_median() -> None:
    result = count_results(
        RATED,
        [
            rated("Ana", goals=3, trust=2),
            rated("Ben", goals=5, trust=4),
            rated(None, goals=4),
            rated(None, goals=6),
        ],
    )
    goals, trust, lead = result.items
    assert (goals.median, goals.mean, goals.answered, goals.skipped) == (4.5, 4.5, 4, 0)
    assert (trust.median, trust.mean, trust.answered, trust.skipped) == (3.0, 3.0, 2, 2)
    assert (lead.median, lead.mean, lead.answered, lead.skipped) == (None, None, 0, 4)
    assert goals.counts == (("1", 0), ("2", 0), ("3", 1), ("4", 1), ("5", 1), ("6", 1), ("7", 0))
    assert goals.figures == "median 4.5, mean 4.5, 4 answered"
    assert lead.figures == "0 answered"


def test_the_lowest_and_highest_items_are_named_ties_together() -> None:
    result = count_results(
        RATED, [rated("Ana", goals=6, trust=2, lead=2), rated("Ben", goals=6, trust=3, lead=3)]
    )
    assert result.extremes == "Lowest: Trust; Leadership (2.5). Highest: Goals (6.0)."
    alike = count_results(RATED, [rated(None, goals=4, trust=4, lead=4)])
    assert alike.extremes == "Every item rated alike (mean 4.0)."
    assert count_results(RATED, []).extremes == ""


def test_comments_keep_names_only_where_given() -> None:
    responses = [
        Response("Ana", {"plus": Answer(text="Started on time"), "delta": Answer(text="  ")}),
        Response(None, {"delta": Answer(text="[bold]Less[/bold] reporting")}),
    ]
    result = count_results(TEXT, responses)
    assert [(c.item.id, c.text, c.respondent) for c in result.comments] == [
        ("plus", "Started on time", "Ana"),
        ("delta", "[bold]Less[/bold] reporting", None),
    ]
    plus, delta = result.items
    assert (plus.answered, plus.skipped, delta.answered, delta.skipped) == (1, 1, 1, 1)


def test_a_section_has_its_own_mean_beside_its_items() -> None:
    form = Form(
        "norms",
        "Norms Inventory",
        "rating",
        (
            FormSection("pausing", "Pausing", (FormItem("p1", "Waits"), FormItem("p2", "Thinks"))),
            FormSection("probing", "Probing", (FormItem("q1", "Asks"),)),
        ),
        low=1,
        high=4,
    )
    result = count_results(form, [rated(None, p1=1, p2=4, q1=3), rated(None, p1=2, q1=4)])
    pausing, probing = result.sections
    assert (pausing.mean, probing.mean) == (7 / 3, 3.5)
    assert [i.mean for i in pausing.items] == [1.5, 4.0]


def test_levels_are_counted_in_the_scale_order_with_no_median() -> None:
    form = Form(
        "slt",
        "Self-assessment",
        "levels",
        (FormSection("s", "S", (GOALS,)),),
        levels=(("N/A", "Not applicable"), ("I", "Initiating"), ("P", "Progressing")),
    )
    result = count_results(form, [Response(None, {"goals": Answer(level="P")})] * 2)
    (goals,) = result.items
    assert goals.counts == (("N/A", 0), ("I", 0), ("P", 2))
    assert (goals.median, goals.figures) == (None, "2 answered")


@pytest.mark.parametrize(
    ("item", "answer", "problem"),
    [
        ("goals", Answer(score=8), "Team assessment is rated from 1 to 7."),
        ("goals", Answer(score=0), "Team assessment is rated from 1 to 7."),
        ("goals", Answer(), "Team assessment is rated from 1 to 7."),
        ("morale", Answer(score=3), 'Team assessment has no item "morale".'),
        ("goals", Answer(score=7), None),
    ],
)
def test_an_answer_that_does_not_fit_is_said_in_words(
    item: str, answer: Answer, problem: str | None
) -> None:
    assert answer_problem(RATED, item, answer) == problem


def test_progress_and_numbers_in_words() -> None:
    assert answered_words(4, 9) == "4 of 9 have answered"
    assert answered_words(1, 3) == "1 of 3 has answered"
    assert (number(4.0), number(4.5), number(4.25)) == ("4", "4.5", "4.2")


def test_every_pack_instrument_becomes_a_form(pack: Pack) -> None:
    forms = {key: form_of(entry) for key, entry in pack.instruments.items()}
    team = forms["effective-team-assessment"]
    assert (team.kind, team.values[0], team.values[-1]) == ("rating", "1", "7")
    assert len([item for section in team.sections for item in section.items]) == 9
    assert forms["plus-delta"].kind == "text"
    norms = forms["norms-inventory"]
    assert len(norms.sections) == 7 and all(len(s.items) == 3 for s in norms.sections)


def test_comments_come_in_the_order_of_their_words_not_of_the_responses() -> None:
    """Regression, found as a snapshot that changed from run to run: comments followed
    the order anonymous responses were stored in (random ids), which also says who
    wrote what when they are stored in the order given."""
    responses = [
        Response(None, {"delta": Answer(text=text)}) for text in ("more data", "Fewer reports")
    ]
    forward = count_results(TEXT, responses).comments
    backward = count_results(TEXT, responses[::-1]).comments
    assert [c.text for c in forward] == [c.text for c in backward] == ["Fewer reports", "more data"]
