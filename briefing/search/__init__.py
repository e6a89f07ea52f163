"""Full-text search over a library: SQLite FTS5, BM25 ranking, no server.

The core knows nothing of terminals: results are plain records, and matches
are character spans for a user interface to style (see ``briefing.search.index``
for the index, ``briefing.search.query`` for the query language, and
``briefing.search.titles`` for the titles the reader's command palette scores).
"""

from __future__ import annotations

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
