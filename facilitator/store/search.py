"""Full-text search over what meetings hold: the one place that speaks the databases'
search syntax (see `facilitator.domain.search_query` for how a query is read).

The index is made by migration 0011: on SQLite, an FTS5 table `search_<table>` per
searchable table (external content, kept in step by triggers; tokenizer 'porter
unicode61 remove_diacritics 2': stems English, folds accents and case); on PostgreSQL,
a GIN index on each table's 'english' `to_tsvector` (stems and folds case; accents are
not folded there).

A search runs in two statements: the first finds the hits over every kind of record,
dated by their meeting and ordered (newest first, or best match first), and stops at
`limit`; the second marks the matching words of those few hits only, since a snippet
costs far more than a match. User text never enters a statement: on SQLite each word
goes into the MATCH string double-quoted (so FTS5 reads it as a word, never an
operator) and the string is a bound parameter; on PostgreSQL each word is a bound
parameter of `plainto_tsquery`, `phraseto_tsquery` or (a prefix of letters and digits
only) `to_tsquery`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from facilitator.domain.search_query import MARK_END, MARK_START, SearchQuery
from facilitator.store.quick_read import Reader, Row, to_datetime

SEARCH_INDEX_PREFIXES = ("search_", "ix_search_")
"""Names of the search index's tables (SQLite) and indexes (PostgreSQL)."""
SNIPPET_WORDS = 16
"""About how many words a snippet holds around the matching ones."""


def is_search_index(name: str | None) -> bool:
    """Whether `name` is one of the search index's tables or indexes, which the models
    do not describe (the migration made them)."""
    return name is not None and name.startswith(SEARCH_INDEX_PREFIXES)


@dataclass(frozen=True)
class Source:
    """A searchable table: the kind of record it holds, its searched columns, how its
    row `r` reaches its meeting, and which record a hit names."""

    table: str
    kind: str
    columns: tuple[str, ...]
    meeting: str = "r.meeting_id"
    record: str = "r.id"
    join: str = ""
    own_team: bool = False
    """Its row has a team of its own (`r.team_id`), kept when its meeting is deleted."""


SOURCES = (
    Source("meeting", "meeting", ("title", "purpose", "goals"), meeting="r.id"),
    Source("agenda_item", "item", ("title", "goal")),
    Source("note", "note", ("body",)),
    Source("decision", "decision", ("question", "outcome", "rationale")),
    Source(
        "decision_option",
        "decision",
        ("text",),
        meeting="d.meeting_id",
        record="r.decision_id",
        join="JOIN decision AS d ON d.id = r.decision_id",
    ),
    Source("action_item", "action", ("what",), own_team=True),
    Source("parking_lot_item", "parking", ("text", "disposition_note"), own_team=True),
    Source("takeaway", "takeaway", ("text",)),
    Source("time_out", "timeout", ("note",)),
    Source(
        "evaluation_answer",
        "comment",
        ("text",),
        meeting="e.meeting_id",
        join="JOIN evaluation_response AS e ON e.id = r.response_id",
    ),
)
"""Every searchable table (migration 0011 indexes the same columns)."""
_BY_TABLE = {source.table: source for source in SOURCES}


@dataclass(frozen=True)
class FoundRecord:
    """One hit: a record of `kind` (meeting, item, note, decision, action, parking,
    takeaway, timeout, comment) with id `record_id`, in its meeting, and its matching
    text with the matching words between `MARK_START` and `MARK_END`."""

    kind: str
    record_id: int
    meeting_id: int
    meeting_title: str
    team_name: str
    scheduled_start: datetime
    started_at: datetime | None
    snippet: str


