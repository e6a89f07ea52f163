"""Full-text search over a library: SQLite FTS5, BM25 ranking, no server.

The core knows nothing of terminals: results are plain records, and matches
are character spans for a user interface to style (see ``briefing.search.index``
for the index, ``briefing.search.query`` for the query language, and
``briefing.search.titles`` for the titles the reader's command palette scores).
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING

# The names below load their modules on first use (PEP 562): listing a
# library needs the index, not the query language, filters and snippets.
_HOMES = {
    "DEFAULT_LIMIT": "index",
    "Entry": "results",
    "Hit": "results",
    "Problem": "results",
    "Query": "query",
    "RefreshResult": "results",
    "SearchIndex": "index",
    "SearchIndexError": "database",
    "SearchResults": "results",
    "Snippet": "results",
    "Span": "results",
    "TagsByArticle": "results",
    "Term": "query",
    "match_spans": "snippets",
    "parse_query": "query",
}

if TYPE_CHECKING:
    from briefing.search.database import SearchIndexError
    from briefing.search.index import DEFAULT_LIMIT, SearchIndex
    from briefing.search.query import Query, Term, parse_query
    from briefing.search.results import (
        Entry,
        Hit,
        Problem,
        RefreshResult,
        SearchResults,
        Snippet,
        Span,
        TagsByArticle,
    )
    from briefing.search.snippets import match_spans

# Literal, for the tools that read it; a test keeps it equal to _HOMES.
__all__ = [
    "DEFAULT_LIMIT",
    "Entry",
    "Hit",
    "Problem",
    "Query",
    "RefreshResult",
    "SearchIndex",
    "SearchIndexError",
    "SearchResults",
    "Snippet",
    "Span",
    "TagsByArticle",
    "Term",
    "match_spans",
    "parse_query",
]

if not TYPE_CHECKING:  # a type checker sees the imports above, and flags a misspelt name

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value  # found once: later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
