"""Writers for the concurrency and crash tests (run in other processes)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from briefing.bookmarks import Bookmark, BookmarkStore
from briefing.bookmarks.model import now_utc
from briefing.bookmarks.owners import Owner

WRITER = Owner("writer@example.org", "Writer")


def add_one(store: BookmarkStore, article_id: str) -> None:
    when = now_utc()
    entry = Bookmark(article_id, f"Article {article_id}", created=when, updated=when, tags=("t",))
    store.edit(article_id, lambda old: entry if old is None else old)


def add_many(path: str, prefix: str, count: int) -> None:
    store = BookmarkStore(Path(path), owner=WRITER)
    for number in range(count):
        add_one(store, f"{prefix}{number:04d}")


def add_forever(path: str, prefix: str, acks: Any) -> None:
    """Add bookmarks until killed, reporting each one after the write returned."""
    store = BookmarkStore(Path(path), owner=WRITER)
    number = 0
    while True:
        article_id = f"{prefix}{number:04d}"
        add_one(store, article_id)
        acks.send(article_id)
        number += 1


if __name__ == "__main__":
    add_many(sys.argv[1], sys.argv[2], int(sys.argv[3]))
