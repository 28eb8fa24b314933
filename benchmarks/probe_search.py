"""Time searches through the service the search screen calls, and size the search index.

    python benchmarks/probe_search.py DB [--runs 200]

Each query of `QUERIES` is asked `--runs` times (after `WARM_UP` unmeasured calls) of
`facilitator.ui.backend.Backend.search`, the call the search screen's worker makes (the
backend keeps one read connection for the screen's searches, as it does for the
screen): newest first, then ranked (bm25). The queries take turns, so none enjoys a
cache the others do not.

The index size comes from SQLite's `dbstat` (the pages of each table and index): the
FTS5 tables `search_*` against the searched tables' own pages and against the bytes
of the text they index (the columns migration 0011 names).

Prints one JSON object: {"queries": {...}, "size": {...}}.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

QUERIES = {
    "common word": "students",
    "rare word": "xylophone",
    "prefix of 3 letters": "rea",
    "two-word phrase": '"reading benchmark"',
}
"""What is searched for, as typed in the box (the last word a prefix, as the screen asks)."""
WARM_UP = 5


def time_queries(db: Path, runs: int) -> dict[str, Any]:
    from facilitator.store.target import sqlite_target
    from facilitator.ui.backend import Backend

    backend = Backend(sqlite_target(db), clock=_now, tz=None, pack_loader=_no_pack)
    try:
        return _timed(backend, runs)
    finally:
        backend.close()


def _timed(backend: Any, runs: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for ranked in (False, True):
        order = "ranked" if ranked else "newest"
        times: dict[str, list[float]] = {name: [] for name in QUERIES}
        results: dict[str, int] = {}
        for round_ in range(WARM_UP + runs):
            for name, text in QUERIES.items():
                started = time.perf_counter()
                answer = backend.search(text, ranked=ranked)
                took = (time.perf_counter() - started) * 1000
                if round_ >= WARM_UP:
                    times[name].append(took)
                results[name] = len(answer.results)
        for name, text in QUERIES.items():
            found[f"{order}:{name}"] = {
                "query": text,
                "ranked": ranked,
                "results": results[name],
                "ms": times[name],
            }
    return found


def _now() -> datetime:
    return datetime.now(UTC)


def _no_pack() -> Any:
    raise AssertionError("a search reads no content pack")


def searched() -> dict[str, tuple[str, ...]]:
    """The searched tables and their columns, as the store names them (migration 0011
    indexes the same; `index_size` checks that each table has its index)."""
    from facilitator.store.search import SOURCES

    return {source.table: source.columns for source in SOURCES}


def index_size(db: Path) -> dict[str, Any]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        try:
            pages = dict(connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
        except sqlite3.OperationalError as error:
            return {"error": f"this SQLite has no dbstat ({error})"}
        tables = searched()
        indexed = [f"search_{table}" for table in tables]
        missing = [name for name in indexed if f"{name}_data" not in pages]
        if missing:
            return {"error": f"no search index for {', '.join(missing)}"}
        text_bytes = 0
        for table, columns in tables.items():
            lengths = " + ".join(f"length(CAST({column} AS BLOB))" for column in columns)
            text_bytes += connection.execute(
                f"SELECT COALESCE(SUM({lengths}), 0) FROM {table}"
            ).fetchone()[0]
        index_bytes = sum(size for name, size in pages.items() if name.startswith("search_"))
        return {
            "index_bytes": index_bytes,
            "index_by_table": {
                name: sum(size for page, size in pages.items() if page.startswith(name + "_"))
                for name in indexed
            },
            "searched_tables_bytes": sum(pages.get(table, 0) for table in tables),
            "indexed_text_bytes": text_bytes,
            "file_bytes": db.stat().st_size,
            "rows": {
                table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in tables
            },
        }
    finally:
        connection.close()


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="probe_search.py")
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    result = {"queries": time_queries(args.db, args.runs), "size": index_size(args.db)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
