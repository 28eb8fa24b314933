"""Count the work the live screen does for a key, rather than time it.

    python benchmarks/live_work.py DATABASE [--keys 80]

DATABASE is one `live_db.py` builds (meeting 2 running, notes on its current item); a
copy is used. The app runs headless (`App.run_test`, 80x24). Two parts:

- typing: `--keys` letters typed at the end of the notes, 60 ms apart (a typist). Per
  key: layouts of the whole screen (`Screen._refresh_layout`), lines the notes editor
  drew (`TextArea._render_line`), widgets asked for their lines by the compositor, and
  the event loop thread's CPU time (the countdown's redraws included).
- forms: open and close the norms check (h, escape), the action item form (a, escape)
  and the norms card (o, escape). For each: screen layouts, and the longest single
  step of the event loop in CPU time (`time.thread_time`, so the other processes on a
  busy machine hardly change it).

Counts are what a change to the code moves and the machine's load does not; the times
of `live.py` say whether the targets are met. Prints a small table.
"""

from __future__ import annotations

import argparse
import asyncio
import asyncio.events
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from probe_live_common import MEETING_ID, current_editor, send_key, wait_for_live, wait_until

TEXT = "the team agreed to share the data summary with staff by friday and to review it "


class Work:
    """What the app did while `counting`."""

    def __init__(self) -> None:
        self.counting = False
        self.layouts = 0
        self.editor_lines = 0
        self.renders: Counter[str] = Counter()
        self.longest_step = 0.0

    def reset(self) -> None:
        self.layouts = self.editor_lines = 0
        self.renders.clear()
        self.longest_step = 0.0

    def install(self) -> None:
        from textual.screen import Screen
        from textual.widget import Widget
        from textual.widgets import TextArea

        work = self

        def counted(method: Callable[..., Any], count: Callable[[Any], None]) -> Any:
            def wrapper(self: Any, *arguments: Any, **options: Any) -> Any:
                if work.counting:
                    count(self)
                return method(self, *arguments, **options)

            return wrapper

        def layout(screen: Any) -> None:
            work.layouts += 1

        def line(editor: Any) -> None:
            work.editor_lines += 1

        def render(widget: Any) -> None:
            work.renders[type(widget).__name__] += 1

        Screen._refresh_layout = counted(Screen._refresh_layout, layout)  # type: ignore[method-assign]
        TextArea._render_line = counted(TextArea._render_line, line)  # type: ignore[method-assign]
        Widget.render_lines = counted(Widget.render_lines, render)  # type: ignore[method-assign]
        run = asyncio.events.Handle._run

        def timed_run(handle: asyncio.events.Handle) -> None:
            began = time.thread_time()
            try:
                run(handle)
            finally:
                if work.counting:
                    work.longest_step = max(work.longest_step, time.thread_time() - began)

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign,assignment]


async def measure(database: Path, keys: int, work: Work) -> list[tuple[str, str]]:
    from facilitator.store.target import sqlite_target
    from facilitator.ui.app import build_app

    rows: list[tuple[str, str]] = []
    app = build_app(sqlite_target(database), open_meeting_id=MEETING_ID, live=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_live(app)
        await wait_until(lambda: current_editor(screen) is not None, timeout=10, what="notes")
        editor = current_editor(screen)
        screen.action_notes()
        editor.move_cursor(editor.document.end)
        await asyncio.sleep(1.0)
        work.reset()
        work.counting = True
        cpu = time.thread_time()
        for char in (TEXT * (keys // len(TEXT) + 1))[:keys]:
            send_key(app, char)
            await asyncio.sleep(0.06)
        cpu = time.thread_time() - cpu
        work.counting = False
        widgets = sum(work.renders.values())
        rows += [
            ("typing: screen layouts per key", f"{work.layouts / keys:.3f}"),
            ("typing: notes lines drawn per key", f"{work.editor_lines / keys:.2f}"),
            ("typing: widgets drawn per key", f"{widgets / keys:.1f}"),
            ("typing: event loop's CPU time per key", f"{cpu * 1000 / keys:.2f} ms"),
            ("typing: longest loop step (CPU)", f"{work.longest_step * 1000:.1f} ms"),
        ]
        await pilot.press("escape")
        await asyncio.sleep(0.5)
        for key, name in (("h", "norms check"), ("a", "action item form"), ("o", "norms card")):
            for action, press in (("open", key), ("close", "escape")):
                work.reset()
                work.counting = True
                await pilot.press(press)
                await pilot.pause()
                await asyncio.sleep(0.4)
                work.counting = False
                rows.append(
                    (
                        f"{action} {name}: layouts, longest loop step (CPU)",
                        f"{work.layouts}, {work.longest_step * 1000:.1f} ms",
                    )
                )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/live_work.py")
    parser.add_argument("database", type=Path)
    parser.add_argument("--keys", type=int, default=80)
    args = parser.parse_args(argv)
    work = Work()
    work.install()
    with tempfile.TemporaryDirectory(prefix="facilitator-work-") as tmp:
        copy = Path(tmp) / "live.db"
        shutil.copy(args.database, copy)
        rows = asyncio.run(measure(copy, args.keys, work))
    print("| What | Count |\n|---|--:|")
    for what, figure in rows:
        print(f"| {what} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
