"""The search query language, and its translation into safe FTS5 expressions.

    harbour port          articles with both words (anywhere)
    "port expansion"      the exact phrase
    harb*                 a word starting with "harb"
    port OR harbour       either word (OR binds tighter than the implicit AND)
    -strike               articles without the word (also -"a phrase", -title:x)
    title:port            the word in the title (source: likewise)
    tag:shipping          a tag from the article's front matter or a bookmark
    is:bookmarked         articles you bookmarked
    bookmarked:bea        articles someone else (by name or id) bookmarked

A query is user input, so it is never handed to FTS5 as syntax: each term
reaches FTS5 as a quoted string of the words the index's own tokenizer finds
in it, and everything else (stray quotes, lone OR or "-", "*" alone, FTS5's
own operators such as NEAR( or column:) is read literally or left out, with a
one-line notice where the user would wonder.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.library.text import sanitise
from briefing.search.tokenizer import tokens

__all__ = [
    "BOOKMARKED",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "TAG",
    "TEXT",
    "Query",
    "Term",
    "exclusion_expression",
    "highlight_expression",
    "match_expression",
    "parse_query",
]

TEXT, TAG, BOOKMARKED = "text", "tag", "bookmarked"
TEXT_FIELDS = ("title", "source")
MAX_QUERY_CHARS = 1_000
# Far more than anyone types, and far from FTS5's expression depth limit.
MAX_QUERY_TERMS = 32

_ITEM = re.compile(
    r"""
    (?P<minus>-(?=\S))?
    (?:(?P<field>[^\W\d_]+):(?=\S))?
    (?:
        "(?P<phrase>[^"]*)(?P<closed>")?(?P<star>\*+)?
      | (?P<bare>\S+)
    )
    """,
    re.X,
)
_SPACE = re.compile(r"\s+")


class Term(NamedTuple):
    """One thing the user asked for: words, a tag, or the bookmarked filter."""

    kind: str  # TEXT, TAG or BOOKMARKED
    words: tuple[str, ...] = ()  # folded as the index folds them
    field: str | None = None  # "title" or "source" for a text term, else None
    prefix: bool = False  # the last word is a prefix ("harb*")
    negated: bool = False  # "-term": articles without it
    quoted: bool = False

    @property
    def is_filter(self) -> bool:
        return self.kind != TEXT

    def __str__(self) -> str:
        """The term in query syntax (words folded)."""
        sign = "-" if self.negated else ""
        if self.kind == BOOKMARKED:
            if not self.words:
                return f"{sign}is:bookmarked"
            name = " ".join(self.words)
            return f"{sign}bookmarked:" + (f'"{name}"' if len(self.words) > 1 else name)
        text = " ".join(self.words)
        if self.quoted or len(self.words) > 1:
            text = f'"{text}"'
        if self.prefix:
            text += "*"
        field = "tag" if self.kind == TAG else self.field
        return f"{sign}{field}:{text}" if field else f"{sign}{text}"


class Query(NamedTuple):
    """A parsed query: every group must match; a group matches if any term does."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    notices: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.groups for term in group)

    @property
    def text_groups(self) -> tuple[tuple[Term, ...], ...]:
        """Groups of positive text terms: what FTS5 must match."""
        return tuple(g for g in self.groups if g[0].kind == TEXT and not g[0].negated)

    @property
    def excluded_text(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.kind == TEXT and t.negated)

    @property
    def filter_groups(self) -> tuple[tuple[Term, ...], ...]:
        return tuple(g for g in self.groups if g[0].is_filter)

    def __str__(self) -> str:
        return " ".join(" OR ".join(str(t) for t in group) for group in self.groups)

    def replacing(self, old: str, new: str) -> Query:
        """The same query with the folded word ``old`` replaced by ``new``."""

        def swap(term: Term) -> Term:
            if term.kind != TEXT or old not in term.words:
                return term
            return term._replace(words=tuple(new if w == old else w for w in term.words))

        groups = tuple(tuple(swap(t) for t in g) for g in self.groups)
        return Query(str(Query("", groups)), groups)


def _phrase(term: Term) -> str:
    words = " ".join(term.words).replace('"', '""')
    phrase = f'"{words}"' + (" *" if term.prefix else "")
    return f"{term.field} : {phrase}" if term.field else phrase


def _any_of(terms: tuple[Term, ...]) -> str:
    if len(terms) == 1:
        return _phrase(terms[0])
    return "(" + " OR ".join(_phrase(t) for t in terms) + ")"


def match_expression(query: Query) -> str | None:
    """The FTS5 expression for the query's text terms, exclusions included.

    None when the query has no positive text term (FTS5 cannot match "not
    x" alone; the index handles such queries itself).
    """
    groups = query.text_groups
    if not groups:
        return None
    expression = " AND ".join(_any_of(g) for g in groups)
    excluded = query.excluded_text
    if excluded:
        expression = f"({expression}) NOT {_any_of(excluded)}"
    return expression


