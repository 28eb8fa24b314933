"""`facilitator serve`: its options, the warning for a host others can reach, the
database handed to the browsers' apps, and one sentence for a port in use."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator import cli_serve
from facilitator.cli import build_parser, main
from facilitator.paths import DB_ENV_VAR
from tests.cli.terminal import REPO, facilitator, free_port


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[cli_serve._Server]:
    """The servers `serve` would have started; none actually serves."""
    servers: list[cli_serve._Server] = []
    monkeypatch.setattr(cli_serve._Server, "serve", lambda self: servers.append(self))
    return servers


def test_serve_listens_on_this_machine_at_port_8000_by_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.command, args.host, args.port) == ("serve", "127.0.0.1", 8000)
    args = build_parser().parse_args(["serve", "--host", "::1", "--port", "9001"])
    assert (args.host, args.port) == ("::1", 9001)


@pytest.mark.parametrize("port", ["0", "65536", "eighty", "-1"])
def test_a_port_that_is_not_one_is_one_sentence(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["serve", "--port", port])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "give a port from 1 to 65535" in error
    assert len(error.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("LocalHost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("school.example.org", False),
    ],
)
def test_loopback_hosts_are_this_machine_only(host: str, loopback: bool) -> None:
    assert cli_serve.is_loopback(host) is loopback


def test_the_url_to_open_brackets_an_ipv6_address() -> None:
    assert cli_serve.public_url("::1", 8000) == "http://[::1]:8000"
    assert cli_serve.public_url("127.0.0.1", 80) == "http://127.0.0.1:80"
    assert cli_serve.public_url("0.0.0.0", 8000) == f"http://{socket.gethostname()}:8000"


def test_another_machine_may_reach_a_non_loopback_host_and_is_warned_of(
    tmp_path: Path, started: list[cli_serve._Server], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(tmp_path / "team.db"), "serve", "--host", "0.0.0.0"])
    assert code == 0
    assert [server.host for server in started] == ["0.0.0.0"]
    error = capsys.readouterr().err
    assert "anyone who can reach port 8000 can use the app" in error
    assert len(error.strip().splitlines()) == 1


def test_a_loopback_host_is_not_warned_of(
    tmp_path: Path, started: list[cli_serve._Server], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "team.db"), "serve", "--port", "8123"]) == 0
    assert capsys.readouterr().err == ""
    assert started[0].public_url == "http://127.0.0.1:8123"


def test_the_database_goes_to_the_apps_in_the_environment_not_the_command_line(
    tmp_path: Path, started: list[cli_serve._Server]
) -> None:
    import os

    path = tmp_path / "team.db"
    assert main(["--db", str(path), "serve"]) == 0
    assert path.exists()  # prepared (created and migrated) before serving
    (server,) = started
    assert os.environ[DB_ENV_VAR] == str(path)
    assert str(path) not in server.command
    assert "--db" not in server.command
    assert server.command.endswith("-m facilitator.cli")


def test_a_port_in_use_is_one_sentence(
    tmp_path: Path, started: list[cli_serve._Server], capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        code = main(["--db", str(tmp_path / "team.db"), "serve", "--port", str(port)])
    assert code == 1
    assert started == []
    error = capsys.readouterr().err
    assert error == (
        f"facilitator: port {port} is already in use on 127.0.0.1; stop what uses it "
        "or pick --port.\n"
    )


def test_a_host_that_is_not_this_machine_is_one_sentence(
    tmp_path: Path, started: list[cli_serve._Server], capsys: pytest.CaptureFixture[str]
) -> None:
    # 192.0.2.0/24 is TEST-NET-1: documentation only, never an address of this machine.
    code = main(["--db", str(tmp_path / "team.db"), "serve", "--host", "192.0.2.7"])
    assert code == 1
    assert started == []
    assert capsys.readouterr().err == (
        "facilitator: 192.0.2.7 is not an address of this machine; check --host.\n"
    )


@pytest.fixture
def server(env: dict[str, str], tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`facilitator serve` on a free port, stopped (and its group killed) afterwards."""
    port = free_port()
    process = subprocess.Popen(
        facilitator("--db", str(tmp_path / "team.db"), "serve", "--port", str(port)),
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


@pytest.mark.slow
def test_serve_prints_the_url_serves_the_page_and_stops_on_ctrl_c(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    assert process.stdout is not None
    first = process.stdout.readline()  # printed as the server starts
    assert first.startswith("facilitator: serving ")
    assert first.rstrip().endswith(f"open http://127.0.0.1:{port} in a web browser.")
    page = fetch_page(f"http://127.0.0.1:{port}/", process)
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
    assert "xterm.css" in page and "googleapis" not in page  # works on a closed network
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in out + err


def fetch_page(url: str, process: subprocess.Popen[str], timeout: float = 20.0) -> str:
    """The page at `url`, polled for until the server listens (it binds after printing)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bytes(response.read()).decode()
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # poll interval, not a wait for a result
