"""The one rule for which characters of people's text are kept (issue 15, defect 2: escape
codes in imported text were stored and printed raw)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.clean import (
    clean_line,
    clean_text,
    escape_json_controls,
    for_document,
    for_terminal,
)

C0 = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]
C1 = [chr(code) for code in range(0x80, 0xA0)]
BIDI = [chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


def controls(text: str) -> list[str]:
    return [c for c in text if ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F]


@pytest.mark.parametrize("char", [*C0, "\x7f", *C1])
def test_every_control_character_is_dropped(char: str) -> None:
    assert clean_text(f"a{char}b") == "ab"
    assert clean_line(f"a{char}b") == "ab"
    assert for_terminal(f"a{char}b") == "ab"
    assert for_document(f"a{char}b") == "ab"


def test_escape_sequences_lose_their_escape_and_keep_their_letters() -> None:
    assert clean_text("Sam\x1b]0;pwned\x07 and \x1b[2J\x9b31mAna") == "Sam]0;pwned and [2J31mAna"


def test_line_breaks_and_tabs_are_kept_in_text_and_spaced_on_a_line() -> None:
    assert clean_text("one\r\ntwo\rthree\n\tfour") == "one\ntwo\nthree\n\tfour"
    assert clean_line("one\r\ntwo\rthree\n\tfour") == "one two three  four"


@pytest.mark.parametrize("char", BIDI)
def test_bidirectional_controls_leave_a_line_and_the_terminal_but_not_notes(char: str) -> None:
    assert clean_line(f"a{char}b") == "ab"
    assert for_terminal(f"a{char}b") == "ab"
    assert clean_text(f"a{char}b") == f"a{char}b"
    assert for_document(f"a{char}b") == f"a{char}b"


def test_right_to_left_letters_and_other_text_are_kept() -> None:
    text = "שלום مرحبا Ωmega 🎉 [bold]x[/] \u200d\u00a0é"
    assert clean_text(text) == clean_line(text) == for_terminal(text) == text


def test_a_document_keeps_the_cr_of_cr_lf_only() -> None:
    assert for_document("a\r\nb\rc\r") == "a\r\nbc"


@given(st.text())
def test_nothing_cleaned_holds_a_control_character(text: str) -> None:
    for cleaned in (clean_text(text), clean_line(text), for_terminal(text)):
        assert controls(cleaned) == []
    assert "\n" not in clean_line(text) and "\t" not in clean_line(text)
    assert not set(clean_line(text) + for_terminal(text)) & set(BIDI)
    assert clean_text(clean_text(text)) == clean_text(text)


@given(st.text())
def test_json_with_escaped_controls_reads_back_the_same(text: str) -> None:
    written = escape_json_controls(json.dumps({"note": text}, ensure_ascii=False))
    assert controls(written) == []
    assert not set(written) & set(BIDI)
    assert json.loads(written) == {"note": text}
