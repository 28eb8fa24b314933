"""Fixtures for the browser tests: a Chromium driven by Selenium, and `facilitator
serve` running on a database with the demo teams."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium import CHROMEDRIVER, CHROMIUM, ensure_chromium
from tests.cli.terminal import REPO, facilitator, free_port

START_TIMEOUT = 30.0
"""Seconds the server gets to answer its first request."""


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Chromium, installed now if missing; the test is skipped, saying why, if it cannot be."""
    reason = ensure_chromium()
    if reason is not None:
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture
def browser(chromium: Path, tmp_path: Path) -> Iterator[object]:
    """A headless Chromium in a new profile, quit after the test whatever happens."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless",
        "--no-sandbox",  # Chromium refuses to run as root with its sandbox
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager would otherwise look for one online.
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served(tmp_path: Path, isolated_dirs: Path) -> Iterator[str]:
    """The URL of `facilitator --db FILE serve` on a free port, FILE holding the demo
    teams; the server and every app it started are stopped after the test."""
    environment = {k: v for k, v in os.environ.items() if k not in {"FACILITATOR_DB", "TEXTUAL"}}
    path = tmp_path / "school.db"
    done = subprocess.run(
        facilitator("--db", str(path), "demo", "--no-open"),
        env=environment,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            facilitator("--db", str(path), "serve", "--port", str(port)),
            env=environment,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the apps it starts go too
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for_page(url, server, log)
        yield url
    finally:
        stop(server)


def wait_for_page(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll `url` until the server answers; fail with its output if it exits or stalls."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"serve exited with {server.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)  # poll interval, not a wait for a result
    pytest.fail(f"serve did not answer within {START_TIMEOUT} s: {log.read_text()}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server as Ctrl+C would, then make sure its process group is gone."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)  # any app process still left
    server.wait(timeout=10)
