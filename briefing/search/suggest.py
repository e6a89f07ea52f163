"""Close spellings from the index's own vocabulary, for a query that found nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from briefing.search.query import Query

__all__ = ["misspelt_words", "suggest", "vocabulary"]

MAX_SUGGESTIONS = 3
_CUTOFF = 78  # rapidfuzz ratio, 0-100: "harbr" -> "harbour" is 83, "forun" -> "for" 75


def vocabulary(connection: sqlite3.Connection) -> dict[str, int]:
    """Every word in the index with the number of articles it occurs in."""
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, fts, row)"
    )
    # As bytes: FTS5 cuts a token longer than 32 KB (a page of CJK text with
    # no spaces) inside a character; such a cut word is no spelling to suggest.
    words: dict[str, int] = {}
    for term, doc in connection.execute("SELECT CAST(term AS BLOB), doc FROM temp.fts_words"):
        try:
            words[term.decode("utf-8")] = doc
        except UnicodeDecodeError:
            continue
    return words


def misspelt_words(query: Query, words: dict[str, int]) -> list[str]:
    """The query's words (not prefixes) that occur nowhere in the index."""
    found = []
    for group in query.text_groups:
        for term in group:
            candidates = term.words[:-1] if term.prefix else term.words
            found += [w for w in candidates if w not in words and w not in found]
    return found


def _close_words(word: str, words: dict[str, int]) -> list[str]:
    from rapidfuzz import fuzz, process

    matches = process.extract(word, words.keys(), scorer=fuzz.ratio, limit=10, score_cutoff=_CUTOFF)
    # Best score first; among equals, the word more articles use.
    matches.sort(key=lambda m: (-round(m[1]), -words[m[0]], m[0]))
    return [m[0] for m in matches]


def suggest(
    query: Query, words: dict[str, int], has_results: Callable[[Query], bool]
) -> tuple[str, ...]:
    """Up to three corrected queries that do find something."""
    wrong = misspelt_words(query, words)
    if not wrong:
        return ()
    options = {w: _close_words(w, words) for w in wrong}
    if not all(options.values()):
        return ()
    suggestions: list[str] = []
    for choice in range(max(len(o) for o in options.values())):
        candidate = query
        for word, replacements in options.items():
            candidate = candidate.replacing(word, replacements[min(choice, len(replacements) - 1)])
        text = str(candidate)
        if text not in suggestions and has_results(candidate):
            suggestions.append(text)
            if len(suggestions) == MAX_SUGGESTIONS:
                break
    return tuple(suggestions)
