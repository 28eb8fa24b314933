"""A throwaway PostgreSQL server for the tests, on a Unix socket in a temporary folder.

Standard library only, so `.ci/run` can use it before the virtual environment exists:

    python3 tests/pg_server.py start FOLDER   # prints the base URL, leaves it running
    python3 tests/pg_server.py stop FOLDER

`.ci/run` starts one for the whole run and passes its URL to the tests in
FACILITATOR_TEST_POSTGRES; without that variable, `tests/postgres.py` starts one per
test process with `Server` and stops it when the session ends.

PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
user (made by Debian's package), else to `nobody`; the server listens on no TCP port.
Durability is switched off (fsync, full-page writes): the data is thrown away anyway.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

USER = "facilitator"
"""The database role the tests connect as (trust authentication, socket only)."""
PASSWORD_USER = "facilitator_login"
"""A role that must give its password (a test makes it, with a password of its own)."""
SETTINGS = (
    "-c listen_addresses='' -c fsync=off -c full_page_writes=off "
    "-c synchronous_commit=off -c max_connections=200"
)


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, newest version first; None if absent."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(candidates[-1]).parent if candidates else None


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


class Server:
    """One cluster in `folder` (data in folder/data, socket in folder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{USER}@/postgres?host={self.folder}"

    def start(self) -> str:
        """initdb and start; the base URL (database `postgres`). Raises RuntimeError
        with the tool's own output when PostgreSQL is not installed or fails."""
        tools = binaries()
        if tools is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb found)")
        self.folder.mkdir(parents=True, exist_ok=True)
        _give_to_owner(self.folder)
        self._run(tools / "initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "-N")
        # One role logs in with a password, so a test can see a wrong one refused.
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"local all {PASSWORD_USER} scram-sha-256\n{hba.read_text()}")
        return self.resume()

    def resume(self) -> str:
        """Start the server on its existing data (after `stop`); the base URL."""
        tools = binaries()
        if tools is None:
            raise RuntimeError("PostgreSQL is not installed (no pg_ctl found)")
        self._run(
            tools / "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
            "-o", f"-k {self.folder} {SETTINGS}", "-w", "start",
        )  # fmt: skip
        return self.url

    def stop(self) -> None:
        """Stop the server at once (its data is thrown away); quiet if it is not running."""
        tools = binaries()
        if tools is None or not (self.data / "postmaster.pid").exists():
            return
        self._run(tools / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def _run(self, *command: str | Path) -> None:
        argv = [str(part) for part in command]
        if os.geteuid() == 0:
            argv = ["runuser", "-u", _owner(), "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd="/")
        if done.returncode != 0:
            raise RuntimeError(f"{Path(argv[-1]).name}: {done.stdout}{done.stderr}".strip())


def _owner() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("no unprivileged user (postgres or nobody) to run PostgreSQL as")


def _give_to_owner(folder: Path) -> None:
    if os.geteuid() == 0:
        user = pwd.getpwnam(_owner())
        os.chown(folder, user.pw_uid, user.pw_gid)
        # The tests (root) reach the socket; the owner must reach the folder's parents.
        for parent in folder.parents:
            if parent == Path("/tmp") or parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o011)


if __name__ == "__main__":
    verb, where = sys.argv[1], Path(sys.argv[2])
    server = Server(where)
    if verb == "start":
        sys.stdout.write(server.start() + "\n")
    else:
        server.stop()
