"""Matches as character spans: for snippets and for highlighting a full text.

FTS5 marks matches by inserting marker strings; here those markers are turned
into plain text plus (start, end) spans, so that a user interface styles the
spans itself and article text is never read as markup.
"""

from __future__ import annotations

import re

from briefing.search.query import Query, highlight_expression
from briefing.search.results import Snippet, Span
from briefing.search.tokenizer import free_markers, highlight

__all__ = ["match_spans", "unmark"]

_SPACE = re.compile(r"\s+")


def unmark(marked: str, opening: str, closing: str, *, squeeze: bool = False) -> Snippet:
    """Split text with match markers into the text and the spans they marked.

    With ``squeeze``, runs of whitespace (paragraph breaks in a snippet)
    become one space, the spans moving with the text.
    """
    markers = f"{re.escape(opening)}|{re.escape(closing)}"
    pattern = re.compile(markers + (r"|\s+" if squeeze else ""))
    out: list[str] = []
    length = 0
    spans: list[Span] = []
    start: int | None = None
    position = 0
    for found in pattern.finditer(marked):
        piece = marked[position : found.start()]
        out.append(piece)
        length += len(piece)
        token = found.group()
        if token == opening:
            start = length
        elif token == closing:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            out.append(" ")
            length += 1
        position = found.end()
    out.append(marked[position:])
    return Snippet("".join(out), tuple(spans))


def match_spans(query: Query, text: str) -> list[Span]:
    """Where the query's words and phrases occur in ``text``, in order.

    Folds case and accents exactly as the index does (it is the index's
    tokenizer that finds them). Excluded words are not matches; a phrase is
    one span; a prefix term matches whole words. ``text[start:end]`` is
    each match, so a reader can highlight them and jump between them.
    """
    expression = highlight_expression(query)
    if expression is None or not text:
        return []
    opening, closing = free_markers(text)
    marked = highlight(text, expression, opening, closing)
    if marked is None:
        return []
    return list(unmark(marked, opening, closing).spans)
