"""The minutes' evaluation section in every format: the demo's November meeting (the
Effective Team Assessment and plus/delta, some comments given anonymously) in the words
of `facilitator evaluation`, the Norms Inventory per norm and sub-item, markup in a
comment, and the formats that leave the section out (the action-items CSV, the calendar).
"""

from __future__ import annotations

import email
import json
import re
from dataclasses import replace
from email import policy
from email.message import EmailMessage

import pytest
from markdown_it import MarkdownIt

from facilitator.domain.evaluation_results import Answer, Response, count_results
from facilitator.domain.minutes import Minutes
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.render.evaluation import evaluation_json, evaluation_markdown
from facilitator.render.minutes_calendar import minutes_calendar
from facilitator.render.minutes_csv import action_items_csv
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_json import minutes_from_json, minutes_json
from facilitator.render.minutes_mail import minutes_email
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import WIDTH, minutes_text
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import FROZEN_NOW, TZ
from tests.render.pages import read_html, small_minutes

NOVEMBER = 1
ANONYMOUS_COMMENT = "Sam's exemplars helped."


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    """The demo's closed November meeting, evaluated with two instruments."""
    return meeting_minutes(demo_db, meeting_id=NOVEMBER, pack=pack)


def headings(markdown: str) -> list[str]:
    """Every heading a Markdown viewer shows, with its level: "## Evaluation"."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        f"{'#' * int(token.tag[1])} {tokens[index + 1].content}"
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def with_evaluation(pack: Pack, instrument: str, *responses: Response) -> Minutes:
    result = count_results(form_of(pack.instruments[instrument]), responses)
    return replace(small_minutes(), evaluation=(result,))


def test_markdown_section_is_the_evaluation_export_a_level_down(
    november: Minutes, demo_db: Database, pack: Pack
) -> None:
    markdown = minutes_markdown(november, TZ)
    export = evaluation_markdown(meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack))
    instruments = export.split("\n\n", 2)[2]  # after the export's title and team line
    section = markdown.split("\n## Evaluation\n\n", 1)[1].split("\n## ", 1)[0]

    assert section == re.sub(r"^#", "##", instruments, flags=re.MULTILINE)
    shown = headings(markdown)
    assert (
        shown.index("## Closure") < shown.index("## Evaluation") < shown.index("## Process checks")
    )
    assert {"### Effective Team Assessment", "### Plus/delta"} <= set(shown)
    assert "#### Plus: what went well?" in shown


def test_the_page_shows_the_section_with_anonymous_comments_unnamed(november: Minutes) -> None:
    text, tags = read_html(minutes_html(november, TZ), whole_page=True)

    assert "\nEvaluation\nEffective Team Assessment\n3 responses, rated from 1 to 7.\n" in text
    assert "Goals and objectives: median 6, mean 5.7, 3 answered\n1: 0 · 2: 0 · 3: 0" in text
    assert f"\n(anonymous): {ANONYMOUS_COMMENT}\n" in text
    assert "Maria Alvarez: We chose a focus together" in text
    assert "h4" in tags and "script" not in tags


def test_plain_text_lays_out_each_instrument_under_its_name(november: Minutes) -> None:
    text = minutes_text(november, TZ)

    assert (
        "\nEVALUATION\n"
        "  Effective Team Assessment\n"
        "    3 responses, rated from 1 to 7.\n"
        "    Lowest: Evaluation (3.3). Highest: Goals and objectives (5.7).\n"
        "    • Goals and objectives: median 6, mean 5.7, 3 answered\n"
        "      1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 1 · 6: 2 · 7: 0\n"
    ) in text
    assert "\n\n  Plus/delta\n    4 responses.\n    Plus: what went well?\n" in text
    assert f"\n    • (anonymous): {ANONYMOUS_COMMENT}\n" in text
    assert text.index("\nCLOSURE\n") < text.index("\nEVALUATION\n") < text.index("\nPROCESS")


def test_the_email_carries_the_section_in_both_parts(november: Minutes) -> None:
    message = email.message_from_bytes(minutes_email(november, TZ), policy=policy.default)
    assert isinstance(message, EmailMessage)
    plain, page = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and page is not None

    assert f"    • (anonymous): {ANONYMOUS_COMMENT}" in plain.get_content()
    assert "<h2>Evaluation</h2>" in page.get_content()


def test_json_holds_each_instrument_as_the_evaluation_export_does(
    november: Minutes, demo_db: Database, pack: Pack
) -> None:
    meeting = json.loads(minutes_json(november, exported_at=FROZEN_NOW))["meeting"]
    export = json.loads(
        evaluation_json(meeting_evaluation(demo_db, meeting_id=NOVEMBER, pack=pack))
    )

    assert list(meeting)[-1] == "evaluation"
    assert meeting["evaluation"] == export["instruments"]
    team, plus_delta = meeting["evaluation"]
    assert (team["id"], team["kind"], team["responses"]) == (
        "effective-team-assessment",
        "rating",
        3,
    )
    assert set(team["sections"][0]["items"][0]) == {
        "id", "text", "answered", "skipped", "median", "mean", "counts",
    }  # fmt: skip
    assert (plus_delta["id"], plus_delta["extremes"]) == ("plus-delta", None)
    assert {"item": "plus", "text": ANONYMOUS_COMMENT, "respondent": None} in plus_delta["comments"]


def test_a_reader_skips_the_evaluation(november: Minutes) -> None:
    """Counts cannot be made back into answers: an import brings no evaluation, and
    whatever the field holds does not stop the file being read."""
    document = json.loads(minutes_json(november, exported_at=FROZEN_NOW))
    document["meeting"]["evaluation"] = "not a list of instruments"

    assert minutes_from_json(json.dumps(document)).evaluation == ()


def test_the_spreadsheet_and_calendar_files_leave_the_results_out(november: Minutes) -> None:
    """The CSV rows are action items and the calendar holds events and to-dos; the
    results export on their own (`facilitator evaluation --format csv`)."""
    without = replace(november, evaluation=())

    assert action_items_csv(november, TZ) == action_items_csv(without, TZ)
    stamp = FROZEN_NOW
    assert minutes_calendar(november, TZ, stamp=stamp) == minutes_calendar(without, TZ, stamp=stamp)


def test_minutes_without_results_have_no_section() -> None:
    minutes = small_minutes()

    assert "## Evaluation" not in headings(minutes_markdown(minutes, TZ))
    assert "EVALUATION" not in minutes_text(minutes, TZ)
    assert json.loads(minutes_json(minutes, exported_at=FROZEN_NOW))["meeting"]["evaluation"] == []


def test_the_norms_inventory_gives_each_norm_and_its_sub_items(pack: Pack) -> None:
    form = form_of(pack.instruments["norms-inventory"])
    first, second = form.sections[0], form.sections[1]
    answers = {item.id: Answer(score=4) for item in first.items}
    answers |= {item.id: Answer(score=2) for item in second.items[:2]}
    minutes = with_evaluation(
        pack, "norms-inventory", Response(None, answers), Response("Ana", answers)
    )

    markdown = minutes_markdown(minutes, TZ)
    text = minutes_text(minutes, TZ)

    assert "### Norms Inventory\n\n2 responses, rated from 1 to 4." in markdown
    assert f"#### {first.title}\n\nMean of the section: 4.0." in markdown
    sub_item = first.items[0].text
    assert (
        f"- {sub_item}: median 4, mean 4.0, 2 answered \\\n  1: 0 · 2: 0 · 3: 0 · 4: 2" in markdown
    )
    assert (  # a long item's figures go on a line of their own, not broken
        f"\n\n    {first.title}\n    Mean of the section: 4.0.\n"
        f"    • {sub_item}\n"
        "      median 4, mean 4.0, 2 answered\n"
        "      1: 0 · 2: 0 · 3: 0 · 4: 2\n"
    ) in text
    assert "      0 answered, 2 skipped\n      1: 0 · 2: 0 · 3: 0 · 4: 0\n" in text
    assert len(re.findall(r"^    Mean of the section: ", text, flags=re.MULTILINE)) == 2
    assert max(len(line) for line in text.splitlines()) <= WIDTH


MARKUP = "[bold]x[/bold] *x* <b>y</b>"


def test_markup_in_a_comment_and_a_name_stays_literal(pack: Pack) -> None:
    minutes = with_evaluation(
        pack,
        "plus-delta",
        Response("*Sam*", {"plus": Answer(text=MARKUP)}),
        Response(None, {"delta": Answer(text="# not a heading\nsecond line")}),
    )

    shown, tags = read_html(minutes_html(minutes, TZ), whole_page=True)
    text = minutes_text(minutes, TZ)

    assert f"\n*Sam*: {MARKUP}\n" in shown
    assert "\n(anonymous): # not a heading\nsecond line\n" in shown
    assert "b" not in tags and "h1" in tags and tags.count("h1") == 1
    assert f"    • *Sam*: {MARKUP}\n" in text
    assert "    • (anonymous): # not a heading\n      second line\n" in text
