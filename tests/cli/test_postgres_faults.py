"""A PostgreSQL URL that cannot be used (issue 18, bad input and faults): a server that is
down, a login it refuses, a database that does not exist, a driver that is not
installed. Each is one sentence saying what to do, a non-zero exit, and never the URL's
password."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from facilitator.store.target import DatabaseTarget
from tests.cli.inprocess import assert_one_sentence, cli
from tests.postgres import Cluster

PASSWORD = "s3cret-Pa55"


def with_login(target: DatabaseTarget, changes: dict[str, str]) -> str:
    url = make_url(target.url).set(password=PASSWORD)
    url = url.set(database=changes.get("database", url.database))
    return url.set(username=changes.get("username", url.username)).render_as_string(False)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize(
    ("changes", "advice"),
    [
        ({"database": "no_such_database"}, "create that database on the server"),
        ({"username": "no_such_role"}, "check the user name and password"),
    ],
)
@pytest.mark.parametrize("command", [("list",), ("db", "check"), ("export", "1")])
def test_a_refusal_is_a_sentence_without_the_password(
    capsys: pytest.CaptureFixture[str],
    target: DatabaseTarget,
    changes: dict[str, str],
    advice: str,
    command: tuple[str, ...],
) -> None:
    result = cli(capsys, "--db", with_login(target, changes), *command)

    assert_one_sentence(result, "Cannot reach the database at", advice)
    assert PASSWORD not in result.err and "***" in result.err


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_wrong_password_is_refused_in_a_sentence(
    capsys: pytest.CaptureFixture[str], target: DatabaseTarget, pg_cluster: Cluster
) -> None:
    role = pg_cluster.login_role("the-right-one")
    result = cli(capsys, "--db", with_login(target, {"username": role}), "list")

    if "password authentication failed" not in result.err:
        pytest.skip(f"this server lets {role} in without its password: {result.err.strip()}")
    assert_one_sentence(result, "password authentication failed", "check the user name and")
    assert PASSWORD not in result.err


def test_a_server_that_is_down_is_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"postgresql+psycopg://team:{PASSWORD}@/facilitator?host={tmp_path}"
    result = cli(capsys, "--db", url, "list")

    assert_one_sentence(result, "check that the server is running")
    assert PASSWORD not in result.err


def test_a_driver_that_is_not_installed_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+pg8000://team:{PASSWORD}@localhost/facilitator"
    result = cli(capsys, "--db", url, "list")

    assert_one_sentence(result, "'pg8000' is not installed", "facilitator[postgres]")
    assert PASSWORD not in result.err
