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

__all__ = ["TOKENIZE", "free_markers", "highlight", "tokens", "tokens_many"]

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
    rows = connection.execute("SELECT doc, term FROM scratch_words ORDER BY doc, offset")
    for number, term in rows:
        found[number - 1].append(term)
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
