"""Choosing the database from --db, FACILITATOR_DB or the default, with readable errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from facilitator.errors import DatabaseURLError
from facilitator.paths import DB_ENV_VAR, default_db_path
from facilitator.store.target import resolve_target, sqlite_target

PASSWORD = "s3cret-Pw"


def test_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "team.db"

    target = resolve_target(str(path), {})

    assert (target.path, target.display) == (path, str(path))
    assert target.is_sqlite
    assert make_url(target.url).get_backend_name() == "sqlite"
    assert make_url(target.url).database == str(path)


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    assert resolve_target("sub/team.db", {}).path == tmp_path / "sub" / "team.db"


def test_home_is_expanded(isolated_dirs: Path) -> None:
    assert resolve_target("~/team.db", {}).path == isolated_dirs / "team.db"


@pytest.mark.parametrize("value", ["sqlite:///{dir}/team.db", "sqlite+pysqlite:///{dir}/team.db"])
def test_sqlite_url_with_absolute_path(tmp_path: Path, value: str) -> None:
    target = resolve_target(value.format(dir=tmp_path), {})

    assert target == sqlite_target(tmp_path / "team.db")


def test_sqlite_url_with_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    assert resolve_target("sqlite:///team.db", {}).path == tmp_path / "team.db"


def test_postgresql_url_hides_its_password_in_display() -> None:
    url = f"postgresql+psycopg://coach:{PASSWORD}@db.example.org:5432/facilitator"

    target = resolve_target(url, {})

    assert target.url == url
    assert target.path is None and not target.is_sqlite
    assert target.display == "postgresql+psycopg://coach:***@db.example.org:5432/facilitator"
    assert PASSWORD not in target.display


def test_environment_variable_is_used_without_db(tmp_path: Path) -> None:
    path = tmp_path / "from-env.db"

    assert resolve_target(None, {DB_ENV_VAR: str(path)}).path == path


def test_db_option_wins_over_the_environment(tmp_path: Path) -> None:
    environ = {DB_ENV_VAR: str(tmp_path / "from-env.db")}

    assert resolve_target(str(tmp_path / "option.db"), environ).path == tmp_path / "option.db"


def test_default_is_the_user_data_file(isolated_dirs: Path) -> None:
    target = resolve_target(None, {})

    assert target.path == default_db_path()
    assert target.path is not None and target.path.is_relative_to(isolated_dirs)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("://nothing", "not a valid database URL"),
        ("notadialect://x", "'notadialect' backend"),
        (f"mysql://u:{PASSWORD}@h/db", "'mysql' backend"),
        (f"mysql+pymysql://u:{PASSWORD}@h/db", "'mysql' backend"),
        (":memory:", ":memory:"),
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("", "is empty"),
        ("   ", "is empty"),
        (f"postgresql+psycopg://u:{PASSWORD}@h", "does not name a database"),
        (f"postgresql+psycopg://u:{PASSWORD}@h:port/db", "not a valid database URL"),
        (f"postgresql://u:{PASSWORD}@h:5432:/db", "not a valid database URL"),
    ],
)
@pytest.mark.parametrize("source", ["--db", DB_ENV_VAR])
def test_unusable_values_are_one_sentence_without_password(
    value: str, words: str, source: str
) -> None:
    with pytest.raises(DatabaseURLError) as raised:
        if source == "--db":
            resolve_target(value, {DB_ENV_VAR: "/tmp/ignored.db"})
        else:
            resolve_target(None, {DB_ENV_VAR: value})

    sentence = raised.value.sentence
    assert words in sentence
    assert sentence.startswith(source) or value == ":memory:"
    assert PASSWORD not in sentence
    assert "\n" not in sentence and sentence.endswith(".")
    assert raised.value.exit_code == 2


def test_malformed_url_never_echoes_part_of_the_password() -> None:
    with pytest.raises(DatabaseURLError) as raised:
        resolve_target("postgresql+psycopg://coach:pa@ss:w0rd-x9@db.example.org/f", {})

    assert "w0rd-x9" not in raised.value.sentence
