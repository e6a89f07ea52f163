"""The search index of a library: ranked full-text search, and its catalogue.

    index = SearchIndex([Path("articles")])
    index.refresh(progress=lambda done, total: ...)   # reads only changed files
    index.entries()                                    # every article, no file read
    index.search('harbour -strike', limit=20)          # ranked hits with snippets

Every method may be called from any thread (each thread gets its own SQLite
connection). A damaged or outdated index file is rebuilt from the articles
without a word; errors the user can act on (a busy or unwritable index)
raise SearchIndexError with one line to show.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.library.files import DEFAULT_MAX_BYTES, LibraryError
from briefing.search.database import (
    Database,
    SearchIndexError,
    default_cache_dir,
    index_file,
    is_damage,
    user_error,
)
from briefing.search.filters import FilterIds, filter_ids
from briefing.search.query import (
    Query,
    exclusion_expression,
    highlight_expression,
    match_expression,
    parse_query,
)
from briefing.search.refresh import Progress, refresh, split_tags
from briefing.search.results import (
    Entry,
    Hit,
    RefreshResult,
    SearchResults,
    Snippet,
    Span,
    TagsByArticle,
)
from briefing.search.snippets import unmark

if TYPE_CHECKING:
    from briefing.library.model import Article

__all__ = ["DEFAULT_LIMIT", "SearchIndex", "SearchIndexError"]

DEFAULT_LIMIT = 20
SNIPPET_WORDS = 24
_OPEN, _CLOSE = "\x02", "\x03"  # article text is sanitised: it never holds these
# Bodies longer than this (characters) get their snippets part by part.
LONG_BODY = 65_536
_NO_SNIPPET: tuple[Snippet, tuple[Span, ...]] = (Snippet(""), ())
_T = TypeVar("_T")

_ENTRY_COLUMNS = "docs.id, docs.title, docs.path, docs.source, docs.url, docs.published, \
docs.author, docs.tags, docs.words"


def _entry(row: Sequence[Any]) -> Entry:
    article_id, title, path, source, url, published, author, tags, words = row
    return Entry(
        article_id,
        title,
        path,
        source,
        url,
        published,
        author,
        split_tags(tags),
        words,
    )


def _lead(body: str, words: int) -> Snippet:
    """The first words of a body, for hits that no word matched (filters only)."""
    parts = body.split(maxsplit=words)
    text = " ".join(parts[:words])
    return Snippet(text + ("…" if len(parts) > words else ""))


class SearchIndex:
    """The index of the articles under ``paths`` (folders and files)."""

    def __init__(
        self,
        paths: Sequence[Path | str],
        *,
        cache_dir: Path | None = None,
        max_bytes: int | None = None,
    ) -> None:
        roots = []
        for path in paths:
            if not os.path.exists(path):
                raise LibraryError(f"no such file or folder: {path}")
            roots.append(Path(path).resolve())
        self.roots: tuple[Path, ...] = tuple(roots)
        self.max_bytes = max_bytes or DEFAULT_MAX_BYTES
        self.path = index_file(self.roots, cache_dir or default_cache_dir())
        self._database = Database(self.path)
        self._words: tuple[int, dict[str, int]] | None = None  # (generation, vocabulary)

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._database.close()

    def _run(self, action: Callable[[sqlite3.Connection], _T], *, refill: bool = True) -> _T:
        """Run ``action`` with this thread's connection, repairing a damaged file once."""
        database = self._database
        try:
            try:
                return action(database.connection())
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
            database.rebuild(damaged=True)
            if refill:
                refresh(database, self.roots, self.max_bytes)
            return action(database.connection())
        except sqlite3.Error as error:
            raise user_error(error, self.path) or error from None

    # The catalogue -------------------------------------------------------

    def refresh(self, progress: Progress | None = None, *, full: bool = False) -> RefreshResult:
        """Bring the index up to date: read new and changed files, drop removed ones.

        ``progress(done, total)`` is called as files are read (total: the files
        that need reading; never called when none do). Work is committed in
        batches, so an exception raised by ``progress`` stops the refresh and
        keeps what was done. Call it from a worker thread in a user interface.

        In a large library only folders whose names changed are listed, and
        only new and replaced files stat'ed; ``full`` stats every file, which
        also finds files rewritten in place (see ``briefing.search.scan``).
        """
        result = self._run(
            lambda _: refresh(self._database, self.roots, self.max_bytes, progress, full),
            refill=False,
        )
        if result.read or result.removed:
            self._words = None  # the vocabulary for suggestions has changed
        return result

    def check(self) -> None:
        """Open the file now (SearchIndexError if it cannot be used), at the
        cost of one row, not of the whole catalogue."""
        self._run(lambda connection: connection.execute("SELECT 1 FROM docs LIMIT 1").fetchall())

    def entries(self, first: int | None = None) -> list[Entry]:
        """Every article (one per distinct text), in library order, from the index
        alone; ``first``: only the first so many (a screenful of a big library)."""

        def read(connection: sqlite3.Connection) -> list[Entry]:
            if first is None:
                rows = connection.execute(f"SELECT {_ENTRY_COLUMNS} FROM docs WHERE NOT dup")
            else:
                # Library order in SQL: with the separator made char(1), which sorts
                # before anything a name holds, paths sort as their parts do.
                rows = connection.execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM docs WHERE NOT dup"
                    " ORDER BY replace(docs.path, ?, char(1)), docs.rowid LIMIT ?",
                    (os.sep, first),
                )
            entries = [_entry(row) for row in rows]
            entries.sort(key=lambda e: e.location.split(os.sep))  # as Paths sort
            return entries

        return self._run(read)

    def since(self, moment: float) -> list[tuple[str, str]]:
        """(id, path) of every article from ``moment`` (seconds since 1970) on,
        by its published time, else its file's modification time, in the
        index's order; asked of an index on those times, so the cost is that
        of the answer, not of the library."""
        return self._run(
            lambda connection: connection.execute(
                "SELECT id, path FROM docs WHERE NOT dup AND moment >= ? ORDER BY rowid",
                (math.floor(moment),),  # a superset: the caller compares exactly
            ).fetchall()
        )

    def duplicates(self) -> int:
        """Files whose article (the same text) another file already holds."""
        return self._run(
            lambda connection: connection.execute("SELECT count(*) FROM docs WHERE dup").fetchone()[
                0
            ]
        )

    def __len__(self) -> int:
        return self._run(
            lambda connection: connection.execute(
                "SELECT count(*) FROM docs WHERE NOT dup"
            ).fetchone()[0]
        )

    def ids_starting(self, prefix: str, limit: int = 6) -> list[str]:
        """Up to ``limit`` distinct article ids that start with ``prefix``
        (ids are lower-case hex, so the range below is exactly the prefix)."""
        prefix = prefix.strip().lower()

        def read(connection: sqlite3.Connection) -> list[str]:
            rows = connection.execute(
                "SELECT DISTINCT id FROM docs WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\uffff", limit),
            )
            return [row[0] for row in rows]

        return self._run(read)

    def article(self, article_id: str) -> Article | None:
        """The whole article, rebuilt from the index (exactly as its file loads)."""
        from briefing.library.model import Article

        def read(connection: sqlite3.Connection) -> Article | None:
            row = connection.execute(
                f"SELECT {_ENTRY_COLUMNS}, fts.body FROM docs JOIN fts ON fts.rowid = docs.rowid"
                " WHERE docs.id = ? ORDER BY docs.dup LIMIT 1",
                (article_id,),
            ).fetchone()
            if row is None:
                return None
            entry = _entry(row[:-1])
            return Article(
                title=entry.title,
                body=row[-1],
                path=entry.path,
                source=entry.source,
                url=entry.url,
                published=entry.published,
                author=entry.author,
                tags=entry.tags,
            )

        return self._run(read)

    # Search ----------------------------------------------------------------

    def search(
        self,
        query: str | Query,
        *,
        limit: int | None = DEFAULT_LIMIT,
        bookmarks: TagsByArticle | None = None,
        snippet_words: int = SNIPPET_WORDS,
    ) -> SearchResults:
        """The articles matching ``query``, best first, with snippets.

        ``bookmarks`` (article id -> its bookmark's tags) serves `is:bookmarked`
        and `tag:`; None means bookmarks are not available. ``limit`` None
        returns every match; ``snippet_words`` 0 skips snippets (faster for
        long lists). Never raises for any query text.
        """
        if isinstance(query, str):
            query = parse_query(query)
        if query.is_empty:
            return SearchResults(query, (), 0, (), query.notices)
        return self._run(lambda c: self._search(c, query, limit, bookmarks, snippet_words))

    def snippet(self, query: str | Query, article_id: str, words: int = SNIPPET_WORDS) -> Snippet:
        """The snippet of one article for ``query`` (for rows a list shows later)."""
        if isinstance(query, str):
            query = parse_query(query)

        def read(connection: sqlite3.Connection) -> Snippet:
            row = connection.execute(
                "SELECT rowid FROM docs WHERE id = ? ORDER BY dup LIMIT 1", (article_id,)
            ).fetchone()
            found = self._snippets(connection, query, [row[0]] if row else [], words)
            return found.get(row[0] if row else -1, _NO_SNIPPET)[0]

        return self._run(read)

    def _search(
        self,
        connection: sqlite3.Connection,
        query: Query,
        limit: int | None,
        bookmarks: TagsByArticle | None,
        snippet_words: int,
    ) -> SearchResults:
        filters = filter_ids(query, bookmarks, lambda: self._article_tags(connection))
        notices = query.notices + filters.notices
        if filters.allowed is not None and not filters.allowed:
            return SearchResults(query, (), 0, (), notices)
        sql, params = _matching(query, filters)
        total = connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        if not total:
            suggestions = self._suggest(connection, query, filters)
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
        entries = self._entries_by_rowid(connection, rowids)
        snippets = self._snippets(connection, query, rowids, snippet_words)
        # A refresh in another process may have removed a row since the
        # ranking: that article is gone, so it is left out, not looked up.
        hits = tuple(
            Hit(entries[rowid], float(f"{score:.6g}"), *snippets.get(rowid, _NO_SNIPPET))
            for rowid, score in ranked
            if rowid in entries
        )
        return SearchResults(query, hits, total, (), notices)

    @staticmethod
    def _article_tags(connection: sqlite3.Connection) -> list[tuple[str, tuple[str, ...]]]:
        """(id, folded front-matter tags) of every article that has tags."""
        rows = connection.execute(
            "SELECT id, folded_tags FROM docs WHERE folded_tags != '' AND NOT dup"
        )
        return [(article_id, split_tags(tags)) for article_id, tags in rows]

    @staticmethod
    def _entries_by_rowid(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, Entry]:
        found: dict[int, Entry] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT docs.rowid, {_ENTRY_COLUMNS} FROM docs WHERE docs.rowid IN ({marks})",
                chunk,
            )
            found.update((row[0], _entry(row[1:])) for row in rows)
        return found

    @staticmethod
    def _snippets(
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
        self, connection: sqlite3.Connection, query: Query, filters: FilterIds
    ) -> tuple[str, ...]:
        from briefing.search.suggest import suggest, vocabulary

        if match_expression(query) is None:
            return ()
        generation = self._database.generation
        if self._words is None or self._words[0] != generation:
            self._words = (generation, vocabulary(connection))

        def has_results(candidate: Query) -> bool:
            sql, params = _matching(candidate, filters)
            return connection.execute(f"SELECT EXISTS ({sql})", params).fetchone()[0] == 1

        return suggest(query, self._words[1], has_results)


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
