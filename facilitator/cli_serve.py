"""`facilitator serve`: the app in a web browser, through textual-serve.

textual-serve runs a web server whose page holds a terminal (xterm.js); every browser
that connects gets its own `facilitator` process, started from a shell command line
and talking to the page over a websocket. The database is handed to those processes
in the FACILITATOR_DB environment variable, never on their command line: a PostgreSQL
URL can hold a password, and a command line is visible to everyone on the machine
(`ps`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import shlex
import socket
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from textual_serve.server import Server

from facilitator.cli_output import complain, say
from facilitator.errors import FacilitatorError
from facilitator.paths import DB_ENV_VAR
from facilitator.store.target import DatabaseTarget

if TYPE_CHECKING:
    from aiohttp import web

APP_COMMAND = (sys.executable, "-m", "facilitator.cli")
"""What each browser connection runs: this interpreter, so the same facilitator."""


class ServeError(FacilitatorError):
    """The web server cannot listen where it was asked to."""


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only (127.x, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may be on any network


def public_url(host: str, port: int) -> str:
    """The address a browser opens. A wildcard host (0.0.0.0, ::) is no address to
    open, so the machine's name stands in; an IPv6 address goes in brackets."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return f"http://{host}:{port}"
    if address.is_unspecified:
        return f"http://{socket.gethostname()}:{port}"
    if address.version == 6:
        return f"http://[{host}]:{port}"
    return f"http://{host}:{port}"


def check_can_listen(host: str, port: int) -> None:
    """Bind to `host`:`port` and let go, so a port in use is one sentence before the
    server starts (which would otherwise fail with a traceback)."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise ServeError(f"{host} is not an address of this machine; check --host.") from None
    for family, _, _, _, address in addresses:
        try:
            # create_server sets SO_REUSEADDR as aiohttp does, so a port that a stopped
            # server left in TIME_WAIT is not taken for one in use.
            socket.create_server(address[:2], family=family).close()
        except OSError as error:
            raise ServeError(_bind_sentence(host, port, error)) from None


def _bind_sentence(host: str, port: int, error: OSError) -> str:
    import errno

    if error.errno == errno.EADDRINUSE:
        return f"port {port} is already in use on {host}; stop what uses it or pick --port."
    if error.errno == errno.EACCES:
        return f"this user may not listen on port {port}; pick --port above 1023."
    if error.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this machine; check --host."
    return f"cannot listen on {host} port {port} ({error.strerror or error})."


def serve(target: DatabaseTarget, *, host: str, port: int) -> int:
    """Serve the app on `host`:`port` until Ctrl+C, every browser on `target`."""
    from facilitator.store.prepare import prepare_database

    if not host.strip():
        raise ServeError("--host is empty; give an address such as 127.0.0.1.")
    prepare_database(target, create=True)  # once here, not in every browser's process
    check_can_listen(host, port)
    if not is_loopback(host):
        complain(
            f"facilitator: warning: serving on {host}, not this machine only: anyone who "
            f"can reach port {port} can use the app and read the team's meetings."
        )
    # The children inherit this process's environment (textual-serve copies os.environ).
    os.environ[DB_ENV_VAR] = str(target.path) if target.path is not None else target.url
    url = public_url(host, port)
    with tempfile.TemporaryDirectory(prefix="facilitator-serve-") as folder:
        server = _Server(
            shlex.join(APP_COMMAND),
            host=host,
            port=port,
            title="facilitator",
            templates_path=offline_pages(Path(folder)),
        )
        server.public_url = url
        server.greeting = f"facilitator: serving {target.display}; open {url} in a web browser."
        try:
            server.serve()
        except OSError as error:  # lost a race for the port since the check
            raise ServeError(_bind_sentence(host, port, error)) from None
    return 0


FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
"""textual-serve's page asks Google Fonts for a typeface: a school network that drops
such requests without refusing them would hold the page blank until they time out."""


def offline_pages(folder: Path) -> Path:
    """textual-serve's page templates, copied into `folder` without the link to Google
    Fonts (the page falls back to a local monospace font, as it does offline)."""
    import textual_serve

    for page in (Path(textual_serve.__file__).parent / "templates").glob("*.html"):
        text = FONT_LINK.sub("", page.read_text(encoding="utf-8"))
        (folder / page.name).write_text(text, encoding="utf-8")
    return folder


class _Server(Server):
    """textual-serve's server, greeting with one line of ours instead of its banner,
    and ending its browsers' sessions when it stops."""

    greeting = ""

    def __init__(
        self, command: str, *, host: str, port: int, title: str, templates_path: Path
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=templates_path)
        self.sessions: set[asyncio.Task[object]] = set()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser's session, tracked so that stopping the server can end it."""
        task = asyncio.current_task()
        if task is not None:
            self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        # aiohttp otherwise waits for every open websocket to close on its own, and a
        # browser left open keeps it: cancelling a session closes its socket and quits
        # its app (textual-serve's handler does both on cancellation).
        for task in list(self.sessions):
            task.cancel()

    async def on_startup(self, app: web.Application) -> None:
        say(self.greeting)
        say("Press Ctrl+C to stop serving.")
        sys.stdout.flush()
