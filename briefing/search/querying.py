"""Answering a query from the index: the matching articles, ranked, with
snippets, and other queries to try when none match.

The other half of ``SearchIndex`` (``briefing.search.index``, which keeps
the index up to date and lists it): imported on the first search, so that
listing a library, opening an article or `bookmarks add` does not load the
query language, the filters and the snippet code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from briefing.search.filters import FilterIds, filter_ids
from briefing.search.index import ENTRY_COLUMNS, entry_from_row
from briefing.search.query import (
    Query,
    exclusion_expression,
    highlight_expression,
    match_expression,
)
from briefing.search.reading import split_tags
from briefing.search.results import Entry, Hit, SearchResults, Snippet, Span, TagsByArticle
from briefing.search.snippets import unmark

__all__ = ["search", "snippet", "snippets"]

_OPEN, _CLOSE = "\x02", "\x03"  # article text is sanitised: it never holds these
# Bodies longer than this (characters) get their snippets part by part.
LONG_BODY = 65_536
_NO_SNIPPET: tuple[Snippet, tuple[Span, ...]] = (Snippet(""), ())

# The index's words and their counts, for suggestions (worked out on first use).
Vocabulary = Callable[[], dict[str, int]]


def _lead(body: str, words: int) -> Snippet:
    """The first words of a body, for hits that no word matched (filters only)."""
    parts = body.split(maxsplit=words)
    text = " ".join(parts[:words])
    return Snippet(text + ("…" if len(parts) > words else ""))


def search(
    connection: sqlite3.Connection,
    query: Query,
    limit: int | None,
    bookmarks: TagsByArticle | None,
    snippet_words: int,
    words: Vocabulary,
) -> SearchResults:
    """The articles matching a (non-empty) query, best first, with snippets
    (``SearchIndex.search`` says more)."""
    filters = filter_ids(query, bookmarks, lambda: _article_tags(connection))
    notices = query.notices + filters.notices
    if filters.allowed is not None and not filters.allowed:
        return SearchResults(query, (), 0, (), notices)
    sql, params = _matching(query, filters)
    total = connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    if not total:
        suggestions = _suggest(connection, query, filters, words)
        return SearchResults(query, (), 0, suggestions, notices)
    order = (
        "ORDER BY rank"
        if match_expression(query)
        else ("ORDER BY docs.published IS NULL, docs.published DESC, docs.title COLLATE NOCASE")
    )
    ranked = connection.execute(
        f"{sql} {order} LIMIT ?", (*params, -1 if limit is None else limit)
    ).fetchall()
    rowids = [rowid for rowid, _ in ranked]
    entries = _entries_by_rowid(connection, rowids)
    found = snippets(connection, query, rowids, snippet_words)
    # A refresh in another process may have removed a row since the
    # ranking: that article is gone, so it is left out, not looked up.
    hits = tuple(
        Hit(entries[rowid], float(f"{score:.6g}"), *found.get(rowid, _NO_SNIPPET))
        for rowid, score in ranked
        if rowid in entries
    )
    return SearchResults(query, hits, total, (), notices)


def _article_tags(connection: sqlite3.Connection) -> list[tuple[str, tuple[str, ...]]]:
    """(id, folded front-matter tags) of every article that has tags."""
    rows = connection.execute(
        "SELECT id, folded_tags FROM docs WHERE folded_tags != '' AND NOT dup"
    )
    return [(article_id, split_tags(tags)) for article_id, tags in rows]


def _entries_by_rowid(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, Entry]:
    found: dict[int, Entry] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT docs.rowid, {ENTRY_COLUMNS} FROM docs WHERE docs.rowid IN ({marks})",
            chunk,
        )
        found.update((row[0], entry_from_row(row[1:])) for row in rows)
    return found


def snippets(
    connection: sqlite3.Connection, query: Query, rowids: list[int], words: int
) -> dict[int, tuple[Snippet, tuple[Span, ...]]]:
    """Per row: the body snippet, and the matches in the title."""
    if words <= 0 or not rowids:
        return {}
    expression = match_expression(query)
    found: dict[int, tuple[Snippet, tuple[Span, ...]]] = {}
    if expression is None:
        for rowid in rowids:
            row = connection.execute(
                "SELECT substr(body, 1, ?) FROM fts WHERE rowid = ?", (words * 20, rowid)
            ).fetchone()
            found[rowid] = (_lead(row[0] if row else "", words), ())
        return found
    # A long body's snippet is found part by part (snippet_of): FTS5's
    # own costs the square of the body's matches. CASE skips it there.
    statement = (
        "SELECT CASE WHEN length(body) <= ?6 THEN snippet(fts, 1, ?1, ?2, '…', ?3) END,"
        " highlight(fts, 0, ?1, ?2) FROM fts WHERE fts MATCH ?4 AND rowid = ?5"
    )
    size = max(1, min(words, 64))  # FTS5's limit
    for rowid in rowids:
        row = connection.execute(
            statement, (_OPEN, _CLOSE, size, expression, rowid, LONG_BODY)
        ).fetchone()
        if row is None:
            continue
        marked = row[0]
        if marked is None:
            marked = _long_snippet(connection, rowid, query, size)
        title = unmark(row[1], _OPEN, _CLOSE)
        found[rowid] = (unmark(marked, _OPEN, _CLOSE, squeeze=True), title.spans)
    return found


def _suggest(
    connection: sqlite3.Connection, query: Query, filters: FilterIds, words: Vocabulary
) -> tuple[str, ...]:
    from briefing.search.suggest import suggest

    if match_expression(query) is None:
        return ()

    def has_results(candidate: Query) -> bool:
        sql, params = _matching(candidate, filters)
        return connection.execute(f"SELECT EXISTS ({sql})", params).fetchone()[0] == 1

    return suggest(query, words(), has_results)


def snippet(connection: sqlite3.Connection, query: Query, article_id: str, words: int) -> Snippet:
    """The snippet of one article for ``query``."""
    row = connection.execute(
        "SELECT rowid FROM docs WHERE id = ? ORDER BY dup LIMIT 1", (article_id,)
    ).fetchone()
    found = snippets(connection, query, [row[0]] if row else [], words)
    return found.get(row[0] if row else -1, _NO_SNIPPET)[0]


def _long_snippet(connection: sqlite3.Connection, rowid: int, query: Query, size: int) -> str:
    from briefing.search.tokenizer import snippet_of

    expression = highlight_expression(query)
    row = connection.execute("SELECT body FROM fts WHERE rowid = ?", (rowid,)).fetchone()
    if expression is None or row is None:
        return ""
    return snippet_of(row[0], expression, _OPEN, _CLOSE, size) or ""


def _matching(query: Query, filters: FilterIds) -> tuple[str, list[Any]]:
    """SQL selecting (rowid, score) of every matching article (no order, no limit)."""
    expression = match_expression(query)
    params: list[Any] = []
    if expression is not None:
        sql = "SELECT fts.rowid, -fts.rank FROM fts WHERE fts MATCH ?"
        params.append(expression)
        column = "fts.rowid"
    else:
        sql = "SELECT docs.rowid, 0.0 FROM docs WHERE 1"
        column = "docs.rowid"
        exclusion = exclusion_expression(query)
        if exclusion is not None:
            sql += " AND docs.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
            params.append(exclusion)
    sql += f" AND {column} NOT IN (SELECT rowid FROM docs WHERE dup)"
    if filters.allowed is not None or filters.excluded:
        import json  # only filtered queries need it
    if filters.allowed is not None:
        sql += (
            f" AND {column} IN (SELECT rowid FROM docs"
            " WHERE id IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(sorted(filters.allowed)))
    if filters.excluded:
        sql += (
            f" AND {column} NOT IN (SELECT rowid FROM docs"
            " WHERE id IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(sorted(filters.excluded)))
    return sql, params
