"""The written minutes of the demo's November meeting as Markdown, HTML, plain text and
an e-mail draft: each compared with its golden file, and each read back the way its
reader (a Markdown viewer, a browser, a mail program) reads it."""

from __future__ import annotations

import email
from dataclasses import replace
from email import policy
from email.message import EmailMessage, MIMEPart
from zoneinfo import ZoneInfo

import pytest
from markdown_it import MarkdownIt

from facilitator.domain.meeting_view import Person
from facilitator.domain.minutes import Minutes, Recipient
from facilitator.pack.loader import Pack
from facilitator.render.minutes_html import markdown_page, minutes_html
from facilitator.render.minutes_mail import mail_recipients, minutes_email, subject
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.minutes_text import WIDTH, minutes_text
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database
from tests.conftest import TZ
from tests.render.golden import check_golden
from tests.render.pages import read_html, small_minutes

NOTE = "Walkthrough schedule done. Rubric draft still in progress (Aisha)."
SECOND_LINE = "Family survey results came in: 142 responses, summary to follow."


@pytest.fixture
def november(demo_db: Database, pack: Pack) -> Minutes:
    """The demo's closed November meeting, with its full record."""
    return meeting_minutes(demo_db, meeting_id=1, pack=pack)


def body(part: MIMEPart) -> str:
    """A part's text as written, its CRLF line ends (as mail carries them) read as "\n"."""
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


# Golden files ----------------------------------------------------------------------------


def test_markdown_golden(november: Minutes) -> None:
    check_golden("minutes-1.md", minutes_markdown(november, TZ))


def test_html_golden(november: Minutes) -> None:
    check_golden("minutes-1.html", minutes_html(november, TZ))


def test_text_golden(november: Minutes) -> None:
    check_golden("minutes-1.txt", minutes_text(november, TZ))


def test_email_golden(november: Minutes) -> None:
    check_golden("minutes-1.eml", minutes_email(november, TZ))


# Read back as their readers read them ------------------------------------------------------


def test_a_markdown_viewer_shows_the_sections_and_the_notes(november: Minutes) -> None:
    tokens = MarkdownIt("commonmark").parse(minutes_markdown(november, TZ))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    texts = read_html(MarkdownIt("commonmark").render(minutes_markdown(november, TZ)))[0]

    assert headings[0] == "Minutes: November leadership team meeting"
    for heading in ("Roles", "Purpose and goals", "Norms", "Agenda items", "Parking lot"):
        assert heading in headings
    assert {"Closure", "Key take-aways", "Communication plan", "Process checks"} <= set(headings)
    assert "1. Welcome, purpose and norms" in headings
    assert f"{NOTE}\n{SECOND_LINE}" in texts  # the note's line break is kept
    assert "Present: Maria Alvarez, Daniel Okafor" in texts
    assert "Guests: Sam Ortiz (district literacy specialist)" in texts
    assert "Absent: Lena Fischer (excused)" in texts
    assert not any(t.type in ("html_block", "html_inline", "code_inline") for t in tokens)


def test_the_page_is_the_markdown_rendered_with_no_script(november: Minutes) -> None:
    page = minutes_html(november, TZ)
    text, tags = read_html(page, whole_page=True)

    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert "<title>Minutes: November leadership team meeting</title>" in page
    assert "@media print" in page
    assert "script" not in tags
    assert f"{NOTE}\n{SECOND_LINE}" in text
    assert text.startswith("Minutes: November leadership team meeting\n")


def test_the_text_has_no_markup_and_keeps_to_its_width(november: Minutes) -> None:
    text = minutes_text(november, TZ)

    assert f"     {NOTE}\n     {SECOND_LINE}\n" in text
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert not any(mark in text for mark in ("**", "##", "\\", "](", "`"))


def test_the_email_reads_back_with_both_alternatives(november: Minutes) -> None:
    message = email.message_from_bytes(minutes_email(november, TZ), policy=policy.default)
    assert isinstance(message, EmailMessage)
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None

    assert message["Subject"] == "Minutes: Riverside Elementary Leadership Team, 9 November 2026"
    assert message["X-Unsent"] == "1"
    assert message["Date"] is None and message["From"] is None
    assert message.get_content_type() == "multipart/alternative"
    assert [a.addr_spec for a in message["To"].addresses] == [r.email for r in november.recipients]
    assert message["To"].addresses[0].display_name == "Maria Alvarez"
    assert body(text) == minutes_text(november, TZ)
    assert NOTE in body(text)
    assert body(page) == minutes_html(november, TZ)


