"""`facilitator serve` in a real browser: headless Chromium opens the page and the
app's home screen appears in its terminal, showing the demo teams."""

from __future__ import annotations

import time
from typing import Any

import pytest

from facilitator.services.demo.data import DEMO_TEAM

pytestmark = pytest.mark.slow  # a server, a browser and the app in other processes

SCREEN_TIMEOUT = 30.0

CAPTURE_TERMINAL = """
// textual-serve keeps its xterm.js Terminal to itself; catch it as the page's script
// stores it (`this.terminal = new Terminal(...)`), to read its screen buffer later.
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active) { window.__facilitatorTerminal = value; }
  },
});
"""

READ_SCREEN = """
const terminal = window.__facilitatorTerminal;
if (!terminal) { return null; }
const buffer = terminal.buffer.active;
const lines = [];
for (let row = 0; row < terminal.rows; row++) {
  const line = buffer.getLine(buffer.viewportY + row);
  lines.push(line ? line.translateToString(true) : "");
}
return lines.join("\\n");
"""


def screen_text(browser: Any) -> str:
    """What the page's terminal shows, a line per row ("" before it exists)."""
    text = browser.execute_script(READ_SCREEN)
    return text if isinstance(text, str) else ""


def test_the_home_screen_appears_in_chromium(served: str, browser: Any) -> None:
    """The page's terminal shows the home screen of the database `serve` was given.
    (`served` comes first so that the browser, set up after it, is quit before it.)"""
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CAPTURE_TERMINAL})
    browser.get(served)
    deadline = time.monotonic() + SCREEN_TIMEOUT
    text = screen_text(browser)
    while DEMO_TEAM not in text and time.monotonic() < deadline:
        time.sleep(0.1)  # poll interval while the app starts and paints
        text = screen_text(browser)
    assert DEMO_TEAM in text, text
    assert "facilitator — Home" in text, text
