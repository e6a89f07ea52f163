"""What the index gives back: catalogue entries, hits, snippets, refresh counts.

Plain immutable records (named tuples: cheap to import and to make by the
ten thousand), safe to hand from a worker thread to a user interface.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.library.files import Problem

if TYPE_CHECKING:
    from briefing.search.query import Query

__all__ = [
    "Entry",
    "Hit",
    "Problem",
    "RefreshResult",
    "SearchResults",
    "Snippet",
    "Span",
    "TagsByArticle",
]

# A match in a text: text[start:end], in characters (code points).
Span = tuple[int, int]
# Article id -> the tags of its bookmark (every key is a bookmarked article).
# Not a bookmark collection (that is ``briefing.bookmarks.Bookmarks``): only
# what search's ``tag:`` and ``is:bookmarked`` filters need.
TagsByArticle = Mapping[str, Collection[str]]


class Entry(NamedTuple):
    """One article of the library, as the index knows it (no file read)."""

    id: str
    title: str
    location: str  # the file's absolute path; ``path`` gives it as a Path
    source: str | None
    url: str | None
    published: str | None
    author: str | None
    tags: tuple[str, ...]
    words: int

    @property
    def path(self) -> Path:
        # Made on demand: a Path costs more to build than the rest of an entry,
        # and a list of 10,000 entries rarely needs one.
        return Path(self.location)

    @property
    def display_source(self) -> str:
        """The article's origin: its source, else its file name (as Article has it)."""
        from briefing.library.files import path_text

        return self.source or path_text(os.path.basename(self.location))


class Snippet(NamedTuple):
    """A short passage with its matches: plain text plus spans, never markup."""

    text: str
    spans: tuple[Span, ...] = ()


class Hit(NamedTuple):
    entry: Entry
    score: float  # higher is better (BM25, title matches weigh most); 0 for filter-only queries
    snippet: Snippet
    title_spans: tuple[Span, ...] = ()  # the matches in entry.title


class SearchResults(NamedTuple):
    query: Query
    hits: tuple[Hit, ...]
    total: int  # matching articles, before the limit
    suggestions: tuple[str, ...] = ()  # other queries that do match, when none did
    notices: tuple[str, ...] = ()  # one-line remarks about the query, for the user


class RefreshResult(NamedTuple):
    """What a refresh of the library did, and the files it could not read."""

    added: int
    changed: int
    removed: int
    unchanged: int
    problems: tuple[Problem, ...] = ()
    # Files read in this refresh that loaded with something left out (Article.notes).
    warnings: tuple[Problem, ...] = ()

    @property
    def read(self) -> int:
        """Files read in this refresh: only added and changed ones."""
        return self.added + self.changed
