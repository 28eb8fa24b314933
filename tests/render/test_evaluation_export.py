"""A meeting's evaluation results as Markdown, CSV and JSON (`facilitator evaluation`):
the demo's November meeting (plus/delta with anonymous comments and the Effective Team
Assessment), the Norms Inventory in its sections, and comments that look like markup."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from facilitator.domain.evaluation_results import Answer, Response, count_results
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.render.evaluation import (
    HEADER,
    evaluation_csv,
    evaluation_json,
    evaluation_markdown,
)
from facilitator.services.evaluation_results import MeetingEvaluation, meeting_evaluation
from facilitator.store.database import Database
from tests.conftest import TZ

NOVEMBER, DECEMBER = 1, 2


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> MeetingEvaluation:
    return meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack, tz=TZ)


def evaluated_with(pack: Pack, instrument: str, *responses: Response) -> MeetingEvaluation:
    result = count_results(form_of(pack.instruments[instrument]), responses)
    return MeetingEvaluation(7, "*Spring* review", "Oak [b]PLC[/b]", date(2027, 3, 1), (result,))


def test_markdown_names_the_meeting_the_extremes_and_the_anonymous_comments(
    november: MeetingEvaluation,
) -> None:
    text = evaluation_markdown(november)
    team = next(r for r in november.results if r.form.id == "effective-team-assessment")

    assert text.startswith("# Evaluation: November leadership team meeting\n\n")
    assert f"Riverside Elementary Leadership Team, {november.held_on.isoformat()}." in text
    assert "## Effective Team Assessment\n\n3 responses, rated from 1 to 7." in text
    assert team.extremes.startswith("Lowest: ") and team.extremes in text
    assert (
        "- Goals and objectives: median 6, mean 5.7, 3 answered \\\n"
        "  1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 1 · 6: 2 · 7: 0\n"
    ) in text
    assert "### Plus: what went well?" in text
    assert "- (anonymous): Sam's exemplars helped.\n" in text
    assert "- Maria Alvarez: We chose a focus together" in text


def test_a_meeting_not_evaluated_says_so(demo_db: Database, pack: Pack) -> None:
    december = meeting_evaluation(demo_db, meeting_id=DECEMBER, pack=pack, tz=TZ)

    assert evaluation_markdown(december).splitlines()[-1] == "This meeting has not been evaluated."
    assert evaluation_csv(december) == ",".join(HEADER) + "\r\n"
    assert json.loads(evaluation_json(december))["instruments"] == []


def test_csv_loads_with_the_documented_header(november: MeetingEvaluation) -> None:
    rows = list(csv.DictReader(io.StringIO(evaluation_csv(november), newline="")))

    assert list(rows[0]) == list(HEADER)
    goals = [row for row in rows if row["item"] == "Goals and objectives"]
    assert [(row["value"], row["count"]) for row in goals] == [
        ("1", "0"),
        ("2", "0"),
        ("3", "0"),
        ("4", "0"),
        ("5", "1"),
        ("6", "2"),
        ("7", "0"),
    ]
    assert {(row["answered"], row["median"], row["mean"]) for row in goals} == {("3", "6", "5.67")}
    comments = [row for row in rows if row["comment"]]
    assert len(comments) == 8 and all(row["value"] == row["count"] == "" for row in comments)
    anonymous = next(row for row in comments if row["comment"] == "Sam's exemplars helped.")
    assert (anonymous["instrument"], anonymous["respondent"]) == ("Plus/delta", "")


def test_json_has_its_format_version_and_documented_shape(november: MeetingEvaluation) -> None:
    document = json.loads(evaluation_json(november))

    assert (document["format"], document["version"]) == ("facilitator-evaluation", 1)
    assert document["meeting"] == {
        "id": NOVEMBER,
        "title": "November leadership team meeting",
        "team": "Riverside Elementary Leadership Team",
        "date": november.held_on.isoformat(),
    }
    team, plus_delta = sorted(document["instruments"], key=lambda i: str(i["id"]))
    assert team["id"] == "effective-team-assessment" and team["kind"] == "rating"
    assert team["extremes"].startswith("Lowest: Evaluation (3.3)")
    goals = team["sections"][0]["items"][0]
    assert goals == {
        "id": "goals-and-objectives",
        "text": "Goals and objectives",
        "answered": 3,
        "skipped": 0,
        "median": 6,
        "mean": 5.67,
        "counts": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 1, "6": 2, "7": 0},
    }
    assert plus_delta["extremes"] is None and plus_delta["responses"] == 4
    assert {"item": "plus", "text": "Sam's exemplars helped.", "respondent": None} in plus_delta[
        "comments"
    ]


def test_the_norms_inventory_gives_each_norms_mean_and_its_sub_items(pack: Pack) -> None:
    form = form_of(pack.instruments["norms-inventory"])
    first, second = form.sections[0], form.sections[1]
    answers = {item.id: Answer(score=4) for item in first.items}
    answers |= {item.id: Answer(score=2) for item in second.items[:2]}
    evaluation = evaluated_with(
        pack, "norms-inventory", Response(None, answers), Response("Ana", answers)
    )

    text = evaluation_markdown(evaluation)
    document = json.loads(evaluation_json(evaluation))

    assert f"### {first.title}\n\nMean of the section: 4.0." in text
    assert f"### {second.title}\n\nMean of the section: 2.0." in text
    skipped = second.items[2].text
    assert f"- {skipped}: 0 answered, 2 skipped \\\n  1: 0 · 2: 0 · 3: 0 · 4: 0" in text
    sections = document["instruments"][0]["sections"]
    assert len(sections) == len(form.sections) == 7
    assert [section["mean"] for section in sections[:3]] == [4.0, 2.0, None]
    assert sections[1]["items"][2]["median"] is None


MARKUP = "[bold]x[/bold] *x* <b>y</b>"


def test_markup_in_comments_and_names_stays_literal(pack: Pack) -> None:
    evaluation = evaluated_with(
        pack,
        "plus-delta",
        Response("*Sam*", {"plus": Answer(text=MARKUP)}),
        Response(None, {"delta": Answer(text="=cmd()\nsecond line")}),
    )

    text = evaluation_markdown(evaluation)
    rows = list(csv.DictReader(io.StringIO(evaluation_csv(evaluation), newline="")))
    document = json.loads(evaluation_json(evaluation))

    assert "# Evaluation: \\*Spring\\* review" in text
    assert "Oak \\[b]PLC\\[/b], 2027-03-01." in text
    assert "- \\*Sam\\*: \\[bold]x\\[/bold] \\*x\\* \\<b>y\\</b>\n" in text
    assert "- (anonymous): \\=cmd() \\\n  second line\n" in text
    plus = next(row for row in rows if row["item"].startswith("Plus"))
    assert (plus["comment"], plus["respondent"]) == (MARKUP, "*Sam*")
    delta = next(row for row in rows if row["item"].startswith("Delta"))
    assert delta["comment"] == "'=cmd()\nsecond line"  # never run as a formula
    assert document["instruments"][0]["comments"][0] == {
        "item": "plus",
        "text": MARKUP,
        "respondent": "*Sam*",
    }
    assert document["meeting"]["team"] == "Oak [b]PLC[/b]"


def test_control_characters_are_never_written(pack: Pack) -> None:
    evaluation = evaluated_with(
        pack, "plus-delta", Response("Ana\x1b]0;t\x07", {"plus": Answer(text="a\x1b[2Jb\x9b")})
    )

    for rendered in (evaluation_markdown(evaluation), evaluation_csv(evaluation)):
        assert not any(c in rendered for c in "\x1b\x07\x9b")
    printed = evaluation_json(evaluation)
    assert "\x1b" not in printed and "\x9b" not in printed
    assert json.loads(printed)["instruments"][0]["comments"][0]["text"] == "a\x1b[2Jb\x9b"
