"""The terminal driver: Textual's own for Linux and macOS, but a SIGCONT wakes the app
only when it was stopped by ctrl+z."""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver


class TerminalDriver(LinuxDriver):
    """Textual's driver, except that a SIGCONT starts the terminal again only after this
    driver put the app to sleep itself (SIGTSTP, ctrl+z).

    When a terminal window closes, the kernel sends its processes SIGHUP and then
    SIGCONT. Textual takes every SIGCONT as a return from ctrl+z and starts application
    mode again: a second output thread, which dies writing to the terminal that is gone,
    after which the app's shutdown (begun by the SIGHUP) waits for ever on that thread's
    full queue, and the process never ends.
    """

    def _sigcont_application(self, *_: object) -> None:
        if self._must_signal_resume:  # set by _sigtstp_application, cleared on resume
            super()._sigcont_application()
