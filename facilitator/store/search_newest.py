"""Newest-first search on SQLite that stays fast however many records match.

The plain statement (`search.hit_rows` over every source) joins each hit to its meeting
and sorts them all to keep `limit`: a common word or a short prefix has tens of
thousands of hits. Here the search walks back in time instead, band by band of
meetings (their moments are indexed: `ix_meeting_moment`, `ix_meeting_team_moment`):

1. A first statement counts each table's hits, up to `PROBE_CAP` (an FTS5 MATCH alone
   is cheap; the joins are what cost). A table without a hit is left out; when all the
   hits together are few, the plain statement runs as it always has.
2. Otherwise the first band holds the newest meetings the filters keep (team,
   archived), as many as should hold twice `limit` hits: those whose moment is at
   least that of the `size`-th newest, `since`. A table with few hits has them all
   joined and those of other meetings dropped. A table with many is read only over
   a few ranges of ids that hold every one of its records in the band's meetings
   (`_id_ranges`: exact whatever order the ids were given in, and narrow when they
   follow time, as they mostly do), since FTS5 seeks to a rowid range; the table of
   random ids (evaluation answers) has its hits checked against the list of the
   band's records before they are joined.
3. The band's hits sort exactly as in the plain statement (bm25 reads the whole
   table's statistics, whatever rows are asked for), and every later band's hits are
   older: the bands are read in turn, each reaching `GROWTH` times further back,
   until `limit` hits are known; the last band holds every older meeting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from math import ceil

from facilitator.store.home_queries import MEETING_MOMENT
from facilitator.store.quick_read import Reader, Row
from facilitator.store.search import SOURCES, Source, _Syntax, hit_rows

PROBE_CAP = 1000
"""Hits counted at most per table (enough to tell a common word from a rare one)."""
FEW_HITS = 300
"""Hits in all (as counted) that the plain statement joins and sorts in a millisecond
or two: no window is worth its statements then."""
RANGED_HITS = 200
"""Hits of a table above which it is read in ranges of ids, band by band (fewer are
joined and dropped by their meeting's moment in a fraction of a millisecond)."""
FIRST_BAND_HITS = 2
"""The first band of meetings is meant to hold this many times `limit` hits, judging
by the hits per meeting over the whole history."""
SMALLEST_BAND = 8
"""Meetings in the first band at least."""
GROWTH = 2
"""How many times more meetings each band reaches back than the last."""
BLOCK = 256
"""Ids in a block (see `_id_ranges`)."""
RANGES = 3
"""Ranges of ids read at most per table and window: each one is a read of FTS5's
index (a prefix's list of rows is merged each time), and most are one range."""
GAP = 4 * BLOCK
"""Ids apart that two ranges must be at least, to be read apart."""
_RANDOM = "evaluation_answer"
"""The table whose ids are random (`RANDOM_ID`: an anonymous answer must not tell when
it was given), so no range of ids holds a band's."""
_ELIGIBLE = "FROM meeting AS m JOIN team AS t ON t.id = m.team_id WHERE 1 = 1"


def newest_rows(
    reader: Reader,
    syntax: _Syntax,
    filters: str,
    params: Mapping[str, object],
    limit: int,
) -> list[Row]:
    """The rows `hit_rows` gives for every source's branch under `filters` (on meeting
    `m` and team `t`), newest first, at most `limit`: the same rows in the same order,
    read band by band of recent meetings when there are many hits."""
    counts = _hit_counts(reader, syntax)
    found = [(source, count) for source, count in zip(SOURCES, counts[1:], strict=True) if count]
    sources = [source for source, _ in found]
    hits = sum(counts[1:])
    if hits <= FEW_HITS:
        return _all_rows(reader, syntax, sources, filters, params, limit)
    size = max(SMALLEST_BAND, ceil(FIRST_BAND_HITS * limit * counts[0] / hits))
    rows: list[Row] = []
    newer: object | None = None
    while len(rows) < limit:
        since = _nth_moment(reader, filters, params, size)
        band = {**params, "since": since, "newer": newer}
        older = "" if newer is None else f" AND {MEETING_MOMENT} < :newer"
        if since is None:  # the last band: every older meeting
            return rows + _all_rows(
                reader, syntax, sources, filters + older, band, limit - len(rows)
            )
        band_filters = f"{filters}{older} AND {MEETING_MOMENT} >= :since"
        rows += _band_rows(reader, syntax, found, band_filters, band, limit - len(rows))
        newer, size = since, size * GROWTH
    return rows


def _band_rows(
    reader: Reader,
    syntax: _Syntax,
    found: Sequence[tuple[Source, int]],
    filters: str,
    params: Mapping[str, object],
    limit: int,
) -> list[Row]:
    """The hits of the meetings kept by `filters` (a band of moments) in the sources
    `found` (with their counts of hits), in order, at most `limit`. A source with few
    hits has them all joined; one with many, in ranges of ids (or, its ids random,
    against the list of the band's records)."""
    many = [source for source, count in found if count > RANGED_HITS]
    ranged = [source for source in many if source.table != _RANDOM]
    branches = [
        syntax.branch(source, filters + (_listed(source, filters) if source in many else ""))
        for source, _ in found
        if source not in ranged
    ]
    bounds = dict(params)
    for index, spans in enumerate(_id_ranges(reader, ranged, filters, params)):
        for number, (low, high) in enumerate(spans):
            name = f"{index}_{number}"
            bounds |= {f"low{name}": low, f"high{name}": high}
            fts = f"search_{ranged[index].table}"
            within = f" AND {fts}.rowid BETWEEN :low{name} AND :high{name}"
            branches.append(syntax.branch(ranged[index], filters + within))
    return hit_rows(reader, branches, bounds, limit)


def _all_rows(
    reader: Reader,
    syntax: _Syntax,
    sources: Sequence[Source],
    filters: str,
    params: Mapping[str, object],
    limit: int,
) -> list[Row]:
    """The plain statement over `sources` (the others have no hit)."""
    branches = [syntax.branch(source, filters) for source in sources]
    return hit_rows(reader, branches, params, limit)


def _hit_counts(reader: Reader, syntax: _Syntax) -> list[int]:
    """About how many meetings there are (the largest id), then each source's hits (in
    `SOURCES` order, at most `PROBE_CAP`), whatever their team: one statement."""
    counts = [
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM search_{source.table}"
        f" WHERE search_{source.table} MATCH :match LIMIT :cap))"
        for source in SOURCES
    ]
    sql = f"SELECT (SELECT COALESCE(MAX(id), 0) FROM meeting), {', '.join(counts)}"
    return [int(value) for value in reader.rows(sql, {**syntax.params, "cap": PROBE_CAP})[0]]


def _nth_moment(
    reader: Reader, filters: str, params: Mapping[str, object], size: int
) -> object | None:
    """The moment of the `size`-th newest meeting kept by `filters`; None when there
    are no more meetings than that."""
    rows = reader.rows(
        f"SELECT {MEETING_MOMENT} {_ELIGIBLE}{filters}"
        f" ORDER BY {MEETING_MOMENT} DESC, m.id DESC LIMIT 1 OFFSET :offset",
        {**params, "offset": size - 1},
    )
    return rows[0][0] if rows else None


def _id_ranges(
    reader: Reader, sources: Sequence[Source], filters: str, params: Mapping[str, object]
) -> list[list[tuple[int, int]]]:
    """For each of `sources`, at most `RANGES` ranges of ids (low, high) that hold the
    id of every one of its records in the meetings
    `filters` keeps (none: it has none there). One statement reads the smallest and
    largest id in each block of `BLOCK` ids those records take."""
    if not sources:
        return []
    blocks = " UNION ALL ".join(
        f"SELECT {index}, MIN(r.id), MAX(r.id) FROM {source.table} AS r {source.join}"
        f" WHERE {source.meeting} IN (SELECT id FROM recent) GROUP BY r.id / {BLOCK}"
        for index, source in enumerate(sources)
    )
    recent = f"SELECT m.id {_ELIGIBLE}{filters}"
    spans: list[list[tuple[int, int]]] = [[] for _ in sources]
    for index, low, high in reader.rows(f"WITH recent AS MATERIALIZED ({recent}) {blocks}", params):
        spans[int(index)].append((int(low), int(high)))
    return [_merged(sorted(found)) for found in spans]


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (apart, in order) joined into at most `RANGES` ranges, apart where they
    are furthest apart (by more than `GAP`), so the ranges leave out the most ids."""
    if not spans:
        return []
    gaps = sorted(range(1, len(spans)), key=lambda at: spans[at][0] - spans[at - 1][1])
    cuts = sorted(at for at in gaps[-(RANGES - 1) :] if spans[at][0] - spans[at - 1][1] > GAP)
    edges = [0, *cuts, len(spans)]
    return [(spans[start][0], spans[end - 1][1]) for start, end in pairwise(edges)]


def _listed(source: Source, filters: str) -> str:
    """The condition keeping the hits of `source` among its records in the meetings
    kept by `filters`: SQLite lists their ids once, and the hits are checked against
    the list before they are joined (`+` keeps the list from FTS5, which would run
    its MATCH again for each id)."""
    fts = f"search_{source.table}"
    meetings = f"SELECT m.id {_ELIGIBLE}{filters}"
    return (
        f" AND +{fts}.rowid IN (SELECT r.id FROM {source.table} AS r {source.join}"
        f" WHERE {source.meeting} IN ({meetings}))"
    )
