"""Which articles the user has opened, remembered across sessions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from briefing.storage.fsutil import atomic_write_text

__all__ = ["ReadState"]

# Enough for years of reading; the oldest marks fall off first.
MAX_ENTRIES = 50_000


class ReadState:
    """A set of article ids, kept in a small JSON file.

    Saving merges with what is on disk, so two readers open at once both keep
    their marks. A damaged file is treated as empty and replaced: read marks
    are a convenience, not data the user wrote.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ids: dict[str, None] = dict.fromkeys(self._read())
        # Marked unread since the last save: the merge must not bring them back.
        self._unread: set[str] = set()

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        ids = data.get("read") if isinstance(data, dict) else None
        return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._ids

    def mark(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            self._ids.pop(article_id, None)
            self._ids[article_id] = None
            self._unread.discard(article_id)
        while len(self._ids) > MAX_ENTRIES:
            del self._ids[next(iter(self._ids))]

    def unmark(self, article_ids: Iterable[str]) -> None:
        """Mark unread again."""
        for article_id in article_ids:
            self._ids.pop(article_id, None)
            self._unread.add(article_id)

    def save(self) -> None:
        """Write the marks (merged with the file's). Safe from a worker thread:
        it reads a copy of the marks and never replaces them."""
        unread = set(self._unread)
        merged = dict.fromkeys(i for i in self._read() if i not in unread)
        merged.update(dict(self._ids))
        ids = list(merged)[-MAX_ENTRIES:]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps({"read": ids}, indent=0) + "\n")