def test_the_email_is_the_same_every_time(november: Minutes) -> None:
    assert minutes_email(november, TZ) == minutes_email(november, TZ)
    assert b"\r\n" in minutes_email(november, TZ) and b"\n\n" not in minutes_email(november, TZ)


# Times, people and addresses ------------------------------------------------------------------


def test_times_follow_the_time_zone(november: Minutes) -> None:
    new_york = ZoneInfo("America/New_York")

    assert "- **Held:** 10:31–11:35 (64 minutes)" in minutes_markdown(november, new_york)
    assert "Scheduled:  10:30–11:30 (60 minutes)" in minutes_text(november, new_york)


def test_awkward_names_and_addresses_are_encoded_or_left_out() -> None:
    people = (
        Recipient('Ortiz, Sam "the specialist"', "sam@example.org"),
        Recipient("Zoë Ångström", "zoe@bücher.example"),
        Recipient("Nobody", "not an address"),
        Recipient("Jörg", "jörg@example.org"),
        Recipient("Two", "a@example.org, b@example.org"),
    )
    minutes = replace(small_minutes(), recipients=people)
    message = email.message_from_bytes(minutes_email(minutes, TZ), policy=policy.default)
    usable, skipped = mail_recipients(people)

    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ('Ortiz, Sam "the specialist"', "sam@example.org"),
        ("Zoë Ångström", "zoe@xn--bcher-kva.example"),
    ]
    assert [a.addr_spec for a in usable] == ["sam@example.org", "zoe@xn--bcher-kva.example"]
    assert [r.name for r in skipped] == ["Nobody", "Jörg", "Two"]
    assert minutes_email(minutes, TZ).isascii() is False  # the body is 8bit UTF-8
    assert all(line.isascii() for line in minutes_email(minutes, TZ).split(b"\r\n\r\n")[0].split())


def test_a_draft_with_no_recipients_and_a_sender() -> None:
    minutes = replace(small_minutes(), recipients=())
    data = minutes_email(minutes, TZ, sender="Priya Raman <priya@example.org>")
    message = email.message_from_bytes(data, policy=policy.default)

    assert message["To"] is None
    assert message["From"] == "Priya Raman <priya@example.org>"
    assert subject(minutes, TZ) == "Minutes: Harbour Team, 9 November 2026"
    with pytest.raises(ValueError, match="is not an e-mail address"):
        minutes_email(minutes, TZ, sender="Priya")


def test_a_long_line_is_sent_quoted_printable() -> None:
    minutes = small_minutes(notes="word " * 300)
    message = email.message_from_bytes(minutes_email(minutes, TZ), policy=policy.default)
    page = message.get_body(("html",))
    text = message.get_body(("plain",))
    assert page is not None and text is not None

    assert page["Content-Transfer-Encoding"] == "quoted-printable"
    assert text["Content-Transfer-Encoding"] == "8bit"  # the text is wrapped
    assert body(page) == minutes_html(minutes, TZ)


def test_any_markdown_prints_as_a_page() -> None:
    page = markdown_page("# Agenda <b>\n\n- one\n- <script>x</script>\n", "Agenda: <b>&")

    assert "<title>Agenda: &lt;b&gt;&amp;</title>" in page
    assert "<h1>Agenda &lt;b&gt;</h1>" in page
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


# A meeting still being recorded -------------------------------------------------------------


def test_an_unfinished_meeting_says_what_has_not_happened() -> None:
    base = small_minutes()
    item = replace(base.items[0], segments=(), extra_seconds=300)
    minutes = replace(base, status="running", ended_at=None, closed_at=None, items=(item,))
    markdown, text = minutes_markdown(minutes, TZ), minutes_text(minutes, TZ)

    assert "- **Held:** from 15:30\n" in markdown
    assert "- **Time:** 25 minutes planned (extended by 5 during the meeting), not reached" in (
        markdown
    )
    assert "- **Draft:** the meeting has not been closed yet" in markdown
    assert "Draft:  the meeting has not been closed yet" in text


def test_a_decision_made_by_one_person_names_them() -> None:
    base = small_minutes()
    decision = replace(
        base.items[0].decisions[0],
        method="one_person",
        method_name="One person decides",
        decider=Person("Maria Alvarez", 1),
        options=(),
    )
    minutes = replace(base, items=(replace(base.items[0], decisions=(decision,)),))

    assert "  - **Decided by:** Maria Alvarez\n" in minutes_markdown(minutes, TZ)
    assert "     Decided by:  Maria Alvarez\n" in minutes_text(minutes, TZ)
