"""A real Chromium for the browser tests: Debian's `chromium` and `chromium-driver`,
installed with apt the first time a test asks for them (this machine has no browser
to begin with), by one pytest-xdist worker at a time."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ("chromium", "chromium-driver")
INSTALL_TIMEOUT = 900  # seconds: the packages are a few hundred megabytes
LOCK = Path(tempfile.gettempdir()) / "facilitator-tests-chromium.lock"
"""A fixed path, so workers of one run and of runs side by side share the lock."""


def installed() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def ensure_chromium() -> str | None:
    """Install Chromium if it is missing; None when it is ready, else why it is not."""
    if installed():
        return None
    if os.geteuid() != 0:
        return "Chromium is not installed and installing it with apt-get needs root"
    if shutil.which("apt-get") is None:
        return "Chromium is not installed and there is no apt-get to install it with"
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if installed():  # another worker installed it while this one waited
            return None
        failure = _apt_install()
        if failure is not None:
            # Missing or stale package lists are the usual cause: refresh, then retry.
            _apt("update")
            failure = _apt_install()
    if failure is not None:
        return f"Chromium could not be installed: {failure}"
    if not installed():
        return f"apt-get installed {' '.join(PACKAGES)} but {CHROMIUM} or {CHROMEDRIVER} is missing"
    return None


def _apt_install() -> str | None:
    return _apt("install", "-y", "--no-install-recommends", *PACKAGES)


def _apt(*args: str) -> str | None:
    """Run apt-get; None when it succeeds, else the last line it wrote."""
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        done = subprocess.run(
            ["apt-get", *args],
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"apt-get {args[0]} took more than {INSTALL_TIMEOUT} s"
    if done.returncode == 0:
        return None
    lines = (done.stderr or done.stdout).strip().splitlines()
    return f"apt-get {args[0]} failed: {lines[-1] if lines else f'exit {done.returncode}'}"