def search_records(
    reader: Reader,
    query: SearchQuery,
    *,
    team_id: int | None,
    limit: int,
    ranked: bool = False,
    include_archived: bool = False,
) -> list[FoundRecord]:
    """The records matching `query` in meetings of team `team_id` (None: of every team
    not archived, or of every team with `include_archived`), newest meeting first (or
    best match first when `ranked`), at most `limit`."""
    if query.is_empty or limit <= 0:
        return []
    query = as_typed(reader, query)
    syntax: _Syntax = (
        _Postgres(query, ranked=ranked)
        if reader.dialect == "postgresql"
        else _Fts5(query, ranked=ranked)
    )
    filters = "" if include_archived else " AND t.archived_at IS NULL"
    if team_id is not None:
        filters += " AND m.team_id = :team_id"
    params = {**syntax.params, "team_id": team_id}
    if isinstance(syntax, _Fts5) and not ranked:
        # Imported here: search_newest builds on this module.
        from facilitator.store.search_newest import newest_rows

        rows = newest_rows(reader, syntax, filters, params, limit)
    else:
        branches = [syntax.branch(source, filters) for source in SOURCES]
        rows = hit_rows(reader, branches, params, limit, ranked=ranked)
    snippets = _snippets(reader, syntax, rows)
    return [
        FoundRecord(
            kind=_BY_TABLE[row[0]].kind,
            record_id=int(row[2]),
            meeting_id=int(row[3]),
            meeting_title=str(row[4]),
            team_name=str(row[5]),
            scheduled_start=_moment(row[6]),
            started_at=to_datetime(row[7]),
            snippet=snippets.get((row[0], int(row[1])), ""),
        )
        for row in rows
    ]


def matching_ids(
    reader: Reader, query: SearchQuery, *, kinds: set[str], team_id: int | None
) -> dict[str, set[int]]:
    """The ids of the records of `kinds` (decision, action, parking…) whose text matches
    `query`, by kind, in team `team_id` (None: any team); every one, in no order, for a
    list that filters what it shows. A decision matches by its options' text too."""
    found: dict[str, set[int]] = {kind: set() for kind in kinds}
    sources = [source for source in SOURCES if source.kind in kinds]
    if query.is_empty or not sources:
        return found
    query = as_typed(reader, query)
    syntax: _Syntax = _Postgres(query) if reader.dialect == "postgresql" else _Fts5(query)
    branches = " UNION ".join(
        syntax.ids(source, *_team_filter(source, team_id)) for source in sources
    )
    for kind, record_id in reader.rows(branches, {**syntax.params, "team_id": team_id}):
        found[str(kind)].add(int(record_id))
    return found


def as_typed(reader: Reader, query: SearchQuery) -> SearchQuery:
    """`query`, with the shortened forms of the word being typed only when the query
    finds nothing without them: they are there for the letters typed past a stem
    ("benchmarkin", the index holding "benchmark"), and asking for them when the
    prefix already finds words cost a common word's search a third of its time (and
    found short unrelated words: "stude" for "students")."""
    if not query.shortened:
        return query
    plain = replace(query, shorten=False)
    syntax: _Syntax = _Postgres(plain) if reader.dialect == "postgresql" else _Fts5(plain)
    found = " OR ".join(f"EXISTS ({syntax.ids(source, '', '')})" for source in SOURCES)
    rows = reader.rows(f"SELECT CASE WHEN {found} THEN 1 ELSE 0 END", syntax.params)
    return plain if rows[0][0] else query


def _team_filter(source: Source, team_id: int | None) -> tuple[str, str]:
    """The join and the condition keeping `source`'s rows of team `team_id` (none for
    None): by the row's own team where it has one (its meeting may be gone), else by
    its meeting's."""
    if team_id is None:
        return "", ""
    if source.own_team:
        return "", " AND r.team_id = :team_id"
    return f"JOIN meeting AS m ON m.id = {source.meeting}", " AND m.team_id = :team_id"


def hit_rows(
    reader: Reader,
    branches: Sequence[str],
    params: Mapping[str, object],
    limit: int,
    *,
    ranked: bool = False,
) -> list[Row]:
    """The hits of `branches` (statements of `_Syntax.branch`) in the order a search
    shows them (newest first, or best first when `ranked`), at most `limit`. Within a
    meeting (and a score) the meeting itself comes first, then its records newest
    first; the table breaks the last ties, so the order is total."""
    if not branches:
        return []
    order = "score, moment DESC" if ranked else "moment DESC, score"
    return reader.rows(
        f"SELECT * FROM ({' UNION ALL '.join(branches)}) AS hit"
        f" ORDER BY {order}, meeting_id DESC, (source = 'meeting') DESC, source_id DESC, source"
        " LIMIT :limit",
        {**params, "limit": limit},
    )