def exclusion_expression(query: Query) -> str | None:
    """An FTS5 expression for everything the query excludes, or None."""
    excluded = query.excluded_text
    return _any_of(excluded) if excluded else None


def highlight_expression(query: Query) -> str | None:
    """Any positive word or phrase of the query, in any field: what to highlight.

    Source terms name a publication, not words of the text, so they are left out.
    """
    terms = tuple(
        t._replace(field=None) for group in query.text_groups for t in group if t.field != "source"
    )
    return _any_of(terms) if terms else None


class _Parser:
    def __init__(self) -> None:
        self.notices: list[str] = []

    def note(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def items(self, text: str) -> list[Term | str]:
        """Terms and the operator "OR", in order."""
        items: list[Term | str] = []
        position = 0
        while True:
            space = _SPACE.match(text, position)
            if space:
                position = space.end()
            if position >= len(text):
                return items
            match = _ITEM.match(text, position)
            assert match is not None  # a non-space character always matches `bare`
            position = match.end()
            item = self.item(match)
            if item is not None:
                items.append(item)

    def item(self, match: re.Match[str]) -> Term | str | None:
        negated = match["minus"] is not None
        field = match["field"].casefold() if match["field"] else None
        bare = match["bare"]
        if bare in ("OR", "AND") and not negated and field is None:
            return bare
        if match["phrase"] is not None:
            if match["closed"] is None:
                self.note("added the missing closing quote")
            value, prefix, quoted = match["phrase"], bool(match["star"]), True
        else:
            value, prefix, quoted = bare.rstrip("*"), bare.endswith("*"), False
        if field == "is":
            if value.casefold() in ("bookmarked", "bookmark"):
                return Term(BOOKMARKED, negated=negated)
            self.note(f"is:{value} is not a filter (try is:bookmarked); searched for it as text")
            field = None
            value = match.group(0).removeprefix("-")
        elif field == "bookmarked":
            person = tuple(tokens(value))
            return Term(BOOKMARKED, person, negated=negated) if person else None
        elif field is not None and field not in (*TEXT_FIELDS, "tag"):
            # Not one of ours ("body:x", "http://…"): the whole thing is text.
            field = None
            value, prefix = match.group(0).removeprefix("-").rstrip("*"), prefix
        words = tuple(tokens(value))
        if not words:
            return None
        if field == "tag":
            return Term(TAG, words, prefix=prefix, negated=negated, quoted=quoted)
        return Term(TEXT, words, field, prefix, negated, quoted)

    def groups(self, items: list[Term | str]) -> tuple[tuple[Term, ...], ...]:
        groups: list[list[Term]] = []
        pending_or = False
        for item in items:
            if item == "AND":
                continue
            if item == "OR":
                if pending_or or not groups:
                    self.note("OR needs a search term on each side; ignored it")
                pending_or = bool(groups)
                continue
            assert isinstance(item, Term)
            if pending_or and _joinable(groups[-1][-1], item):
                groups[-1].append(item)
            else:
                if pending_or:
                    self.note(
                        "OR joins two words, phrases or filters of a kind, "
                        "none excluded; ignored it"
                    )
                groups.append([item])
            pending_or = False
        if pending_or:
            self.note("OR needs a search term on each side; ignored it")
        return tuple(tuple(g) for g in groups)


def _joinable(left: Term, right: Term) -> bool:
    return not (left.negated or right.negated) and left.is_filter == right.is_filter


def parse_query(text: str, *, as_you_type: bool = False) -> Query:
    """Parse what the user typed. Never raises; see the module docstring.

    With ``as_you_type``, a last word still being typed (no space after it
    yet) counts as a prefix: "harb" finds "harbour"; a lone first letter waits
    for the next one (every word starting with it would match, slowly).
    """
    parser = _Parser()
    clean = sanitise(text)
    if len(clean) > MAX_QUERY_CHARS:
        clean = clean[:MAX_QUERY_CHARS]
        parser.note(f"the query was cut to its first {MAX_QUERY_CHARS:,} characters")
    items = parser.items(clean)
    terms = [i for i in items if isinstance(i, Term)]
    if len(terms) > MAX_QUERY_TERMS:
        last_kept = terms[MAX_QUERY_TERMS - 1]
        items = items[: items.index(last_kept) + 1]
        parser.note(f"the query was cut to its first {MAX_QUERY_TERMS} terms")
    if as_you_type and items and not text[-1:].isspace() and not clean.endswith('"'):
        last = items[-1]
        if isinstance(last, Term) and last.kind != BOOKMARKED:
            if len(last.words[-1]) >= 2:
                items[-1] = last._replace(prefix=True)
            elif len(last.words) == 1 and not last.quoted:
                items.pop()
    groups = parser.groups(items)
    return Query(text, groups, tuple(parser.notices))
