"""Markup, escape codes, HTML, formulas, 100k-character and right-to-left text in every
field, through the command line and every export.

The payloads, the seeding through the services and the checks are the reliability
probe's (`reliability.injection_data`, `reliability.injection_cli`,
`reliability.literal`): each export is read back by a parser facilitator does not write
with, and must give the text back literally with no control character in it; what the
commands print must hold none either. (The probe also walks every screen at 80x24.)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.store.target import sqlite_target
from reliability.injection_cli import CLI_CHECKS, WRITES
from reliability.injection_data import PAYLOADS, Seeded, seed
from tests.conftest import FROZEN_NOW, TZ

KNOWN: dict[tuple[str, str], str] = {}
"""Checks that fail because of a known defect (none now: issue 15 fixed defect 2; put
a check here, with the defect, to mark it xfail until it is fixed)."""


def _cells() -> list[Any]:
    cells = []
    for payload in PAYLOADS:
        for check in CLI_CHECKS:
            reason = KNOWN.get((payload, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cells.append(pytest.param(payload, check, id=f"{payload}-{check}", marks=marks))
    return cells


@pytest.fixture(scope="session")
def seeded_files(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path, pack: Pack
) -> dict[str, tuple[Path, Seeded]]:
    """One database per payload, seeded once per run; tests that write use a copy."""
    folder = tmp_path_factory.mktemp("payloads")
    made = {}
    for number, (name, text) in enumerate(PAYLOADS.items()):
        path = folder / f"payload{number}.db"
        shutil.copyfile(migrated_template, path)
        database = Database(sqlite_target(path))
        try:
            made[name] = (
                path,
                seed(
                    database,
                    pack,
                    payload=text,
                    number=number,
                    now=FROZEN_NOW,
                    tz=TZ,
                    screens=False,
                ),
            )
        finally:
            database.dispose()
    return made


@pytest.mark.parametrize(("payload", "check"), _cells())
def test_user_text_comes_back_literally_and_clean(
    payload: str, check: str, seeded_files: dict[str, tuple[Path, Seeded]], tmp_path: Path
) -> None:
    db, seeded = seeded_files[payload]
    if check in WRITES:
        db = shutil.copyfile(db, tmp_path / "copy.db")
    problems = CLI_CHECKS[check](db, seeded, tmp_path)
    assert not problems, problems


def test_the_long_text_is_refused_with_a_sentence_where_fields_have_a_limit(
    seeded_files: dict[str, tuple[Path, Seeded]],
) -> None:
    """100,000 characters: short fields refuse them with a sentence, notes keep them."""
    _, seeded = seeded_files["100k characters"]
    assert seeded.refused["meeting title"] == "Keep the title under 120 characters."
    assert "notes" not in seeded.refused
    assert all(sentence.endswith(".") for sentence in seeded.refused.values())