_HIT_COLUMNS = """
    '{table}' AS source, r.id AS source_id, {record} AS record_id, m.id AS meeting_id,
    m.title AS meeting_title, t.name AS team_name, m.scheduled_start, m.started_at,
    COALESCE(m.started_at, m.scheduled_start) AS moment
"""
_MEETING_JOINS = "JOIN meeting AS m ON m.id = {meeting} JOIN team AS t ON t.id = m.team_id"


def _snippets(
    reader: Reader, syntax: _Syntax, rows: Sequence[Sequence[object]]
) -> dict[tuple[str, int], str]:
    """The marked text of each hit of `rows`, by (table, row id): one statement a table."""
    wanted: dict[str, list[int]] = {}
    for row in rows:
        wanted.setdefault(str(row[0]), []).append(int(str(row[1])))
    found: dict[tuple[str, int], str] = {}
    for table, ids in wanted.items():
        sql = syntax.snippets(_BY_TABLE[table], ids)
        for row_id, text in reader.rows(sql, syntax.params):
            found[(table, int(row_id))] = str(text or "")
    return found


class _Syntax(Protocol):
    """One database's search statements (`_Fts5`, `_Postgres`)."""

    params: dict[str, object]

    def branch(self, source: Source, filters: str) -> str: ...

    def snippets(self, source: Source, ids: Sequence[int]) -> str:
        """Row ids and snippets of `source`'s rows `ids` (whole numbers read from the
        database, written into the statement)."""
        ...

    def ids(self, source: Source, joins: str, filters: str) -> str: ...


class _Fts5(_Syntax):
    """SQLite: a MATCH against each `search_<table>`, ranked by bm25 (lower is better)
    when `ranked`; newest first, the score is 0 (bm25 cost a common word's search a
    seventh of its time, to order the hits of one meeting among themselves)."""

    def __init__(self, query: SearchQuery, *, ranked: bool = False) -> None:
        self.params = {"match": fts5_match(query), "mark_start": MARK_START, "mark_end": MARK_END}
        self.ranked = ranked

    def branch(self, source: Source, filters: str) -> str:
        fts = f"search_{source.table}"
        columns = _HIT_COLUMNS.format(table=source.table, record=source.record)
        return f"""
            SELECT {columns}, {f"bm25({fts})" if self.ranked else "0"} AS score
              FROM {fts} JOIN {source.table} AS r ON r.id = {fts}.rowid {source.join}
              {_MEETING_JOINS.format(meeting=source.meeting)}
             WHERE {fts} MATCH :match{filters}
        """

    def ids(self, source: Source, joins: str, filters: str) -> str:
        fts = f"search_{source.table}"
        return f"""
            SELECT '{source.kind}' AS kind, {source.record} AS record_id
              FROM {fts} JOIN {source.table} AS r ON r.id = {fts}.rowid {source.join} {joins}
             WHERE {fts} MATCH :match{filters}
        """

    def snippets(self, source: Source, ids: Sequence[int]) -> str:
        fts = f"search_{source.table}"
        # FTS5 runs the whole MATCH again for each value of `rowid IN (…)` (a prefix's
        # list of rows each time); for one range of rowids it runs once, and `+rowid`
        # keeps the list out of FTS5's hands.
        listed = ", ".join(str(value) for value in ids)
        return (
            f"SELECT rowid, snippet({fts}, -1, :mark_start, :mark_end, '…', {SNIPPET_WORDS})"
            f" FROM {fts} WHERE {fts} MATCH :match"
            f" AND rowid BETWEEN {min(ids)} AND {max(ids)} AND +rowid IN ({listed})"
        )


