"""The index's own tokenizer, applied to any text.

Queries, tags and match highlighting must split and fold words exactly as
the index does. FTS5's ``unicode61`` tokenizer has tables of its own (it folds
"é" to "e" but keeps "ß" and "ø", and splits "x_y" in two), so rather than
imitate it in Python we ask FTS5 itself, in a small in-memory database that
each thread gets for itself.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["TOKENIZE", "free_markers", "highlight", "snippet_of", "tokens", "tokens_many"]

# The tokenizer of every FTS5 table briefing makes: case- and accent-insensitive.
TOKENIZE = "unicode61 remove_diacritics 2"


class _Scratch(threading.local):
    connection: sqlite3.Connection | None = None


_scratch = _Scratch()


def _connection() -> sqlite3.Connection:
    connection = _scratch.connection
    if connection is None:
        connection = sqlite3.connect(":memory:", isolation_level=None)
        connection.execute(f"CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize='{TOKENIZE}')")
        connection.execute("CREATE VIRTUAL TABLE scratch_words USING fts5vocab(scratch, instance)")
        _scratch.connection = connection
    return connection


def _load(connection: sqlite3.Connection, texts: Iterable[str]) -> None:
    connection.execute("DELETE FROM scratch")
    connection.executemany(
        "INSERT INTO scratch(rowid, text) VALUES (?, ?)", enumerate(texts, start=1)
    )


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the index stores them: folded, in order."""
    return tokens_many([text])[0]


def tokens_many(texts: Sequence[str]) -> list[list[str]]:
    """``tokens`` of each text, in one go (for many short texts, such as tags)."""
    connection = _connection()
    _load(connection, texts)
    found: list[list[str]] = [[] for _ in texts]
    # As bytes: FTS5 cuts a token longer than 32 KB (a page of CJK text with
    # no spaces) inside a character, and SQLite would refuse to decode it.
    rows = connection.execute(
        "SELECT doc, CAST(term AS BLOB) FROM scratch_words ORDER BY doc, offset"
    )
    for number, term in rows:
        found[number - 1].append(term.decode("utf-8", errors="replace"))
    return found


def free_markers(text: str) -> tuple[str, str]:
    """Two characters that do not occur in ``text``, to mark matches with."""
    candidates: Iterator[int] = iter(range(0xE000, 0xF8FF, 2))  # private use area
    for low in (0x02, *candidates):
        opening, closing = chr(low), chr(low + 1)
        if opening not in text and closing not in text:
            return opening, closing
    raise ValueError("no free marker characters")  # needs thousands of private-use characters


def highlight(text: str, expression: str, opening: str, closing: str) -> str | None:
    """``text`` with every match of the FTS5 ``expression`` wrapped in the markers.

    None when the text does not match the expression at all.
    """
    connection = _connection()
    _load(connection, [text])
    row = connection.execute(
        "SELECT highlight(scratch, 0, ?, ?) FROM scratch WHERE scratch MATCH ?",
        (opening, closing, expression),
    ).fetchone()
    return row[0] if row else None


def snippet_of(
    text: str, expression: str, opening: str, closing: str, words: int, window: int = 32_768
) -> str | None:
    """FTS5's snippet of the first part of ``text`` (up to ``window`` characters,
    cut at a space) that matches ``expression``; None when no part does.

    For long texts: FTS5's snippet() compares every match with every other, so
    it takes the square of the matches in the whole text (a megabyte of text
    took 4 s, five megabytes minutes). Part by part it is linear.
    """
    connection = _connection()
    start = 0
    while start < len(text):
        end = min(len(text), start + window)
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut if cut > start else end
        _load(connection, [text[start:end]])
        row = connection.execute(
            "SELECT snippet(scratch, 0, ?, ?, '…', ?) FROM scratch WHERE scratch MATCH ?",
            (opening, closing, words, expression),
        ).fetchone()
        if row is not None:
            return row[0] if start == 0 or row[0].startswith("…") else "…" + row[0]
        start = end
    return None
