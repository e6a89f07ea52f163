"""`tag:`, `is:bookmarked` and `bookmarked:NAME`: which articles a query's
filters let through.

Tags come from two places: an article's own front matter (in the index) and
its bookmark (passed in by the caller, article id -> tags, so that the index
needs no knowledge of where bookmarks are kept). Both are compared folded,
as words are: `tag:Climate-Change` finds the tag "climate change".
`bookmarked:NAME` needs other people's bookmarks: the caller's mapping may
carry them as ``people`` (a name or id -> article ids), and their tags, which
`tag:` also finds, as ``others_tags`` (article id -> tags).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import NamedTuple

from briefing.search.query import BOOKMARKED, Query, Term
from briefing.search.results import TagsByArticle
from briefing.search.tokenizer import tokens_many

__all__ = ["FilterIds", "filter_ids"]


class FilterIds(NamedTuple):
    allowed: set[str] | None  # None: no restriction
    excluded: set[str]
    notices: tuple[str, ...]


def _tag_fits(term: Term, tag_words: tuple[str, ...]) -> bool:
    wanted = term.words
    if not term.prefix:
        return tag_words == wanted
    if len(tag_words) < len(wanted):
        return False
    *whole, last = wanted
    return tuple(tag_words[: len(whole)]) == tuple(whole) and tag_words[len(whole)].startswith(last)


def _people_ids(bookmarks: object, words: tuple[str, ...]) -> set[str] | None:
    """The articles bookmarked by the person whose name or id is ``words``
    (folded), or starts with them; None if nobody is."""
    people: Mapping[str, Collection[str]] = getattr(bookmarks, "people", None) or {}
    labels = sorted(people)
    folded = dict(zip(labels, map(tuple, tokens_many(labels)), strict=True))
    exact = [label for label in labels if folded[label] == words]
    chosen = exact or [label for label in labels if folded[label][: len(words)] == words]
    if not chosen:
        return None
    return set().union(*(people[label] for label in chosen))


def filter_ids(
    query: Query,
    bookmarks: TagsByArticle | None,
    article_tags: Callable[[], Iterable[tuple[str, Iterable[str]]]],
) -> FilterIds:
    """The ids the query's filter groups allow and exclude.

    ``article_tags`` gives (article id, its front-matter tags already folded,
    words joined by spaces); it is only called when the query has a tag filter.
    """
    groups = query.filter_groups
    if not groups:
        return FilterIds(None, set(), ())
    notices = []
    marks: TagsByArticle = bookmarks or {}
    if any(t.kind == BOOKMARKED and not t.words for g in groups for t in g) and not marks:
        notices.append(
            "there are no bookmarks yet"
            if bookmarks is not None
            else "bookmarks are not available here"
        )
    tagged: list[tuple[str, list[tuple[str, ...]]]] | None = None

    def all_tags() -> list[tuple[str, list[tuple[str, ...]]]]:
        nonlocal tagged
        if tagged is None:
            # Tags of other people's bookmarks count too (`tag:` is any tag).
            theirs: Mapping[str, Collection[str]] = getattr(bookmarks, "others_tags", None) or {}
            every = [*marks.items(), *theirs.items()]
            names = sorted({tag for _, tags in every for tag in tags})
            folded = dict(zip(names, map(tuple, tokens_many(names)), strict=True))
            tagged = [(i, [folded[t] for t in tags]) for i, tags in every if tags]
            tagged += [(i, [tuple(t.split(" ")) for t in tags]) for i, tags in article_tags()]
        return tagged

    def ids_for(term: Term) -> set[str]:
        if term.kind == BOOKMARKED and term.words:
            found = _people_ids(bookmarks, term.words)
            if found is None:
                notices.append(f"nobody called {' '.join(term.words)} has bookmarks here")
            return found or set()
        if term.kind == BOOKMARKED:
            return set(marks)
        return {i for i, tags in all_tags() if any(_tag_fits(term, tag) for tag in tags)}

    allowed: set[str] | None = None
    excluded: set[str] = set()
    for group in groups:
        ids = set().union(*(ids_for(term) for term in group))
        if group[0].negated:
            excluded |= ids
        else:
            allowed = ids if allowed is None else allowed & ids
    return FilterIds(allowed, excluded, tuple(notices))
