"""Regression (found by issue 15's benchmarks): a SIGCONT the app did not ask for (the
kernel sends one with SIGHUP when a terminal window closes) restarted Textual's terminal
output, and the app's shutdown then hung for ever (see `TerminalDriver`)."""

from __future__ import annotations

import sys

import pytest

from facilitator.ui.app import FacilitatorApp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals only")


def driver_class() -> type:
    return FacilitatorApp.get_driver_class(object.__new__(FacilitatorApp))


def test_the_app_runs_on_the_driver_that_checks_sigcont() -> None:
    from facilitator.ui.driver import TerminalDriver

    assert driver_class() is TerminalDriver


def test_a_sigcont_it_did_not_ask_for_restarts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator.ui.driver import TerminalDriver

    driver = object.__new__(TerminalDriver)
    driver._auto_restart = True
    driver._must_signal_resume = False
    resumed: list[bool] = []
    monkeypatch.setattr(driver, "resume_application_mode", lambda: resumed.append(True))
    driver._sigcont_application()
    assert resumed == []


def test_back_from_ctrl_z_the_terminal_restarts(monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator.ui.driver import TerminalDriver

    driver = object.__new__(TerminalDriver)
    driver._auto_restart = True
    driver._must_signal_resume = True  # what _sigtstp_application leaves
    resumed: list[bool] = []
    monkeypatch.setattr(driver, "resume_application_mode", lambda: resumed.append(True))
    driver._sigcont_application()
    assert resumed == [True]