def fts5_match(query: SearchQuery) -> str:
    """The FTS5 MATCH string for `query`: every word and phrase double-quoted (FTS5
    reads a quoted string as words whatever it holds), the last word a prefix when
    `query.prefix`, or one of its `shortened` forms, excluded words after NOT. Empty
    for an empty query. The terms are joined by an explicit AND: FTS5 reads no
    implicit AND before a parenthesis."""
    if query.is_empty:
        return ""
    terms = [_quoted(word) for word in query.words]
    if query.prefix and terms:
        forms = [terms[-1] + "*", *(_quoted(word) for word in query.shortened)]
        terms[-1] = forms[0] if len(forms) == 1 else f"({' OR '.join(forms)})"
    terms += [_quoted(" ".join(phrase)) for phrase in query.phrases]
    match = f"({' AND '.join(terms)})"
    for word in query.excluded:
        match = f"({match} NOT {_quoted(word)})"
    return match


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _Postgres(_Syntax):
    """PostgreSQL: each table's indexed 'english' tsvector against a tsquery built from
    bound parameters, ranked by ts_rank (negated, so lower is better as on SQLite) when
    `ranked`, else scored 0 as on SQLite."""

    def __init__(self, query: SearchQuery, *, ranked: bool = False) -> None:
        self.params = {"headline": _HEADLINE}
        self.ranked = ranked
        parts: list[str] = []
        for index, word in enumerate(query.words):
            last = index == len(query.words) - 1
            if last and query.prefix and word.isalnum():
                self.params[f"w{index}"] = f"{word}:*"
                forms = [f"to_tsquery('english', :w{index})"]
                for cut, shorter in enumerate(query.shortened):
                    self.params[f"s{cut}"] = shorter
                    forms.append(f"plainto_tsquery('english', :s{cut})")
                parts.append(f"({' || '.join(forms)})")
            else:
                self.params[f"w{index}"] = word
                parts.append(f"plainto_tsquery('english', :w{index})")
        for index, phrase in enumerate(query.phrases):
            self.params[f"p{index}"] = " ".join(phrase)
            parts.append(f"phraseto_tsquery('english', :p{index})")
        for index, word in enumerate(query.excluded):
            self.params[f"x{index}"] = word
            parts.append(f"!! plainto_tsquery('english', :x{index})")
        self.tsquery = "(" + " && ".join(parts) + ")"

    def branch(self, source: Source, filters: str) -> str:
        document = postgresql_document(source.columns, prefix="r.")
        columns = _HIT_COLUMNS.format(table=source.table, record=source.record)
        return f"""
            SELECT {columns}, {f"-ts_rank({document}, {self.tsquery})" if self.ranked else "0"}
                   AS score
              FROM {source.table} AS r {source.join}
              {_MEETING_JOINS.format(meeting=source.meeting)}
             WHERE {document} @@ {self.tsquery}{filters}
        """

    def ids(self, source: Source, joins: str, filters: str) -> str:
        document = postgresql_document(source.columns, prefix="r.")
        return f"""
            SELECT '{source.kind}' AS kind, {source.record} AS record_id
              FROM {source.table} AS r {source.join} {joins}
             WHERE {document} @@ {self.tsquery}{filters}
        """

    def snippets(self, source: Source, ids: Sequence[int]) -> str:
        text = " || ' ' || ".join(f"r.{column}" for column in source.columns)
        listed = ", ".join(str(value) for value in ids)
        return (
            f"SELECT r.id, ts_headline('english', {text}, {self.tsquery}, :headline)"
            f" FROM {source.table} AS r WHERE r.id IN ({listed})"
        )


_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=6,"
    ' MaxFragments=2, FragmentDelimiter=" … "'
)


def postgresql_document(columns: Sequence[str], *, prefix: str = "") -> str:
    """The expression migration 0011 indexes (a query must spell it the same way,
    whatever the table's alias, for PostgreSQL to use the index)."""
    joined = " || ' ' || ".join(f"{prefix}{column}" for column in columns)
    return f"to_tsvector('english'::regconfig, {joined})"


def _moment(value: object) -> datetime:
    moment = to_datetime(value)
    assert moment is not None  # a meeting's schedule is NOT NULL
    return moment
