"""The library as a reader browses it: a list of entries, articles on demand.

Backed by the search index (``briefing.search``), so a library of 10,000
articles lists in milliseconds without reading a file, and only new or
changed files are read again. If the index cannot be used (an unwritable
cache folder, say) the catalogue reads the files directly instead: slower,
but reading never depends on the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.library.load import (
    DEFAULT_MAX_BYTES,
    LibraryError,
    Problem,
    find_article_files,
    load_article_file,
)
from briefing.library.loaders import ArticleFormatError
from briefing.library.model import Article

if TYPE_CHECKING:
    from briefing.search import Entry, RefreshResult, SearchIndex, SearchResults

__all__ = ["Catalogue", "entry_of"]

Progress = Callable[[int, int], None]


def entry_of(article: Article) -> Entry:
    """The list entry of an article already in memory."""
    from briefing.search import Entry

    return Entry(
        article.id,
        article.title,
        str(article.path or ""),
        article.source,
        article.url,
        article.published,
        article.author,
        article.tags,
        article.words,
    )


class Catalogue:
    """Entries and articles of the library under ``paths``. Thread-safe."""

    def __init__(self, paths: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.paths = list(paths)
        self.max_bytes = max_bytes
        self.index: SearchIndex | None = None
        self.index_error: str | None = None
        self._loaded: dict[str, Article] = {}  # only without an index
        self._duplicates = 0  # only without an index

    def open(self) -> None:
        """Open the index (LibraryError if a path does not exist)."""
        from briefing.search import SearchIndex, SearchIndexError

        try:
            self.index = SearchIndex(self.paths, max_bytes=self.max_bytes)
            self.index.check()  # the file is usable now, not only on first use
        except SearchIndexError as error:
            self.index, self.index_error = None, str(error)

    def _index_failed(self, error: Exception) -> None:
        """Stop using the index (busy for too long, disk full…): read files instead."""
        self.index, self.index_error = None, str(error)

    def refresh(self, progress: Progress | None = None) -> RefreshResult:
        """Read what is new or changed (everything, without an index).

        If the index fails on the way, the catalogue carries on without it
        (``index_error`` says why) and reads the files directly.
        """
        if self.index is not None:
            from briefing.search import SearchIndexError

            try:
                result = self.index.refresh(progress)
            except SearchIndexError as error:
                self._index_failed(error)
            else:
                return result
        from briefing.search import RefreshResult

        files = find_article_files(self.paths)
        loaded: dict[str, Article] = {}
        failed: list[Problem] = []
        self._duplicates = 0
        for done, path in enumerate(files, 1):
            try:
                for article in load_article_file(path, self.max_bytes):
                    if article.id in loaded:
                        self._duplicates += 1
                    loaded.setdefault(article.id, article)
            except ArticleFormatError as error:
                failed.append(Problem(path, str(error)))
            if progress is not None and done % 200 == 0:
                progress(done, len(files))
        self._loaded = loaded
        # Without an index nothing is known from last time: every file is new.
        return RefreshResult(len(files), 0, 0, 0, tuple(failed))

    def duplicates(self) -> int:
        """Files that repeat an article already listed (never raises)."""
        if self.index is not None:
            from briefing.search import SearchIndexError

            try:
                return self.index.duplicates()
            except SearchIndexError:
                return 0
        return self._duplicates

    def entries(self, first: int | None = None) -> list[Entry]:
        """What the catalogue knows (``first``: only the first so many); never
        raises (an unusable index lists nothing until a refresh has read the files)."""
        if self.index is not None:
            from briefing.search import SearchIndexError

            try:
                return self.index.entries(first)
            except SearchIndexError as error:
                self._index_failed(error)
        return [entry_of(a) for a in list(self._loaded.values())[:first]]

    def article(self, article_id: str, path: Path | None = None) -> Article | None:
        """The whole article; from its file (``path``) if the index fails."""
        if self.index is not None:
            from briefing.search import SearchIndexError

            try:
                return self.index.article(article_id)
            except SearchIndexError:
                pass  # a busy index: the file itself will do
        found = self._loaded.get(article_id)
        if found is None and path is not None:
            try:
                found = next(
                    (a for a in load_article_file(path, self.max_bytes) if a.id == article_id),
                    None,
                )
            except (ArticleFormatError, OSError):
                return None
        return found

    def find(self, key: str) -> Article:
        """The article whose id is ``key`` or starts with it (unambiguously),
        after a refresh; LibraryError saying why not (as ``Library.find``)."""
        from briefing.library.load import match_id

        if self.index is not None:
            from briefing.search import SearchIndexError

            try:
                wanted = match_id(key, self.index.ids_starting(key))
                found = self.index.article(wanted)
            except SearchIndexError as error:
                self._index_failed(error)
            else:
                if found is None:  # pragma: no cover - removed between the two reads
                    raise LibraryError(f"no article with id {key.strip()!r}")
                return found
            self.refresh()  # without the index: read the files
        wanted = match_id(key, list(self._loaded))
        return self._loaded[wanted]

    def search(
        self, text: str, bookmarks: Mapping[str, Sequence[str]] | None, limit: int = 500
    ) -> SearchResults | None:
        """Ranked matches for text typed by the user; None without an index."""
        if self.index is None:
            return None
        from briefing.search import parse_query

        query = parse_query(text, as_you_type=True)
        return self.index.search(query, limit=limit, bookmarks=bookmarks)
