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
from briefing.search.reading import split_tags
from briefing.search.results import Entry, RefreshResult, SearchResults, Snippet, TagsByArticle

# Searching (query language, filters, snippets) and refreshing are imported
# where they are used: listing a library, opening an article and
# `bookmarks add` need neither.
if TYPE_CHECKING:
    from briefing.library.model import Article
    from briefing.search.query import Query
    from briefing.search.refresh import Progress

__all__ = ["DEFAULT_LIMIT", "SearchIndex", "SearchIndexError"]

DEFAULT_LIMIT = 20
SNIPPET_WORDS = 24
_T = TypeVar("_T")

ENTRY_COLUMNS = "docs.id, docs.title, docs.path, docs.source, docs.url, docs.published, \
docs.author, docs.tags, docs.words"


def entry_from_row(row: Sequence[Any]) -> Entry:
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
                from briefing.search.refresh import refresh

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
        from briefing.search.refresh import refresh

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
                rows = connection.execute(f"SELECT {ENTRY_COLUMNS} FROM docs WHERE NOT dup")
            else:
                # Library order in SQL: with the separator made char(1), which sorts
                # before anything a name holds, paths sort as their parts do.
                rows = connection.execute(
                    f"SELECT {ENTRY_COLUMNS} FROM docs WHERE NOT dup"
                    " ORDER BY replace(docs.path, ?, char(1)), docs.rowid LIMIT ?",
                    (os.sep, first),
                )
            entries = [entry_from_row(row) for row in rows]
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
                f"SELECT {ENTRY_COLUMNS}, fts.body FROM docs JOIN fts ON fts.rowid = docs.rowid"
                " WHERE docs.id = ? ORDER BY docs.dup LIMIT 1",
                (article_id,),
            ).fetchone()
            if row is None:
                return None
            entry = entry_from_row(row[:-1])
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
        from briefing.search import querying
        from briefing.search.query import parse_query

        if isinstance(query, str):
            query = parse_query(query)
        if query.is_empty:
            return SearchResults(query, (), 0, (), query.notices)
        parsed = query
        return self._run(
            lambda c: querying.search(
                c, parsed, limit, bookmarks, snippet_words, lambda: self._vocabulary(c)
            )
        )

    def snippet(self, query: str | Query, article_id: str, words: int = SNIPPET_WORDS) -> Snippet:
        """The snippet of one article for ``query`` (for rows a list shows later)."""
        from briefing.search import querying
        from briefing.search.query import parse_query

        parsed = parse_query(query) if isinstance(query, str) else query
        return self._run(lambda c: querying.snippet(c, parsed, article_id, words))

    def _vocabulary(self, connection: sqlite3.Connection) -> dict[str, int]:
        """The index's words and their counts (for suggestions), kept until it changes."""
        from briefing.search.suggest import vocabulary

        generation = self._database.generation
        if self._words is None or self._words[0] != generation:
            self._words = (generation, vocabulary(connection))
        return self._words[1]
